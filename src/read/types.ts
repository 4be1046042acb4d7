/**
 * What every sheet reader produces: rows of cells already turned into text,
 * each row carrying the number a spreadsheet program would show for it.
 */
import type { DecodeState } from './decode.js';

/**
 * A cell the reader could not honestly turn into text; validation reports it as a row problem:
 * a date, a formula error such as #N/A (an error value, or its text as Excel exports it to a CSV),
 * a formula never calculated (no value stored), or a cell covered by merged cells (it reads as empty).
 */
export interface OddCell {
  kind: 'date' | 'error' | 'error-text' | 'uncalculated' | 'merged';
  /** What the cell shows, for the message (an ISO date, Excel's `#N/A`, the merged range `B5:B6`). */
  shown: string;
  /** The cell, `B7`, once the row is picked for its fields (see read/index.ts). */
  ref?: string;
}

/** Text of a cell, or a cell that holds something a text field cannot take. */
export type Cell = string | OddCell;

export interface SheetRow {
  /** 1-based row number as a spreadsheet shows it (the header row counts). */
  row: number;
  /** Cells by 0-based column index; missing cells are undefined. */
  cells: Cell[];
}

export type SheetFormat = 'csv' | 'xlsx';

export interface SheetReadOptions {
  /** XLSX only: worksheet name, or 1-based index. */
  sheet?: string;
}

/** How a text sheet was read: recorded in the summary, so nobody has to guess. */
export interface TextFacts {
  /** Live while the rows stream: a detected UTF-8 file may turn out to be GB18030 further down. */
  decoding: DecodeState;
  delimiter: string;
  delimiterSource: 'detected' | 'option';
}

/** An opened sheet: what was found out before the first data row, and the rows. */
export interface OpenedSheet {
  format: SheetFormat;
  /** Worksheet name (XLSX), undefined for CSV. */
  sheet?: string;
  /** CSV: encoding and delimiter. */
  text?: TextFacts;
  /** XLSX without --sheet: the worksheets after this one, in tab order, to try if this one has no header. */
  otherSheets?: string[];
  /**
   * All rows, header included, in sheet order, in batches as the file is read
   * (one await per batch: a million awaits cost a tenth of a read). Blank rows
   * are there too (all cells empty).
   */
  batches: AsyncIterable<SheetRow[]>;
}

/** The rows of batches, one at a time, for readers that need no speed (copies, tests). */
export async function* eachRow<T = SheetRow>(batches: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const batch of batches) yield* batch;
}

export function isOddCell(cell: Cell | undefined): cell is OddCell {
  return typeof cell === 'object' && cell !== null;
}

/** Text of a cell for places that only need to show it (header detection, reports). */
export function cellDisplay(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  return cell.kind === 'merged' || cell.kind === 'uncalculated' ? '' : cell.shown;
}
