/**
 * The lock is the user's own: its folder is per user (0700) and checked (not a
 * link, ours, nobody else can write in it); a lock file the tool did not write
 * is refused, never followed or waited on; a lock that vanishes or changes
 * under a running job stops it before its next row. And a disk that fills
 * during an import stops it with every created contact recorded.
 */
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { untrustedFolder } from '../src/own-files.js';
import { defaultLockDir } from '../src/directory/lock.js';
import { expectOneErrorLine, runCli, ROOT } from './helpers/cli.js';
import { contactsCsv } from './helpers/generate.js';
import { adds, CREDENTIALS, statuses, useImportRuns } from './helpers/import-run.js';

const { tmp, emulator, sheet, importSheet } = useImportRuns('contact-import-lockdir-');
const FAULTS = join(ROOT, 'test', 'helpers', 'fs-faults.mjs');

let folders = 0;
const freshFolder = (name: string) => mkdtempSync(join(tmp(), `${name}-${++folders}-`));

describe('where the lock lives', () => {
  it('by default in the user\'s own folder, 0700: $XDG_RUNTIME_DIR/contact-import, else ~/.cache/contact-import/locks', async () => {
    expect(defaultLockDir({ XDG_RUNTIME_DIR: '/run/user/1000' }, '/home/ann')).toBe('/run/user/1000/contact-import');
    expect(defaultLockDir({}, '/home/ann')).toBe('/home/ann/.cache/contact-import/locks');
    const e = await emulator();
    const home = freshFolder('home');
    const runtime = freshFolder('runtime');
    const file = sheet(contactsCsv(1));
    expect((await importSheet(e, file, [], { ...CREDENTIALS, HOME: home })).code).toBe(0);
    expect(statSync(join(home, '.cache', 'contact-import', 'locks')).mode & 0o777).toBe(0o700);
    expect((await importSheet(e, file, [], { ...CREDENTIALS, HOME: home, XDG_RUNTIME_DIR: runtime })).code).toBe(0);
    expect(statSync(join(runtime, 'contact-import')).mode & 0o777).toBe(0o700);
  });

  it('a lock folder others can write in (a pre-created shared one): one line, exit 2, nothing sent', async () => {
    const e = await emulator();
    const shared = freshFolder('shared');
    chmodSync(shared, 0o777);
    const run = await importSheet(e, sheet(contactsCsv(2)), ['--lock-dir', shared]);
    expect(run.code).toBe(2);
    expectOneErrorLine(run, /cannot use the lock folder .*: others can write in it \(mode 777\); nothing was sent/);
    expect(e.requests).toEqual([]);
    expect(statuses(run.rows)).toEqual(['not_attempted', 'not_attempted']);
  });

  it('a lock folder that is a link to another folder: refused, and nothing is put there', async () => {
    const e = await emulator();
    const elsewhere = freshFolder('elsewhere');
    const link = join(tmp(), `linked-locks-${++folders}`);
    symlinkSync(elsewhere, link);
    const run = await importSheet(e, sheet(contactsCsv(1)), ['--lock-dir', link]);
    expect(run.code).toBe(2);
    expectOneErrorLine(run, /cannot use the lock folder .*: it is a symbolic link/);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(e.requests).toEqual([]);
  });

  it('a lock folder that is a file, or under one: one line, exit 2', async () => {
    const e = await emulator();
    const file = join(tmp(), `not-a-folder-${++folders}`);
    writeFileSync(file, 'x');
    const on = await importSheet(e, sheet(contactsCsv(1)), ['--lock-dir', file]);
    expect(on.code).toBe(2);
    expectOneErrorLine(on, /cannot use the lock folder .*not-a-folder-\d+: it is not a folder; nothing was sent/);
    const under = await importSheet(e, sheet(contactsCsv(1)), ['--lock-dir', join(file, 'locks')]);
    expect(under.code).toBe(2);
    expectOneErrorLine(under, /cannot use the lock folder .*: a part of the path is a file, not a folder \(ENOTDIR\)/);
    expect(e.requests).toEqual([]);
  });

  it("another user's folder is not ours (checked on its owner: no second user needed)", () => {
    const folder = freshFolder('owner');
    chmodSync(folder, 0o700);
    const stats = lstatSync(folder);
    expect(untrustedFolder(stats, stats.uid)).toBeUndefined();
    expect(untrustedFolder(stats, stats.uid + 1)).toBe(`it belongs to another user (uid ${stats.uid})`);
  });
});

