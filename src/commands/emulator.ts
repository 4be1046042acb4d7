/**
 * `contact-import emulator`: the local Resource Directory emulator as a
 * long-running server. First line on stdout: `listening on http://HOST:PORT`.
 * Serves until interrupted (Ctrl-C or SIGTERM), then closes cleanly.
 */
import { say } from '../i18n/text.js';
import { startEmulator, type EmulatorOptions } from '../emulator/server.js';
import { DEFAULT_CONTACT_LIMIT, DEFAULT_SITE } from '../defaults.js';
import type { Logger } from '../terminal/log.js';

export async function runEmulator(options: EmulatorOptions, log: Logger): Promise<number> {
  const emulator = await startEmulator({
    ...options,
    onRequest: (entry) =>
      // not for people: the emulator's --verbose wire trace, in the service's English like its answers
      log.debug(`${entry.action || '(no action)'} → ${entry.status}${entry.code ? ` ${entry.code}` : ''}${entry.overlapped ? ' (overlapped)' : ''}${entry.fault ? ` [fault: ${entry.fault}]` : ''} ${entry.ms} ms`),
  });
  // not for people: English in every language, scripts and tests read the URL from this first line of stdout.
  process.stdout.write(`listening on ${emulator.url}\n`);
  log.info(settingsLine(options));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await emulator.close();
  return 0;
}

/** What the emulator runs with: one whole sentence per case (state in a file or in memory, faults or none). */
function settingsLine(options: EmulatorOptions): string {
  const facts = { limit: options.contactLimit ?? DEFAULT_CONTACT_LIMIT, site: options.site ?? DEFAULT_SITE };
  const file = options.stateFile;
  if (options.faultRate) {
    const faults = { ...facts, rate: options.faultRate, seed: options.seed ?? 1 };
    return file ? say('run.emulator.fileFaults', { ...faults, file }) : say('run.emulator.memoryFaults', faults);
  }
  return file ? say('run.emulator.file', { ...facts, file }) : say('run.emulator.memory', facts);
}
