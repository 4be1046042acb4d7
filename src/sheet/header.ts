/**
 * Which column holds which field, from the header row's texts.
 * Headers are compared ignoring case, spaces, `_` and `-` (and full-width forms),
 * in English or Chinese (see contact/fields.ts).
 */
import { FIELDS, HEADER_ALIASES, REQUIRED_FIELDS, type Field } from '../contact/fields.js';
import { matchKey } from '../contact/suggest.js';
import { InputError } from '../errors.js';
import { cellDisplay, type Cell } from './types.js';

export interface HeaderMapping {
  /** 1-based row number of the header. */
  row: number;
  /** Column index (0-based) of each field found. */
  columns: Partial<Record<Field, number>>;
  /** Header text of every column, as written. */
  headers: string[];
  /** Headers that map to no field, ignored. */
  ignored: string[];
}

const fieldByKey = new Map<string, Field>();
for (const field of FIELDS) {
  fieldByKey.set(matchKey(field), field);
  for (const alias of HEADER_ALIASES[field]) fieldByKey.set(matchKey(alias), field);
}

export function fieldForHeader(text: string): Field | undefined {
  return fieldByKey.get(matchKey(text));
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** Maps a header row; throws InputError (exit 2) when it cannot serve as one. */
export function mapHeader(file: string, row: number, cells: Cell[]): HeaderMapping {
  const headers = Array.from(cells, (cell) => cellDisplay(cell).trim());
  const columns: Partial<Record<Field, number>> = {};
  const ignored: string[] = [];
  headers.forEach((header, index) => {
    if (header === '') return;
    const field = fieldForHeader(header);
    if (!field) {
      ignored.push(header);
      return;
    }
    const earlier = columns[field];
    if (earlier !== undefined) {
      throw new InputError(
        `${file}: row ${row}: columns ${columnLetter(earlier)} ("${headers[earlier]}") and ${columnLetter(index)} ("${header}") both mean ${field}; rename or remove one`,
      );
    }
    columns[field] = index;
  });

  const found = headers.filter((h) => h !== '');
  if (Object.keys(columns).length === 0) {
    throw new InputError(
      `${file}: no recognisable header row; row ${row} reads ${quoteList(found, 6)}, expected headers such as Name, Email, Phone, Title, MessageTypes`,
    );
  }
  const missing = REQUIRED_FIELDS.filter((field) => columns[field] === undefined);
  if (missing.length > 0) {
    throw new InputError(
      `${file}: row ${row}: no ${missing.join(', ')} column; the headers found are ${quoteList(found)} (accepted: ${missing
        .map((field) => `${field}: ${HEADER_ALIASES[field].join(' / ')}`)
        .join('; ')})`,
    );
  }
  return { row, columns, headers, ignored };
}

function quoteList(items: string[], max = Infinity): string {
  if (items.length === 0) return 'nothing';
  const shown = items.slice(0, max).map((item) => `"${item}"`);
  return items.length > max ? `${shown.join(', ')}, …` : shown.join(', ');
}
