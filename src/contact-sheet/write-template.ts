/**
 * The blank sheet as a file. XLSX: a Contacts sheet with the header row
 * (frozen, filtered) and Excel data validation that prevents the usual
 * mistakes as they are typed (a made-up title, a name too long, a phone Excel
 * turns into 1.39E+10), then an Instructions sheet with the rules and one
 * example row; the Contacts sheet stays blank, so the template validates to
 * zero rows. CSV: the header row only, UTF-8 with a BOM so Excel reads it right.
 *
 * The words (instructions, prompts) are in the run's language; the sheet names,
 * the column headers and the example row are not: import reads them back, and
 * Chinese headers are recognised but the template's are the canonical ones.
 */
import type { DataValidation, Worksheet } from 'exceljs';
import { say } from '../i18n/text.js';
import { LIMITS, MESSAGE_TYPES, TITLES, type Site } from '../judge/rules.js';
import { loadExcelJS } from '../read/exceljs.js';
import { columnOf, layOutHeader, SHEET_HEADERS, type SheetHeader } from './columns.js';
import { exampleRow, instructions, nameRule } from './template-sheet.js';

/**
 * Rows below the header that carry the validations. Not the whole column:
 * exceljs (which loads a sheet for annotated.xlsx) expands a range into one
 * entry per cell, and a directory holds tens of contacts, not thousands.
 */
const TEMPLATE_ROWS = 1000;

/**
 * The column's cells below the header check what is typed, as one range. exceljs
 * keeps a sheet's validations by address in `dataValidations` (missing from its
 * types); setting each cell's `dataValidation` instead writes an empty row per
 * cell and overlapping ranges, which Excel repairs.
 */
function validate(sheet: Worksheet, header: SheetHeader, validation: DataValidation): void {
  const { dataValidations } = sheet as Worksheet & { dataValidations: { add(range: string, validation: DataValidation): void } };
  dataValidations.add(`${columnOf(header)}2:${columnOf(header)}${TEMPLATE_ROWS + 1}`, validation);
}

export function templateCsv(): string {
  return `\uFEFF${SHEET_HEADERS.join(',')}\r\n`;
}

export async function templateXlsx(site: Site, contactLimit: number): Promise<Uint8Array> {
  const ExcelJS = loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'contact-import';
  addContactsSheet(workbook.addWorksheet('Contacts'), site);
  addInstructionsSheet(workbook.addWorksheet('Instructions'), site, contactLimit);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function addContactsSheet(sheet: Worksheet, site: Site): void {
  layOutHeader(sheet, SHEET_HEADERS);

  const onError = { showErrorMessage: true, errorStyle: 'stop', allowBlank: true } as const;
  validate(sheet, 'Title', {
    type: 'list',
    formulae: [`"${TITLES.join(',')}"`],
    ...onError,
    errorTitle: 'Title',
    error: say('sheet.validation.title', { titles: TITLES.join(', ') }),
  });
  validate(sheet, 'Name', {
    type: 'textLength',
    operator: 'between',
    formulae: [LIMITS.nameMinLength, LIMITS.nameMaxLength],
    ...onError,
    errorTitle: 'Name',
    error: nameRule(site),
  });
  // Any text; the message shows while the cell is selected.
  validate(sheet, 'Message Types', {
    type: 'custom',
    formulae: ['TRUE'],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: 'Message Types',
    prompt: say('sheet.validation.messageTypes', { types: MESSAGE_TYPES.join(', ') }),
  });
}

function addInstructionsSheet(sheet: Worksheet, site: Site, contactLimit: number): void {
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 110;
  sheet.addRow([say('sheet.instructions.heading')]).font = { bold: true };
  for (const line of instructions(site, contactLimit)) sheet.addRow(line);
  sheet.addRow([]);
  sheet.addRow([say('sheet.instructions.exampleHeading')]).font = { bold: true };
  sheet.addRow([...SHEET_HEADERS]).font = { bold: true };
  sheet.addRow(exampleRow(site));
}
