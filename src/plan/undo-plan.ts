/**
 * The plan that reverses a run: the rows it wrote (from its report) + a snapshot
 * of the directory → one action per row, in the applier's own words (add,
 * update, delete). Pure, like the import planner: a dry run predicts the undo.
 *
 * A contact is touched only if it still has the values the run left (`after`):
 * one changed since is kept, one gone is unchanged. A contact already as it was
 * before the run is unchanged too, so a second undo plans nothing.
 * Deletions go first: room they free is room the re-added contacts can take.
 */
import { nameKey } from '../judge/dedupe.js';
import type { ContactChanges, DirectoryContact } from '../directory/port.js';
import { EXIT } from '../errors.js';
import { say } from '../i18n/text.js';
import type { ReportRow } from '../report/row-schema.js';
import type { ContactValues, RowResult } from '../report/types.js';
import { apiContactOf, differingFields, valuesOf, valuesUpdated, type ValueField } from './contact-values.js';
import { stoppedBeforeWrite, type GateStop, type Plan, type PlannedRow } from './plan.js';
import { roomLeft } from './quota.js';

export interface UndoPlanOptions {
  /** Contacts the directory may hold. */
  limit: number;
  /** More deletions than this stop the undo before its first write. */
  maxDelete: number;
}

/** What the run did to a row, as undo reverses it. */
type Done = 'added' | 'updated' | 'deleted';

export function planUndo(rows: readonly ReportRow[], snapshot: readonly DirectoryContact[], options: UndoPlanOptions): Plan {
  const byId = new Map(snapshot.map((contact) => [contact.contactId, contact]));
  const byName = new Map(snapshot.map((contact) => [nameKey(contact.name), contact]));
  const find = (row: ReportRow, values: ContactValues): DirectoryContact | undefined =>
    (row.contactId !== undefined ? byId.get(row.contactId) : undefined) ?? byName.get(nameKey(values.name));

  const planned: PlannedRow[] = [];
  for (const row of rows) {
    const done = doneBy(row);
    if (done) planned.push(undoRow(row, done, find));
  }
  // Deletions first, then the rest in the report's order.
  const ordered = [...planned.filter((p) => p.action === 'delete'), ...planned.filter((p) => p.action !== 'delete')];

  const deletions = ordered.filter((p) => p.action === 'delete').length;
  const readds = ordered.filter((p) => p.action === 'create').length;
  const room = Math.max(0, options.limit - (snapshot.length - deletions));
  const reasons: string[] = [];
  if (deletions > options.maxDelete) reasons.push(say('undo.gate.maxDelete', { count: deletions, max: options.maxDelete }));
  if (readds > room) reasons.push(say('undo.gate.quota', { count: readds, room, existing: snapshot.length, limit: options.limit }));
  const stop: GateStop | undefined = reasons.length > 0 ? { exitCode: EXIT.directory, reasons } : undefined;
  const final = stop
    ? ordered.map((p): PlannedRow => (p.action === 'none' ? p : stoppedBeforeWrite(p.result, stop)))
    : ordered;
  const plannedAdds = stop ? 0 : readds;
  return {
    rows: final,
    quota: { limit: options.limit, existing: snapshot.length, planned: plannedAdds, remaining: roomLeft(options.limit, snapshot.length, plannedAdds, stop ? 0 : deletions) },
    ...(stop ? { stop } : {}),
  };
}

/**
 * What the run did to the row, if it wrote it. An undo's own report reads the same
 * way: a contact it restored by an add (no `previous`) was added, one it put back
 * by an update was updated.
 */
function doneBy(row: ReportRow): Done | undefined {
  switch (row.status) {
    case 'created':
      return 'added';
    case 'updated':
      return 'updated';
    case 'deleted':
      return 'deleted';
    case 'restored':
      return row.previous ? 'updated' : 'added';
    default:
      return undefined;
  }
}

