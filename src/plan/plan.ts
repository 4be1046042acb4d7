/**
 * The planner: judged rows + a snapshot of the directory + the contact limit →
 * what happens to each row. Pure: no I/O, so it can be tested on its own and a
 * dry run predicts the real run exactly. It also applies the gates, which stop a
 * run before its first write.
 *
 * Modes: `create` adds new names and leaves existing ones alone; `upsert` also
 * updates existing contacts whose details differ; `sync` is upsert plus the
 * directory's contacts that are not in the sheet (deleted only with `prune`).
 */
import { say } from '../i18n/text.js';
import { nameKey } from '../judge/dedupe.js';
import type { JudgedRow } from '../judge/judge.js';
import type { ApiContact } from '../judge/schema.js';
import type { ContactChanges, DirectoryContact } from '../directory/port.js';
import { EXIT } from '../errors.js';
import type { QuotaCounts, RowResult } from '../report/types.js';
import { DEFAULT_MAX_DELETE, type Mode } from '../defaults.js';
import { Room, roomLeft } from './quota.js';
import { valuesAdded, valuesOf, valuesUpdated } from './contact-values.js';

export interface PlanOptions {
  /** Contacts the directory may hold. */
  limit: number;
  /** Import the valid rows even when others are invalid or duplicate. */
  skipInvalid: boolean;
  /** When the sheet has more new contacts than room, import the first ones. */
  allowPartial: boolean;
  /** @default 'create' */
  mode?: Mode;
  /** sync: delete the directory's contacts that are not in the sheet, and unbind members the sheet does not list. */
  prune?: boolean;
  /** sync --prune: more deletions than this stop the run. @default 3 */
  maxDelete?: number;
  /** The sheet has a Members column: its bindings are the desired ones. Without it members are left alone. */
  manageMembers?: boolean;
}

export type Action = 'none' | 'create' | 'update' | 'delete';

/** One row of the plan: its result so far and what apply is to do with it. */
export interface PlannedRow {
  action: Action;
  result: RowResult;
  /** create: the contact to add; update: the sheet's contact. */
  contact?: ApiContact;
  /** update and delete: the directory's contact. */
  contactId?: string;
  /** update: the fields that differ. */
  changes?: ContactChanges;
  /** create and update: members to bind; update with prune: members to unbind. */
  bind?: string[];
  unbind?: string[];
  /** The row's status once carried out, where it is not the call's own (undo: an add or update `restored`). */
  doneAs?: 'restored' | 'deleted';
}

/** Why the run stops before its first write. */
export interface GateStop {
  exitCode: number;
  /** One line each, for the console. */
  reasons: string[];
}

export interface Plan {
  rows: PlannedRow[];
  quota: QuotaCounts;
  stop?: GateStop;
}

/** A row the gates kept from being sent: not_attempted, saying why the run stopped. */
export function stoppedBeforeWrite(result: RowResult, stop: GateStop): PlannedRow {
  return { action: 'none', result: notAttempted(result, say('run.plan.stoppedBeforeFirstWrite', { reasons: stop.reasons.join(say('run.clauseSeparator')) })) };
}

export function planImport(judged: readonly JudgedRow[], snapshot: readonly DirectoryContact[], options: PlanOptions): Plan {
  const mode = options.mode ?? 'create';
  const inDirectory = new Map(snapshot.map((contact) => [nameKey(contact.name), contact]));
  const room = new Room(options.limit, snapshot.length);
  const rejected = judged.filter((row) => row.result.status === 'invalid' || row.result.status === 'duplicate');
  const creates = judged.filter((row) => row.contact && !inDirectory.has(nameKey(row.contact.Name))).length;
  const leftOver = mode === 'sync' ? notInSheet(judged, snapshot) : [];
  const deletions = options.prune ? leftOver.filter((c) => !c.protectedBy).length : 0;
  const maxDelete = options.maxDelete ?? DEFAULT_MAX_DELETE;

  const reasons: string[] = [];
  let exitCode: number = EXIT.ok;
  if (rejected.length > 0 && !options.skipInvalid) {
    reasons.push(say('run.plan.rejected', { count: rejected.length }));
    exitCode = EXIT.rowsNotImported;
  }
  if (creates > room.size && !options.allowPartial) {
    reasons.push(say('run.plan.noRoom', { count: creates, room: room.size, existing: snapshot.length, limit: options.limit }));
    exitCode = EXIT.directory;
  }
  // A sheet misread as empty (or every row rejected) names no contact: pruning to it would empty the directory.
  if (deletions > 0 && !judged.some((row) => row.contact)) {
    reasons.push(say(judged.length === 0 ? 'run.plan.pruneNoData' : 'run.plan.pruneNoValid', { count: deletions }));
    exitCode = EXIT.directory;
  }
  if (deletions > maxDelete) {
    reasons.push(say('run.plan.tooManyDeletions', { count: deletions, max: maxDelete }));
    exitCode = EXIT.directory;
  }
  const stop = reasons.length > 0 ? { exitCode, reasons } : undefined;
  const stopped = (result: RowResult): PlannedRow => stoppedBeforeWrite(result, stop!);

  const rows = judged.map(({ result, contact }): PlannedRow => {
    if (!contact) return { action: 'none', result };
    const existing = inDirectory.get(nameKey(contact.Name));
    if (existing) {
      const planned = mode === 'create' ? { action: 'none' as const, result: existsResult(result, contact, existing) } : updatePlan(result, contact, existing, options);
      return stop && planned.action !== 'none' ? stopped(planned.result) : planned;
    }
    if (!room.take()) return { action: 'none', result: room.overQuota(result) };
    if (stop) return stopped(result);
    // `after`: what undo finds if nobody touched the contact since (it deletes it only then).
    const after = valuesAdded(contact);
    return { action: 'create', result: { ...result, status: 'would_create', after }, contact, ...(contact.Members.length > 0 ? { bind: contact.Members } : {}) };
  });
  for (const { contact, protectedBy } of leftOver) {
    const result = directoryRow(contact);
    if (protectedBy !== undefined) {
      rows.push({ action: 'none', result: { ...result, status: 'kept', notes: [say('run.plan.protected', { row: protectedBy })] } });
    } else if (!options.prune) {
      rows.push({ action: 'none', result: { ...result, status: 'would_delete', notes: [say('run.plan.notInSheet')] } });
    } else if (stop) {
      rows.push(stopped(result));
    } else {
      // `previous`: the contact as it was, for undo to add again.
      rows.push({ action: 'delete', result: { ...result, status: 'would_delete', previous: valuesOf(contact) }, contactId: contact.contactId });
    }
  }
  const planned = stop ? 0 : room.planned;
  const remaining = roomLeft(options.limit, snapshot.length, planned, stop ? 0 : deletions);
  return { rows, quota: { limit: options.limit, existing: snapshot.length, planned, remaining }, ...(stop ? { stop } : {}) };
}

