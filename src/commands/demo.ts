/**
 * `contact-import demo`: the emulator in this process on a free port, and an
 * import of the bundled fixtures/contacts.xlsx into it over real HTTP, signed
 * with the emulator's demo key pair. The emulated directory is kept in
 * reports/demo-directory.json, so a second run finds every contact `exists`.
 */
import { say } from '../i18n/text.js';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DEMO_CREDENTIALS, startEmulator } from '../emulator/server.js';
import { DEFAULT_RETRY } from '../directory/retry.js';
import { DEFAULT_CONTACT_LIMIT, DEFAULT_SITE, DEFAULT_TIMEOUT_SECONDS } from '../defaults.js';
import type { Logger } from '../terminal/log.js';
import { packageFile } from '../package-file.js';
import { runImport } from './import.js';
import type { RunOutcome } from './run.js';

export const DEMO_SHEET = packageFile('fixtures/contacts.xlsx');

export interface DemoOptions {
  cwd: string;
  reportDir?: string;
  /** Start from an empty directory. */
  fresh: boolean;
  signal?: AbortSignal;
}

export async function runDemo(options: DemoOptions, log: Logger): Promise<RunOutcome> {
  // The demo's keys are explicit; this also keeps any credentials lookup off the ECS metadata address.
  process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
  // The emulator runs in this process: a proxy from the environment could not reach it.
  process.env.NO_PROXY = process.env.no_proxy = '*';
  const stateFile = resolve(options.cwd, 'reports', 'demo-directory.json');
  await mkdir(dirname(stateFile), { recursive: true });
  if (options.fresh) await rm(stateFile, { force: true });
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0, stateFile });
  log.info(say('run.demo.emulator', { url: emulator.url, file: stateFile }));
  try {
    return await runImport(
      {
        file: DEMO_SHEET,
        read: {},
        site: DEFAULT_SITE,
        contactLimit: DEFAULT_CONTACT_LIMIT,
        reportDir: options.reportDir,
        cwd: options.cwd,
        endpoint: { host: `127.0.0.1:${emulator.port}`, protocol: 'http' },
        credentials: { kind: 'keys', ...DEMO_CREDENTIALS },
        timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000,
        retry: DEFAULT_RETRY,
        skipInvalid: false,
        allowPartial: false,
        dryRun: false,
        sendVerification: 'none',
        signal: options.signal,
      },
      log,
    );
  } finally {
    await emulator.close();
  }
}
