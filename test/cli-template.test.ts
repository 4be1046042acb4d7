/**
 * `contact-import template`: a blank sheet the tool reads as it is, with the
 * checks Excel applies while it is filled in. Everything through the built CLI;
 * the workbook is opened back with exceljs, as Excel would see it.
 */
import { readFileSync, statSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expectOneErrorLine, runCli } from './helpers/cli.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir('contact-import-template-');
const TITLES = ['FinanceDirector', 'TechnicalDirector', 'MaintenanceDirector', 'CEO', 'ProjectDirector', 'Other'];

type Validations = Record<string, { type: string; formulae?: unknown[]; operator?: string; prompt?: string; showErrorMessage?: boolean }>;
const validationsOf = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { dataValidations: { model: Validations } }).dataValidations.model;

async function template(name: string, ...flags: string[]) {
  const run = await runCli(['template', name, ...flags], { cwd: tmp() });
  return { run, path: join(tmp(), name) };
}

async function validateJson(path: string, ...flags: string[]) {
  const run = await runCli(['validate', path, '--json', '--report-dir', `${path}.report`, ...flags], { cwd: tmp() });
  return { run, summary: JSON.parse(run.stdout) as { exitCode: number; counts: Record<string, number>; input: { rows: number } } };
}

describe('an XLSX template', () => {
  it('has the header row frozen and filtered, and Excel checks Title, Name and Message Types as they are typed', async () => {
    const { run, path } = await template('contacts.xlsx');
    expect(run.code).toBe(0);
    expect(statSync(path).mode & 0o777).toBe(0o600);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Contacts', 'Instructions']);
    const contacts = workbook.getWorksheet('Contacts')!;
    expect(contacts.getRow(1).values).toEqual([undefined, 'Name', 'Email', 'Phone', 'Title', 'Message Types', 'Members']);
    expect(contacts.rowCount).toBe(1);
    expect(contacts.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(contacts.autoFilter).toBe('A1:F1');
    // Phone and Members are Text, so Excel keeps 13912345678 and account IDs digit for digit.
    expect(contacts.getColumn('C').numFmt).toBe('@');
    expect(contacts.getColumn('F').numFmt).toBe('@');

    const validations = validationsOf(contacts);
    expect(validations.D2).toMatchObject({ type: 'list', showErrorMessage: true });
    expect(String(validations.D2!.formulae![0]).replace(/"/g, '').split(',')).toEqual(TITLES);
    expect(validations.D500).toEqual(validations.D2);
    expect(validations.A2).toMatchObject({ type: 'textLength', operator: 'between', formulae: [2, 12] });
    expect(validations.E2!.prompt).toContain('ServiceMessage, FaultMessage, AccountExpenses, SecurityMessage, ActivityMessage, ProductMessage');
    expect(validations.B2).toBeUndefined();
  });

  it('states the contact limit and the name rule of the site, with an example row that validates', async () => {
    const { path } = await template('cn.xlsx', '--site', 'cn', '--contact-limit', '50');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const instructions = workbook.getWorksheet('Instructions')!;
    const text = instructions.getSheetValues().flat().filter((v) => typeof v === 'string').join('\n');
    expect(text).toContain('at most 50 contacts');
    expect(text).toContain('letters A–Z or Chinese characters');

    // The example row, typed on the Contacts sheet, is a valid contact on the cn site.
    const example = instructions.getRow(instructions.rowCount).values as unknown[];
    const contacts = workbook.getWorksheet('Contacts')!;
    contacts.addRow(example.slice(1));
    await workbook.xlsx.writeFile(join(tmp(), 'cn-filled.xlsx'));
    const { run, summary } = await validateJson(join(tmp(), 'cn-filled.xlsx'), '--site', 'cn');
    expect(run.code).toBe(0);
    expect(summary.counts).toMatchObject({ valid: 1 });
    expect(example[1]).toBe('张伟');
  });

  it('validates to zero rows blank, and clean once filled in with valid rows', async () => {
    const { path } = await template('blank.xlsx');
    const blank = await validateJson(path);
    expect(blank.run.code).toBe(0);
    expect(blank.summary.input.rows).toBe(0);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const contacts = workbook.getWorksheet('Contacts')!;
    contacts.addRow(['AliceWang', 'alice@example.com', '13912345678', 'CEO', 'ServiceMessage;FaultMessage', '']);
    contacts.addRow(['BobLee', 'bob@example.com', '', 'Other', 'SecurityMessage', 'rd-abc123']);
    await workbook.xlsx.writeFile(join(tmp(), 'filled.xlsx'));
    const filled = await validateJson(join(tmp(), 'filled.xlsx'));
    expect(filled.run.code).toBe(0);
    expect(filled.summary.counts).toEqual({ valid: 2 });
  });
});

describe('a CSV template', () => {
  it('is the header row only, UTF-8 with a BOM, and validates to zero rows', async () => {
    const { run, path } = await template('contacts.csv');
    expect(run.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('\uFEFFName,Email,Phone,Title,Message Types,Members\r\n');
    const { run: checked, summary } = await validateJson(path);
    expect(checked.code).toBe(0);
    expect(summary.input.rows).toBe(0);
  });
});

describe('an existing file', () => {
  it('is kept unless --force (exit 2, one line)', async () => {
    writeFileSync(join(tmp(), 'mine.csv'), 'my own sheet\n');
    const { run, path } = await template('mine.csv');
    expect(run.code).toBe(2);
    expectOneErrorLine(run, /"mine\.csv" already exists: .*--force/);
    expect(readFileSync(path, 'utf8')).toBe('my own sheet\n');

    const forced = await template('mine.csv', '--force');
    expect(forced.run.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toContain('Name,Email');
  });

  it('with --force, a link in its place is replaced, and what it pointed to is left alone', async () => {
    writeFileSync(join(tmp(), 'target.txt'), 'not yours\n');
    symlinkSync(join(tmp(), 'target.txt'), join(tmp(), 'link.csv'));
    expect((await template('link.csv')).run.code).toBe(2);
    const { run, path } = await template('link.csv', '--force');
    expect(run.code).toBe(0);
    expect(lstatSync(path).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(tmp(), 'target.txt'), 'utf8')).toBe('not yours\n');
  });

  it('a name that is neither .xlsx nor .csv is one line, exit 2, nothing written', async () => {
    const { run } = await template('contacts.ods');
    expect(run.code).toBe(2);
    expectOneErrorLine(run, /name the sheet \.xlsx or \.csv/);
    expect(() => statSync(join(tmp(), 'contacts.ods'))).toThrow();
  });
});
