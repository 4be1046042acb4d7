/**
 * End-to-end runs of `contact-import import`: emulators started for a test and
 * closed after it, sheets written to a temp folder, the CLI run in its own
 * process with the emulator's demo keys, and its report read back.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CREDENTIALS, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/server.js';
import { runCli, type CliRun } from './cli.js';
import { useTempDir } from './tmp.js';

export const CREDENTIALS = { ALIBABA_CLOUD_ACCESS_KEY_ID: DEMO_CREDENTIALS.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEMO_CREDENTIALS.accessKeySecret };

export interface ImportRun extends CliRun {
  reportDir: string;
  rows: any[];
  summary: any;
}

export function useImportRuns(prefix: string) {
  const tmp = useTempDir(prefix);
  let running: RunningEmulator[] = [];
  let files = 0;
  afterEach(async () => {
    await Promise.all(running.map((e) => e.close()));
    running = [];
  });

  async function emulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
    const started = await startEmulator({ host: '127.0.0.1', port: 0, ...options });
    running.push(started);
    return started;
  }

  function sheet(text: string): string {
    const path = join(tmp(), `sheet-${++files}.csv`);
    writeFileSync(path, text);
    return path;
  }

  async function importSheet(target: RunningEmulator | string, file: string, args: string[] = [], env: Record<string, string> = CREDENTIALS): Promise<ImportRun> {
    const reportDir = join(tmp(), `report-${++files}`);
    const endpoint = typeof target === 'string' ? target : target.url;
    const run = await runCli(['import', file, '--endpoint', endpoint, '--report-dir', reportDir, ...args], { env });
    const read = (name: string) => JSON.parse(readFileSync(join(reportDir, name), 'utf8'));
    let rows: any[] = [];
    let summary: any;
    try {
      rows = read('results.json').rows;
      summary = read('summary.json');
    } catch {
      // No report: the run stopped before reading the sheet.
    }
    return { ...run, reportDir, rows, summary };
  }

  /** Forgets an emulator the test closed itself. */
  function closed(e: RunningEmulator): void {
    running = running.filter((r) => r !== e);
  }

  return { tmp, emulator, sheet, importSheet, closed };
}

export const adds = (e: RunningEmulator) => e.requests.filter((r) => r.action === 'AddMessageContact');
export const writes = (e: RunningEmulator) => e.requests.filter((r) => !r.action.startsWith('List') && !r.action.startsWith('Get'));
export const statuses = (rows: any[]) => rows.map((r) => r.status);

/** A contact to preload into the emulator: `name`, `name@example.com`, CEO, ServiceMessage, and `extra`. */
export const preloaded = (name: string, extra: Record<string, unknown> = {}) => ({
  Name: name,
  EmailAddress: `${name.toLowerCase()}@example.com`,
  Title: 'CEO',
  MessageTypes: ['ServiceMessage'],
  ...extra,
});
