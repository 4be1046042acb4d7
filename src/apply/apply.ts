/**
 * The only writer: carries out a plan one row at a time, in order, and hands
 * each row's result to `record` as soon as it is known (docs/contract.md, Each row is written as soon as it is known).
 * Stops adding after LimitExceeded.Contacts, stops everything after the
 * directory refuses the credentials or stops answering, and after a stop signal
 * (docs/contract.md, When to stop sending, Interruption); the rows it did not reach are reported, never dropped.
 */
import { FIELDS, type Field } from '../judge/fields.js';
import type { ApiContact } from '../judge/schema.js';
import { describeFailure, describeStop, DirectoryError, RETRYABLE } from '../directory/errors.js';
import type { CallReceipt, DirectoryApi } from '../directory/port.js';
import { EXIT } from '../errors.js';
import { MASK_PII, SHOW_PII } from '../pii.js';
import type { CallFailure } from '../directory/errors.js';
import { say } from '../i18n/text.js';
import { GAVE_UP, stopExitCode, unlessGivenUp } from '../interrupt.js';
import { notAttempted, type PlannedRow } from '../plan/plan.js';
import type { ReportError, RowResult, RowStatus } from '../report/types.js';

export type VerificationChoice = 'none' | 'email' | 'phone' | 'all';

/** The row of a call given up on: sent, so not "not sent"; the rerun finds out by name. */
const givenUp = (): ReportError => ({ field: null, code: 'NotAttempted', message: say('run.apply.givenUp') });

/** Members per AssociateMembers / DisassociateMembers call (the API takes 1–5). */
const MEMBERS_PER_CALL = 5;

export interface ApplyOptions {
  sendVerification: VerificationChoice;
  /** Deletions leave the contact with the members that have it (the API's default). @default true */
  retainInMembers?: boolean;
  /** Aborted by a stop signal (see interrupt.ts): the call in flight finishes or is given up on, the rest is not attempted. */
  signal?: AbortSignal;
  /** Asked before each row is sent: a reason (the lock was lost, the report cannot be written) stops the run there, exit 3. */
  stopBeforeRow?: () => string | undefined;
  /** Told as each row's main call is answered (or fails): the console draws it; this module never prints. */
  onRowDone?: (event: RowDone) => void;
  /** The endpoint, named in the reason a failed call stopped the run. */
  endpoint?: string;
}

/** A row whose main call was carried out, or failed. */
export type RowDone =
  | { outcome: 'created' | 'updated' | 'deleted'; row: number | null; name: string; contactId: string; fields?: string[] }
  | { outcome: 'failed'; action: 'create' | 'update' | 'delete'; row: number | null; name: string; failure: CallFailure };

export interface ApplyOutcome {
  /** Why the run stopped before the end, and the exit code that says so. */
  stop?: { exitCode: number; reason: string };
}

export async function applyPlan(
  rows: readonly PlannedRow[],
  directory: DirectoryApi,
  record: (result: RowResult) => Promise<void>,
  options: ApplyOptions,
): Promise<ApplyOutcome> {
  const run = new Run(directory, options);
  for (const planned of rows) {
    if (planned.action === 'none') await record(planned.result);
    else await record(run.blocked(planned) ?? (await run.carryOutUnlessGivenUp(planned)));
  }
  // A signal during the last row's call (a deletion's polling) stops the run too, though no row is left.
  run.interrupted();
  return run.stop ? { stop: run.stop } : {};
}

class Run {
  stop: ApplyOutcome['stop'];
  /** The row that was answered LimitExceeded.Contacts: no add is sent after it. */
  private limitReachedAt: number | null | undefined;
  private verificationsBlocked: string | undefined;
  /** The row whose main call was answered last: what is known of it if the run gives up on its later calls. */
  private answered: RowResult | undefined;
  /** The run gave up waiting for a row's calls: they go on unheard, and tell the console nothing. */
  private gaveUp = false;

  constructor(
    private readonly directory: DirectoryApi,
    private readonly options: ApplyOptions,
  ) {}

  /** The result of a row that is not to be sent: the run stopped, or the directory is full. */
  blocked({ action, result }: PlannedRow): RowResult | undefined {
    this.interrupted();
    const reason = this.stop ? undefined : this.options.stopBeforeRow?.();
    if (reason) this.stop = { exitCode: EXIT.directory, reason };
    if (this.stop) return notAttempted(result, this.stop.reason);
    if (action === 'create' && this.limitReachedAt !== undefined) {
      const message = say('run.apply.limitReached', { row: String(this.limitReachedAt) });
      return { ...result, status: 'over_quota', errors: [{ field: null, code: 'LimitExceeded.Contacts', message }] };
    }
    return undefined;
  }