/** upsert and sync: the fields that differ are updated; members bound (and with prune unbound) to match the sheet. */
function updatePlan(result: RowResult, contact: ApiContact, existing: DirectoryContact, options: PlanOptions): PlannedRow {
  const changes = changesFor(contact, existing);
  const current = new Set(existing.members);
  const wanted = new Set(contact.Members);
  const bind = options.manageMembers ? contact.Members.filter((m) => !current.has(m)) : [];
  const unbind = options.manageMembers && options.prune ? existing.members.filter((m) => !wanted.has(m)) : [];
  const notes = [...(result.notes ?? [])];
  if (!contact.PhoneNumber && existing.phone) notes.push(say('run.plan.phoneStays', { phone: existing.phone }));
  const base = { ...result, contactId: existing.contactId, errors: [], ...(notes.length > 0 ? { notes } : {}) };
  if (Object.keys(changes).length === 0 && bind.length === 0 && unbind.length === 0) {
    return { action: 'none', result: { ...base, status: 'unchanged' } };
  }
  // What undo puts back, and what it expects to find if nobody touched the contact since.
  const previous = valuesOf(existing);
  const after = valuesUpdated(existing, changes, bind, unbind);
  return {
    action: 'update',
    result: { ...base, status: 'would_update', previous, after },
    contact,
    contactId: existing.contactId,
    changes,
    ...(bind.length > 0 ? { bind } : {}),
    ...(unbind.length > 0 ? { unbind } : {}),
  };
}

/** The fields where the sheet and the directory disagree, as UpdateMessageContact parameters. */
export function changesFor(contact: ApiContact, existing: DirectoryContact): ContactChanges {
  const changes: ContactChanges = {};
  if (contact.EmailAddress !== existing.email) changes.EmailAddress = contact.EmailAddress;
  // A phone can be set or changed, not removed (the API refuses an empty PhoneNumber).
  if (contact.PhoneNumber && contact.PhoneNumber !== (existing.phone ?? '')) changes.PhoneNumber = contact.PhoneNumber;
  if (contact.Title !== existing.title) changes.Title = contact.Title;
  if ([...contact.MessageTypes].sort().join() !== [...existing.messageTypes].sort().join()) changes.MessageTypes = contact.MessageTypes;
  return changes;
}

/** The names of the fields where the sheet and the directory disagree (a phone the sheet lacks included). */
export function differences(contact: ApiContact, existing: DirectoryContact): string[] {
  const changed = changesFor(contact, existing);
  const phoneOnlyThere = !contact.PhoneNumber && Boolean(existing.phone);
  return (['EmailAddress', 'PhoneNumber', 'Title', 'MessageTypes'] as const).filter((field) => field in changed || (field === 'PhoneNumber' && phoneOnlyThere));
}

/**
 * sync: the directory's contacts that no valid row names. One that an invalid or
 * duplicate row names is protected: a typo in its email must not delete it.
 */
function notInSheet(judged: readonly JudgedRow[], snapshot: readonly DirectoryContact[]): { contact: DirectoryContact; protectedBy?: number }[] {
  const valid = new Set<string>();
  const rejected = new Map<string, number>();
  for (const { result, contact } of judged) {
    if (contact) valid.add(nameKey(contact.Name));
    else if (result.name && !rejected.has(nameKey(result.name))) rejected.set(nameKey(result.name), result.row!);
  }
  return snapshot
    .filter((contact) => !valid.has(nameKey(contact.name)))
    .map((contact) => {
      const protectedBy = rejected.get(nameKey(contact.name));
      return protectedBy !== undefined ? { contact, protectedBy } : { contact };
    });
}

/** A report row for a directory contact the sheet does not have (no sheet row). */
function directoryRow(contact: DirectoryContact): RowResult {
  return { row: null, name: contact.name, email: contact.email, status: 'would_delete', errors: [], contactId: contact.contactId };
}

function existsResult(result: RowResult, contact: ApiContact, existing: DirectoryContact): RowResult {
  const differ = differences(contact, existing);
  const notes = [...(result.notes ?? [])];
  if (differ.length > 0) notes.push(say('run.plan.differs', { name: existing.name, fields: differ.join(', ') }));
  return { ...result, status: 'exists', contactId: existing.contactId, errors: [], ...(notes.length > 0 ? { notes } : {}) };
}

/** A row the run did not reach, and why. */
export function notAttempted(result: RowResult, reason: string): RowResult {
  return { ...result, status: 'not_attempted', errors: [{ field: null, code: 'NotAttempted', message: say('run.plan.notSent', { reason }) }] };
}
