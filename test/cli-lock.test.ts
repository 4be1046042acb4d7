/**
 * One run at a time: a second run on the same directory exits 3 and sends
 * nothing; a run killed with SIGKILL leaves a lock the next run takes over, and
 * that rerun brings the directory in line with the sheet without a duplicate.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLI } from './helpers/cli.js';
import { contactRow, contactsCsv } from './helpers/generate.js';
import { adds, CREDENTIALS, useImportRuns } from './helpers/import-run.js';

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
});
