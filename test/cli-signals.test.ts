/**
 * SIGINT, SIGTERM and SIGHUP mid-run, end to end with the built CLI against
 * the emulator (docs/contract.md, Interruption): nothing new is sent, the call
 * in flight is waited for (a second signal gives up on it), every row is
 * reported, summary.json and report.html are written, the lock is released,
 * exit 130 or 143; and a rerun converges with no duplicate.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { RunningEmulator } from '../src/emulator/server.js';
import { admin } from './helpers/emulator.js';
import { expectOneErrorLine, startCli } from './helpers/cli.js';
import { contactsCsv, uniqueName } from './helpers/generate.js';
import { adds, CREDENTIALS, statuses, useImportRuns } from './helpers/import-run.js';

const { tmp, emulator, sheet, importSheet } = useImportRuns('contact-import-signals-');

/** An AddMessageContact held open by the emulator: `inFlight` resolves once it arrives, `release` lets it be answered. */
function heldAdd(which: number) {
  let seen = 0;
  let arrived!: () => void;
  let release!: () => void;
  const inFlight = new Promise<void>((resolve) => (arrived = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const holdCall = async (action: string) => {
    if (action !== 'AddMessageContact' || ++seen !== which) return;
    arrived();
    await released;
  };
  return { holdCall, inFlight, release };
}

let runs = 0;

/** `import` started against `e` with its own report folder and lock folder, left running for the test to signal. */
function startImport(e: RunningEmulator, file: string, args: string[] = []) {
  const reportDir = join(tmp(), `report-${++runs}`);
  const lockDir = join(tmp(), `locks-${runs}`);
  const { child, done } = startCli(['import', file, '--endpoint', e.url, '--report-dir', reportDir, '--lock-dir', lockDir, ...args], {
    env: { ...CREDENTIALS, HOME: tmp() },
  });
  return { child, done, reportDir, lockDir };
}

/** Resolves once the process has said something matching `pattern` on stderr: it has seen the signal. */
function said(child: ChildProcess, pattern: RegExp): Promise<void> {
  let text = '';
  return new Promise((resolve) => {
    child.stderr!.on('data', (chunk: string) => {
      text += chunk;
      if (pattern.test(text)) resolve();
    });
  });
}

/** The report folder read back: every file must parse, whatever moment the run was stopped at. */
function reportIn(dir: string) {
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  const rows = JSON.parse(read('results.json')).rows as any[];
  const csvLines = read('results.csv').trimEnd().split('\r\n');
  expect(csvLines).toHaveLength(rows.length + 1);
  expect(read('report.html')).toMatch(/^<!doctype html>[\s\S]*<\/html>\s*$/);
  // No temporary file left behind by the files written whole at the end.
  expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  return { rows, summary: JSON.parse(read('summary.json')) };
}

async function waitUntil(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** The rerun adds what the stopped run did not, and no name twice. */
async function expectRerunConverges(e: RunningEmulator, file: string, total: number): Promise<void> {
  const rerun = await importSheet(e, file);
  expect(rerun.code).toBe(0);
  expect(new Set(statuses(rerun.rows))).toEqual(new Set(['exists', 'created']));
  const names = e.state.all().map((c) => c.Name);
  expect(names).toHaveLength(total);
  expect(new Set(names).size).toBe(total);
}

describe('stop signals during import', () => {
  it('SIGTERM mid-import: the add in flight is waited for and recorded, the rest not_attempted, the full report, no lock, exit 143', async () => {
    const held = heldAdd(3);
    const e = await emulator({ latencyMs: 100, holdCall: held.holdCall });
    const file = sheet(contactsCsv(6));
    const run = startImport(e, file);
    await held.inFlight;
    const seen = said(run.child, /stopped by SIGTERM/);
    run.child.kill('SIGTERM');
    await seen;
    // Answered after the signal: the run waited for it, and records the contact it made.
    held.release();
    const { code, stderr } = await run.done;
    expect(code).toBe(143);
    const { rows, summary } = reportIn(run.reportDir);
    expect(statuses(rows)).toEqual(['created', 'created', 'created', 'not_attempted', 'not_attempted', 'not_attempted']);
    expect(rows[3].errors[0].message).toMatch(/interrupted: the call in flight was finished, nothing more was sent/);
    expect(adds(e)).toHaveLength(3);
    expect(summary.exitCode).toBe(143);
    expect(readdirSync(run.lockDir)).toEqual([]);
    expect(stderr).not.toMatch(/^\s+at |internal error/m);
    await expectRerunConverges(e, file, 6);
  });

  it('Ctrl-C twice: the second stops waiting for the add in flight; the row is not_attempted with a note to rerun, the report is whole, exit 130', async () => {
    const held = heldAdd(3);
    const e = await emulator({ latencyMs: 100, holdCall: held.holdCall });
    const file = sheet(contactsCsv(6));
    const run = startImport(e, file, ['--timeout', '120']);
    await held.inFlight;
    const seen = said(run.child, /interrupted \(Ctrl-C\)/);
    run.child.kill('SIGINT');
    await seen;
    run.child.kill('SIGINT');
    // The add is still held: the run ended without it.
    const { code, stderr } = await run.done;
    expect(code).toBe(130);
    expect(stderr).toMatch(/SIGINT again: not waiting for the call in flight/);
    const { rows, summary } = reportIn(run.reportDir);
    expect(statuses(rows)).toEqual(['created', 'created', 'not_attempted', 'not_attempted', 'not_attempted', 'not_attempted']);
    expect(rows[2].errors).toEqual([{ field: null, code: 'NotAttempted', message: expect.stringMatching(/^interrupted while its call was in flight: it may have been carried out; run the import again/) }]);
    expect(rows[3].errors[0].message).toBe('not sent: interrupted: the run stopped waiting for the call in flight, nothing more was sent');
    expect(summary.exitCode).toBe(130);
    expect(summary.counts).toEqual({ created: 2, not_attempted: 4 });
    expect(readdirSync(run.lockDir)).toEqual([]);
    // The server carries out the add it held, for a client long gone: the rerun finds it by name.
    held.release();
    await waitUntil(() => e.state.count() === 3);
    await expectRerunConverges(e, file, 6);
  });

  it('the call in flight is waited for no longer than --timeout: an add that never answers leaves its row to the rerun, exit 143', async () => {
    const held = heldAdd(2);
    const e = await emulator({ holdCall: held.holdCall });
    const run = startImport(e, sheet(contactsCsv(4)), ['--timeout', '2']);
    await held.inFlight;
    run.child.kill('SIGTERM');
    // Never released while the run lasts: the client's timeout or the run's wait ends it, whichever comes first.
    const { code } = await run.done;
    held.release();
    expect(code).toBe(143);
    const { rows } = reportIn(run.reportDir);
    expect(statuses(rows)).toEqual(['created', expect.stringMatching(/^(failed|not_attempted)$/), 'not_attempted', 'not_attempted']);
    expect(JSON.stringify(rows[1])).toMatch(/may have been carried out/);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGHUP', 143],
  ] as const)('%s once after an add: the call in flight finishes, the rest are not_attempted, the full report, exit %i', async (signal, exitCode) => {
    const e = await emulator({ latencyMs: 400 });
    const run = startImport(e, sheet(contactsCsv(6)));
    // Signalled once the first add is answered: the next one is in flight, or about to be sent.
    await waitUntil(() => adds(e).length >= 1);
    run.child.kill(signal);
    const { code, stderr } = await run.done;
    expect(code).toBe(exitCode);
    const { rows, summary } = reportIn(run.reportDir);
    const created = rows.filter((r) => r.status === 'created');
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(statuses(rows)).toEqual([...created.map(() => 'created'), ...Array(6 - created.length).fill('not_attempted')]);
    expect(adds(e)).toHaveLength(created.length);
    expect(e.state.count()).toBe(created.length);
    expect(summary.exitCode).toBe(exitCode);
    expect(stderr).toMatch(signal === 'SIGINT' ? /interrupted \(Ctrl-C\): nothing more is sent/ : /stopped by SIGHUP: nothing more is sent/);
    expect(readdirSync(run.lockDir)).toEqual([]);
  });

  it('SIGKILL mid-import (no chance to clean up): results.json still parses, with every contact created so far', async () => {
    const held = heldAdd(3);
    const e = await emulator({ holdCall: held.holdCall });
    const run = startImport(e, sheet(contactsCsv(6)));
    await held.inFlight;
    run.child.kill('SIGKILL');
    await run.done;
    const rows = JSON.parse(readFileSync(join(run.reportDir, 'results.json'), 'utf8')).rows;
    expect(statuses(rows)).toEqual(['created', 'created']);
    held.release();
  });

  it('Ctrl-C while an asynchronous deletion is polled stops at once: the row says it is still Deleting, exit 130', async () => {
    // A deletion no test outlasts; the run would follow it for 120 s.
    const e = await emulator({ deletionDelayMs: 600_000 });
    const contact = (name: string) => ({ Name: name, EmailAddress: `${name.toLowerCase()}@example.com`, Title: 'CEO', MessageTypes: ['ServiceMessage'] });
    await admin(e, 'POST', 'preload', { contacts: [contact('Alice'), contact('Gone')] });
    const file = sheet('Name,Email,Phone,Title,MessageTypes\nAlice,alice@example.com,,CEO,ServiceMessage\n');
    const run = startImport(e, file, ['--mode', 'sync', '--prune', '--no-retain-in-members']);
    // The deletion was accepted and polled once: the run is waiting between polls.
    await waitUntil(() => e.requests.some((r) => r.action === 'GetMessageContactDeletionStatus'));
    const signalled = Date.now();
    run.child.kill('SIGINT');
    const { code } = await run.done;
    // Far below the 120 s the run would otherwise wait: the wait between polls ended at once.
    expect(Date.now() - signalled).toBeLessThan(60_000);
    expect(code).toBe(130);
    const { rows, summary } = reportIn(run.reportDir);
    expect(rows.map((r) => [r.name, r.status])).toEqual([
      ['Alice', 'unchanged'],
      ['Gone', 'deleted'],
    ]);
    expect(rows[1].notes.join(' ')).toMatch(/still Deleting when the run stopped waiting; it ends on its own/);
    expect(e.state.all().find((c) => c.Name === 'Gone')?.Status).toBe('Deleting');
    expect(summary.exitCode).toBe(130);
    expect(readdirSync(run.lockDir)).toEqual([]);
  });

  it('status stops between pages on SIGTERM: one line, exit 143', async () => {
    const e = await emulator({ latencyMs: 300, contactLimit: 300 });
    // Three pages: the signal comes once the first is answered (the second in flight, or about to be sent).
    const contacts = Array.from({ length: 250 }, (_, i) => ({ Name: `Person${uniqueName(i)}`, EmailAddress: `p${i}@example.com`, Title: 'CEO', MessageTypes: ['ServiceMessage'] }));
    await admin(e, 'POST', 'preload', { contacts });
    const { child, done } = startCli(['status', '--endpoint', e.url], { env: { ...CREDENTIALS, HOME: tmp() } });
    await waitUntil(() => e.requests.length >= 1);
    child.kill('SIGTERM');
    const run = await done;
    expect(run.code).toBe(143);
    // A page in flight is waited for; no page, and no other listing, after it.
    const actions = e.requests.map((r) => r.action);
    expect(new Set(actions)).toEqual(new Set(['ListMessageContacts']));
    expect(actions.length).toBeLessThan(3);
    expectOneErrorLine(run, /interrupted while reading the directory/);
  });
});