describe('a lock file the tool did not write: exit 3, one line, never followed or waited on', () => {
  /** Where runs against `e` put their lock: seen while a run with nothing to send lists the directory. */
  async function lockPathOf(e: Awaited<ReturnType<typeof emulator>>, lockDir: string): Promise<string> {
    const run = importSheet(e, sheet('Name,Email,Title,MessageTypes\r\n'), ['--lock-dir', lockDir]);
    let name: string | undefined;
    while (!(name = readdirSync(lockDir).find((n) => n.endsWith('.lock')))) await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await run).code).toBe(0);
    return join(lockDir, name);
  }

  async function refusedWith(plant: (path: string) => void, why: RegExp): Promise<void> {
    const e = await emulator({ latencyMs: 300 });
    const lockDir = freshFolder('locks');
    const path = await lockPathOf(e, lockDir);
    plant(path);
    const seen = e.requests.length;
    const run = await importSheet(e, sheet(contactsCsv(2)), ['--lock-dir', lockDir]);
    expect(run.code).toBe(3);
    expectOneErrorLine(run, why);
    expect(e.requests.length).toBe(seen);
    expect(statuses(run.rows)).toEqual(['not_attempted', 'not_attempted']);
  }

  it('garbage where the lock goes', async () => {
    await refusedWith((path) => {
      writeFileSync(path, 'not a lock');
      utimesSync(path, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    }, /the lock .*\.lock does not hold a lock of contact-import: contact-import did not write it; nothing was sent/);
  });

  it('a link to a file outside: refused, the file outside untouched', async () => {
    const outside = join(tmp(), `outside-${++folders}`);
    writeFileSync(outside, 'precious');
    await refusedWith((path) => symlinkSync(outside, path), /the lock .*\.lock is a symbolic link/);
    expect(readFileSync(outside, 'utf8')).toBe('precious');
  });

  it('a FIFO: refused at once, not waited on', async () => {
    await refusedWith((path) => execFileSync('mkfifo', [path]), /the lock .*\.lock is not a regular file/);
  });
});

describe('a lock lost under a running job: the run stops before its next row, exit 3', () => {
  async function tamperedRun(tamper: (path: string) => void, why: RegExp): Promise<string> {
    const e = await emulator({ latencyMs: 250 });
    const lockDir = freshFolder('locks');
    const running = importSheet(e, sheet(contactsCsv(5)), ['--lock-dir', lockDir]);
    while (adds(e).length < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    const path = join(lockDir, readdirSync(lockDir).find((name) => name.endsWith('.lock'))!);
    tamper(path);
    const addsThen = adds(e).length;
    const run = await running;
    expect(run.code).toBe(3);
    expectOneErrorLine(run, why);
    // The call in flight, if there was one, finished; no row was sent after it.
    expect(adds(e).length).toBeLessThanOrEqual(addsThen + 1);
    expect(run.rows.filter((row) => row.status === 'created')).toHaveLength(adds(e).length);
    expect(run.rows.filter((row) => row.status === 'not_attempted').length).toBeGreaterThan(0);
    expect(run.summary.exitCode).toBe(3);
    return path;
  }

  it('its lock replaced: stopped, and the lock now there (perhaps another run\'s) left in place', async () => {
    const other = JSON.stringify({ pid: 1, host: 'elsewhere', startedAt: '2026-01-01T00:00:00.000Z', key: 'k' }) + '\n';
    const path = await tamperedRun((lock) => writeFileSync(lock, other), /error: the run stopped: the lock .*\.lock was replaced while this run held it/);
    expect(readFileSync(path, 'utf8')).toBe(other);
  });

  it('its lock removed: stopped', async () => {
    await tamperedRun((lock) => unlinkSync(lock), /error: the run stopped: the lock .*\.lock was removed while this run held it, so another run could start: nothing more was sent/);
  });
});

describe('a disk that fills (injected ENOSPC)', () => {
  const full = (under: string, afterBytes: number) => ({ FS_FAULTS: JSON.stringify([{ op: 'write', under, code: 'ENOSPC', afterBytes }]) });

  it('during an import: exit 3, one line, every created contact in results.json or printed, the lock released', async () => {
    const e = await emulator({ latencyMs: 20 });
    const lockDir = freshFolder('locks');
    const dir = join(tmp(), `full-${++folders}`);
    const run = await runCli(['import', sheet(contactsCsv(6)), '--endpoint', e.url, '--report-dir', dir, '--lock-dir', lockDir], {
      env: { ...CREDENTIALS, ...full(dir, 1500) },
      nodeOptions: ['--import', FAULTS],
    });
    expect(run.code).toBe(3);
    expect(run.stderr).not.toMatch(/^\s+at |internal error/m);
    expect(run.stderr.match(/^error: the run stopped: .*$/gm)).toEqual([
      expect.stringMatching(/cannot write the report in .*full-\d+\/: the disk is full \(ENOSPC\); nothing more was sent$/),
    ]);
    // Stopped part-way, and nothing was sent after the disk filled.
    expect(e.state.count()).toBeGreaterThan(0);
    expect(e.state.count()).toBeLessThan(6);
    expect(adds(e)).toHaveLength(e.state.count());
    const saved = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')).rows.filter((row: { status: string }) => row.status === 'created');
    const printed = [...run.stderr.matchAll(/^error: not saved in the report: (.*)$/gm)].map((line) => JSON.parse(line[1]!));
    // The row whose save met the full disk is printed, in full but for masked contact details.
    expect(printed.length).toBeGreaterThan(0);
    expect([...saved, ...printed].map((row: { name: string }) => row.name).sort()).toEqual(e.state.all().map((c) => c.Name).sort());
    expect(readdirSync(lockDir)).toEqual([]);
  });

  it('on the lock, before anything is sent: one line, exit 2', async () => {
    const e = await emulator();
    const lockDir = freshFolder('locks');
    const run = await runCli(['import', sheet(contactsCsv(2)), '--endpoint', e.url, '--report-dir', join(tmp(), `lock-full-${++folders}`), '--lock-dir', lockDir], {
      env: { ...CREDENTIALS, ...full(lockDir, 0) },
      nodeOptions: ['--import', FAULTS],
    });
    expect(run.code).toBe(2);
    expectOneErrorLine(run, /cannot write the lock .*\.lock: the disk is full \(ENOSPC\); nothing was sent/);
    expect(e.requests).toEqual([]);
    expect(readdirSync(lockDir)).toEqual([]);
  });
});
