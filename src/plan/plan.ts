/**
 * The planner: judged rows + a snapshot of the directory + the contact limit →
 * what happens to each row. Pure: no I/O, so it can be tested on its own and a
 * dry run predicts the real run exactly. It also applies the gates of run rule 1,
 * which stop a run before its first write.
 */
import { nameKey } from '../contact/dedupe.js';
import type { JudgedRow } from '../contact/judge.js';
import type { ApiContact } from '../contact/schema.js';
import type { DirectoryContact } from '../directory/port.js';
import { EXIT } from '../errors.js';
import type { RowResult, Summary } from '../report/types.js';

export interface PlanOptions {
  /** Contacts the directory may hold. */
  limit: number;
  /** Import the valid rows even when others are invalid or duplicate. */
  skipInvalid: boolean;
  /** When the sheet has more new contacts than room, import the first ones. */
  allowPartial: boolean;
}

/** One row of the plan. It is a create iff `result.status` is `would_create`; any other status is final. */
export interface PlannedRow {
  result: RowResult;
  contact?: ApiContact;
}

/** Why the run stops before its first write. */
export interface GateStop {
  exitCode: number;
  /** One line each, for the console. */
  reasons: string[];
}

export interface Plan {
  rows: PlannedRow[];
  quota: Summary['quota'];
  stop?: GateStop;
}

export function planImport(judged: readonly JudgedRow[], snapshot: readonly DirectoryContact[], options: PlanOptions): Plan {
  const inDirectory = new Map(snapshot.map((contact) => [nameKey(contact.name), contact]));
  const room = Math.max(0, options.limit - snapshot.length);
  const rejected = judged.filter((row) => row.result.status === 'invalid' || row.result.status === 'duplicate').length;
  const creates = judged.filter((row) => row.contact && !inDirectory.has(nameKey(row.contact.Name))).length;

  const reasons: string[] = [];
  let exitCode: number = EXIT.ok;
  if (rejected > 0 && !options.skipInvalid) {
    reasons.push(`${plural(rejected, 'row is', 'rows are')} invalid or duplicate: fix them, or use --skip-invalid to import the valid rows only`);
    exitCode = EXIT.rowsNotImported;
  }
  if (creates > room && !options.allowPartial) {
    reasons.push(
      `${plural(creates, 'new contact')} but room for ${room} (the directory holds ${snapshot.length} of ${options.limit}): ` +
        `raise the limit in Quota Center (then --contact-limit), or use --allow-partial to import the first ${room}`,
    );
    exitCode = EXIT.directory;
  }
  const stop = reasons.length > 0 ? { exitCode, reasons } : undefined;

  let fitted = 0;
  const rows = judged.map(({ result, contact }): PlannedRow => {
    if (!contact) return { result };
    const existing = inDirectory.get(nameKey(contact.Name));
    if (existing) return { result: existsResult(result, contact, existing) };
    if (fitted >= room) return { result: overQuota(result, options.limit, snapshot.length) };
    fitted++;
    if (stop) return { result: notAttempted(result, `the run stopped before its first write (${stop.reasons.join('; ')})`) };
    return { result: { ...result, status: 'would_create' }, contact };
  });
  const planned = stop ? 0 : fitted;
  return { rows, quota: { limit: options.limit, existing: snapshot.length, planned, remaining: room - planned }, ...(stop ? { stop } : {}) };
}

/** The fields where the sheet and the directory disagree (what an update would change). */
export function differences(contact: ApiContact, existing: DirectoryContact): string[] {
  const fields: string[] = [];
  if (contact.EmailAddress !== existing.email) fields.push('EmailAddress');
  if ((contact.PhoneNumber ?? '') !== (existing.phone ?? '')) fields.push('PhoneNumber');
  if (contact.Title !== existing.title) fields.push('Title');
  if ([...contact.MessageTypes].sort().join() !== [...existing.messageTypes].sort().join()) fields.push('MessageTypes');
  return fields;
}

function existsResult(result: RowResult, contact: ApiContact, existing: DirectoryContact): RowResult {
  const differ = differences(contact, existing);
  const notes = [...(result.notes ?? [])];
  if (differ.length > 0) notes.push(`the directory's "${existing.name}" differs in ${differ.join(', ')}; left as it is`);
  return { ...result, status: 'exists', contactId: existing.contactId, errors: [], ...(notes.length > 0 ? { notes } : {}) };
}

function overQuota(result: RowResult, limit: number, existing: number): RowResult {
  const message = `no room: the directory holds ${existing} of ${limit} contacts and earlier rows take the rest`;
  return { ...result, status: 'over_quota', errors: [{ field: null, code: 'LimitExceeded.Contacts', message }] };
}

/** A row the run did not reach, and why. */
export function notAttempted(result: RowResult, reason: string): RowResult {
  return { ...result, status: 'not_attempted', errors: [{ field: null, code: 'NotAttempted', message: `not sent: ${reason}` }] };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
