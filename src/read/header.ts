/**
 * Which column holds which field, from the header row's texts.
 * Headers are compared ignoring case, spaces, `_` and `-` (and full-width forms),
 * in English or Chinese (see judge/fields.ts), or as a mapping file says.
 */
import { FIELDS, HEADER_ALIASES, REQUIRED_FIELDS, type Field } from '../judge/fields.js';
import { matchKey } from '../judge/suggest.js';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import type { ColumnMap } from './column-map.js';
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

/** A row read as if it were the header: what it maps, and what keeps it from being one. */
export interface HeaderCandidate extends HeaderMapping {
  /** Required fields without a column. */
  missing: Field[];
  /** Two columns that mean one field: the message. */
  conflict?: string;
  /** Mapping-file headers this row does not have. */
  unmapped: string[];
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

/** Reads a row as a header; never throws (see headerProblem for why it may not be one). */
export function readHeader(row: number, cells: Cell[], map?: ColumnMap): HeaderCandidate {
  const headers = Array.from(cells, (cell) => cellDisplay(cell).trim());
  const columns: Partial<Record<Field, number>> = {};
  const ignored: string[] = [];
  const seen = new Set<string>();
  let conflict: string | undefined;
  headers.forEach((header, index) => {
    if (header === '') return;
    const key = matchKey(header);
    seen.add(key);
    const field = map?.columns.has(key) ? map.columns.get(key) : fieldByKey.get(key);
    if (!field) {
      ignored.push(header);
      return;
    }
    const earlier = columns[field];
    if (earlier !== undefined) {
      const columnsMeant = {
        first: columnLetter(earlier),
        firstHeader: JSON.stringify(headers[earlier]),
        second: columnLetter(index),
        secondHeader: JSON.stringify(header),
        field,
      };
      conflict ??= map ? say('read.header.conflictMapped', { ...columnsMeant, map: map.file }) : say('read.header.conflict', columnsMeant);
      return;
    }
    columns[field] = index;
  });
  const missing = REQUIRED_FIELDS.filter((field) => columns[field] === undefined);
  const unmapped = map ? [...map.columns.keys()].filter((key) => !seen.has(key)).map((key) => map.written.get(key)!) : [];
  return { row, columns, headers, ignored, missing, unmapped, ...(conflict ? { conflict } : {}) };
}

/** How many fields a row's cells map to: how much it looks like a header (used to sniff a CSV's delimiter). */
export function headerScore(cells: string[], map?: ColumnMap): number {
  return Object.keys(readHeader(0, cells, map).columns).length;
}

/** Why a candidate cannot serve as the header, as a person reads it (the caller names the file); undefined when it can. */
export function headerProblem(candidate: HeaderCandidate, map?: ColumnMap): string | undefined {
  const { row, columns, headers, missing, conflict, unmapped } = candidate;
  const found = headers.filter((h) => h !== '');
  if (Object.keys(columns).length === 0) {
    const shown = { row, found: quoteList(found, 6) };
    return map ? say('read.header.noneMapped', { ...shown, map: map.file }) : say('read.header.none', shown);
  }
  if (missing.length > 0) {
    return say('read.header.missing', {
      row,
      fields: missing.join(', '),
      found: quoteList(found),
      accepted: missing.map((field) => `${field}: ${HEADER_ALIASES[field].join(' / ')}`).join('; '),
    });
  }
  if (conflict) return say('read.atRow', { row, problem: conflict });
  if (unmapped.length > 0 && map) {
    return say('read.header.unmapped', { row, map: map.file, unmapped: quoteList(unmapped), found: quoteList(found) });
  }
  return undefined;
}

/** Maps a header row; throws InputError (exit 2) when it cannot serve as one. */
export function mapHeader(file: string, row: number, cells: Cell[], map?: ColumnMap): HeaderMapping {
  const candidate = readHeader(row, cells, map);
  const problem = headerProblem(candidate, map);
  if (problem) throw new InputError(say('read.inFile', { file, problem }));
  const { columns, headers, ignored } = candidate;
  return { row, columns, headers, ignored };
}

/**
 * `"Name", "Email"`: quoted as JSON, so a header with a new line or a quote in
 * it stays on one line; a long one is cut (a row of junk is not a header to quote).
 */
function quoteList(items: string[], max = Infinity): string {
  if (items.length === 0) return say('read.header.nothing');
  const shown = items.slice(0, max).map((item) => JSON.stringify(item.length > 40 ? `${item.slice(0, 40)}…` : item));
  return items.length > max ? `${shown.join(', ')}, …` : shown.join(', ');
}
