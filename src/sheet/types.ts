/**
 * What every sheet reader produces: rows of cells already turned into text,
 * each row carrying the number a spreadsheet program would show for it.
 */

/** A cell the reader could not honestly turn into text; validation reports it as a row problem. */
export interface OddCell {
  kind: 'date' | 'error';
  /** What the cell shows, for the message (an ISO date, or Excel's `#N/A`). */
  shown: string;
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

/** An opened sheet: what was found out before the first data row, and the rows. */
export interface OpenedSheet {
  format: SheetFormat;
  /** Worksheet name (XLSX), undefined for CSV. */
  sheet?: string;
  /** Text encoding (CSV), undefined for XLSX. */
  encoding?: string;
  /** All rows, header included, in sheet order. Blank rows are yielded too (all cells empty). */
  rows: AsyncIterable<SheetRow>;
}

export function isOddCell(cell: Cell | undefined): cell is OddCell {
  return typeof cell === 'object' && cell !== null;
}

/** Text of a cell for places that only need to show it (header detection, reports). */
export function cellDisplay(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  return typeof cell === 'string' ? cell : cell.shown;
}
