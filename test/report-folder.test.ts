/**
 * Folders we write are ours: a report folder is made fresh (0700, files 0600);
 * an existing `--report-dir` is refused unless it is empty or an earlier report
 * of the tool, which is replaced whole, never written into. A folder that
 * cannot be written, or a disk that fills, is one line and exit 2, with a
 * results.json that is still JSON.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectOneErrorLine, runCli, ROOT } from './helpers/cli.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir('contact-import-folder-');
const fixture = (name: string) => join(ROOT, 'fixtures', name);
const FAULTS = join(ROOT, 'test', 'helpers', 'fs-faults.mjs');

const validate = (reportDir: string, sheet = fixture('contacts.csv'), env: Record<string, string> = {}) =>
  runCli(['validate', sheet, '--report-dir', reportDir], { env, ...(env.FS_FAULTS ? { nodeOptions: ['--import', FAULTS] } : {}) });

describe('a --report-dir that exists', () => {
  it('with a planted link (report.html -> a file outside): refused, exit 2, and the file outside untouched', async () => {
    const outside = join(tmp(), 'profile');
    writeFileSync(outside, 'export PATH=/usr/bin\n');
    const dir = join(tmp(), 'planted');
    mkdirSync(dir);
    symlinkSync(outside, join(dir, 'report.html'));
    const run = await validate(dir);
    expect(run.code).toBe(2);
    expectOneErrorLine(run, /--report-dir .*planted\/: "report\.html" in it is a symbolic link/);
    expect(readFileSync(outside, 'utf8')).toBe('export PATH=/usr/bin\n');
    expect(lstatSync(join(dir, 'report.html')).isSymbolicLink()).toBe(true);
  });

  it('an earlier report with one file swapped for a link: refused, the file outside untouched', async () => {
    const dir = join(tmp(), 'earlier-swapped');
    expect((await validate(dir)).code).toBe(0);
    const outside = join(tmp(), 'bashrc');
    writeFileSync(outside, 'alias ls=ls\n');
    execFileSync('rm', [join(dir, 'summary.json')]);
    symlinkSync(outside, join(dir, 'summary.json'));
    const run = await validate(dir);
    expect(run.code).toBe(2);
    expectOneErrorLine(run, /"summary\.json" in it is a symbolic link/);
    expect(readFileSync(outside, 'utf8')).toBe('alias ls=ls\n');
  });

  it('holding other files: refused, exit 2, nothing in it touched', async () => {
    const dir = join(tmp(), 'notes');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const run = await validate(dir);
    expect(run.code).toBe(2);
    expectOneErrorLine(run, /it holds "notes\.txt", which no report of contact-import has/);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('an earlier report: replaced whole by a fresh 0700 folder of 0600 files, not written into', async () => {
    const dir = join(tmp(), 'again');
    expect((await validate(dir, fixture('invalid.csv'))).code).toBe(1);
    expect(readdirSync(dir)).toContain('annotated.xlsx');
    chmodSync(dir, 0o755);
    // A second name for the earlier results.json: a report written into the old file would show through it.
    const earlier = readFileSync(join(dir, 'results.json'), 'utf8');
    linkSync(join(dir, 'results.json'), join(tmp(), 'earlier-results.json'));
    const run = await validate(dir);
    expect(run.code).toBe(0);
    // A clean sheet has no annotated.xlsx: the earlier one went with its folder.
    expect(readdirSync(dir).sort()).toEqual(['log.jsonl', 'report.html', 'results.csv', 'results.json', 'summary.json']);
    expect(readFileSync(join(tmp(), 'earlier-results.json'), 'utf8')).toBe(earlier);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).counts).toEqual({ valid: 10 });
  });

  it('empty: made again, 0700', async () => {
    const dir = join(tmp(), 'empty');
    mkdirSync(dir, { mode: 0o777 });
    chmodSync(dir, 0o777);
    expect((await validate(dir)).code).toBe(0);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
});

describe('a --report-dir that cannot be a report folder: one line, exit 2 (it was exit 70, or a hang)', () => {
  it('a file', async () => {
    const file = join(tmp(), 'a-file');
    writeFileSync(file, 'x');
    const run = await validate(file);
    expect(run.code).toBe(2);
    expectOneErrorLine(run, /--report-dir .*a-file\/: it is not a folder/);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('a folder under a file', async () => {
    const file = join(tmp(), 'b-file');
    writeFileSync(file, 'x');
    const run = await validate(join(file, 'report'));
    expect(run.code).toBe(2);
    expectOneErrorLine(run, /b-file\/report\/: a part of the path is a file, not a folder \(ENOTDIR\)/);
  });

  it('/proc, and a device', async () => {
    const proc = await validate('/proc');
    expect(proc.code).toBe(2);
    expectOneErrorLine(proc, /--report-dir \/proc\/: it holds ".*", which no report of contact-import has/);
    const device = await validate('/dev/null');
    expect(device.code).toBe(2);
    expectOneErrorLine(device, /--report-dir \/dev\/null\/: it is not a folder/);
  });

  it('a read-only place (permission denied, injected: root may write anywhere)', async () => {
    const parent = join(tmp(), 'read-only');
    const run = await validate(join(parent, 'report'), fixture('contacts.csv'), { FS_FAULTS: JSON.stringify([{ op: 'mkdir', under: parent, code: 'EACCES' }]) });
    expect(run.code).toBe(2);
    expectOneErrorLine(run, /cannot create the report folder .*read-only\/report\/: permission denied \(EACCES\)/);
  });
});

describe('a disk that fills (injected ENOSPC)', () => {
  it('before anything is written: one line, exit 2, and no half-made report folder', async () => {
    const dir = join(tmp(), 'full-at-once');
    const run = await validate(dir, fixture('contacts.csv'), { FS_FAULTS: JSON.stringify([{ op: 'write', under: dir, code: 'ENOSPC' }]) });
    expect(run.code).toBe(2);
    expectOneErrorLine(run, /cannot write the report in .*full-at-once: the disk is full \(ENOSPC\)/);
    expect(existsSync(dir)).toBe(false);
  });

  it('part-way: one line, exit 2, and results.json is JSON holding the rows that reached the disk', async () => {
    const dir = join(tmp(), 'full-later');
    const sheet = join(tmp(), 'many.csv');
    const rows = Array.from({ length: 3000 }, (_, i) => `Person${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26) % 26)},p${i}@example.com,TechnicalDirector,ServiceMessage`);
    writeFileSync(sheet, ['Name,Email,Title,MessageTypes', ...rows].join('\n') + '\n');
    const run = await validate(dir, sheet, { FS_FAULTS: JSON.stringify([{ op: 'write', under: dir, code: 'ENOSPC', afterBytes: 300_000 }]) });
    expect(run.code).toBe(2);
    expectOneErrorLine(run, /cannot write the report in .*full-later\/: the disk is full \(ENOSPC\)/);
    const written = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')).rows;
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(3000);
    expect(written.map((r: { row: number }) => r.row)).toEqual(Array.from({ length: written.length }, (_, i) => i + 2));
    expect(existsSync(join(dir, 'summary.json'))).toBe(false);
  });
});

it('3,000 ignored columns: the long line reaches the log file whole, no "write after end"', async () => {
  const sheet = join(tmp(), 'wide.csv');
  const extra = Array.from({ length: 3000 }, (_, i) => `extra${i}`);
  writeFileSync(sheet, `Name,Email,Title,MessageTypes,${extra.join(',')}\nAlice,alice@example.com,TechnicalDirector,ServiceMessage${',x'.repeat(3000)}\n`);
  const dir = join(tmp(), 'wide');
  const run = await validate(dir, sheet);
  expect(run.stderr).not.toMatch(/write after end|^\s+at /m);
  expect(run.code).toBe(0);
  const lines = readFileSync(join(dir, 'log.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { message: string });
  const ignored = lines.findIndex((line) => line.message.includes('"extra2999"'));
  expect(ignored).toBeGreaterThan(0);
  // The lines after the long one were written too.
  expect(lines.slice(ignored + 1).map((line) => line.message)).toContainEqual(expect.stringMatching(/report: /));
});
