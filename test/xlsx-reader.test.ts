import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { InputError } from '../src/errors.js';
import { eachRow, type OpenedSheet, type SheetRow } from '../src/read/types.js';
import { openXlsx } from '../src/read/xlsx.js';
import { type Part, zipParts, REL, xml, workbookParts, sharedStringsPart, worksheetXml, inline, shared } from './helpers/xlsx-parts.js';

/** Generous: exceljs is slow to load and to write on a busy CI machine. */
const SLOW = 240_000;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xlsx-reader-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function readAll(opened: OpenedSheet): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const batch of opened.batches) rows.push(...batch);
  return rows;
}

async function read(path: string, sheet?: string): Promise<SheetRow[]> {
  return readAll(await openXlsx(path, sheet === undefined ? {} : { sheet }));
}

/** The InputError a read ends with, checked to be one line. */
async function failure(path: string, sheet?: string): Promise<InputError> {
  try {
    await read(path, sheet);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const inputError = error as InputError;
    expect(inputError.exitCode).toBe(2);
    expect(inputError.message).not.toContain('\n');
    return inputError;
  }
  throw new Error(`reading ${path} did not fail`);
}

describe('openXlsx: cells', () => {
  let features: string;

  beforeAll(async () => {
    features = join(dir, 'features.xlsx');
    const workbook = new ExcelJS.Workbook();
    // Created first, so stored as sheet1.xml, but the last tab.
    const notes = workbook.addWorksheet('备注');
    const contacts = workbook.addWorksheet('Contacts');
    const hidden = workbook.addWorksheet('Hidden', { state: 'hidden' });
    // Tab order is exceljs's orderNo (missing from its types).
    [contacts, hidden, notes].forEach((sheet, tab) => ((sheet as unknown as { orderNo: number }).orderNo = tab));
    notes.addRow(['备注内容']);
    hidden.addRow(['secret']);

    contacts.addRow(['Name', 'Email', 'Phone', 'Title', 'Note']);
    contacts.getRow(2).values = [
      'AliceWang',
      { text: 'alice@example.com', hyperlink: 'mailto:alice@example.com' },
      13912345678,
      { richText: [{ text: 'Technical', font: { bold: true } }, { text: 'Director' }] },
      { formula: 'A2&"!"', result: 'AliceWang!' } as ExcelJS.CellValue,
    ];
    // row 3 left blank: absent from the file
    contacts.getRow(4).values = ['欧阳娜娜', 'nana@example.com', '+86 138 0013 8000', null, { error: '#N/A' }];
    contacts.getRow(5).values = ['Carol', null, null, new Date(Date.UTC(2024, 0, 15)), 1e21, true, 0.5];
    contacts.getCell('A6').value = { formula: '1+1' } as ExcelJS.CellValue;
    contacts.getCell('B7').style = { font: { bold: true } }; // a styled, empty cell
    await workbook.xlsx.writeFile(features);
  }, SLOW);

  test('reads every kind of cell as text, rows with their sheet numbers', async () => {
    const opened = await openXlsx(features, {});
    expect(opened.format).toBe('xlsx');
    expect(opened.sheet).toBe('Contacts');
    expect(await readAll(opened)).toEqual([
      { row: 1, cells: ['Name', 'Email', 'Phone', 'Title', 'Note'] },
      { row: 2, cells: ['AliceWang', 'alice@example.com', '13912345678', 'TechnicalDirector', 'AliceWang!'] },
      { row: 4, cells: ['欧阳娜娜', 'nana@example.com', '+86 138 0013 8000', '', { kind: 'error', shown: '#N/A' }] },
      {
        row: 5,
        cells: ['Carol', '', '', { kind: 'date', shown: '2024-01-15' }, '1000000000000000000000', 'TRUE', '0.5'],
      },
      // A formula never calculated: no value to show, and it must not read as an empty cell (issue 20).
      { row: 6, cells: [{ kind: 'uncalculated', shown: '' }] },
      { row: 7, cells: [] },
    ]);
  });

  test('--sheet by name, any case, and by tab position (not the sheetN.xml number)', async () => {
    expect(await read(features, '备注')).toEqual([{ row: 1, cells: ['备注内容'] }]);
    expect((await openXlsx(features, { sheet: 'contacts' })).sheet).toBe('Contacts');
    expect((await openXlsx(features, { sheet: ' Contacts ' })).sheet).toBe('Contacts');
    expect((await openXlsx(features, { sheet: '1' })).sheet).toBe('Contacts');
    expect(await read(features, '2')).toEqual([{ row: 1, cells: ['secret'] }]);
    expect(await read(features, '3')).toEqual([{ row: 1, cells: ['备注内容'] }]);
  });

  test('an unknown sheet names the file and the sheets there are', async () => {
    const choices = 'the workbook has sheets: "Contacts", "Hidden" (hidden), "备注" (use --sheet NAME or --sheet 1..3)';
    expect((await failure(features, 'Foo')).message).toBe(`features.xlsx: no sheet "Foo"; ${choices}`);
    expect((await failure(features, '4')).message).toBe(`features.xlsx: no sheet 4; ${choices}`);
    expect((await failure(features, '0')).message).toBe(`features.xlsx: no sheet 0; ${choices}`);
  });

  test('a stopped read releases the file', async () => {
    const opened = await openXlsx(features, {});
    for await (const row of eachRow(opened.batches)) {
      expect(row.row).toBe(1);
      break;
    }
    expect((await read(features)).length).toBe(6);
  });
});