  /** The row carried out, or (the run gave up waiting for it) what is known of it. */
  async carryOutUnlessGivenUp(planned: PlannedRow): Promise<RowResult> {
    this.answered = undefined;
    const result = await unlessGivenUp(this.carryOut(planned), this.options.signal);
    if (result !== GAVE_UP) return result;
    this.gaveUp = true;
    // Why the run stopped after giving up on a call in flight (a second signal, or --timeout after the first).
    this.stop ??= { exitCode: stopExitCode(this.options.signal), reason: say('run.apply.gaveUpWaiting') };
    // Set by the call given up on, if its main call was answered (the compiler cannot see that).
    const answered = this.answered as RowResult | undefined;
    if (!answered) return { ...planned.result, status: 'not_attempted', errors: [givenUp()] };
    const known = { ...answered, notes: [...(answered.notes ?? [])] };
    note(known, say('run.apply.interruptedAfterMain'));
    return known;
  }

  private async carryOut(planned: PlannedRow): Promise<RowResult> {
    try {
      if (planned.action === 'create') return await this.create(planned);
      if (planned.action === 'update') return await this.update(planned);
      return await this.delete(planned);
    } catch (error) {
      if (!(error instanceof DirectoryError)) throw error;
      return this.failed(planned, error);
    }
  }

  private async create(planned: PlannedRow): Promise<RowResult> {
    const contact = planned.contact!;
    const created = await this.directory.addContact(contact);
    const result = (this.answered = this.sent(planned.result, planned.doneAs ?? 'created', created, created.contactId));
    if (created.confirmedByLookup) note(result, say('run.apply.confirmedByLookup'));
    this.told({ outcome: 'created', row: planned.result.row, name: contact.Name, contactId: created.contactId });
    await this.members(result, 'bind', planned.bind ?? []);
    await this.sendVerifications(result, contact, { email: true, phone: true });
    return result;
  }

  private async update(planned: PlannedRow): Promise<RowResult> {
    const contact = planned.contact!;
    const contactId = planned.contactId!;
    const changes = planned.changes ?? {};
    const fields = Object.keys(changes);
    const receipt = fields.length > 0 ? await this.directory.updateContact(contactId, changes) : { attempts: 0 };
    const result = (this.answered = this.sent(planned.result, planned.doneAs ?? 'updated', receipt, contactId));
    if (fields.length > 0) note(result, say('run.apply.updatedFields', { fields: fields.join(', ') }));
    const email = 'EmailAddress' in changes;
    const phone = 'PhoneNumber' in changes;
    if (email || phone) note(result, say(email && phone ? 'run.apply.reverifyBoth' : email ? 'run.apply.reverifyEmail' : 'run.apply.reverifyPhone'));
    this.told({ outcome: 'updated', row: planned.result.row, name: contact.Name, contactId, fields });
    await this.members(result, 'bind', planned.bind ?? []);
    await this.members(result, 'unbind', planned.unbind ?? []);
    await this.sendVerifications(result, contact, { email: 'EmailAddress' in changes, phone: 'PhoneNumber' in changes });
    return result;
  }

  private async delete(planned: PlannedRow): Promise<RowResult> {
    const deleted = await this.directory.deleteContact(planned.contactId!, this.options.retainInMembers ?? true);
    const result = this.sent(planned.result, planned.doneAs ?? 'deleted', deleted, planned.contactId!);
    this.told({ outcome: 'deleted', row: planned.result.row, name: planned.result.name, contactId: planned.contactId! });
    if (deleted.outcome === 'deleting') note(result, say('run.apply.stillDeleting'));
    if (deleted.outcome === 'failed') {
      result.status = 'failed';
      result.errors = deleted.failures.map(({ accountId, messageTypes }) => ({
        field: 'Members',
        code: 'DeletionFailed',
        message:
          messageTypes.length > 0
            ? say('run.apply.memberStillHasFor', { member: accountId, types: messageTypes.join(', ') })
            : say('run.apply.memberStillHas', { member: accountId }),
      }));
      if (result.errors.length === 0) result.errors = [{ field: null, code: 'DeletionFailed', message: say('run.apply.deletionFailed') }];
    }
    return result;
  }

  /** The row's result once its main call was answered. */
  private sent(planned: RowResult, status: RowStatus, receipt: CallReceipt, contactId: string): RowResult {
    return {
      ...planned,
      status,
      contactId,
      ...(receipt.requestId ? { requestId: receipt.requestId } : {}),
      ...(receipt.attempts > 0 ? { attempts: receipt.attempts } : {}),
    };
  }

  private failed(planned: PlannedRow, error: DirectoryError): RowResult {
    const { result } = planned;
    if (planned.action === 'create' && error.code === 'LimitExceeded.Contacts') this.limitReachedAt = result.row;
    this.stopOn(error);
    this.told({ outcome: 'failed', action: planned.action as 'create' | 'update' | 'delete', row: result.row, name: result.name, failure: error.failure });
    const failed: RowResult = {
      ...result,
      status: 'failed',
      errors: [errorOf(error)],
      attempts: error.attempts,
      ...(error.failure.requestId ? { requestId: error.failure.requestId } : {}),
    };
    if (error.lookUp === 'absent') note(failed, say('run.apply.lookUpAbsent'));
    else if (error.kind === 'uncertain') note(failed, say('run.apply.uncertain'));
    return failed;
  }

