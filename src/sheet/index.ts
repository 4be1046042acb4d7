/**
 * Open a sheet file of any supported format: detect the format from its bytes,
 * find and map the header row, and hand back the data rows as a stream.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Field } from '../contact/fields.js';
import { InputError } from '../errors.js';
import type { RowCells } from '../contact/normalise.js';
import { openCsv } from './csv.js';
import { detectFormat } from './detect.js';
import { columnLetter, mapHeader, type HeaderMapping } from './header.js';
import type { Cell, OpenedSheet, SheetFormat, SheetReadOptions, SheetRow } from './types.js';

type SheetOpener = (path: string, options: SheetReadOptions) => Promise<OpenedSheet>;

/** Readers by format; exceljs is loaded only when a workbook is read, so CSV runs start faster. */
const READERS = {
  csv: (path) => openCsv(path),
  xlsx: async (path, options) => (await import('./xlsx.js')).openXlsx(path, options),
} satisfies Record<SheetFormat, SheetOpener>;

export interface SheetInput {
  file: string;
  format: SheetFormat;
  sheet?: string;
  encoding?: string;
  size: number;
  /** Resolves to the sha256 of the file's bytes (hashed alongside the read). */
  sha256: Promise<string>;
}

export interface DataRow {
  row: number;
  cells: RowCells;
}

export interface ReadSheet {
  input: SheetInput;
  header: HeaderMapping;
  /** Data rows after the header, in order; blank rows are left out and counted in `blankRows()`. */
  rows: AsyncIterable<DataRow>;
  /** Blank rows skipped so far (final once `rows` is exhausted). */
  blankRows(): number;
}

export function isBlank(cells: Cell[]): boolean {
  return cells.every((cell) => cell === undefined || (typeof cell === 'string' && cell.trim() === ''));
}

export async function readSheet(path: string, options: SheetReadOptions = {}): Promise<ReadSheet> {
  const file = basename(path);
  const { format, size } = await detectFormat(path);
  const sha256 = hashFile(path);
  sha256.catch(() => undefined); // a read error surfaces from the reader; never as an unhandled rejection
  const opened = await READERS[format](path, options);
  const iterator = opened.rows[Symbol.asyncIterator]();

  let blank = 0;
  let previousRow = 0;
  /** Rows absent from an XLSX file are blank rows too. */
  const countGap = (row: number) => {
    blank += Math.max(0, row - previousRow - 1);
    previousRow = row;
  };

  let header: HeaderMapping | undefined;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const { row, cells } = next.value;
    previousRow = row;
    if (isBlank(cells)) continue;
    try {
      header = mapHeader(file, row, cells);
    } catch (error) {
      await iterator.return?.();
      throw error;
    }
    break;
  }
  if (!header) {
    throw new InputError(`${file}: every row is blank, so there is no header row; the first row must name the columns (Name, Email, Title, MessageTypes…)`);
  }
  const mapping = header;

  async function* dataRows(): AsyncGenerator<DataRow> {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const sheetRow: SheetRow = next.value;
      countGap(sheetRow.row);
      if (isBlank(sheetRow.cells)) {
        blank++;
        continue;
      }
      yield { row: sheetRow.row, cells: pickFields(sheetRow.cells, mapping) };
    }
  }

  return {
    input: { file, format, sheet: opened.sheet, encoding: opened.encoding, size, sha256 },
    header,
    rows: dataRows(),
    blankRows: () => blank,
  };
}

function pickFields(cells: Cell[], header: HeaderMapping): RowCells {
  const picked: RowCells = {};
  for (const [field, index] of Object.entries(header.columns) as [Field, number][]) {
    picked[field] = cells[index] ?? '';
  }
  return picked;
}

/** `E-mail (column B)`: how messages name the column a field came from. */
export function columnNamer(header: HeaderMapping): (field: Field) => string {
  return (field) => {
    const index = header.columns[field];
    if (index === undefined) return field;
    const written = header.headers[index];
    return written === field ? `${field} (column ${columnLetter(index)})` : `${field} (column ${columnLetter(index)} "${written}")`;
  };
}

function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
