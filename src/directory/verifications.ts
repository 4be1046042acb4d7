/**
 * The directory's contacts with the addresses still waiting for verification,
 * and sending those verifications again, one call at a time, until the
 * account's daily limit says stop.
 */
import { readOrStop } from './connect.js';
import { say } from '../i18n/text.js';
import { describeStop, DirectoryError, type CallFailure } from './errors.js';
import type { DirectoryApi, DirectoryContact, PendingVerification } from './port.js';
import { EXIT, ExitError } from '../errors.js';
import { MASK_PII } from '../pii.js';

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

/** What `resend` tells as it goes (the terminal draws it), and asks before each send. */
export interface ResendHooks {
  /** Before each send: a reason to stop (the lock lost, a stop signal), which stops the command. */
  stopBefore: () => string | undefined;
  /** Each verification sent, or not (with the failure). */
  onResult: (result: ResendResult, failure?: CallFailure) => void;
}

/** One verification per pending address; after the daily limit, the rest are not sent. */
export async function resend(directory: DirectoryApi, pending: PendingVerification[], hooks: ResendHooks): Promise<ResendResult[]> {
  const results: ResendResult[] = [];
  let blocked: string | undefined;
  for (const { contactId, target } of pending) {
    const stop = hooks.stopBefore();
    if (stop) throw new ExitError(EXIT.directory, stop);
    if (blocked) {
      results.push({ contactId, target, sent: false, code: 'SendValidateCodeExceedsLimitForAccount', message: blocked });
      continue;
    }
    try {
      if (target.includes('@')) await directory.sendEmailVerification(contactId, target);
      else await directory.sendPhoneVerification(contactId, target);
      results.push({ contactId, target, sent: true });
      hooks.onResult(results.at(-1)!);
    } catch (error) {
      if (!(error instanceof DirectoryError)) throw error;
      results.push({ contactId, target, sent: false, code: error.code, message: error.failure.message });
      hooks.onResult(results.at(-1)!, error.failure);
      if (error.code === 'SendValidateCodeExceedsLimitForAccount') blocked = say('directory.verification.dailyLimit');
      if (error.kind === 'refused') throw new ExitError(EXIT.directory, say('directory.verification.stopped', { failure: describeStop(error, MASK_PII) }));
    }
  }
  return results;
}
