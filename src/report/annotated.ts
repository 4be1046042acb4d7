/**
 * annotated.xlsx: the person's own sheet handed back with what is wrong marked
 * on it. A copy of the input (a CSV becomes a workbook) with two columns added,
 * Status and Problems (headed in the run's language; the status values are
 * the stable keys, so a filter on them works in any language); every cell with a problem filled red with a comment
 * saying what is wrong and the fix; duplicate rows marked; the header frozen
 * and filtered. The original's styles are kept as far as exceljs keeps them.
 *
 * The whole workbook is loaded to write it, so it is made for sheets of up to
 * ANNOTATED_MAX_ROWS data rows (a contact sheet has tens); results.csv has all.
 */
import type { Cell as ExcelCell, Worksheet } from 'exceljs';
import type { Field } from '../judge/fields.js';
import { writeNewFile } from '../own-files.js';
import { loadSheetCopy, type SheetSource } from './copy.js';
import type { HeaderMapping } from '../read/header.js';
import { say } from '../i18n/text.js';
import { GOOD_STATUSES, type ReportError, type RowResult, type RowStatus } from './types.js';

export const ANNOTATED_MAX_ROWS = 10_000;

const RED = 'FFFFC7CE';
const RED_TEXT = 'FF9C0006';
const AMBER = 'FFFFEB9C';
const GREEN = 'FFC6EFCE';

/** What annotated.xlsx needs of a row: kept only for rows with something to mark. */
export interface RowMarks {
  status: RowStatus;
  errors: RowResult['errors'];
}

/** Keeps the marks as rows stream past (all rows' statuses are needed for the Status column). */
export class AnnotationKeeper {
  readonly rows = new Map<number, RowMarks>();
  /** Whether any row has a problem: a clean sheet needs no marked copy. */
  anyProblem = false;

  add(result: RowResult): void {
    if (result.row === null) return;
    if (result.errors.length > 0 || !GOOD_STATUSES.has(result.status)) this.anyProblem = true;
    if (this.rows.size <= ANNOTATED_MAX_ROWS) this.rows.set(result.row, { status: result.status, errors: result.errors });
  }

  get tooMany(): boolean {
    return this.rows.size > ANNOTATED_MAX_ROWS;
  }
}

export async function writeAnnotated(source: SheetSource, header: HeaderMapping, rows: Map<number, RowMarks>, target: string): Promise<void> {
  const { workbook, worksheet } = await loadSheetCopy(source);
  const statusColumn = header.headers.length + 1;
  const problemsColumn = statusColumn + 1;
  const headerRow = worksheet.getRow(header.row);
  for (const [column, text] of [
    [statusColumn, say('report.annotated.status')],
    [problemsColumn, say('report.annotated.problems')],
  ] as const) {
    const cell = headerRow.getCell(column);
    cell.value = text;
    cell.font = { bold: true };
  }

  for (const [rowNumber, marks] of rows) {
    const row = worksheet.getRow(rowNumber);
    const good = GOOD_STATUSES.has(marks.status) && marks.errors.length === 0;
    const status = row.getCell(statusColumn);
    status.value = marks.status;
    fill(status, good ? GREEN : marks.status === 'duplicate' ? AMBER : RED);
    if (marks.errors.length > 0) {
      row.getCell(problemsColumn).value = marks.errors.map(problemLine).join('\n');
      row.getCell(problemsColumn).alignment = { wrapText: true, vertical: 'top' };
    }
    for (const error of marks.errors) {
      const column = error.field === null ? undefined : header.columns[error.field as Field];
      if (column === undefined) continue;
      const cell = row.getCell(column + 1);
      fill(cell, marks.status === 'duplicate' ? AMBER : RED);
      if (marks.status !== 'duplicate') cell.font = { ...cell.font, color: { argb: RED_TEXT } };
      addNote(cell, problemNote(error));
    }
  }

  worksheet.views = [{ state: 'frozen', ySplit: header.row, xSplit: 0 }];
  worksheet.autoFilter = { from: { row: header.row, column: 1 }, to: { row: header.row, column: problemsColumn } };
  widen(worksheet, problemsColumn, 60);
  // A new file, private like the rest of the report: it holds contact details.
  await writeNewFile(target, (await workbook.xlsx.writeBuffer()) as unknown as Uint8Array);
}

/** A problem in the Problems column: `code: message (fix: "…")`, said whole in the run's language. */
function problemLine({ code, message, suggestion, unambiguous }: ReportError): string {
  if (suggestion === undefined) return say('report.annotated.problem', { code, message });
  return say(unambiguous ? 'report.annotated.problemFix' : 'report.annotated.problemGuess', { code, message, value: suggestion });
}

/** The same problem as the cell's comment: the code on a line of its own. */
function problemNote({ code, message, suggestion, unambiguous }: ReportError): string {
  if (suggestion === undefined) return say('report.annotated.note', { code, message });
  return say(unambiguous ? 'report.annotated.noteFix' : 'report.annotated.noteGuess', { code, message, value: suggestion });
}

function fill(cell: ExcelCell, argb: string): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** A cell may already carry a comment of its own: ours goes after it. */
function addNote(cell: ExcelCell, text: string): void {
  const existing = cell.note;
  const before = typeof existing === 'string' ? existing : existing?.texts?.map((t) => t.text).join('') ?? '';
  cell.note = before ? `${before}\n\ncontact-import: ${text}` : `contact-import: ${text}`;
}

function widen(worksheet: Worksheet, column: number, width: number): void {
  const col = worksheet.getColumn(column);
  if (!col.width || col.width < width) col.width = width;
}