  /** Binds or unbinds members, 5 IDs a call. A refusal is an error on the row; the contact's own change stands. */
  private async members(result: RowResult, how: 'bind' | 'unbind', members: readonly string[]): Promise<void> {
    for (let i = 0; i < members.length; i += MEMBERS_PER_CALL) {
      const chunk = members.slice(i, i + MEMBERS_PER_CALL);
      if (this.interrupted()) {
        const message = say(how === 'bind' ? 'run.apply.bindInterrupted' : 'run.apply.unbindInterrupted', { members: members.slice(i).join(', ') });
        result.errors = [...result.errors, { field: 'Members', code: 'NotAttempted', message }];
        return;
      }
      if (this.stop) return;
      try {
        if (how === 'bind') await this.directory.associateMembers(result.contactId!, chunk);
        else await this.directory.disassociateMembers(result.contactId!, chunk);
      } catch (error) {
        if (!(error instanceof DirectoryError)) throw error;
        this.stopOn(error);
        const said = (message: string) => say(how === 'bind' ? 'run.apply.bindFailed' : 'run.apply.unbindFailed', { members: chunk.join(', '), message });
        const { masked } = error.failure;
        result.errors = [...result.errors, { ...errorOf(error), field: 'Members', message: said(error.failure.message), ...(masked !== undefined ? { masked: said(masked) } : {}) }];
        return;
      }
    }
    if (members.length > 0) note(result, say(how === 'bind' ? 'run.apply.bound' : 'run.apply.unbound', { members: members.join(', ') }));
  }

  /** --send-verification for the addresses that are new: a failed send leaves a note; the daily limit stops further sends. */
  private async sendVerifications(result: RowResult, contact: ApiContact, fresh: { email: boolean; phone: boolean }): Promise<void> {
    const choice = this.options.sendVerification;
    const sends: { by: 'email' | 'sms'; target: string; send: () => Promise<unknown> }[] = [];
    if (fresh.email && (choice === 'email' || choice === 'all')) {
      const target = contact.EmailAddress;
      sends.push({ by: 'email', target, send: () => this.directory.sendEmailVerification(result.contactId!, target) });
    }
    if (fresh.phone && (choice === 'phone' || choice === 'all') && contact.PhoneNumber) {
      const target = contact.PhoneNumber;
      sends.push({ by: 'sms', target, send: () => this.directory.sendPhoneVerification(result.contactId!, target) });
    }
    for (const { by, target, send } of sends) {
      const email = by === 'email';
      if (this.interrupted()) {
        note(result, say(email ? 'run.apply.emailInterrupted' : 'run.apply.smsInterrupted', { target }));
        continue;
      }
      if (this.stop) return;
      if (this.verificationsBlocked) {
        note(result, say(email ? 'run.apply.emailNotSent' : 'run.apply.smsNotSent', { target, reason: this.verificationsBlocked }));
        continue;
      }
      try {
        await send();
        note(result, say(email ? 'run.apply.emailSent' : 'run.apply.smsSent', { target }));
      } catch (error) {
        if (!(error instanceof DirectoryError)) throw error;
        this.stopOn(error);
        if (error.code === 'SendValidateCodeExceedsLimitForAccount') {
          this.verificationsBlocked = say('run.apply.dailyLimit');
        }
        note(result, say(email ? 'run.apply.emailNotSent' : 'run.apply.smsNotSent', { target, reason: describeFailure(error.failure, SHOW_PII) }));
      }
    }
  }

  /** Whether a stop signal came; the first time, the run stops there. */
  interrupted(): boolean {
    const { signal } = this.options;
    if (!signal?.aborted) return false;
    this.stop ??= { exitCode: stopExitCode(signal), reason: say('run.apply.interrupted') };
    return true;
  }

  private told(event: RowDone): void {
    if (!this.gaveUp) this.options.onRowDone?.(event);
  }

  /** Credentials refused, or the service stopped answering: nothing more is sent (exit 3). */
  private stopOn(error: DirectoryError): void {
    if (this.stop || this.interrupted()) return;
    if (error.kind === 'refused' || RETRYABLE.has(error.kind)) {
      const { endpoint } = this.options;
      const facts = { action: error.action, failure: describeStop(error, MASK_PII) };
      this.stop = { exitCode: EXIT.directory, reason: endpoint ? say('run.apply.stoppedAt', { ...facts, endpoint }) : say('run.apply.stopped', facts) };
    }
  }
}

function note(result: RowResult, text: string): void {
  result.notes = [...(result.notes ?? []), text];
}

/** The report's error for a refused call; the field comes from the code (`InvalidParameter.EmailAddress`). */
function errorOf(error: DirectoryError): ReportError {
  const named = error.code.split('.').find((part): part is Field => (FIELDS as readonly string[]).includes(part));
  const field = named ?? (error.code.endsWith('MobileCountryCode') ? 'PhoneNumber' : null);
  const { message, masked } = error.failure;
  return { field, code: error.code, message, ...(masked !== undefined ? { masked } : {}) };
}
