/**
 * `contact-import status`: the directory's contacts with their status
 * (Verifying, Active, Deleting) and the addresses still waiting for
 * verification; `--resend` sends those verifications again, one call at a
 * time, until the account's daily limit says stop.
 */
import { connectDirectory, lockKey, whatToCheck, type DirectoryOptions } from '../directory/connect.js';
import { endpointUrl } from '../directory/endpoint.js';
import { describeFailure, DirectoryError } from '../directory/errors.js';
import type { DirectoryApi, DirectoryContact, PendingVerification } from '../directory/port.js';
import { EXIT, ExitError } from '../errors.js';
import type { Logger } from '../terminal/log.js';
import { retryLogger } from '../terminal/directory-lines.js';
import { acquireLock } from '../directory/lock.js';

export interface StatusOptions extends DirectoryOptions {
  resend: boolean;
  lockDir?: string;
}

export interface ContactStatus {
  contactId: string;
  name: string;
  email: string;
  phone?: string;
  status: string;
  members: string[];
  /** Email addresses and phone numbers waiting for verification. */
  pending: string[];
}

export interface ResendResult {
  contactId: string;
  target: string;
  sent: boolean;
  code?: string;
  message?: string;
}

export interface StatusReport {
  version: 1;
  endpoint: string;
  counts: Record<string, number>;
  contacts: ContactStatus[];
  resent?: ResendResult[];
}

export async function runStatus(options: StatusOptions, log: Logger): Promise<{ exitCode: number; report: StatusReport }> {
  const where = endpointUrl(options.endpoint);
  const directory = connectDirectory({ ...options, onRetry: retryLogger(log) });
  let contacts: DirectoryContact[];
  let pending: PendingVerification[];
  try {
    contacts = await directory.listContacts();
    pending = await directory.listVerifications();
  } catch (error) {
    if (!(error instanceof DirectoryError)) throw error;
    throw new ExitError(EXIT.directory, `cannot read the directory at ${where}: ${describeFailure(error.failure)} (${whatToCheck(error)})`, { cause: error });
  }
  const report: StatusReport = { version: 1, endpoint: where, counts: {}, contacts: contacts.map((c) => withPending(c, pending)) };
  for (const contact of report.contacts) report.counts[contact.status] = (report.counts[contact.status] ?? 0) + 1;
  for (const line of statusLines(report)) log.info(line);
  if (!options.resend) return { exitCode: EXIT.ok, report };

  const lock = await acquireLock(options.lockDir, lockKey(options));
  try {
    report.resent = await resend(directory, pending, log, () => lock.lost());
  } finally {
    await lock.release();
  }
  return { exitCode: report.resent.every((r) => r.sent) ? EXIT.ok : EXIT.rowsNotImported, report };
}

function withPending(contact: DirectoryContact, pending: PendingVerification[]): ContactStatus {
  const targets = pending.filter((p) => p.contactId === contact.contactId).map((p) => p.target);
  return {
    contactId: contact.contactId,
    name: contact.name,
    email: contact.email,
    ...(contact.phone ? { phone: contact.phone } : {}),
    status: contact.status,
    members: contact.members,
    pending: targets,
  };
}

/** One verification per pending address; after the daily limit, the rest are not sent. */
async function resend(directory: DirectoryApi, pending: PendingVerification[], log: Logger, lockLost: () => string | undefined): Promise<ResendResult[]> {
  const results: ResendResult[] = [];
  let blocked: string | undefined;
  for (const { contactId, target } of pending) {
    const lost = lockLost();
    if (lost) throw new ExitError(EXIT.directory, lost);
    if (blocked) {
      results.push({ contactId, target, sent: false, code: 'SendValidateCodeExceedsLimitForAccount', message: blocked });
      continue;
    }
    try {
      if (target.includes('@')) await directory.sendEmailVerification(contactId, target);
      else await directory.sendPhoneVerification(contactId, target);
      results.push({ contactId, target, sent: true });
      log.info(`  verification sent to ${target}`);
    } catch (error) {
      if (!(error instanceof DirectoryError)) throw error;
      results.push({ contactId, target, sent: false, code: error.code, message: error.failure.message });
      log.warn(`verification to ${target} not sent: ${describeFailure(error.failure)}`);
      if (error.code === 'SendValidateCodeExceedsLimitForAccount') blocked = 'the account reached its daily limit of verification messages';
      if (error.kind === 'refused') throw new ExitError(EXIT.directory, `the directory refused the request: ${describeFailure(error.failure)}`);
    }
  }
  return results;
}

/** A table for people: one line per contact, what it waits for. */
function statusLines(report: StatusReport): string[] {
  const counts = Object.entries(report.counts).map(([status, n]) => `${status} ${n}`);
  const lines = [`${report.endpoint}: ${report.contacts.length} contacts${counts.length > 0 ? ` (${counts.join(' · ')})` : ''}`];
  const width = Math.max(4, ...report.contacts.map((c) => c.name.length));
  for (const contact of report.contacts) {
    const waiting = contact.pending.length > 0 ? `  waiting for: ${contact.pending.join(', ')}` : '';
    lines.push(`  ${contact.name.padEnd(width)}  ${contact.status.padEnd(9)}  ${contact.email}${waiting}`);
  }
  return lines;
}
