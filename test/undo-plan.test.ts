/** The undo planner on its own: pure, rows of a run + a snapshot → one action per row, and the gates. */
import type { DirectoryContact } from '../src/directory/port.js';
import { planUndo } from '../src/plan/undo-plan.js';
import type { ReportRow } from '../src/report/row-schema.js';
import type { ContactValues } from '../src/report/types.js';

const values = (name: string, extra: Partial<ContactValues> = {}): ContactValues => ({
  name,
  email: `${name.toLowerCase()}@example.com`,
  phone: null,
  title: 'CEO',
  messageTypes: ['ServiceMessage'],
  members: [],
  ...extra,
});
const inDirectory = (id: string, v: ContactValues): DirectoryContact => ({
  contactId: id,
  name: v.name,
  email: v.email,
  ...(v.phone !== null ? { phone: v.phone } : {}),
  title: v.title,
  messageTypes: v.messageTypes,
  members: v.members,
  status: 'Active',
});
const row = (status: ReportRow['status'], name: string, extra: Partial<ReportRow> = {}): ReportRow => ({ row: 2, name, email: `${name.toLowerCase()}@example.com`, status, ...extra });
const OPTIONS = { limit: 20, maxDelete: 3 };
const shape = (plan: ReturnType<typeof planUndo>) => plan.rows.map((p) => [p.result.name, p.action, p.result.status]);

describe('planUndo', () => {
  it('deletes what the run created, puts back what it updated, adds again what it deleted; deletions first', () => {
    const alice = values('Alice');
    const bobBefore = values('Bob', { members: ['rd-a00001'] });
    const bobAfter = values('Bob', { email: 'bob@new.example', title: 'Other', members: ['fd-b00001'] });
    const old = values('Old', { phone: '86-13900000001', members: ['rd-c00001'] });
    const plan = planUndo(
      [row('updated', 'Bob', { contactId: 'c-2', previous: bobBefore, after: bobAfter }), row('created', 'Alice', { contactId: 'c-1', after: alice }), row('deleted', 'Old', { row: null, contactId: 'c-3', previous: old }), row('exists', 'Zed')],
      [inDirectory('c-1', alice), inDirectory('c-2', bobAfter)],
      OPTIONS,
    );
    expect(plan.stop).toBeUndefined();
    expect(shape(plan)).toEqual([
      ['Alice', 'delete', 'would_delete'],
      ['Bob', 'update', 'would_restore'],
      ['Old', 'create', 'would_restore'],
    ]);
    const [, bob, readd] = plan.rows;
    expect(bob!.changes).toEqual({ EmailAddress: 'bob@example.com', Title: 'CEO' });
    expect(bob!.bind).toEqual(['rd-a00001']);
    expect(bob!.unbind).toEqual(['fd-b00001']);
    expect(readd!.contact).toMatchObject({ Name: 'Old', PhoneNumber: '86-13900000001', Members: ['rd-c00001'] });
    expect(readd!.bind).toEqual(['rd-c00001']);
    expect(plan.quota).toEqual({ limit: 20, existing: 2, planned: 1, remaining: 18 });
  });

  it('keeps a contact changed since the run (naming the fields), leaves one gone or already as before unchanged', () => {
    const alice = values('Alice');
    const bobBefore = values('Bob');
    const bobAfter = values('Bob', { title: 'Other' });
    const plan = planUndo(
      [row('created', 'Alice', { contactId: 'c-1', after: alice }), row('updated', 'Bob', { contactId: 'c-2', previous: bobBefore, after: bobAfter }), row('created', 'Gone', { contactId: 'c-9', after: values('Gone') })],
      [inDirectory('c-1', { ...alice, messageTypes: ['FaultMessage'] }), inDirectory('c-2', bobBefore)],
      OPTIONS,
    );
    expect(shape(plan)).toEqual([
      ['Alice', 'none', 'kept'],
      ['Bob', 'none', 'unchanged'],
      ['Gone', 'none', 'unchanged'],
    ]);
    expect(plan.rows[0]!.result.notes).toEqual(['changed since the run (messageTypes): left as it is']);
  });

  it('matches by ContactId first, then by name ignoring case', () => {
    const alice = values('Alice');
    const plan = planUndo([row('created', 'Alice', { contactId: 'c-old', after: alice })], [inDirectory('c-new', { ...alice, name: 'ALICE' })], OPTIONS);
    expect(shape(plan)).toEqual([['Alice', 'delete', 'would_delete']]);
    expect(plan.rows[0]!.contactId).toBe('c-new');
  });

  it('a deleted contact that is back is unchanged if as it was, kept if it differs', () => {
    const old = values('Old');
    const same = planUndo([row('deleted', 'Old', { contactId: 'c-3', previous: old })], [inDirectory('c-4', old)], OPTIONS);
    expect(shape(same)).toEqual([['Old', 'none', 'unchanged']]);
    const other = planUndo([row('deleted', 'Old', { contactId: 'c-3', previous: old })], [inDirectory('c-4', { ...old, email: 'x@example.com' })], OPTIONS);
    expect(shape(other)).toEqual([['Old', 'none', 'kept']]);
    expect(other.rows[0]!.result.notes![0]).toMatch(/differing from the one deleted in email/);
  });

  it('a phone the run added cannot be removed: put back the rest, and a second plan finds nothing to do', () => {
    const before = values('Bob');
    const after = values('Bob', { phone: '86-13900000002', title: 'Other' });
    const first = planUndo([row('updated', 'Bob', { contactId: 'c-2', previous: before, after })], [inDirectory('c-2', after)], OPTIONS);
    expect(first.rows[0]!.changes).toEqual({ Title: 'CEO' });
    expect(first.rows[0]!.result.notes!.join(' ')).toMatch(/cannot remove a phone/);
    const second = planUndo([row('updated', 'Bob', { contactId: 'c-2', previous: before, after })], [inDirectory('c-2', { ...after, title: 'CEO' })], OPTIONS);
    expect(shape(second)).toEqual([['Bob', 'none', 'unchanged']]);
  });

  it('stops before the first write: more deletions than --max-delete, or more re-adds than the room (deletions free room)', () => {
    const created = ['A1', 'A2', 'A3', 'A4'].map((n, i) => row('created', n, { contactId: `c-${i}`, after: values(n) }));
    const snapshot = created.map((r, i) => inDirectory(`c-${i}`, r.after!));
    const tooMany = planUndo(created, snapshot, OPTIONS);
    expect(tooMany.stop).toMatchObject({ exitCode: 3, reasons: [expect.stringMatching(/4 contacts would be deleted, more than --max-delete 3/)] });
    expect(tooMany.rows.every((p) => p.action === 'none' && p.result.status === 'not_attempted')).toBe(true);

    const deleted = [row('deleted', 'Old', { previous: values('Old') }), row('deleted', 'Older', { previous: values('Older') })];
    const full = planUndo([...deleted, created[0]!], snapshot, { limit: 4, maxDelete: 3 });
    expect(full.stop?.reasons).toEqual([expect.stringMatching(/2 contacts to add again but room for 1 \(the directory holds 4 of 4\)/)]);
    const roomy = planUndo([...deleted, created[0]!], snapshot, { limit: 5, maxDelete: 3 });
    expect(roomy.stop).toBeUndefined();
  });

  it('a row without the values undo needs (an earlier version) is kept, never guessed', () => {
    const plan = planUndo([row('updated', 'Bob', { contactId: 'c-2' })], [inDirectory('c-2', values('Bob'))], OPTIONS);
    expect(shape(plan)).toEqual([['Bob', 'none', 'kept']]);
  });
});
