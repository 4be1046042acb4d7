/**
 * A workbook reads the same whatever order its zip stores the parts in
 * (issue 17, break 1: with xl/sharedStrings.xml after the worksheet, every
 * shared-string cell read as empty, `validate` said 0 rows, and `sync --prune`
 * deleted every contact the sheet lists). Workbooks are built here in the
 * orders real writers use.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { admin } from './helpers/emulator.js';
import { useImportRuns } from './helpers/import-run.js';
import { useTempDir } from './helpers/tmp.js';
import { inline, NS, REL, shared, sharedStringsPart, worksheetXml, zipParts, type Part } from './helpers/xlsx-parts.js';
import { runCli } from './helpers/cli.js';
import { readSheet, type DataRow } from '../src/read/index.js';
import { eachRow, type SheetRow } from '../src/read/types.js';
import { openXlsx } from '../src/read/xlsx.js';

const tmp = useTempDir('xlsx-part-order-');
const { emulator, importSheet } = useImportRuns('xlsx-part-order-runs-');

const HEADER = ['Name', 'Email', 'Phone', 'Title', 'MessageTypes'];
const PEOPLE = [
  ['Alice', 'alice@example.com', 13912345678, 'CEO', 'ServiceMessage'],
  ['Bob', 'bob@example.com', 13912345679, 'TechnicalDirector', 'FaultMessage'],
  ['Carol', 'carol@example.com', 13912345670, 'Other', 'ServiceMessage,FaultMessage'],
] as const;
const COLUMNS = 'ABCDE';

/** The parts of one workbook, by name, its text cells through shared strings or inline (`t="inlineStr"`). */
function workbook(strings: 'shared' | 'inline' | 'header inline'): Record<string, string> {
  const table: string[] = [];
  const text = (ref: string, value: string, row: number) => {
    if (strings === 'inline' || (strings === 'header inline' && row === 1)) return inline(ref, value);
    table.push(value);
    return shared(ref, table.length - 1);
  };
  const rows = [HEADER, ...PEOPLE].map((cells, i) => {
    const row = i + 1;
    const xml = cells.map((cell, c) => (typeof cell === 'number' ? `<c r="${COLUMNS[c]}${row}" s="1"><v>${cell}</v></c>` : text(`${COLUMNS[c]}${row}`, cell, row)));
    return `<row r="${row}">${xml.join('')}</row>`;
  });
  const relationships = [
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`,
    `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rId3" Type="${REL}/theme" Target="theme/theme1.xml"/>`,
    ...(table.length > 0 ? [`<Relationship Id="rId4" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`] : []),
  ];
  const parts: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'docProps/core.xml': '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"/>',
    'docProps/app.xml': '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets><sheet name="Contacts" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships.join('')}</Relationships>`,
    'xl/theme/theme1.xml': '<?xml version="1.0" encoding="UTF-8"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"/>',
    // Style 1 shows a number with no decimals: the phone's digits.
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="1" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    'xl/worksheets/sheet1.xml': worksheetXml(rows.join('')),
  };
  if (table.length > 0) parts['xl/sharedStrings.xml'] = sharedStringsPart(table)[1];
  return parts;
}

/** The parts in the order given; any left over (docProps, theme) go after. */
function zipInOrder(parts: Record<string, string>, order: string[]): Buffer {
  const names = [...order.filter((name) => name in parts), ...Object.keys(parts).filter((name) => !order.includes(name))];
  return zipParts(names.map((name): Part => [name, parts[name]!]));
}

const ORDERS: [label: string, strings: 'shared' | 'inline', order: string[]][] = [
  [
    'as Excel stores them (shared strings after the worksheets)',
    'shared',
    ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml', 'xl/theme/theme1.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', 'docProps/core.xml', 'docProps/app.xml'],
  ],
  [
    'as LibreOffice stores them (workbook.xml after the worksheets)',
    'shared',
    ['_rels/.rels', 'docProps/app.xml', 'docProps/core.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/workbook.xml', 'xl/styles.xml', '[Content_Types].xml'],
  ],
  [
    'shared strings last of all',
    'shared',
    ['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'docProps/app.xml', 'xl/theme/theme1.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml'],
  ],
  ['worksheet first of all', 'shared', ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']],
  ['inline strings, no shared strings at all', 'inline', ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml', 'xl/styles.xml']],
];

const EXPECTED_ROWS: SheetRow[] = [HEADER, ...PEOPLE].map((cells, i) => ({ row: i + 1, cells: cells.map(String) }));

describe('XLSX parts in any order read the same rows', () => {
  test.each(ORDERS)('%s', async (label, strings, order) => {
    const path = join(tmp(), `${label.replace(/\W+/g, '-')}.xlsx`);
    writeFileSync(path, zipInOrder(workbook(strings), order));

    const rows: SheetRow[] = [];
    for await (const row of eachRow((await openXlsx(path, {})).batches)) rows.push(row);
    expect(rows).toEqual(EXPECTED_ROWS);

    const sheet = await readSheet(path);
    const data: DataRow[] = [];
    for await (const row of eachRow(sheet.batches)) data.push(row);
    expect(data.map((r) => [r.row, r.cells.Name, r.cells.EmailAddress, r.cells.PhoneNumber])).toEqual([
      [2, 'Alice', 'alice@example.com', '13912345678'],
      [3, 'Bob', 'bob@example.com', '13912345679'],
      [4, 'Carol', 'carol@example.com', '13912345670'],
    ]);
  });
});

describe('the sheet of the report: header inline, contacts through shared strings stored last', () => {
  const reported = () => {
    const path = join(tmp(), 'reported.xlsx');
    writeFileSync(path, zipInOrder(workbook('header inline'), ORDERS[2]![2]));
    return path;
  };

  it('validate reads its three contacts', async () => {
    const run = await runCli(['validate', reported(), '--report-dir', join(tmp(), 'validate-report'), '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ input: { rows: 3 }, counts: { valid: 3 } });
  });

  it('sync --prune deletes only the contact the sheet does not list', async () => {
    const e = await emulator();
    const contact = (name: string) => ({ Name: name, EmailAddress: `${name.toLowerCase()}@example.com`, Title: 'CEO', MessageTypes: ['ServiceMessage'] });
    await admin(e, 'POST', 'preload', { contacts: ['Alice', 'Bob', 'Carol', 'Zed'].map(contact) });
    // Room to delete them all, as a misread sheet would.
    const run = await importSheet(e, reported(), ['--mode', 'sync', '--prune', '--max-delete', '4']);
    expect(run.code).toBe(0);
    expect(run.rows.map((r) => [r.name, r.status])).toEqual([
      ['Alice', 'updated'],
      ['Bob', 'updated'],
      ['Carol', 'updated'],
      ['Zed', 'deleted'],
    ]);
    expect(e.state.all().map((c) => c.Name)).toEqual(['Alice', 'Bob', 'Carol']);
  });
});
