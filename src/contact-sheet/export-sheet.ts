/**
 * The directory's contacts as a sheet in the import format: the columns
 * `import` reads (MessageTypes and Members joined with `;`, phones as text),
 * then read-only Status, ContactId and Created, which `import` leaves alone
 * (they map to no field: the summary lists them as ignored columns). Read back
 * by `import --mode sync`, it plans no write. Pure but for exceljs laying out XLSX.
 */
import type { DirectoryContact } from '../directory/port.js';
import { loadExcelJS } from '../read/exceljs.js';
import { csvCell } from '../report/csv-cell.js';
import { layOutHeader, SHEET_HEADERS } from './columns.js';

const EXPORT_HEADERS = [...SHEET_HEADERS, 'Status', 'ContactId', 'Created'] as const;

/** One contact's cells, in the order of EXPORT_HEADERS. */
function exportRow(contact: DirectoryContact): string[] {
  return [
    contact.name,
    contact.email,
    contact.phone ?? '',
    contact.title,
    contact.messageTypes.join(';'),
    contact.members.join(';'),
    contact.status,
    contact.contactId,
    contact.created ?? '',
  ];
}

/** UTF-8 with a BOM (Excel reads it right), CRLF, every cell quoted as needed and never a formula. */
export function exportCsv(contacts: readonly DirectoryContact[]): string {
  const lines = [EXPORT_HEADERS, ...contacts.map(exportRow)].map((cells) => cells.map(csvCell).join(',') + '\r\n');
  return `\uFEFF${lines.join('')}`;
}

export async function exportXlsx(contacts: readonly DirectoryContact[]): Promise<Uint8Array> {
  const ExcelJS = loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'contact-import';
  const sheet = workbook.addWorksheet('Contacts');
  layOutHeader(sheet, EXPORT_HEADERS);
  // Strings, never formulas: exceljs writes a string cell for every value here.
  for (const contact of contacts) sheet.addRow(exportRow(contact));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
