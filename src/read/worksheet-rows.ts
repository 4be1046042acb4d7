/**
 * The rows of one worksheet's XML (`<sheetData>`), streamed in batches: each
 * cell's value turned into text (see cell-text.ts), shared strings looked up
 * and checked, and the marks of cells that show nothing applied (merged
 * ranges, mailto: links; see cell-marks.ts).
 */
import { say } from '../i18n/text.js';
import { cellText } from './cell-text.js';
import type { CellMarks } from './cell-marks.js';
import { columnLetter } from './header.js';
import { formatOf, type NumberFormat } from './number-formats.js';
import { unreadable, type XlsxZip } from './xlsx-zip.js';
import { attribute, type XmlHandler } from './xml-scanner.js';
import type { SheetRow } from './types.js';

export interface WorksheetContext {
  /** The sheet's name, for messages. */
  sheet: string;
  sharedStrings: string[];
  formats: NumberFormat[];
  date1904: boolean;
  marks: CellMarks;
}

/** Excel's last column is XFD, its 16,384th. */
const MAX_COLUMNS = 16_384;
/** Excel's last row. */
const MAX_ROW = 1_048_576;
/** Text a cell may hold while it is read: Excel's own limit is 32,767 characters; the reader's limit comes later. */
const MAX_CELL_TEXT = 1024 * 1024;
/**
 * Text scanned before the rows it completed are handed on: rows are at most as
 * many as fit in it, however wide (a cell in column XFD makes a row of 16,384).
 */
const PIECE = 16 * 1024;

export async function* worksheetRows(zip: XlsxZip, part: string, context: WorksheetContext): AsyncGenerator<SheetRow[]> {
  const reader = new WorksheetReader(zip.file, context);
  for await (const _ of zip.scan(part, reader, PIECE)) {
    if (reader.rows.length > 0) yield reader.take();
  }
}

/** The cell being read. */
interface OpenCell {
  ref: string;
  column: number;
  type: string | undefined;
  style: number;
  /** Its `<v>`, or the text of its `<is>`; undefined when it has neither (an empty, styled cell). */
  stored: string | undefined;
  /** It holds a formula (`<f>`). */
  formula: boolean;
}

class WorksheetReader implements XmlHandler {
  rows: SheetRow[] = [];
  private inSheetData = false;
  private row: SheetRow | undefined;
  private lastRow = 0;
  private cell: OpenCell | undefined;
  private lastColumn = -1;
  /** Inside `<v>`, or a `<t>` of `<is>` (not of its phonetic guide `<rPh>`). */
  private collecting = false;
  private inInline = false;
  private phonetic = 0;

  constructor(
    private readonly file: string,
    private readonly context: WorksheetContext,
  ) {}

  get wantsText(): boolean {
    return this.collecting;
  }

  take(): SheetRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  open(name: string, attributes: string, selfClosing: boolean): void {
    switch (name) {
      case 'sheetData':
        this.inSheetData = true;
        break;
      case 'row':
        if (this.inSheetData) this.openRow(attribute(attributes, 'r'));
        break;
      case 'c':
        if (this.row) this.openCell(attribute(attributes, 'r'), attribute(attributes, 't'), attribute(attributes, 's'));
        break;
      case 'f':
        if (this.cell) this.cell.formula = true;
        break;
      case 'v':
        if (this.cell) {
          this.cell.stored = '';
          this.collecting = !selfClosing;
        }
        break;
      case 'is':
        if (this.cell) {
          // Inline text, whatever its `t` says.
          this.cell.type = 'inlineStr';
          this.cell.stored = '';
          this.inInline = true;
        }
        break;
      case 'rPh':
        this.phonetic++;
        break;
      case 't':
        if (this.inInline && this.phonetic === 0) this.collecting = !selfClosing;
        break;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
      case 't':
        this.collecting = false;
        break;
      case 'is':
        this.inInline = false;
        break;
      case 'rPh':
        this.phonetic--;
        break;
      case 'c':
        if (this.cell) this.closeCell(this.cell);
        this.cell = undefined;
        break;
      case 'row':
        if (this.row) this.closeRow(this.row);
        this.row = undefined;
        break;
      case 'sheetData':
        this.inSheetData = false;
        break;
    }
  }

  text(text: string): void {
    const cell = this.cell!;
    cell.stored += text;
    if (cell.stored!.length > MAX_CELL_TEXT) {
      throw unreadable(this.file, say('read.xlsx.cellTooLong', { sheet: this.sheetName(), ref: cell.ref, max: MAX_CELL_TEXT.toLocaleString('en-US') }));
    }
  }

