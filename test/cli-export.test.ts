/**
 * `contact-import export` end to end against the emulator: every contact, all
 * pages, in the import format, so that importing the export back plans no
 * write in any mode, on both sites, members and statuses included.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { RunningEmulator } from '../src/emulator/server.js';
import { expectOneErrorLine, runCli } from './helpers/cli.js';
import { admin } from './helpers/emulator.js';
import { CREDENTIALS, useImportRuns, writes } from './helpers/import-run.js';

const { tmp, emulator, importSheet } = useImportRuns('contact-import-export-');

const DIRECTORY = {
  intl: [
    { Name: 'Alice', EmailAddress: 'alice@example.com', PhoneNumber: '86-13912345678', Title: 'CEO', MessageTypes: ['ServiceMessage', 'FaultMessage'], Members: ['rd-abc123', '1234567890'] },
    { Name: 'Bob', EmailAddress: 'bob@example.com', Title: 'Other', MessageTypes: ['SecurityMessage'], Status: 'Verifying' },
    { Name: 'Carol', EmailAddress: 'carol@example.org', Title: 'FinanceDirector', MessageTypes: ['AccountExpenses'], Members: ['fd-xyz'] },
  ],
  cn: [
    { Name: '张伟', EmailAddress: 'zhang.wei@example.cn', PhoneNumber: '86-13800000000', Title: 'TechnicalDirector', MessageTypes: ['FaultMessage'], Members: ['rd-abc123'] },
    { Name: 'Li', EmailAddress: 'li@example.cn', Title: 'ProjectDirector', MessageTypes: ['ProductMessage', 'ActivityMessage'], Status: 'Verifying' },
  ],
} as const;

async function directoryOf(site: 'intl' | 'cn'): Promise<RunningEmulator> {
  const e = await emulator({ site });
  await admin(e, 'POST', 'preload', { contacts: DIRECTORY[site] });
  return e;
}

function exportTo(e: RunningEmulator, target: string, ...flags: string[]) {
  return runCli(['export', target, '--endpoint', e.url, ...flags], { env: CREDENTIALS, cwd: tmp() });
}

describe.each(['intl', 'cn'] as const)('on the %s site', (site) => {
  it.each(['xlsx', 'csv'])('an %s export imported back plans no write, in every mode', async (kind) => {
    const e = await directoryOf(site);
    const file = join(tmp(), `${site}-export.${kind}`);
    const exported = await exportTo(e, file);
    expect(exported.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const writesBefore = writes(e).length;

    for (const mode of ['create', 'upsert', 'sync']) {
      const run = await importSheet(e, file, ['--mode', mode, '--dry-run', '--site', site]);
      expect(run.code).toBe(0);
      expect(run.rows).toHaveLength(DIRECTORY[site].length);
      expect(new Set(run.rows.map((row) => row.status))).toEqual(new Set([mode === 'create' ? 'exists' : 'unchanged']));
      // The read-only columns are known and left alone.
      expect(run.summary.input.ignoredColumns).toEqual(['Status', 'ContactId', 'Created']);
    }
    expect(writes(e)).toHaveLength(writesBefore);
  });
});

it('writes the columns import reads, then Status, ContactId and Created; phones and members as text', async () => {
  const e = await directoryOf('intl');
  const file = join(tmp(), 'columns.xlsx');
  expect((await exportTo(e, file)).code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'Email', 'Phone', 'Title', 'Message Types', 'Members', 'Status', 'ContactId', 'Created']);
  const alice = sheet.getRow(2).values as unknown[];
  expect(alice.slice(1, 8)).toEqual(['Alice', 'alice@example.com', '86-13912345678', 'CEO', 'ServiceMessage;FaultMessage', 'rd-abc123;1234567890', 'Active']);
  expect(alice[8]).toMatch(/^c-/);
  expect(alice[9]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  expect(sheet.getColumn('C').numFmt).toBe('@');
  expect((sheet.getRow(3).values as unknown[])[7]).toBe('Verifying');
});

it('- writes the CSV to stdout and --json the contacts; neither needs a lock nor writes to the directory', async () => {
  const e = await directoryOf('intl');
  const file = join(tmp(), 'same.csv');
  await exportTo(e, file);
  const dash = await exportTo(e, '-');
  expect(dash.code).toBe(0);
  expect(dash.stdout).toBe(readFileSync(file, 'utf8'));
  expect(dash.stdout.startsWith('\uFEFFName,Email,Phone,Title,Message Types,Members,Status,ContactId,Created\r\n')).toBe(true);

  const json = await runCli(['export', '--json', '--endpoint', e.url], { env: CREDENTIALS, cwd: tmp() });
  expect(json.code).toBe(0);
  const parsed = JSON.parse(json.stdout);
  expect(parsed.contacts.map((c: { name: string }) => c.name)).toEqual(['Alice', 'Bob', 'Carol']);
  expect(parsed.contacts[0]).toMatchObject({ email: 'alice@example.com', phone: '86-13912345678', members: ['rd-abc123', '1234567890'], status: 'Active' });
  expect(writes(e)).toHaveLength(0);
  expect(e.requests.map((r) => r.action)).toEqual(['ListMessageContacts', 'ListMessageContacts', 'ListMessageContacts']);
});

it('reads every page of a directory bigger than one page', async () => {
  const e = await emulator({ contactLimit: 300 });
  // Pages hold 100 contacts.
  const many = Array.from({ length: 205 }, (_, i) => ({ Name: `Person${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`, EmailAddress: `p${i}@example.com`, Title: 'Other', MessageTypes: ['ServiceMessage'] }));
  await admin(e, 'POST', 'preload', { contacts: many });
  const run = await exportTo(e, '-');
  expect(run.code).toBe(0);
  expect(run.stdout.trimEnd().split('\r\n')).toHaveLength(206);
  expect(e.requests.filter((r) => r.action === 'ListMessageContacts')).toHaveLength(3);
});

it('keeps an existing file unless --force, and a directory it cannot reach is one line, exit 3', async () => {
  const e = await directoryOf('intl');
  writeFileSync(join(tmp(), 'mine.xlsx'), 'mine');
  const kept = await exportTo(e, join(tmp(), 'mine.xlsx'));
  expect(kept.code).toBe(2);
  expectOneErrorLine(kept, /already exists: .*--force/);
  expect(readFileSync(join(tmp(), 'mine.xlsx'), 'utf8')).toBe('mine');
  expect((await exportTo(e, join(tmp(), 'mine.xlsx'), '--force')).code).toBe(0);

  await e.close();
  const unreachable = await runCli(['export', join(tmp(), 'never.csv'), '--endpoint', e.url, '--max-tries', '1'], { env: CREDENTIALS, cwd: tmp() });
  expect(unreachable.code).toBe(3);
  expectOneErrorLine(unreachable, /cannot read the directory at /);
  expect(() => statSync(join(tmp(), 'never.csv'))).toThrow();
});
