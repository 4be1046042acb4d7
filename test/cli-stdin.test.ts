/**
 * `-` as the sheet: standard input, as from `curl … | contact-import import -`.
 * Through the built CLI, the sheet piped in; the report names it `stdin`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectOneErrorLine, ROOT, runCli } from './helpers/cli.js';
import { CREDENTIALS, statuses, useImportRuns } from './helpers/import-run.js';

const { tmp, emulator } = useImportRuns('contact-import-stdin-test-');
const fixture = (name: string) => readFileSync(join(ROOT, 'fixtures', name));
const stagedFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith('contact-import-stdin-') && !name.startsWith('contact-import-stdin-test-'));

describe('validate -', () => {
  it.each<[string, string, Record<string, number>, number]>([
    ['CSV', 'invalid.csv', { valid: 1, invalid: 18, duplicate: 1 }, 1],
    ['XLSX', 'contacts.xlsx', { valid: 10 }, 0],
  ])('reads a %s piped in, judged from its bytes, named stdin with the sha256 of what was read', async (_kind, name, counts, exitCode) => {
    const before = stagedFolders();
    const report = join(tmp(), `validate-${name}`);
    const run = await runCli(['validate', '-', '--json', '--report-dir', report], { input: fixture(name) });
    expect(run.code).toBe(exitCode);
    const summary = JSON.parse(run.stdout);
    expect(summary.input.file).toBe('stdin');
    expect(summary.counts).toEqual(counts);
    const { createHash } = await import('node:crypto');
    expect(summary.input.sha256).toBe(createHash('sha256').update(fixture(name)).digest('hex'));
    expect(JSON.parse(readFileSync(join(report, 'results.json'), 'utf8')).rows).toHaveLength(Object.values(counts).reduce((a, b) => a + b, 0));
    // What was read is not left behind.
    expect(stagedFolders()).toEqual(before);
  });

  it('nothing piped in is one line, exit 2; more than --max-bytes too', async () => {
    const empty = await runCli(['validate', '-', '--report-dir', join(tmp(), 'empty')], { input: '' });
    expect(empty.code).toBe(2);
    expectOneErrorLine(empty, /stdin: the file is empty/);
    const big = await runCli(['validate', '-', '--max-bytes', '1KB', '--report-dir', join(tmp(), 'big')], { input: fixture('contacts.xlsx') });
    expect(big.code).toBe(2);
    expectOneErrorLine(big, /stdin: more than the 1 KB a sheet may be; raise --max-bytes/);
  });

  it('an empty name is refused, never read as the current folder', async () => {
    const run = await runCli(['validate', '--', ''], { cwd: tmp() });
    expect(run.code).toBe(2);
    expectOneErrorLine(run, /an empty name is no sheet/);
  });
});

it('import - imports the sheet piped in', async () => {
  const e = await emulator();
  const report = join(tmp(), 'import');
  const run = await runCli(['import', '-', '--endpoint', e.url, '--report-dir', report], { env: CREDENTIALS, input: fixture('contacts.csv') });
  expect(run.code).toBe(0);
  const rows = JSON.parse(readFileSync(join(report, 'results.json'), 'utf8')).rows;
  expect(new Set(statuses(rows))).toEqual(new Set(['created']));
  expect(JSON.parse(readFileSync(join(report, 'summary.json'), 'utf8')).input.file).toBe('stdin');
});
