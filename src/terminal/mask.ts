/**
 * Contact details kept out of logs: console and log lines end up in CI systems
 * and chat, where nobody meant to publish an address book. Emails keep their
 * first letter and domain (`t***@example.com`), phones their first and last
 * digits (`86-139****5678`): enough to tell which row a line is about. The
 * report files keep full values; `--show-pii` shows them on the console too.
 */

const EMAIL = /([A-Za-z0-9!#$%&'*+/=?^_`{|}~.-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]*@(?=[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;

/** A mainland mobile in any of the ways people write one: `+86 139 1234 5678`, `86-13912345678`, `13912345678`. */
const MOBILE = /(?<![\d.])(?:(?:\+|00)?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)/g;

/** Any other run of 7–15 digits (a phone from elsewhere, a broken one); longer runs are account IDs, not phones. */
const DIGITS = /(?<![\w.-])\d{7,15}(?![\w-])/g;

export function maskEmail(text: string): string {
  return text.replace(EMAIL, '$1***@');
}

/** Masks the four digits before the last four: `86-13912345678` → `86-139****5678`. */
export function maskPhone(text: string): string {
  const digits = [...text].filter((c) => c >= '0' && c <= '9').length;
  let seen = 0;
  return [...text]
    .map((c) => {
      if (c < '0' || c > '9') return c;
      seen++;
      return seen > digits - 8 && seen <= digits - 4 ? '*' : c;
    })
    .join('');
}

/** A log line with every email and phone in it masked. */
export function maskPii(line: string): string {
  return maskEmail(line).replace(MOBILE, maskPhone).replace(DIGITS, maskPhone);
}