  private openRow(r: string | undefined): void {
    // `r` may be left out: the row after the last one.
    const number = r === undefined ? this.lastRow + 1 : wholeNumber(r);
    if (number < 1 || number > MAX_ROW) throw unreadable(this.file, say('read.xlsx.rowNumber', { sheet: this.sheetName(), r: JSON.stringify(r) }));
    this.lastRow = number;
    this.lastColumn = -1;
    this.row = { row: number, cells: [] };
  }

  private openCell(r: string | undefined, t: string | undefined, s: string | undefined): void {
    const row = this.row!.row;
    // `r` may be left out too: the cell after the last one.
    const column = r === undefined ? this.lastColumn + 1 : columnOf(r);
    if (column < 0 || column >= MAX_COLUMNS) throw unreadable(this.file, say('read.xlsx.cellPlace', { sheet: this.sheetName(), row, r: JSON.stringify(r) }));
    this.lastColumn = column;
    this.cell = { ref: r ?? `${columnLetter(column)}${row}`, column, type: t, style: s === undefined ? 0 : Number(s), stored: undefined, formula: false };
  }

  private closeCell({ ref, column, type, style, stored, formula }: OpenCell): void {
    if (formula && uncalculated(type, stored)) {
      this.row!.cells[column] = { kind: 'uncalculated', shown: '' };
      return;
    }
    if (stored === undefined) return;
    const { formats, date1904 } = this.context;
    const text = type === 's' ? this.sharedString(ref, stored) : stored;
    this.row!.cells[column] = cellText(type, text, formatOf(formats, style), date1904);
  }

  /** A shared string, by the index a cell holds: an index that is not in the list is damage, never an empty cell. */
  private sharedString(ref: string, stored: string): string {
    const strings = this.context.sharedStrings;
    const index = wholeNumber(stored);
    if (index >= 0 && index < strings.length) return strings[index]!;
    const asked = index >= 0 ? index.toLocaleString('en-US') : JSON.stringify(stored.slice(0, 40));
    const cell = { sheet: this.sheetName(), ref, asked };
    throw unreadable(
      this.file,
      strings.length === 0
        ? say('read.xlsx.noSharedStrings', cell)
        : say('read.xlsx.noSuchSharedString', { ...cell, count: strings.length.toLocaleString('en-US') }),
    );
  }

  private closeRow(row: SheetRow): void {
    const { cells } = row;
    // Marks go on cells with nothing shown: a link's address, or the merged range that covers the cell.
    for (const [column, mark] of this.context.marks.get(row.row) ?? []) {
      const shown = cells[column];
      if (shown === undefined || (typeof shown === 'string' && shown.trim() === '')) cells[column] = mark;
    }
    // Cells without a value are empty text: no holes for map() to skip.
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
    this.rows.push(row);
  }

  private sheetName(): string {
    return JSON.stringify(this.context.sheet);
  }
}

/**
 * A formula cell with no value stored: written by a program that does not
 * calculate (exceljs leaves `<v>` out, openpyxl leaves it empty), never saved by
 * a spreadsheet since. An empty text result is stored as `t="str"`, so an empty
 * `<v>` in a number cell is no result either.
 */
function uncalculated(type: string | undefined, stored: string | undefined): boolean {
  return stored === undefined || (stored.trim() === '' && (type === undefined || type === 'n'));
}

/** `B12` → 1 (0-based column), -1 when `ref` is not a cell reference (read by hand: it is done for every cell). */
export function columnOf(ref: string): number {
  let at = ref.charCodeAt(0) === 0x24 /* $ */ ? 1 : 0;
  let column = 0;
  for (let letters = 0; ; at++, letters++) {
    const code = ref.charCodeAt(at) & ~0x20; // upper case
    if (code < 0x41 || code > 0x5a) break;
    if (letters === 3) return -1;
    column = column * 26 + (code - 0x40);
  }
  if (ref.charCodeAt(at) === 0x24) at++;
  return column > 0 && (at === ref.length || wholeNumber(ref.slice(at)) > 0) ? column - 1 : -1;
}

/** `"12"` → 12; -1 for anything but digits (up to ten of them), such as `-1`, `1e3` or `__proto__`. */
function wholeNumber(text: string): number {
  const digits = text.trim();
  if (digits.length === 0 || digits.length > 10) return -1;
  for (let i = 0; i < digits.length; i++) {
    const code = digits.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return -1;
  }
  return Number(digits);
}
