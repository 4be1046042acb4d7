/**
 * What an XLSX cell holds, turned into the text a person sees in it.
 *
 * Every contact field is text, so a cell becomes a string, except two things a
 * text field cannot honestly take: a date (Excel stores a number and shows a
 * date; which text was meant is a guess) and an error value such as #N/A. Those
 * come back as an OddCell for validation to report as a row problem.
 */
import type { CellValue } from 'exceljs';
import type { Cell } from './types.js';

export function cellToText(value: CellValue): Cell {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return numberToText(value);
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    case 'object':
      return objectToText(value);
    default:
      return String(value);
  }
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
  // NaN is what exceljs makes of an empty or garbled <v>: there is nothing to show.
  if (!Number.isFinite(value)) return '';
  const shortest = String(value);
  return shortest.includes('e') ? expandExponent(shortest) : shortest;
}

type ObjectValue = Exclude<CellValue, null | undefined | string | number | boolean>;

function objectToText(value: ObjectValue): Cell {
  if (isDate(value)) return dateCell(value);
  if ('error' in value) return { kind: 'error', shown: String(value.error) };
  if ('richText' in value) return richText(value.richText);
  if ('hyperlink' in value) {
    // The shown text may itself be rich text; an empty one falls back to a mailto address.
    const shown = cellToText(value.text as CellValue);
    if (typeof shown === 'string' && shown.trim() === '') return mailtoAddress(value.hyperlink) ?? shown;
    return shown;
  }
  if ('formula' in value || 'sharedFormula' in value) {
    // The result Excel cached when it last calculated; without one there is nothing to show.
    return cellToText(value.result as CellValue);
  }
  // Anything else exceljs may invent later: a text, if it carries one.
  const text = (value as { text?: unknown }).text;
  return text === undefined ? '' : cellToText(text as CellValue);
}

function richText(runs: readonly { text?: unknown }[] | undefined): string {
  if (!Array.isArray(runs)) return '';
  let text = '';
  for (const run of runs) {
    if (typeof run?.text === 'string') text += run.text;
  }
  return text;
}

/** Works across realms (jest runs modules in their own context), unlike `instanceof Date`. */
function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * exceljs turns a date serial into a Date whose UTC fields are Excel's wall
 * clock, so the UTC fields are what the cell shows.
 */
function dateCell(date: Date): Cell {
  const time = date.getTime();
  if (Number.isNaN(time)) return { kind: 'date', shown: 'an invalid date' };
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
export function scientificFormat(numFmt: string | undefined, value: CellValue): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || typeof numFmt !== 'string') return undefined;
  const section = numFmt.split(';')[0]!.replace(/"[^"]*"|\\./g, '');
  const match = /([0#?]*)(?:\.([0#?]*))?E([+-])([0#?]+)/i.exec(section);
  if (!match) return undefined;
  const [mantissa = '', exponent = ''] = value.toExponential((match[2] ?? '').length).split('e');
  const sign = exponent.startsWith('-') ? '-' : '+';
  return `${mantissa}E${sign}${exponent.replace(/^[+-]/, '').padStart((match[4] ?? '').length, '0')}`;
}