describe('openXlsx: hand-built workbooks', () => {
  test('a link on a cell with no text gives its mailto: address', async () => {
    const path = join(dir, 'links.xlsx');
    const rows = [
      `<row r="1">${shared('A1', 0)}${shared('B1', 1)}</row>`,
      `<row r="2">${shared('A2', 2)}${shared('B2', 3)}</row>`, // empty shared string
      `<row r="3">${shared('A3', 4)}${shared('B3', 5)}</row>`, // text wins
      `<row r="4">${inline('A4', 'Cy')}<c r="B4" s="0"/></row>`, // a cell without value
      `<row r="5">${inline('A5', 'Di')}</row>`, // no cell at all, linked through a range
      `<row r="6">${inline('A6', 'Ed')}${inline('B6', '')}</row>`,
      `<row r="7">${inline('A7', 'Fay')}</row>`, // a web link: nothing to show
    ].join('');
    const links =
      '<hyperlinks><hyperlink ref="B2" r:id="rId1"/><hyperlink ref="B3" r:id="rId2"/><hyperlink ref="B4" r:id="rId3" display="x"/>' +
      '<hyperlink ref="B5:B6" r:id="rId4"/><hyperlink ref="B7" r:id="rId5"/><hyperlink ref="C2" location="Other!A1"/></hyperlinks>';
    const sheetRels = [
      ['rId1', 'mailto:ann@example.com?subject=Hi'],
      ['rId2', 'mailto:bob@link.example.com'],
      ['rId3', 'MAILTO:cy%40example.com'],
      ['rId4', 'mailto:di.ed@example.com'],
      ['rId5', 'https://example.com/fay'],
    ].map(([id, target]) => `<Relationship Id="${id}" Type="${REL}/hyperlink" Target="${xml(target ?? '')}" TargetMode="External"/>`);
    writeFileSync(
      path,
      zipParts([
        ...workbookParts([{ name: 'Links', target: 'worksheets/sheet1.xml' }]),
        sharedStringsPart(['Name', 'Email', 'Ann', '', 'Bob', 'bob@shown.example.com']),
        ['xl/worksheets/sheet1.xml', worksheetXml(rows, links)],
        [
          'xl/worksheets/_rels/sheet1.xml.rels',
          `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels.join('')}</Relationships>`,
        ],
      ]),
    );
    expect(await read(path)).toEqual([
      { row: 1, cells: ['Name', 'Email'] },
      { row: 2, cells: ['Ann', 'ann@example.com'] },
      { row: 3, cells: ['Bob', 'bob@shown.example.com'] },
      { row: 4, cells: ['Cy', 'cy@example.com'] },
      { row: 5, cells: ['Di', 'di.ed@example.com'] },
      { row: 6, cells: ['Ed', 'di.ed@example.com'] },
      { row: 7, cells: ['Fay'] },
    ]);
  });

  test.each([
    ['deflated', {}],
    ['stored as it is', { store: ['xl/worksheets/sheet1.xml'] }],
    ['deflated, with an extra field in its local header', { extra: { 'xl/worksheets/sheet1.xml': 28 } }],
    ['stored, with an extra field in its local header', { store: ['xl/worksheets/sheet1.xml'], extra: { 'xl/worksheets/sheet1.xml': 9 } }],
  ])('merged cells are found in a worksheet %s', async (label, options) => {
    const path = join(dir, `merged-${label.replace(/\W+/g, '-')}.xlsx`);
    const rows = `<row r="1">${inline('A1', 'Name')}${inline('B1', 'Title')}</row><row r="2">${inline('A2', 'Ann')}${inline('B2', 'CEO')}</row><row r="3">${inline('A3', 'Bob')}</row>`;
    writeFileSync(
      path,
      zipParts([...workbookParts([{ name: 'Contacts', target: 'worksheets/sheet1.xml' }]), sharedStringsPart([]), ['xl/worksheets/sheet1.xml', worksheetXml(rows, '<mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells>')]], options),
    );
    expect(await read(path)).toEqual([
      { row: 1, cells: ['Name', 'Title'] },
      { row: 2, cells: ['Ann', 'CEO'] },
      { row: 3, cells: ['Bob', { kind: 'merged', shown: 'B2:B3' }] },
    ]);
  });

  test('chart sheets, absolute rels targets and a zip comment', async () => {
    const path = join(dir, 'odd.xlsx');
    writeFileSync(
      path,
      zipParts(
        [
          ...workbookParts([
            { name: 'Chart1', target: '/xl/chartsheets/sheet1.xml', type: 'chartsheet' },
            { name: '数据', target: '/xl/worksheets/sheet1.xml' },
          ]),
          sharedStringsPart(['姓名']),
          ['xl/worksheets/sheet1.xml', worksheetXml(`<row r="1">${shared('A1', 0)}</row><row r="2">${inline('A2', '张伟')}</row>`)],
        ],
        { comment: 'A zip comment longer than the 80 bytes unzipper looks at by default, to find the end record anyway.' },
      ),
    );
    const opened = await openXlsx(path, {});
    expect(opened.sheet).toBe('数据');
    expect(await readAll(opened)).toEqual([
      { row: 1, cells: ['姓名'] },
      { row: 2, cells: ['张伟'] },
    ]);
    expect((await failure(path, 'Chart1')).message).toBe(
      'odd.xlsx: sheet "Chart1" is a chart sheet, it has no rows; the workbook has sheets: "Chart1", "数据" (use --sheet NAME or --sheet 1..2)',
    );
  });
});

