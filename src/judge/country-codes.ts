/**
 * Country calling codes (ITU-T E.164), to split an international number into
 * its country code and the rest: `+852 9123 4567` is 852, not 85.
 *
 * The codes are a prefix code: 1 and 7 are the only one-digit codes, a number
 * that starts with one of the two-digit codes below has that code, and every
 * other code is three digits long (assigned or spare). So the two-digit list
 * is all the table that is needed.
 */
const TWO_DIGIT_CODES = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(' '),
);

/** The country calling code an international number (digits only, without `+` or `00`) starts with. */
export function countryCallingCode(digits: string): string {
  if (digits.startsWith('1') || digits.startsWith('7')) return digits.slice(0, 1);
  if (TWO_DIGIT_CODES.has(digits.slice(0, 2))) return digits.slice(0, 2);
  return digits.slice(0, 3);
}
