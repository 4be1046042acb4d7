/**
 * The only writer: carries out a plan one row at a time, in sheet order, and
 * hands each row's result to `record` as soon as it is known (run rule 6).
 * Stops adding after LimitExceeded.Contacts, stops everything after the
 * directory refuses the credentials or stops answering, and after Ctrl-C
 * (run rule 5); the rows it did not reach are reported, never dropped.
 */
import { FIELDS, type Field } from '../contact/fields.js';
import type { ApiContact } from '../contact/schema.js';
import { describeFailure, DirectoryError, RETRYABLE } from '../directory/errors.js';
import type { DirectoryApi } from '../directory/port.js';
import { EXIT } from '../errors.js';
import type { Logger } from '../log.js';
import { notAttempted, type PlannedRow } from '../plan/plan.js';
import type { ReportError, RowResult } from '../report/types.js';

export type VerificationChoice = 'none' | 'email' | 'phone' | 'all';

const INTERRUPTED = 'interrupted: the call in flight was finished, nothing more was sent';

/** Members per AssociateMembers call (the API takes 1–5). */
const MEMBERS_PER_CALL = 5;

export interface ApplyOptions {
  sendVerification: VerificationChoice;
  /** Aborted by Ctrl-C: the call in flight finishes, the rest is not attempted. */
  signal?: AbortSignal;
  log: Logger;
}

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
  for (const { result, contact } of rows) {
    if (result.status !== 'would_create' || !contact) await record(result);
    else await record(await run.create(result, contact));
  }
  return run.stop ? { stop: run.stop } : {};
}

class Run {
  stop: ApplyOutcome['stop'];
  /** The row that was answered LimitExceeded.Contacts: no add is sent after it. */
  private limitReachedAt: number | undefined;
  private verificationsBlocked: string | undefined;

  constructor(
    private readonly directory: DirectoryApi,
    private readonly options: ApplyOptions,
  ) {}

  async create(planned: RowResult, contact: ApiContact): Promise<RowResult> {
    if (!this.stop && this.options.signal?.aborted) {
      this.stop = { exitCode: EXIT.interrupted, reason: INTERRUPTED };
    }
    if (this.stop) return notAttempted(planned, this.stop.reason);
    if (this.limitReachedAt !== undefined) {
      const message = `not sent: the directory answered LimitExceeded.Contacts at row ${this.limitReachedAt}`;
      return { ...planned, status: 'over_quota', errors: [{ field: null, code: 'LimitExceeded.Contacts', message }] };
    }

    let result: RowResult;
    try {
      const created = await this.directory.addContact(contact);
      const notes = [...(planned.notes ?? [])];
      if (created.confirmedByLookup) notes.push('an earlier try went unanswered; a lookup found the contact, so it was not sent again');
      result = {
        ...planned,
        status: 'created',
        contactId: created.contactId,
        ...(created.requestId ? { requestId: created.requestId } : {}),
        attempts: created.attempts,
        ...(notes.length > 0 ? { notes } : {}),
      };
      this.options.log.info(`  row ${planned.row}: created ${contact.Name} (${created.contactId})`);
    } catch (error) {
      if (!(error instanceof DirectoryError)) throw error;
      if (error.code === 'LimitExceeded.Contacts') this.limitReachedAt = planned.row;
      this.stopOn(error);
      this.options.log.warn(`row ${planned.row}: ${contact.Name} not created: ${describeFailure(error.failure)}`);
      const notes = [...(planned.notes ?? [])];
      if (error.kind === 'uncertain') notes.push('the last try went unanswered, so the contact may exist: a rerun finds it (exists) or creates it');
      return {
        ...planned,
        status: 'failed',
        errors: [errorOf(error)],
        ...(notes.length > 0 ? { notes } : {}),
        attempts: error.attempts,
        ...(error.failure.requestId ? { requestId: error.failure.requestId } : {}),
      };
    }
    await this.bindMembers(result, contact);
    await this.sendVerifications(result, contact);
    return result;
  }

  /** The Members column, 5 IDs a call. A refusal is an error on the row; the contact stays created. */
  private async bindMembers(result: RowResult, contact: ApiContact): Promise<void> {
    for (let i = 0; i < contact.Members.length && !this.stop; i += MEMBERS_PER_CALL) {
      const chunk = contact.Members.slice(i, i + MEMBERS_PER_CALL);
      try {
        await this.directory.associateMembers(result.contactId!, chunk);
      } catch (error) {
        if (!(error instanceof DirectoryError)) throw error;
        this.stopOn(error);
        result.errors = [...result.errors, { ...errorOf(error), field: 'Members', message: `binding ${chunk.join(', ')}: ${error.failure.message}` }];
        return;
      }
    }
    if (contact.Members.length > 0) result.notes = [...(result.notes ?? []), `bound to ${contact.Members.join(', ')}`];
  }

  /** --send-verification: a send that fails leaves a note; the daily limit stops further sends, not the import. */
  private async sendVerifications(result: RowResult, contact: ApiContact): Promise<void> {
    const choice = this.options.sendVerification;
    const sends: { what: string; send: () => Promise<unknown> }[] = [];
    if (choice === 'email' || choice === 'all') {
      sends.push({ what: `email to ${contact.EmailAddress}`, send: () => this.directory.sendEmailVerification(result.contactId!, contact.EmailAddress) });
    }
    if ((choice === 'phone' || choice === 'all') && contact.PhoneNumber) {
      const phone = contact.PhoneNumber;
      sends.push({ what: `SMS to ${phone}`, send: () => this.directory.sendPhoneVerification(result.contactId!, phone) });
    }
    for (const { what, send } of sends) {
      if (this.stop) return;
      if (this.verificationsBlocked) {
        result.notes = [...(result.notes ?? []), `verification ${what} not sent: ${this.verificationsBlocked}`];
        continue;
      }
      try {
        await send();
        result.notes = [...(result.notes ?? []), `verification ${what} sent`];
      } catch (error) {
        if (!(error instanceof DirectoryError)) throw error;
        this.stopOn(error);
        if (error.code === 'SendValidateCodeExceedsLimitForAccount') {
          this.verificationsBlocked = 'the account reached its daily limit of verification messages; send it later from the console';
        }
        result.notes = [...(result.notes ?? []), `verification ${what} not sent: ${describeFailure(error.failure)}`];
      }
    }
  }

  /** Credentials refused, or the service stopped answering: nothing more is sent (exit 3). */
  private stopOn(error: DirectoryError): void {
    if (this.stop) return;
    if (this.options.signal?.aborted) {
      this.stop = { exitCode: EXIT.interrupted, reason: INTERRUPTED };
    } else if (error.kind === 'refused') {
      this.stop = { exitCode: EXIT.directory, reason: `the directory refused the request: ${describeFailure(error.failure)}` };
    } else if (RETRYABLE.has(error.kind)) {
      const tries = error.attempts === 1 ? 'the first try' : `${error.attempts} tries`;
      this.stop = { exitCode: EXIT.directory, reason: `${error.action} still failing after ${tries}: ${describeFailure(error.failure)}` };
    }
  }
}

/** The report's error for a refused call; the field comes from the code (`InvalidParameter.EmailAddress`). */
function errorOf(error: DirectoryError): ReportError {
  const named = error.code.split('.').find((part): part is Field => (FIELDS as readonly string[]).includes(part));
  const field = named ?? (error.code.endsWith('MobileCountryCode') ? 'PhoneNumber' : null);
  return { field, code: error.code, message: error.failure.message };
}
