/**
 * `contact-import status`: the directory's contacts with their status
 * (Verifying, Active, Deleting) and the addresses still waiting for
 * verification; `--resend` sends those verifications again.
 */
import { connectDirectory, lockKey, type DirectoryOptions } from '../directory/connect.js';
import { endpointUrl } from '../directory/endpoint.js';
import { acquireLock } from '../directory/lock.js';
import { readStatus, resend, type StatusReport } from '../directory/verifications.js';
import { EXIT } from '../errors.js';
import type { Logger } from '../terminal/log.js';
import { callTracer, retryLogger } from '../terminal/directory-lines.js';
import { statusLines } from '../terminal/status-lines.js';

export type { ContactStatus, ResendResult, StatusReport } from '../directory/verifications.js';

export interface StatusOptions extends DirectoryOptions {
  resend: boolean;
  lockDir?: string;
}

export async function runStatus(options: StatusOptions, log: Logger): Promise<{ exitCode: number; report: StatusReport }> {
  const where = endpointUrl(options.endpoint);
  const directory = connectDirectory({ ...options, onRetry: retryLogger(log), onCall: callTracer(log) });
  const { report, pending } = await readStatus(directory, where);
  for (const line of statusLines(report, log.mask)) log.info(line);
  if (!options.resend) return { exitCode: EXIT.ok, report };

  const lock = await acquireLock(options.lockDir, lockKey(options));
  try {
    report.resent = await resend(directory, pending, log, () => lock.lost());
  } finally {
    await lock.release();
  }
  return { exitCode: report.resent.every((r) => r.sent) ? EXIT.ok : EXIT.rowsNotImported, report };
}
