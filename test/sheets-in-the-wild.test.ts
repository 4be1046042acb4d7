/**
 * Sheets as people really make them (issue 6): encodings, delimiters, a header
 * under a title, contacts on a later sheet, spreadsheet damage, mapping files,
 * limits, and the corrected copy. Every fixture is generated here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { runValidate } from '../src/commands/validate.js';
import { validateRow } from '../src/judge/validate.js';
import { ExitError, InputError } from '../src/errors.js';
import { createLogger } from '../src/terminal/log.js';
import type { RowResult } from '../src/report/types.js';
import { readColumnMap } from '../src/read/column-map.js';
import { readSheet, type DataRow, type ReadOptions, type ReadSheet } from '../src/read/index.js';
import { eachRow } from '../src/read/types.js';
import { openXlsx } from '../src/read/xlsx.js';
import { useTempDir } from './helpers/tmp.js';
import { NS, sharedStringsPart, workbookParts, zipParts, inline } from './helpers/xlsx-parts.js';

const tmp = useTempDir();

function write(name: string, content: string | Buffer): string {
  const path = join(tmp(), name);
  writeFileSync(path, content);
  return path;
}

async function readAll(path: string, options: ReadOptions = {}): Promise<{ sheet: ReadSheet; rows: DataRow[] }> {
  const sheet = await readSheet(path, options);
  const rows: DataRow[] = [];
  for await (const row of eachRow(sheet.batches)) rows.push(row);
  return { sheet, rows };
}

async function failure(attempt: Promise<unknown>): Promise<InputError> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).exitCode).toBe(2);
  expect((error as Error).message).not.toContain('\n');
  return error as InputError;
}

const HEADER = ['Name', 'Email', 'Title', 'MessageTypes'];
const ANN = ['Ann', 'ann@example.com', 'CEO', 'ServiceMessage,FaultMessage'];
const CHINESE_HEADER = ['姓名', '邮箱', '职位', '消息类型'];
const ZHANG = ['张伟', 'zw@example.com', 'TechnicalDirector', 'ServiceMessage'];

describe('encodings', () => {
  it('UTF-8 with a BOM: the BOM is not part of the first header', async () => {
    const path = write('bom.csv', Buffer.from(`\uFEFF${HEADER.join(',')}\r\nAnn,ann@example.com,CEO,ServiceMessage\r\n`));
    const { sheet, rows } = await readAll(path);
    expect(sheet.header.headers[0]).toBe('Name');
    expect(rows[0]!.cells.Name).toBe('Ann');
    expect(sheet.input.text).toMatchObject({ decoding: { encoding: 'utf-8', bom: true, source: 'bom' }, delimiter: ',' });
  });

  it('UTF-16 LE with a BOM, tab-separated (Excel\'s "Unicode text"), Chinese intact', async () => {
    const text = [CHINESE_HEADER, ZHANG, ['欧阳娜娜', 'nana@example.com', 'CEO', 'ProductMessage']].map((r) => r.join('\t')).join('\r\n') + '\r\n';
    const path = write('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const { sheet, rows } = await readAll(path);
    expect(sheet.input.text).toMatchObject({ decoding: { encoding: 'utf-16le', bom: true }, delimiter: '\t', delimiterSource: 'detected' });
    expect(rows.map((r) => [r.row, r.cells.Name, r.cells.EmailAddress])).toEqual([
      [2, '张伟', 'zw@example.com'],
      [3, '欧阳娜娜', 'nana@example.com'],
    ]);
  });

  it('UTF-16 BE with a BOM', async () => {
    const le = Buffer.from(`${HEADER.join('\t')}\r\n${['Ann', 'ann@example.com', 'CEO', 'ServiceMessage'].join('\t')}\r\n`, 'utf16le');
    const be = Buffer.from(le).swap16();
    const { sheet, rows } = await readAll(write('be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be])));
    expect(sheet.input.text?.decoding.encoding).toBe('utf-16be');
    expect(rows[0]!.cells.EmailAddress).toBe('ann@example.com');
  });

  it('GB18030 with Chinese headers (Excel\'s plain "CSV" on Chinese Windows)', async () => {
    const text = [CHINESE_HEADER, ZHANG, ['李娜', 'lina@example.com', '技术总监', '服务消息']].map((r) => r.join(',')).join('\r\n') + '\r\n';
    const path = write('gbk.csv', iconv.encode(text, 'gb18030'));
    const { sheet, rows } = await readAll(path);
    expect(sheet.input.text?.decoding).toEqual({ encoding: 'gb18030', bom: false, source: 'detected' });
    expect(sheet.header.columns).toEqual({ Name: 0, EmailAddress: 1, Title: 2, MessageTypes: 3 });
    expect(rows.map((r) => [r.cells.Name, r.cells.Title])).toEqual([
      ['张伟', 'TechnicalDirector'],
      ['李娜', '技术总监'],
    ]);
  });

  it('GBK that starts after 64 KiB of plain ASCII is still read right', async () => {
    const ascii = Array.from({ length: 2000 }, (_, i) => `Person${String.fromCharCode(97 + (i % 26))}x${i},p${i}@example.com,CEO,ServiceMessage`);
    const bytes = Buffer.concat([Buffer.from([HEADER.join(','), ...ascii, ''].join('\r\n')), iconv.encode('张伟,zw@example.com,CEO,ServiceMessage\r\n', 'gb18030')]);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const { sheet, rows } = await readAll(write('late-gbk.csv', bytes));
    expect(rows).toHaveLength(2001);
    expect(rows[2000]!.cells.Name).toBe('张伟');
    expect(sheet.input.text?.decoding.encoding).toBe('gb18030');
  });

  it('windows-1252 from Western European Excel, semicolon-separated', async () => {
    const text = `Name;Email;Title;MessageTypes\r\nMüller;mueller@example.com;CEO;ServiceMessage\r\nJosé;jose@example.com;Other;FaultMessage\r\n`;
    const { sheet, rows } = await readAll(write('latin.csv', iconv.encode(text, 'windows-1252')));
    expect(sheet.input.text).toMatchObject({ decoding: { encoding: 'windows-1252' }, delimiter: ';' });
    expect(rows.map((r) => r.cells.Name)).toEqual(['Müller', 'José']);
  });

  it('UTF-8 first and something else later is one line naming where, not a guess', async () => {
    const bytes = Buffer.concat([Buffer.from(`${HEADER.join(',')}\r\n张伟,zw@example.com,CEO,ServiceMessage\r\n`), iconv.encode('李娜,ln@example.com,CEO,ServiceMessage\r\n', 'gb18030')]);
    const path = write('mixed.csv', bytes);
    const error = await failure(readAll(path));
    expect(error.message).toMatch(/^mixed\.csv: line 3 is not UTF-8 text though earlier lines are .*--encoding/);
  });

  it('--encoding overrides detection; an unknown name is refused', async () => {
    const path = write('forced.csv', iconv.encode(`${HEADER.join(',')}\r\nAnn,ann@example.com,CEO,ServiceMessage\r\n`, 'gb18030'));
    const { sheet } = await readAll(path, { encoding: 'GBK' });
    expect(sheet.input.text?.decoding).toMatchObject({ encoding: 'gb18030', source: 'option' });
    const error = await failure(readAll(path, { encoding: 'klingon' }));
    expect(error.message).toMatch(/^--encoding klingon: unknown encoding/);
  });
});

describe('delimiters', () => {
  it.each([
    [';', 'semicolon'],
    ['\t', 'tab'],
    ['|', 'pipe'],
    [',', 'comma'],
  ])('sniffs %j from the header line, keeping the other characters in fields', async (delimiter, label) => {
    const line = (cells: string[]) => cells.map((c) => (c.includes(delimiter) ? `"${c}"` : c)).join(delimiter);
    const text = [line(HEADER), line(ANN)].join('\r\n') + '\r\n';
    const { sheet, rows } = await readAll(write(`${label}.csv`, text));
    expect(sheet.input.text).toMatchObject({ delimiter, delimiterSource: 'detected' });
    expect(rows[0]!.cells.MessageTypes).toBe('ServiceMessage,FaultMessage');
  });

  it('--delimiter overrides sniffing', async () => {
    const path = write('odd.csv', 'Name;Email;Title;MessageTypes\r\nAnn;ann@example.com;CEO;ServiceMessage\r\n');
    const error = await failure(readAll(path, { delimiter: ',' }));
    expect(error.message).toMatch(/no recognisable header row/);
    const { sheet } = await readAll(path, { delimiter: 'semicolon' });
    expect(sheet.input.text).toMatchObject({ delimiter: ';', delimiterSource: 'option' });
  });
});

describe('header search', () => {
  it('finds the header on row 3 under a title and a blank row; rows keep their sheet numbers', async () => {
    const text = 'Contacts of ACME, 2026,,,\r\n,,,\r\n' + [HEADER, ANN].map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\r\n') + '\r\n';
    const { sheet, rows } = await readAll(write('title.csv', text));
    expect(sheet.header.row).toBe(3);
    expect(rows.map((r) => [r.row, r.cells.Name])).toEqual([[4, 'Ann']]);
  });

  it('looks no further than row 20, and says so', async () => {
    const text = Array.from({ length: 20 }, (_, i) => `note ${i}`).join('\r\n') + `\r\n${HEADER.join(',')}\r\n`;
    const error = await failure(readAll(write('deep.csv', text)));
    expect(error.message).toMatch(/^deep\.csv: no recognisable header row; row 1 reads "note 0".*\(looked through the first 20 rows\)$/);
  });

  it('the best near-header is the one described', async () => {
    const text = `Contact list\r\nName,Email,Phone\r\nAnn,ann@example.com,\r\n`;
    const error = await failure(readAll(write('near.csv', text)));
    expect(error.message).toMatch(/^near\.csv: row 2: no Title, MessageTypes column; the headers found are "Name", "Email", "Phone"/);
  });

  it('trailing empty rows and columns are nothing: not counted, not columns', async () => {
    const text = `${HEADER.join(',')},,,\r\nAnn,ann@example.com,CEO,ServiceMessage,,,\r\n,,,,,,\r\n\r\nBob,bob@example.com,CEO,ServiceMessage,,,\r\n,,,,,,\r\n,,,,,,\r\n\r\n`;
    const { sheet, rows } = await readAll(write('trailing.csv', text));
    expect(rows.map((r) => r.row)).toEqual([2, 5]);
    expect(sheet.blankRows()).toBe(2); // the two between Ann and Bob, none after Bob
    expect(sheet.header.ignored).toEqual([]);
  });
});

async function workbook(build: (book: ExcelJS.Workbook) => void, name: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  build(book);
  const path = join(tmp(), name);
  await book.xlsx.writeFile(path);
  return path;
}

describe('XLSX: which sheet', () => {
  it('without --sheet, the first sheet whose header maps: instructions come first', async () => {
    const path = await workbook((book) => {
      book.addWorksheet('Instructions').addRows([['Fill in one contact per row on the next sheet.'], ['Titles: CEO, TechnicalDirector']]);
      const contacts = book.addWorksheet('Contacts');
      contacts.addRows([HEADER, ANN]);
    }, 'instructions.xlsx');
    const { sheet, rows } = await readAll(path);
    expect(sheet.input.sheet).toBe('Contacts');
    expect(rows.map((r) => [r.row, r.cells.Name])).toEqual([[2, 'Ann']]);
    // Named, the instructions sheet is what is read, and it has no header.
    const error = await failure(readAll(path, { sheet: 'Instructions' }));
    expect(error.message).toMatch(/^instructions\.xlsx: sheet "Instructions": no recognisable header row; row 1 reads "Fill in one contact/);
  });

  it('no sheet with a header: one line that names every sheet tried', async () => {
    const path = await workbook((book) => {
      book.addWorksheet('Readme').addRow(['Nothing here']);
      book.addWorksheet('Data').addRows([['Name', 'Email'], ['Ann', 'ann@example.com']]);
    }, 'none.xlsx');
    const error = await failure(readAll(path));
    expect(error.message).toMatch(
      /^none\.xlsx: no sheet has a header row; sheet "Readme": no recognisable header row.*; sheet "Data": row 1: no Title, MessageTypes column.*--sheet.*--map\)$/,
    );
  });
});

describe('XLSX: spreadsheet damage', () => {
  it('a phone shown in scientific notation is invalid, with how to fix the column', async () => {
    const path = await workbook((book) => {
      const sheet = book.addWorksheet('Contacts');
      sheet.addRows([[...HEADER, 'Phone'], [...ANN, 13912345678], ['Bob', 'bob@example.com', 'CEO', 'ServiceMessage', 13912345679]]);
      sheet.getCell('E3').numFmt = '0.00E+00';
    }, 'scientific.xlsx');
    const { sheet, rows } = await readAll(path);
    expect(rows.map((r) => r.cells.PhoneNumber)).toEqual(['13912345678', '1.39E+10']);
    const verdict = validateRow(rows[1]!.cells, 'intl');
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.problems).toEqual([
      expect.objectContaining({ field: 'PhoneNumber', code: 'InvalidParameter.PhoneNumber', message: expect.stringMatching(/"1\.39E\+10" is a number in scientific notation.*format the column as Text/) }),
    ]);
    expect(sheet.input.sheet).toBe('Contacts');
  });

  it('the same from a CSV that Excel saved with the number as shown', async () => {
    const { rows } = await readAll(write('sci.csv', `${HEADER.join(',')},Phone\r\nAnn,ann@example.com,CEO,ServiceMessage,1.39123E+10\r\n`));
    const verdict = validateRow(rows[0]!.cells, 'intl');
    expect(!verdict.ok && verdict.problems.map((p) => p.message)).toEqual([expect.stringMatching(/PhoneNumber.*"1\.39123E\+10".*format the column as Text/)]);
  });

  it('merged cells in data rows: each covered cell is reported, a merge-only row is blank', async () => {
    const path = await workbook((book) => {
      const sheet = book.addWorksheet('Contacts');
      sheet.addRows([['Team list', '', '', ''], HEADER, ANN, ['Bob', 'bob@example.com', '', 'ServiceMessage'], ['Cat', 'cat@example.com', 'Other', 'ServiceMessage']]);
      sheet.mergeCells('A1:D1'); // a title above the header: nobody's business
      sheet.mergeCells('C3:C4'); // one Title for Ann and Bob
      sheet.getCell('A7').value = 'x';
      sheet.mergeCells('A7:A8'); // row 8 holds nothing but the merge
    }, 'merged.xlsx');
    const { sheet, rows } = await readAll(path);
    expect(sheet.header.row).toBe(2);
    expect(rows.map((r) => r.row)).toEqual([3, 4, 5, 7]);
    expect(rows[1]!.cells.Title).toEqual({ kind: 'merged', shown: 'C3:C4', ref: 'C4' });
    const verdict = validateRow(rows[1]!.cells, 'intl');
    expect(!verdict.ok && verdict.problems).toEqual([
      expect.objectContaining({ field: 'Title', message: 'Title: cell C4 is covered by the merged cells C3:C4, so it reads as empty; unmerge them and fill in every row' }),
    ]);
    expect(validateRow(rows[0]!.cells, 'intl').ok).toBe(true);
  });

  it('a dimension that claims a million rows, and a phantom last row, cost nothing', async () => {
    const strings = [...HEADER, ...Array.from({ length: 40 }, (_, i) => `Person${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`)];
    const row = (r: number, cells: string[]) => `<row r="${r}">${cells.join('')}</row>`;
    const rows = [row(1, HEADER.map((_, i) => `<c r="${'ABCD'[i]}1" t="s"><v>${i}</v></c>`))];
    for (let i = 0; i < 40; i++) {
      rows.push(row(i + 2, [`<c r="A${i + 2}" t="s"><v>${4 + i}</v></c>`, inline(`B${i + 2}`, `p${i}@example.com`), inline(`C${i + 2}`, 'CEO'), inline(`D${i + 2}`, 'ServiceMessage')]));
    }
    rows.push('<row r="1048576" s="1" customFormat="1" ht="15"/>');
    const sheetXml = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><dimension ref="A1:XFD1048576"/><sheetData>${rows.join('')}</sheetData></worksheet>`;
    const path = write('phantom.xlsx', zipParts([...workbookParts([{ name: 'Contacts', target: 'worksheets/sheet1.xml' }]), sharedStringsPart(strings), ['xl/worksheets/sheet1.xml', sheetXml]]));
    const opened = await openXlsx(path, {});
    let yielded = 0;
    for await (const batch of opened.batches) yielded += batch.length;
    expect(yielded).toBe(42); // header, 40 contacts, the phantom row: nothing for the million claimed
    const { sheet, rows: data } = await readAll(path);
    expect(data).toHaveLength(40);
    expect(sheet.blankRows()).toBe(0); // the gap up to the phantom row trails the data: nothing
  });
});

describe('mapping file', () => {
  const odd = ['Full name (as in passport)', 'Notify by mail', 'Role', 'Subscriptions', 'Remarks', 'Email'];

  it('maps any header text to a field, null to ignore; options win over its pins', async () => {
    const path = write('odd.csv', `${odd.join(',')}\r\nAnn,ann@example.com,CEO,ServiceMessage,vip,old@example.com\r\n`);
    const mapPath = write('mapping.json', JSON.stringify({ columns: { 'full name (AS IN passport)': 'Name', 'Notify by mail': 'email', Role: 'Title', Subscriptions: 'MessageTypes', Remarks: null, Email: null } }));
    const map = await readColumnMap(mapPath);
    const { sheet, rows } = await readAll(path, { map });
    expect(sheet.header.columns).toEqual({ Name: 0, EmailAddress: 1, Title: 2, MessageTypes: 3 });
    expect(sheet.header.ignored).toEqual(['Remarks', 'Email']);
    expect(rows[0]!.cells.EmailAddress).toBe('ann@example.com');
  });

  it('a mapped header the sheet does not have is refused: a renamed column must not drop a field silently', async () => {
    const path = write('renamed.csv', 'Name,Email,Title,MessageTypes\r\nAnn,ann@example.com,CEO,ServiceMessage\r\n');
    const map = await readColumnMap(write('m.json', JSON.stringify({ columns: { Mobile: 'PhoneNumber' } })));
    const error = await failure(readAll(path, { map }));
    expect(error.message).toBe('renamed.csv: row 1: m.json maps "Mobile", which the header does not have; the headers are "Name", "Email", "Title", "MessageTypes"');
  });

  it.each([
    ['not JSON', '{columns:', /^--map bad\.json: not valid JSON/],
    ['no columns', '{"sheet": "A"}', /^--map bad\.json: columns: .*expected \{"columns"/],
    ['unknown field', '{"columns": {"Mail": "Pager"}}', /^--map bad\.json: columns: "Mail": "Pager" is not a field; use Name, EmailAddress/],
    ['unknown key', '{"columns": {}, "colums": {}}', /^--map bad\.json: the file: .*colums/],
  ])('a broken mapping file is one line: %s', async (_label, content, message) => {
    const error = await failure(readColumnMap(write('bad.json', content)));
    expect(error.message).toMatch(message);
  });
});

describe('limits (exit 2, one line)', () => {
  it('file size: --max-bytes', async () => {
    const path = write('big.csv', `${HEADER.join(',')}\r\n${'Ann,ann@example.com,CEO,ServiceMessage\r\n'.repeat(10)}`);
    const error = await failure(readAll(path, { limits: { maxBytes: 100 } }));
    expect(error.message).toMatch(/^big\.csv: the file is 4\d\d bytes, more than the 100 bytes a sheet may be; raise --max-bytes/);
  });

  it('rows: --max-rows, counting data rows only', async () => {
    const body = Array.from({ length: 6 }, (_, i) => `P${String.fromCharCode(97 + i)}x,p${i}@example.com,CEO,ServiceMessage`).join('\r\n\r\n');
    const path = write('rows.csv', `${HEADER.join(',')}\r\n${body}\r\n`);
    expect((await readAll(path, { limits: { maxRows: 6 } })).rows).toHaveLength(6);
    const error = await failure(readAll(path, { limits: { maxRows: 5 } }));
    expect(error.message).toBe('rows.csv: more than 5 data rows (row 12); raise --max-rows if the sheet really is that long');
  });

  it('cell length: 10,000 characters', async () => {
    const path = write('long.csv', `${HEADER.join(',')},Notes\r\nAnn,ann@example.com,CEO,ServiceMessage,${'x'.repeat(10_001)}\r\n`);
    const error = await failure(readAll(path));
    expect(error.message).toBe('long.csv: row 2, column E: a cell of 10,001 characters, more than the 10,000 a cell may have');
  });

  it('a quote left open stops at the record limit and names its line', async () => {
    const path = write('open.csv', `${HEADER.join(',')}\r\nAnn,"ann@example.com,CEO,ServiceMessage\r\n${'Bob,bob@example.com,CEO,ServiceMessage\r\n'.repeat(20_000)}`);
    const error = await failure(readAll(path));
    expect(error.message).toMatch(/^open\.csv: the record that starts on line 2 runs past 500,000 characters: a quote left open/);
  });

  const bomb = () => [...workbookParts([{ name: 'Contacts', target: 'worksheets/sheet1.xml' }]), sharedStringsPart(HEADER)];
  const bigSheet = () => `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData><row r="1">${HEADER.map((_, i) => `<c r="${'ABCD'[i]}1" t="s"><v>${i}</v></c>`).join('')}</row></sheetData>${' '.repeat(3 * 1024 * 1024)}</worksheet>`;

  it('XLSX that unpacks to more than 20 × --max-bytes: a zip bomb, refused from its directory', async () => {
    const path = write('bomb.xlsx', zipParts([...bomb(), ['xl/worksheets/sheet1.xml', bigSheet()]]));
    const error = await failure(readAll(path, { limits: { maxBytes: 100 * 1024 } }));
    expect(error.message).toMatch(/^bomb\.xlsx: not a readable XLSX workbook \(it unpacks to 3\.0 MB, more than 2\.0 MB: a zip bomb, or raise --max-bytes\)/);
  });

  it('…and one whose directory lies about it is stopped while unpacking', async () => {
    const path = write('liar.xlsx', zipParts([...bomb(), ['xl/worksheets/sheet1.xml', bigSheet()]], { declare: { 'xl/worksheets/sheet1.xml': 1000 } }));
    const error = await failure(readAll(path, { limits: { maxBytes: 100 * 1024 } }));
    expect(error.message).toMatch(/^liar\.xlsx: not a readable XLSX workbook \(it unpacks to more than 2\.0 MB, reading xl\/worksheets\/sheet1\.xml: a zip bomb/);
  });

  it('shared strings nested 100,000 deep, or with entity tricks, end with a result or one line', async () => {
    const deep = `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${HEADER.map((h) => `<si><t>${h}</t></si>`).join('')}<si>${'<r>'.repeat(100_000)}<t>Ann</t>${'</r>'.repeat(100_000)}</si></sst>`;
    const laughs = `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><sst ${NS}>${HEADER.map((h) => `<si><t>${h}</t></si>`).join('')}<si><t>&c;</t></si></sst>`;
    const sheetXml = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData><row r="1">${HEADER.map((_, i) => `<c r="${'ABCD'[i]}1" t="s"><v>${i}</v></c>`).join('')}</row><row r="2"><c r="A2" t="s"><v>4</v></c></row></sheetData></worksheet>`;
    for (const [label, sst] of [['deep', deep], ['laughs', laughs]] as const) {
      const path = write(`${label}.xlsx`, zipParts([...workbookParts([{ name: 'Contacts', target: 'worksheets/sheet1.xml' }]), ['xl/sharedStrings.xml', sst], ['xl/worksheets/sheet1.xml', sheetXml]]));
      const outcome = await readAll(path).then(
        ({ rows }) => rows,
        (error: unknown) => error,
      );
      if (Array.isArray(outcome)) {
        // Read: the name is text, never an expansion of entities.
        const name = (outcome as DataRow[])[0]?.cells.Name;
        expect(typeof name === 'string' ? name.length : 0).toBeLessThan(1000);
      } else {
        expect(outcome).toBeInstanceOf(ExitError);
        expect((outcome as Error).message).not.toContain('\n');
      }
    }
  });
});

describe('fixes and the corrected copy', () => {
  it('marks only the one obvious fix as unambiguous; a guess stays a suggestion', () => {
    const judge = (cells: Record<string, string>) => {
      const verdict = validateRow({ Name: 'Ann', EmailAddress: 'ann@example.com', Title: 'CEO', MessageTypes: 'ServiceMessage', ...cells }, 'intl');
      return verdict.ok ? [] : verdict.problems.map((p) => [p.field, p.suggestion, p.unambiguous ?? false]);
    };
    expect(judge({ Name: 'Zhang San' })).toEqual([['Name', 'ZhangSan', true]]);
    expect(judge({ Name: "O'Brien-Li" })).toEqual([['Name', 'OBrienLi', true]]);
    expect(judge({ Name: 'Ann2' })).toEqual([['Name', 'Ann', false]]);
    expect(judge({ EmailAddress: 'Ann <ann@example.com>' })).toEqual([['EmailAddress', 'ann@example.com', true]]);
    expect(judge({ EmailAddress: 'ann @example.com;' })).toEqual([['EmailAddress', 'ann@example.com', true]]);
    expect(judge({ EmailAddress: 'ann＠example.com' })).toEqual([['EmailAddress', 'ann@example.com', true]]);
    expect(judge({ EmailAddress: 'ann.example.com' })).toEqual([['EmailAddress', undefined, false]]);
    expect(judge({ Title: 'cto' })).toEqual([['Title', 'TechnicalDirector', false]]);
    expect(judge({ MessageTypes: 'Service, Fault' })).toEqual([['MessageTypes', 'ServiceMessage,FaultMessage', true]]);
    expect(judge({ MessageTypes: 'billing' })).toEqual([['MessageTypes', 'AccountExpenses', false]]);
    // Normalised, not invalid: full-width digits and a tel: link are a phone.
    expect(validateRow({ Name: 'Ann', EmailAddress: 'ann@example.com', Title: 'CEO', MessageTypes: 'ServiceMessage', PhoneNumber: 'tel:+86 １３９ 1234 5678' }, 'intl')).toMatchObject({
      ok: true,
      contact: { PhoneNumber: '86-13912345678' },
    });
  });

  const log = createLogger('quiet');
  const messy = [
    'Contact list,,,,',
    'Name,Email,Title,MessageTypes,Notes',
    'Zhang San,zs@example.com,CEO,Service,keep me',
    'Ann,Ann <ann@example.com>,cto,ServiceMessage,',
    'Bob,bob@example.com,Other,FaultMessage,"a, quoted; note"',
    '',
  ].join('\r\n');

  async function validate(file: string, writeFixed?: string): Promise<RowResult[]> {
    const reportDir = join(tmp(), `report-${file}-${writeFixed ?? 'plain'}`);
    await runValidate({ file, read: {}, site: 'intl', contactLimit: 20, reportDir, cwd: tmp(), ...(writeFixed ? { writeFixed } : {}) }, log);
    return (JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')) as { rows: RowResult[] }).rows;
  }

  const leftUnambiguous = (rows: RowResult[]) => rows.flatMap((r) => r.errors.filter((e) => e.unambiguous).map((e) => `${r.row}:${e.field}`));

  it('--write-fixed on a CSV: same delimiter, rows above the header and other columns kept, a column saying what changed', async () => {
    write('messy.csv', messy.replace(/,/g, ';').replace('"a; quoted; note"', '"a, quoted; note"'));
    const before = await validate('messy.csv', 'fixed.csv');
    expect(leftUnambiguous(before)).toEqual(['3:Name', '3:MessageTypes', '4:EmailAddress']);
    const copy = readFileSync(join(tmp(), 'fixed.csv'), 'utf8');
    expect(copy.split('\r\n')).toEqual([
      '\uFEFFContact list;;;;',
      'Name;Email;Title;MessageTypes;Notes;Fixed by contact-import',
      'ZhangSan;zs@example.com;CEO;ServiceMessage;keep me;"Name: ""Zhang San"" → ""ZhangSan""; MessageTypes: ""Service"" → ""ServiceMessage"""',
      'Ann;ann@example.com;cto;ServiceMessage;;"EmailAddress: ""Ann <ann@example.com>"" → ""ann@example.com"""',
      'Bob;bob@example.com;Other;FaultMessage;"a, quoted; note"',
      '',
    ]);
    // Round trip: what had an unambiguous fix is fixed; the guess (cto) is still for a person.
    const after = await validate('fixed.csv');
    expect(leftUnambiguous(after)).toEqual([]);
    expect(after.map((r) => [r.row, r.status])).toEqual([
      [3, 'valid'],
      [4, 'invalid'],
      [5, 'valid'],
    ]);
    expect(after[1]!.errors).toEqual([expect.objectContaining({ field: 'Title', suggestion: 'TechnicalDirector' })]);
  });

  it('--write-fixed on an XLSX: the whole workbook, styles kept, fixed cells and the added column', async () => {
    await workbook((book) => {
      book.addWorksheet('Readme').addRow(['Read me first']);
      const sheet = book.addWorksheet('Contacts');
      sheet.addRows([
        ['Contact list'],
        ['Name', 'Email', 'Title', 'MessageTypes', 'Notes'],
        ['Zhang San', 'zs@example.com', 'CEO', 'Service', 'keep me'],
        ['Ann', 'Ann <ann@example.com>', 'cto', 'ServiceMessage'],
        ['Bob', 'bob@example.com', 'Other', 'FaultMessage', 'a, quoted; note'],
      ]);
      sheet.getCell('A2').font = { bold: true, color: { argb: 'FF0000FF' } };
    }, 'messy.xlsx');
    await validate('messy.xlsx', 'fixed.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(tmp(), 'fixed.xlsx'));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Readme', 'Contacts']);
    const sheet = book.getWorksheet('Contacts')!;
    expect(sheet.getCell('A2').font).toMatchObject({ bold: true, color: { argb: 'FF0000FF' } });
    expect(sheet.getCell('F2').value).toBe('Fixed by contact-import');
    expect(sheet.getCell('A3').value).toBe('ZhangSan');
    expect(sheet.getCell('D3').value).toBe('ServiceMessage');
    expect(sheet.getCell('B4').value).toBe('ann@example.com');
    expect(sheet.getCell('C4').value).toBe('cto');
    expect(sheet.getCell('F5').value).toBeNull();
    expect(leftUnambiguous(await validate('fixed.xlsx'))).toEqual([]);
  });

  it('never overwrites the sheet, and keeps the format', async () => {
    write('same.csv', messy);
    await expect(validate('same.csv', 'same.csv')).rejects.toThrow(/--write-fixed same\.csv: that is the sheet itself/);
    await expect(validate('same.csv', 'copy.xlsx')).rejects.toThrow(/--write-fixed copy\.xlsx: the copy is a CSV, like the sheet; name it \*\.csv/);
  });
});
