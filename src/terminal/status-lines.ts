/** What `status` prints: a table for people, one line per contact and what it waits for. */
import { describeFailure, type CallFailure } from '../directory/errors.js';
import type { ResendResult, StatusReport } from '../directory/verifications.js';
import { say } from '../i18n/text.js';
import type { Logger } from './log.js';
import { shownTarget, type Mask } from '../pii.js';

/** Emails and phones as `mask` shows them (the --json report has them in full). */
export function statusLines(report: StatusReport, mask: Mask): string[] {
  const counts = Object.entries(report.counts).map(([status, n]) => `${status} ${n}`);
  const head = { endpoint: report.endpoint, count: report.contacts.length };
  const lines = [counts.length > 0 ? say('run.status.headCounts', { ...head, counts: counts.join(' · ') }) : say('run.status.head', head)];
  const width = Math.max(4, ...report.contacts.map((c) => c.name.length));
  for (const contact of report.contacts) {
    const targets = contact.pending.map((target) => shownTarget(mask, target)).join(', ');
    const waiting = contact.pending.length > 0 ? `  ${say('run.status.waiting', { targets })}` : '';
    lines.push(`  ${contact.name.padEnd(width)}  ${contact.status.padEnd(9)}  ${mask.email(contact.email)}${waiting}`);
  }
  return lines;
}

/** `status --resend`: a line per verification sent, a warning per one not sent. */
export function resendLogger(log: Logger): (result: ResendResult, failure?: CallFailure) => void {
  return (result, failure) => {
    const target = shownTarget(log.mask, result.target);
    if (failure) log.warn(say('run.status.notSent', { target, failure: describeFailure(failure, log.mask) }));
    else log.info(`  ${say('run.status.sent', { target })}`);
  };
}