function undoRow(row: ReportRow, done: Done, find: (row: ReportRow, values: ContactValues) => DirectoryContact | undefined): PlannedRow {
  const base: RowResult = { row: row.row, name: row.name, email: row.email, status: 'unchanged', errors: [], ...(row.contactId ? { contactId: row.contactId } : {}) };
  const leave = (status: 'unchanged' | 'kept', note: string, current?: DirectoryContact): PlannedRow => ({
    action: 'none',
    result: { ...base, status, notes: [note], ...(current ? { contactId: current.contactId } : {}) },
  });
  const { previous, after } = row;

  if (done === 'deleted') {
    if (!previous) return leave('kept', say('undo.note.unrecorded'));
    const current = find(row, previous);
    if (current) {
      const differ = differingFields(valuesOf(current), previous);
      if (differ.length === 0) return leave('unchanged', say('undo.note.asBefore'), current);
      return leave('kept', say('undo.note.nameTaken', { name: current.name, fields: differ.join(', ') }), current);
    }
    const contact = apiContactOf(previous);
    const { contactId: _gone, ...rest } = base;
    return {
      action: 'create',
      // `after` and no `previous`: this row added a contact (what an undo of this undo reads).
      result: { ...rest, status: 'would_restore', notes: [say('undo.note.readd')], after: previous },
      contact,
      doneAs: 'restored',
      ...(previous.members.length > 0 ? { bind: previous.members } : {}),
    };
  }

  if (!after || (done === 'updated' && !previous)) return leave('kept', say('undo.note.unrecorded'));
  const current = find(row, after);
  if (!current) return leave('unchanged', say('undo.note.gone'));
  const now = valuesOf(current);

  if (done === 'added') {
    const differ = differingFields(now, after);
    if (differ.length > 0) return leave('kept', say('undo.note.changed', { fields: differ.join(', ') }), current);
    return {
      action: 'delete',
      result: { ...base, contactId: current.contactId, status: 'would_delete', notes: [say('undo.note.delete')], previous: now },
      contactId: current.contactId,
      doneAs: 'deleted',
    };
  }

  // Updated: put back what the run replaced. A phone the run gave cannot be taken away (the API refuses an empty one).
  const phoneStays = previous!.phone === null && now.phone !== null;
  const toRestore = differingFields(now, previous!).filter((field) => !(field === 'phone' && phoneStays));
  if (toRestore.length === 0) return leave('unchanged', say('undo.note.asBefore'), current);
  const changedSince = differingFields(now, after);
  if (changedSince.length > 0) return leave('kept', say('undo.note.changed', { fields: changedSince.join(', ') }), current);
  const { changes, bind, unbind } = restoring(now, previous!, toRestore);
  const notes = [say('undo.note.restore', { fields: toRestore.join(', ') }), ...(phoneStays ? [say('undo.note.phoneStays')] : [])];
  return {
    action: 'update',
    result: { ...base, contactId: current.contactId, status: 'would_restore', notes, previous: now, after: valuesUpdated(current, changes, bind, unbind) },
    contact: { ...apiContactOf(previous!), Name: current.name },
    contactId: current.contactId,
    changes,
    doneAs: 'restored',
    ...(bind.length > 0 ? { bind } : {}),
    ...(unbind.length > 0 ? { unbind } : {}),
  };
}

/** The update that puts `previous` back: the fields that differ, the members bound and unbound. */
function restoring(now: ContactValues, previous: ContactValues, fields: readonly ValueField[]): { changes: ContactChanges; bind: string[]; unbind: string[] } {
  const changes: ContactChanges = {};
  if (fields.includes('email')) changes.EmailAddress = previous.email;
  if (fields.includes('phone') && previous.phone !== null) changes.PhoneNumber = previous.phone;
  if (fields.includes('title')) changes.Title = previous.title;
  if (fields.includes('messageTypes')) changes.MessageTypes = [...previous.messageTypes];
  const bind = previous.members.filter((m) => !now.members.includes(m));
  const unbind = now.members.filter((m) => !previous.members.includes(m));
  return { changes, bind, unbind };
}
