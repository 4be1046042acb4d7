/**
 * Issue 20, part 3, through the built CLI: a formula error in any mapped cell
 * is a row problem naming the error and the cell (never "empty"), also when a
 * CSV holds the error as Excel exports it; other countries' phone numbers are
 * named by their real calling code (852, not 85).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from './helpers/cli.js';
import { useTempDir } from './helpers/tmp.js';
import { NS, REL, sharedStringsPart, workbookParts, zipParts, inline, type Part } from './helpers/xlsx-parts.js';

const tmp = useTempDir();
/** exceljs is slow to load on a busy machine. */
const SLOW = 120_000;

interface ResultRow {
  row: number;
  status: string;
  errors: { field: string; code: string; message: string }[];
}

async function validate(sheet: string): Promise<{ code: number | null; stderr: string; rows: ResultRow[] }> {
  const out = join(tmp(), `report-${Math.random().toString(36).slice(2)}`);
  const run = await runCli(['validate', sheet, '--report-dir', out]);
  const rows = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).rows as ResultRow[];
  return { code: run.code, stderr: run.stderr, rows };
}

const messagesOf = (rows: ResultRow[], row: number) => rows.find((r) => r.row === row)!.errors.map((e) => e.message);

describe('formula error cells', () => {
  it('an XLSX formula error in any mapped column, required or not, names the error and the cell', async () => {
    const path = join(tmp(), 'errors.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Contacts');
    sheet.addRow(['Name', 'Email', 'Title', 'MessageTypes', 'Phone']);
    const good = ['Ann', 'ann@example.com', 'CEO', 'ServiceMessage'];
    const error = (code: string) => ({ formula: 'X1', result: { error: code } });
    sheet.addRow([error('#N/A'), ...good.slice(1)]);
    sheet.addRow([good[0], { formula: '1/0', result: { error: '#DIV/0!' } }, ...good.slice(2)]);
    sheet.addRow(['Bob', 'bob@example.com', error('#REF!'), 'ServiceMessage']);
    sheet.addRow(['Cid', 'cid@example.com', 'CEO', error('#VALUE!')]);
    sheet.addRow(['Dan', 'dan@example.com', 'CEO', 'ServiceMessage', error('#NAME?')]);
    sheet.addRow(['Eve', { error: '#NUM!' }, 'CEO', 'ServiceMessage']);
    sheet.addRow(['Fay', error('#NULL!'), 'CEO', 'ServiceMessage']);
    await workbook.xlsx.writeFile(path);

    const { code, stderr, rows } = await validate(path);
    expect(code).toBe(1);
    expect(messagesOf(rows, 2)).toEqual(['Name (column A): cell A2 holds the formula error #N/A; fix the formula or type the value']);
    expect(messagesOf(rows, 3)).toEqual(['EmailAddress (column B "Email"): cell B3 holds the formula error #DIV/0!; fix the formula or type the value']);
    expect(messagesOf(rows, 4)).toEqual(['Title (column C): cell C4 holds the formula error #REF!; fix the formula or type the value']);
    expect(messagesOf(rows, 5)).toEqual(['MessageTypes (column D): cell D5 holds the formula error #VALUE!; fix the formula or type the value']);
    expect(messagesOf(rows, 6)).toEqual(['PhoneNumber (column E "Phone"): cell E6 holds the formula error #NAME?; fix the formula or type the value']);
    expect(messagesOf(rows, 7)[0]).toMatch(/cell B7 holds the formula error #NUM!/);
    expect(messagesOf(rows, 8)[0]).toMatch(/cell B8 holds the formula error #NULL!/);
    // Never reported as a missing value.
    expect(stderr).not.toMatch(/MissingParameter|required/);
  }, SLOW);

  it('a formula whose value was never calculated (no cached value) is named, not read as an empty cell', async () => {
    const header = ['Name', 'Email', 'Title', 'MessageTypes'];
    const sheetXml =
      `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>` +
      `<row r="1">${header.map((h, i) => inline(`${'ABCD'[i]}1`, h)).join('')}</row>` +
      // exceljs writes a formula without a result with no <v>; openpyxl writes an empty one.
      `<row r="2">${inline('A2', 'Ann')}<c r="B2"><f>LOWER(A2)&amp;"@example.com"</f></c>${inline('C2', 'CEO')}${inline('D2', 'ServiceMessage')}</row>` +
      `<row r="3">${inline('A3', 'Bob')}<c r="B3"><f>LOWER(A3)&amp;"@example.com"</f><v></v></c>${inline('C3', 'CEO')}${inline('D3', 'ServiceMessage')}</row>` +
      // A template's row of formulas and nothing typed: blank, as before.
      `<row r="4"><c r="A4"><f>""</f></c><c r="B4"><f>LOWER(A4)&amp;"@example.com"</f></c></row>` +
      `<row r="5">${inline('A5', 'Cid')}${inline('B5', 'cid@example.com')}${inline('C5', 'CEO')}${inline('D5', 'ServiceMessage')}</row>` +
      `</sheetData></worksheet>`;
    const parts: Part[] = [
      ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
      ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
      ...workbookParts([{ name: 'Contacts', target: 'worksheets/sheet1.xml' }]),
      sharedStringsPart([]),
      ['xl/worksheets/sheet1.xml', sheetXml],
    ];
    const path = join(tmp(), 'uncalculated.xlsx');
    writeFileSync(path, zipParts(parts));

    const { code, rows } = await validate(path);
    expect(code).toBe(1);
    expect(rows.map((r) => [r.row, r.status])).toEqual([[2, 'invalid'], [3, 'invalid'], [5, 'valid']]);
    for (const [row, ref] of [[2, 'B2'], [3, 'B3']] as const) {
      expect(messagesOf(rows, row)).toEqual([
        `EmailAddress (column B "Email"): cell ${ref} holds a formula whose value was never calculated; open the file in a spreadsheet program and save it, or type the value`,
      ]);
    }
  });

  it('a CSV cell that is an error as Excel exports it (#DIV/0!, #N/A) is the same problem', async () => {
    const path = join(tmp(), 'exported.csv');
    writeFileSync(path, 'Name,Email,Title,MessageTypes\n#N/A,ann@example.com,CEO,ServiceMessage\nBob,#DIV/0!,CEO,ServiceMessage\nCid,cid@example.com,CEO,ServiceMessage\n');
    const { code, rows } = await validate(path);
    expect(code).toBe(1);
    expect(messagesOf(rows, 2)).toEqual([
      'Name (column A): cell A2 holds #N/A, a formula error exported as text; fix the formula in the workbook and export again, or type the value',
    ]);
    expect(messagesOf(rows, 3)).toEqual([
      'EmailAddress (column B "Email"): cell B3 holds #DIV/0!, a formula error exported as text; fix the formula in the workbook and export again, or type the value',
    ]);
    expect(rows.find((r) => r.row === 4)!.status).toBe('valid');
  });
});

describe('country calling codes', () => {
  it('names the real code of each country, one, two or three digits long', async () => {
    const phones: [string, string][] = [
      ['+852 9123 4567', '852'],
      ['+853 6612 3456', '853'],
      ['+886 912 345 678', '886'],
      ['+1 415 555 0100', '1'],
      ['+44 7700 900123', '44'],
      ['+81 90 1234 5678', '81'],
      ['+65 8123 4567', '65'],
      ['+7 912 345 6789', '7'],
      ['+61 412 345 678', '61'],
      ['00852 9123 4567', '852'],
      ['+380 50 123 4567', '380'],
    ];
    const lines = phones.map(([phone], i) => `P${String.fromCharCode(97 + i)},p${i}@example.com,CEO,ServiceMessage,${phone}`);
    const path = join(tmp(), 'phones.csv');
    writeFileSync(path, ['Name,Email,Title,MessageTypes,Phone', ...lines, 'Zed,zed@example.com,CEO,ServiceMessage,+86 139 1234 5678', ''].join('\n'));
    const { code, rows } = await validate(path);
    expect(code).toBe(1);
    phones.forEach(([, countryCode], i) => {
      expect(messagesOf(rows, i + 2)).toEqual([
        `PhoneNumber (column E "Phone"): country code ${countryCode} is not accepted; only mainland China mobiles (86-) are`,
      ]);
    });
    expect(rows.at(-1)!.status).toBe('valid');
  });
});
