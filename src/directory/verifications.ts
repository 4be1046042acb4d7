/**
 * The directory's contacts with the addresses still waiting for verification,
 * and sending those verifications again, one call at a time, until the
 * account's daily limit says stop.
 */
import { readOrStop } from './connect.js';
import { describeFailure, describeStop, DirectoryError } from './errors.js';
import type { DirectoryApi, DirectoryContact, PendingVerification } from './port.js';
import { EXIT, ExitError } from '../errors.js';
import type { Logger } from '../terminal/log.js';
import { shownTarget } from '../pii.js';

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

/** Lists contacts and pending verifications; a directory that cannot be read stops the command (exit 3). */
export async function readStatus(directory: DirectoryApi, where: string): Promise<{ report: StatusReport; pending: PendingVerification[] }> {
  const contacts = await readOrStop(where, () => directory.listContacts());
  const pending = await readOrStop(where, () => directory.listVerifications());
  const report: StatusReport = { version: 1, endpoint: where, counts: {}, contacts: contacts.map((c) => withPending(c, pending)) };
  for (const contact of report.contacts) report.counts[contact.status] = (report.counts[contact.status] ?? 0) + 1;
  return { report, pending };
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
export async function resend(directory: DirectoryApi, pending: PendingVerification[], log: Logger, lockLost: () => string | undefined): Promise<ResendResult[]> {
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
      log.info(`  verification sent to ${shownTarget(log.mask, target)}`);
    } catch (error) {
      if (!(error instanceof DirectoryError)) throw error;
      results.push({ contactId, target, sent: false, code: error.code, message: error.failure.message });
      log.warn(`verification to ${shownTarget(log.mask, target)} not sent: ${describeFailure(error.failure, log.mask)}`);
      if (error.code === 'SendValidateCodeExceedsLimitForAccount') blocked = 'the account reached its daily limit of verification messages';
      if (error.kind === 'refused') throw new ExitError(EXIT.directory, `no more verifications were sent: ${describeStop(error, log.mask)}`);
    }
  }
  return results;
}

