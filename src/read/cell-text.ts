/**
 * What an XLSX cell holds, turned into the text a person sees in it.
 *
 * Every contact field is text, so a cell becomes a string, except two things a
 * text field cannot honestly take: a date (Excel stores a number and shows a
 * date; which text was meant is a guess) and an error value such as #N/A. Those
 * come back as an OddCell for validation to report as a row problem; so does the
 * text of an error value, as Excel writes it to a CSV.
 */
import { say } from '../i18n/text.js';
import type { NumberFormat } from './number-formats.js';
import type { Cell, OddCell } from './types.js';

/**
 * A cell's value as the worksheet stores it (`<v>`, or the text of `<is>`),
 * turned into text by its type (`t="…"`) and its style's number format. Shared
 * strings (`t="s"`) are looked up by the worksheet reader before this.
 */
export function cellText(type: string | undefined, stored: string, format: NumberFormat, date1904: boolean): Cell {
  switch (type) {
    case 'str':
    case 'inlineStr':
    case 's':
      return stored;
    case 'b':
      return ['0', 'false', ''].includes(stored.trim().toLowerCase()) ? 'FALSE' : 'TRUE';
    case 'e':
      return { kind: 'error', shown: stored.trim() };
    case 'd':
      return isoDateCell(stored.trim());
    default:
      return numberCell(stored.trim(), format, date1904);
  }
}

function numberCell(stored: string, format: NumberFormat, date1904: boolean): Cell {
  const value = stored === '' ? Number.NaN : Number(stored);
  // An empty or garbled <v>: there is nothing to show.
  if (!Number.isFinite(value)) return '';
  if (format.date) return serialDateCell(value, date1904);
  return scientificFormat(format.code, value) ?? numberToText(value);
}

/**
 * Excel's formula errors, as a cell shows them and as "Save as CSV" writes them:
 * the classic seven and the newer ones (dynamic arrays, data types, Python).
 */
const FORMULA_ERRORS: ReadonlySet<string> = new Set(
  '#NULL! #DIV/0! #VALUE! #REF! #NAME? #NUM! #N/A #GETTING_DATA #SPILL! #CALC! #FIELD! #BLOCKED! #CONNECT! #BUSY! #UNKNOWN! #PYTHON!'.split(' '),
);

/** A text cell that is a formula error exported as text (`#DIV/0!` in a CSV), or undefined for any other text. */
export function exportedFormulaError(text: string): OddCell | undefined {
  // Cheap checks first: this looks at every picked cell of every row.
  if (text.length > 20 || !text.includes('#')) return undefined;
  const shown = text.trim();
  return FORMULA_ERRORS.has(shown) ? { kind: 'error-text', shown } : undefined;
}

/**
 * The address of a `mailto:` link (`mailto:ann@example.com?subject=Hi` → `ann@example.com`),
 * or undefined when the target is not a mailto link.
 */
export function mailtoAddress(target: unknown): string | undefined {
  if (typeof target !== 'string') return undefined;
  const match = /^\s*mailto:([^?#]*)/i.exec(target);
  if (!match) return undefined;
  const address = match[1] ?? '';
  try {
    return decodeURIComponent(address).trim();
  } catch {
    return address.trim(); // a stray % that is not an escape: keep what was written
  }
}

/** The digits a number is, never an exponent: 13912345678 → "13912345678", 1e21 → "1000000000000000000000". */
export function numberToText(value: number): string {
  if (!Number.isFinite(value)) return '';
  const shortest = String(value);
  return shortest.includes('e') ? expandExponent(shortest) : shortest;
}

/**
 * A date serial (days since 1899-12-30, or since 1904-01-01 in a 1904 workbook)
 * as the date the cell shows.
 */
export function serialDateCell(serial: number, date1904: boolean): Cell {
  return dateCell((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
}

/** `t="d"`: an ISO 8601 date, a wall-clock time without a zone. */
function isoDateCell(stored: string): Cell {
  const zoned = /(?:Z|[+-]\d\d:?\d\d)$/i.test(stored) || !stored.includes('T') ? stored : `${stored}Z`;
  return dateCell(Date.parse(zoned));
}

/** The wall clock at `time` (milliseconds, read as UTC) as the cell shows it. */
function dateCell(time: number): Cell {
  if (Number.isNaN(time)) return { kind: 'date', shown: say('read.cell.invalidDate') };
  // Serials are fractions of a day; round away the float noise below a second.
  const at = new Date(Math.round(time / 1000) * 1000);
  const day = `${pad(at.getUTCFullYear(), 4)}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
  const hours = at.getUTCHours();
  const minutes = at.getUTCMinutes();
  const seconds = at.getUTCSeconds();
  if (hours === 0 && minutes === 0 && seconds === 0) return { kind: 'date', shown: day };
  const clock = `${pad(hours)}:${pad(minutes)}${seconds === 0 ? '' : `:${pad(seconds)}`}`;
  return { kind: 'date', shown: `${day} ${clock}` };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/**
 * "1.5e-7" → "0.00000015", "1.2345e+25" → "12345000000000000000000000": the same
 * significant digits as String(), written out in full (Excel keeps 15 significant
 * digits, so the zeros are what it shows too).
 */
function expandExponent(shortest: string): string {
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (!match) return shortest;
  const [, sign = '', lead = '', fraction = '', exponent = '0'] = match;
  const digits = lead + fraction;
  const point = lead.length + Number(exponent); // where the decimal point falls within `digits`
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * The text of a number formatted in scientific notation (`0.00E+00`), as Excel
 * shows it: `1.39E+10`. Those digits are all a person sees, and all a CSV saved
 * from the sheet would keep, so a phone in such a column is refused rather than
 * read from the hidden value; undefined for any other cell.
 */
export function scientificFormat(numFmt: string | undefined, value: number): string | undefined {
  if (!Number.isFinite(value) || typeof numFmt !== 'string') return undefined;
  const section = numFmt.split(';')[0]!.replace(/"[^"]*"|\\./g, '');
  const match = /([0#?]*)(?:\.([0#?]*))?E([+-])([0#?]+)/i.exec(section);
  if (!match) return undefined;
  const [mantissa = '', exponent = ''] = value.toExponential((match[2] ?? '').length).split('e');
  const sign = exponent.startsWith('-') ? '-' : '+';
  return `${mantissa}E${sign}${exponent.replace(/^[+-]/, '').padStart((match[4] ?? '').length, '0')}`;
}
