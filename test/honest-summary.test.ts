/**
 * Issue 20, part 1: the console summary, summary.json and report.html say only
 * what was measured. The built CLI against the emulator (or against nothing).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CREDENTIALS } from '../src/emulator/server.js';
import { admin } from './helpers/emulator.js';
import { runCli } from './helpers/cli.js';
import { contactsCsv } from './helpers/generate.js';
import { CREDENTIALS, useImportRuns } from './helpers/import-run.js';

const { tmp, emulator, sheet, importSheet, closed } = useImportRuns('contact-import-honest-');

const HEADER = 'Name,Email,Title,MessageTypes';
const line = (name: string) => `${name},${name.toLowerCase()}@example.com,CEO,ServiceMessage`;
const preloaded = (name: string) => ({ Name: name, EmailAddress: `${name.toLowerCase()}@example.com`, Title: 'CEO', MessageTypes: ['ServiceMessage'] });
const page = (reportDir: string) => readFileSync(join(reportDir, 'report.html'), 'utf8');

describe('the quota is reported only when the directory was listed', () => {
  it('no credentials, a wrong secret: quota null, and the line says it is unknown', async () => {
    const e = await emulator();
    const file = sheet([HEADER, line('Alice'), line('Bob')].join('\n'));
    const wrongSecret = { ...CREDENTIALS, ALIBABA_CLOUD_ACCESS_KEY_SECRET: `${DEMO_CREDENTIALS.accessKeySecret}x` };
    for (const env of [{}, wrongSecret]) {
      const run = await importSheet(e, file, [], env);
      expect(run.code).toBe(3);
      expect(run.summary.quota).toBeNull();
      expect(run.stderr).toContain('quota: unknown, the directory was not read');
      expect(run.stderr).not.toMatch(/contacts before the run|room for/);
      expect(page(run.reportDir)).toContain('unknown: the directory was not read');
    }
  });

  it('a closed port, a lock another run holds: quota null as well', async () => {
    const file = sheet([HEADER, line('Alice')].join('\n'));
    const gone = await emulator();
    const url = gone.url;
    await gone.close();
    closed(gone);
    const unreachable = await importSheet(url, file, ['--max-tries', '1']);
    expect(unreachable.code).toBe(3);
    expect(unreachable.summary.quota).toBeNull();
    expect(unreachable.stderr).toContain('quota: unknown, the directory was not read');

    // The winner spends seconds on its calls: the other run meets its lock.
    const e = await emulator({ latencyMs: 300 });
    const lockDir = join(tmp(), 'locks');
    const five = sheet(contactsCsv(5));
    const both = await Promise.all([importSheet(e, five, ['--lock-dir', lockDir]), importSheet(e, five, ['--lock-dir', lockDir])]);
    expect(both.map((run) => run.code).sort()).toEqual([0, 3]);
    const loser = both.find((run) => run.code === 3)!;
    expect(loser.stderr).toMatch(/another run holds the lock/);
    expect(loser.summary.quota).toBeNull();
    expect(loser.stderr).toContain('quota: unknown, the directory was not read');
  });

  it('validate says its quota assumes an empty directory, and names no endpoint', async () => {
    const file = sheet([HEADER, line('Alice'), line('Bob')].join('\n'));
    const reportDir = join(tmp(), 'validated');
    const run = await runCli(['validate', file, '--report-dir', reportDir, '--contact-limit', '5']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(reportDir, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ command: 'validate', endpoint: null, site: 'intl' });
    expect(summary.quota).toEqual({ limit: 5, existing: 0, planned: 2, remaining: 3, basis: 'assumed-empty' });
    expect(run.stderr).toContain('quota: assuming an empty directory (validate reads none): 2 of 5 would fit, room for 3 more');
    expect(page(reportDir)).toContain('assumed empty: validate reads no directory');
  });
});

describe('sheet rows and directory contacts are counted apart; the room left is what the run left', () => {
  it('sync --prune: 2 sheet rows, 1 directory-only contact deleted, room counted after the deletion', async () => {
    const e = await emulator();
    await admin(e, 'POST', 'preload', { contacts: [preloaded('Alice'), preloaded('Old')] });
    const file = sheet([HEADER, line('Alice'), line('Bob')].join('\n'));
    const run = await importSheet(e, file, ['--mode', 'sync', '--prune']);
    expect(run.code).toBe(0);
    expect(run.summary.input.rows).toBe(2);
    expect(run.summary.directoryOnly).toBe(1);
    expect(run.summary.counts).toEqual({ created: 1, unchanged: 1, deleted: 1 });
    // 20 − 2 before − 1 added + 1 deleted: the directory now holds 2.
    expect(e.state.all()).toHaveLength(2);
    expect(run.summary.quota).toEqual({ limit: 20, existing: 2, planned: 1, remaining: 18, basis: 'listed' });
    expect(run.stderr).toMatch(/: 2 rows \(header on row 1/);
    expect(run.stderr).toContain('1 directory contact not in the sheet');
    expect(run.stderr).toContain('quota: 2 of 20 contacts before the run, 1 added, 1 deleted, room for 18 more');

    await admin(e, 'POST', 'preload', { contacts: [preloaded('Old')] });
    const dry = await importSheet(e, file, ['--mode', 'sync', '--prune', '--dry-run']);
    expect(dry.summary.quota).toEqual({ limit: 20, existing: 3, planned: 0, remaining: 18, basis: 'listed' });
  });

  it('summary.json and report.html name the endpoint and site', async () => {
    const e = await emulator();
    const run = await importSheet(e, sheet([HEADER, line('Alice')].join('\n')), ['--dry-run']);
    expect(run.summary).toMatchObject({ command: 'import', endpoint: e.url, site: 'intl' });
    expect(page(run.reportDir)).toContain(`>${e.url}<`);
  });
});

describe('a row that ended well but carries an error', () => {
  it('is counted and named in the summary line, with its exit code 1', async () => {
    const e = await emulator({ members: ['rd-ours1'] });
    const file = sheet([`${HEADER},Members`, `${line('Alice')},rd-ours1`, `${line('Bob')},rd-theirs1`].join('\n'));
    const run = await importSheet(e, file);
    expect(run.code).toBe(1);
    expect(run.summary.counts).toEqual({ created: 2 });
    expect(run.summary.goodWithErrors).toEqual({ count: 1, rows: [{ row: 3, name: 'Bob', status: 'created', codes: ['InvalidMember'] }] });
    expect(run.stderr).toMatch(/exit code 1: 1 row ended well but carries an error: row 3 "Bob" \(created; InvalidMember\)/);
  });
});