describe('openXlsx: unreadable files are one line, exit 2', () => {
  const minimal = (): Part[] => [
    ...workbookParts([{ name: 'Sheet1', target: 'worksheets/sheet1.xml' }]),
    sharedStringsPart(['Name']),
    ['xl/worksheets/sheet1.xml', worksheetXml(`<row r="1">${shared('A1', 0)}</row>`)],
  ];
  const write = (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const unreadable = (file: string, reason: string) =>
    `${file}: not a readable XLSX workbook (${reason}); open it in Excel and save it again as .xlsx`;

  test('not a zip at all', async () => {
    const path = write('random.xlsx', Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251)));
    expect((await failure(path)).message).toBe(
      unreadable('random.xlsx', 'no zip directory at its end: not a zip archive, or a truncated one'),
    );
  });

  test('a truncated zip', async () => {
    const whole = zipParts(minimal());
    const path = write('truncated.xlsx', whole.subarray(0, Math.floor(whole.length * 0.6)));
    expect((await failure(path)).message).toBe(
      unreadable('truncated.xlsx', 'no zip directory at its end: not a zip archive, or a truncated one'),
    );
  });

  test('a zip without a workbook', async () => {
    const path = write('noworkbook.xlsx', zipParts([['xl/worksheets/sheet1.xml', worksheetXml('')]]));
    expect((await failure(path)).message).toBe(unreadable('noworkbook.xlsx', 'there is no xl/workbook.xml in it'));
  });

  test.each([
    ['after the shared strings', (parts: Part[]) => parts],
    ['before the shared strings', (parts: Part[]) => [...parts.slice(0, 2), parts[3]!, parts[2]!]],
  ])('damaged compressed data in the worksheet, %s', async (label, order) => {
    const file = `damaged-${label.replace(/\W+/g, '-')}.xlsx`;
    const path = write(file, zipParts(order(minimal()), { damage: 'xl/worksheets/sheet1.xml' }));
    // Found by the first pass over the worksheet (merged cells, links), which names the part.
    expect((await failure(path)).message).toBe(unreadable(file, 'xl/worksheets/sheet1.xml: damaged compressed data: invalid block type'));
  });

  test('broken XML', async () => {
    const parts = minimal();
    parts[3] = ['xl/worksheets/sheet1.xml', worksheetXml('<row r="1"><c r="A1"><v>1</v></row>')];
    const path = write('broken.xlsx', zipParts(parts));
    expect((await failure(path)).message).toBe(
      unreadable('broken.xlsx', 'xl/worksheets/sheet1.xml: damaged XML: </row> where </c> was expected, at character 234'),
    );
  });
});
