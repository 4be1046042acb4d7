/** What `status` prints: a table for people, one line per contact and what it waits for. */
import type { StatusReport } from '../directory/verifications.js';
import { shownTarget, type Mask } from '../pii.js';

/** Emails and phones as `mask` shows them (the --json report has them in full). */
export function statusLines(report: StatusReport, mask: Mask): string[] {
  const counts = Object.entries(report.counts).map(([status, n]) => `${status} ${n}`);
  const lines = [`${report.endpoint}: ${report.contacts.length} contacts${counts.length > 0 ? ` (${counts.join(' · ')})` : ''}`];
  const width = Math.max(4, ...report.contacts.map((c) => c.name.length));
  for (const contact of report.contacts) {
    const waiting = contact.pending.length > 0 ? `  waiting for: ${contact.pending.map((target) => shownTarget(mask, target)).join(', ')}` : '';
    lines.push(`  ${contact.name.padEnd(width)}  ${contact.status.padEnd(9)}  ${mask.email(contact.email)}${waiting}`);
  }
  return lines;
}
