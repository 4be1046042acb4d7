/**
 * One run at a time: a second run on the same directory exits 3 and sends
 * nothing, however its endpoint is spelled; a run killed with SIGKILL leaves a
 * lock the next run takes over, and that rerun brings the directory in line
 * with the sheet without a duplicate; a lock of another host stays until
 * --break-lock removes it, saying whose it was.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockKey } from '../src/directory/connect.js';
import { canonicalEndpoint, parseEndpoint } from '../src/directory/endpoint.js';
import { lockFileName } from '../src/directory/lock.js';
import { CLI, expectOneErrorLine } from './helpers/cli.js';
import { callInFlight } from './helpers/emulator.js';
import { contactRow, contactsCsv } from './helpers/generate.js';
import { adds, CREDENTIALS, statuses, useImportRuns } from './helpers/import-run.js';

const { tmp, emulator, sheet, importSheet } = useImportRuns('contact-import-lock-');

describe('one run at a time', () => {
  it('of two runs started together, one exits 3 on the lock and sends nothing', async () => {
    const e = await emulator({ latencyMs: 150 });
    const file = sheet(contactsCsv(3));
    const lockDir = join(tmp(), 'locks-together');
    const [a, b] = await Promise.all([
      importSheet(e, file, ['--lock-dir', lockDir]),
      importSheet(e, file, ['--lock-dir', lockDir]),
    ]);
    const [winner, loser] = a.code === 0 ? [a, b] : [b, a];
    expect(winner.code).toBe(0);
    expect(loser.code).toBe(3);
    expect(loser.stderr).toMatch(/error: another run holds the lock since \d{4}-\d\d-\d\dT.*\(pid \d+ on .+\); nothing was sent/);
    expect(loser.rows.map((r) => r.status)).toEqual(['not_attempted', 'not_attempted', 'not_attempted']);
    // Only the winner talked to the directory: one listing, three adds.
    expect(e.requests.map((r) => r.action)).toEqual(['ListMessageContacts', 'AddMessageContact', 'AddMessageContact', 'AddMessageContact']);
    expect(readdirSync(lockDir)).toEqual([]);
  });

  it('a run killed midway leaves a lock the next run takes over, and the rerun converges without a duplicate', async () => {
    const e = await emulator({ latencyMs: 300 });
    const file = sheet(contactsCsv(6));
    const lockDir = join(tmp(), 'locks-killed');
    const args = ['import', file, '--endpoint', e.url, '--mode', 'sync', '--lock-dir', lockDir, '--report-dir', join(tmp(), 'killed')];
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: tmp(), ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true', ...CREDENTIALS },
      stdio: 'ignore',
    });
    while (adds(e).length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));
    expect(readdirSync(lockDir)).toHaveLength(1);
    expect(e.state.count()).toBeLessThan(6);

    const rerun = await importSheet(e, file, ['--mode', 'sync', '--lock-dir', lockDir]);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toMatch(new RegExp(`took over the lock of pid ${child.pid} .*no longer running`));
    const names = Array.from({ length: 6 }, (_, i) => contactRow(i)[0]);
    expect(e.state.all().map((c) => c.Name).sort()).toEqual([...names].sort());
    // Every name was added once: no add was refused as a name already used.
    expect(adds(e).filter((r) => r.code === 'InvalidParameter.Name.AlreadyUsed')).toEqual([]);
    expect(new Set(adds(e).filter((r) => r.status === 200).map((r) => r.params.Name)).size).toBe(adds(e).filter((r) => r.status === 200).length);
    // What the killed run created (the add in flight when it died included) is found, the rest added.
    const found = rerun.summary.quota.existing;
    expect(found).toBeGreaterThanOrEqual(2);
    expect(rerun.rows.filter((r) => r.status === 'unchanged')).toHaveLength(found);
    expect(rerun.rows.filter((r) => r.status === 'created')).toHaveLength(6 - found);
    expect(readdirSync(lockDir)).toEqual([]);
  });

  it('http://127.0.0.1:P and http://localhost:P are one directory: the second run is refused; the lock file is 0600 and names no credential', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let listings = 0;
    const e = await emulator({ holdCall: (action) => (action === 'ListMessageContacts' && ++listings === 1 ? held : Promise.resolve()) });
    const lockDir = join(tmp(), 'locks-spelled');
    const file = sheet(contactsCsv(1));
    const first = importSheet(e, file, ['--lock-dir', lockDir]);
    await callInFlight(e);
    const [lock] = readdirSync(lockDir);
    expect(statSync(join(lockDir, lock!)).mode & 0o777).toBe(0o600);
    const text = readFileSync(join(lockDir, lock!), 'utf8');
    expect(JSON.parse(text).key).toMatch(new RegExp(`^http://localhost:${e.port} credentials [0-9a-f]{16}$`));
    expect(text).not.toContain(CREDENTIALS.ALIBABA_CLOUD_ACCESS_KEY_ID);

    const second = await importSheet(`http://localhost:${e.port}`, file, ['--lock-dir', lockDir]);
    release();
    expect(second.code).toBe(3);
    expectOneErrorLine(second, /error: another run holds the lock since .*\(pid \d+ on [^,)]+\); nothing was sent\. If no run is going, run again with --break-lock/);
    expect((await first).code).toBe(0);
    // Only the first run talked to the directory.
    expect(e.requests.map((r) => r.action)).toEqual(['ListMessageContacts', 'AddMessageContact']);
    expect(readdirSync(lockDir)).toEqual([]);
  });

  it("another host's lock is never stale: refused with the way out; --break-lock removes it, says whose it was, and the run goes on", async () => {
    const e = await emulator();
    const lockDir = join(tmp(), 'locks-other-host');
    mkdirSync(lockDir, { mode: 0o700 });
    const key = lockKey({ endpoint: parseEndpoint(e.url, 'intl'), credentials: { kind: 'chain', profiles: [], tried: [] } }, CREDENTIALS);
    const path = join(lockDir, lockFileName(key));
    // A pid that may well be running here: only the host says the lock is not this machine's to judge.
    writeFileSync(path, JSON.stringify({ pid: process.pid, host: 'build-host-2', startedAt: '2026-01-02T03:04:05.000Z', key }) + '\n', { mode: 0o600 });
    const file = sheet(contactsCsv(2));

    const refused = await importSheet(e, file, ['--lock-dir', lockDir]);
    expect(refused.code).toBe(3);
    expectOneErrorLine(
      refused,
      new RegExp(`another run holds the lock since 2026-01-02T03:04:05.000Z \\(pid ${process.pid} on build-host-2, another host.*\\); nothing was sent\\. If no run is going, run again with --break-lock: it removes ${path}`),
    );
    expect(e.requests).toEqual([]);
    expect(statuses(refused.rows)).toEqual(['not_attempted', 'not_attempted']);

    const broken = await importSheet(e, file, ['--lock-dir', lockDir, '--break-lock']);
    expect(broken.code).toBe(0);
    expect(broken.stderr).toContain(`warn: --break-lock: removed the lock of pid ${process.pid} on build-host-2, started at 2026-01-02T03:04:05.000Z (${path})`);
    expect(statuses(broken.rows)).toEqual(['created', 'created']);
    expect(readdirSync(lockDir)).toEqual([]);
  });

  it('--break-lock goes with a run that takes the lock', async () => {
    const run = await importSheet('http://127.0.0.1:1', sheet(contactsCsv(1)), ['--dry-run', '--break-lock']);
    expect(run.code).toBe(2);
    expectOneErrorLine(run, /--break-lock goes with a run that takes the lock, not --dry-run/);
  });
});

describe('the lock key', () => {
  const key = (endpoint: string, credentials: Parameters<typeof lockKey>[0]['credentials'] = { kind: 'chain', profiles: [], tried: [] }, env = {}) =>
    lockKey({ endpoint: parseEndpoint(endpoint, 'intl'), credentials }, env);

  it('spells an endpoint one way: scheme, lower-case host, this machine as localhost, the default port filled in', () => {
    const spelled = (value: string) => canonicalEndpoint(parseEndpoint(value, 'intl'));
    for (const value of ['http://127.0.0.1:8080', 'http://localhost:8080', 'http://LOCALHOST:8080', 'http://[::1]:8080']) expect(spelled(value)).toBe('http://localhost:8080');
    expect(spelled('Resourcedirectory.Aliyuncs.com')).toBe('https://resourcedirectory.aliyuncs.com:443');
    expect(spelled('https://resourcedirectory.aliyuncs.com:443')).toBe('https://resourcedirectory.aliyuncs.com:443');
    expect(spelled('http://example.com')).toBe('http://example.com:80');
    expect(spelled('http://localhost:8080')).not.toBe(spelled('https://localhost:8080'));
  });

  it('holds whose credentials only as a digest: AccessKey ids and profiles apart, never in clear', () => {
    const keys = { kind: 'keys', accessKeyId: 'test-key-one', accessKeySecret: 's' } as const;
    expect(key('http://127.0.0.1:1', keys)).toBe(key('http://localhost:1', keys));
    expect(key('http://127.0.0.1:1', keys)).not.toBe(key('http://127.0.0.1:1', { ...keys, accessKeyId: 'test-key-two' }));
    expect(key('http://127.0.0.1:1', keys)).toBe(key('http://127.0.0.1:1', { kind: 'chain', profiles: [], tried: [] }, { ALIBABA_CLOUD_ACCESS_KEY_ID: 'test-key-one' }));
    expect(key('http://127.0.0.1:1', { kind: 'profile', profile: 'prod', file: 'cli', path: '/home/x/.aliyun/config.json' })).not.toBe(key('http://127.0.0.1:1', { kind: 'profile', profile: 'test', file: 'cli', path: '/home/x/.aliyun/config.json' }));
    // A profile wins over keys in the environment, as it does for the credentials.
    expect(key('http://127.0.0.1:1', { kind: 'profile', profile: 'prod', file: 'cli', path: '/home/x/.aliyun/config.json' }, { ALIBABA_CLOUD_ACCESS_KEY_ID: 'test-key-one' })).toBe(key('http://127.0.0.1:1', { kind: 'profile', profile: 'prod', file: 'cli', path: '/home/x/.aliyun/config.json' }));
    for (const text of [key('http://127.0.0.1:1', keys), key('http://127.0.0.1:1', { kind: 'profile', profile: 'prod', file: 'cli', path: '/home/x/.aliyun/config.json' })]) expect(text).not.toMatch(/test-key-one|prod/);
  });
});
