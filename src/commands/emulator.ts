/**
 * `contact-import emulator`: the local Resource Directory emulator as a
 * long-running server. First line on stdout: `listening on http://HOST:PORT`.
 * Serves until interrupted (Ctrl-C or SIGTERM), then closes cleanly.
 */
import { startEmulator, type EmulatorOptions } from '../emulator/server.js';
import { DEFAULT_CONTACT_LIMIT, DEFAULT_SITE } from '../defaults.js';
import type { Logger } from '../terminal/log.js';

export async function runEmulator(options: EmulatorOptions, log: Logger): Promise<number> {
  const emulator = await startEmulator({
    ...options,
    onRequest: (entry) =>
      log.debug(`${entry.action || '(no action)'} → ${entry.status}${entry.code ? ` ${entry.code}` : ''}${entry.overlapped ? ' (overlapped)' : ''}${entry.fault ? ` [fault: ${entry.fault}]` : ''} ${entry.ms} ms`),
  });
  process.stdout.write(`listening on ${emulator.url}\n`);
  log.info(
    `contact limit ${options.contactLimit ?? DEFAULT_CONTACT_LIMIT}, site ${options.site ?? DEFAULT_SITE}` +
      (options.stateFile ? `, state in ${options.stateFile}` : ', state in memory') +
      (options.faultRate ? `, fault rate ${options.faultRate} (seed ${options.seed ?? 1})` : '') +
      '; Ctrl-C to stop',
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await emulator.close();
  return 0;
}
