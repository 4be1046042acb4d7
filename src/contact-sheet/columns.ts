/**
 * The columns of a sheet in the import format, as `template` and `export`
 * write them: each header is one the reader maps without a mapping file
 * (see judge/fields.ts), laid out the same way in both.
 */
import type { Worksheet } from 'exceljs';

export const SHEET_HEADERS = ['Name', 'Email', 'Phone', 'Title', 'Message Types', 'Members'] as const;
export type SheetHeader = (typeof SHEET_HEADERS)[number];

/** The column letter of a header in SHEET_HEADERS (A–F). */
export function columnOf(header: SheetHeader): string {
  return String.fromCharCode(65 + SHEET_HEADERS.indexOf(header));
}

/** The header row, bold, frozen and filtered; Phone and Members as Text, so Excel keeps every digit as typed. */
export function layOutHeader(sheet: Worksheet, headers: readonly string[]): void {
  sheet.addRow([...headers]).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = `A1:${String.fromCharCode(64 + headers.length)}1`;
  sheet.columns.forEach((column) => (column.width = 24));
  for (const header of ['Phone', 'Members'] as const) sheet.getColumn(columnOf(header)).numFmt = '@';
}
