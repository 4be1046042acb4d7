/**
 * `contact-import status`: the directory's contacts with their status
 * (Verifying, Active, Deleting) and the addresses still waiting for
 * verification; `--resend` sends those verifications again.
 */
import { connectDirectory, lockKey, type DirectoryOptions } from '../directory/connect.js';
import { endpointUrl } from '../directory/endpoint.js';
import { acquireLock, logBroken } from '../directory/lock.js';
import { readStatus, resend, type StatusReport } from '../directory/verifications.js';
import { EXIT, ExitError } from '../errors.js';
import { say } from '../i18n/text.js';
import { stopExitCode } from '../interrupt.js';
import type { Logger } from '../terminal/log.js';
import { callTracer, retryLogger } from '../terminal/directory-lines.js';
import { resendLogger, statusLines } from '../terminal/status-lines.js';

export type { ContactStatus, ResendResult, StatusReport } from '../directory/verifications.js';

export interface StatusOptions extends DirectoryOptions {
  resend: boolean;
  lockDir?: string;
  breakLock?: boolean;
}

export async function runStatus(options: StatusOptions, log: Logger): Promise<{ exitCode: number; report: StatusReport }> {
  const where = endpointUrl(options.endpoint);
  const directory = connectDirectory({ ...options, onRetry: retryLogger(log), onRoute: (route) => log.debug(say('directory.route.line', { where, route })), onCall: callTracer(log) });
  const { report, pending } = await readStatus(directory, where).catch((error: unknown) => {
    // A stop signal ends the listing (between pages, or a retry's wait): the signal's exit code, not the directory's.
    throw options.signal?.aborted ? new ExitError(stopExitCode(options.signal), say('run.interrupted.reading')) : error;
  });
  for (const line of statusLines(report, log.mask)) log.info(line);
  if (!options.resend) return { exitCode: EXIT.ok, report };

  const lock = await acquireLock(options.lockDir, lockKey(options), { breakLock: options.breakLock });
  logBroken(lock, log);
  try {
    report.resent = await resend(directory, pending, {
      stopBefore: () => {
        // A stop signal: nothing more is sent; what was sent was logged line by line.
        if (options.signal?.aborted) throw new ExitError(stopExitCode(options.signal), say('run.interrupted.sending'));
        return lock.lost();
      },
      onResult: resendLogger(log),
    });
  } finally {
    await lock.release();
  }
  return { exitCode: report.resent.every((r) => r.sent) ? EXIT.ok : EXIT.rowsNotImported, report };
}
