import { RowJudge, type JudgedRow } from '../src/judge/judge.js';
import type { RowCells } from '../src/judge/normalise.js';
import type { ApiContact } from '../src/judge/schema.js';
import type { DirectoryContact } from '../src/directory/port.js';
import { differences, notAttempted, planImport, type PlanOptions } from '../src/plan/plan.js';
import type { RowResult } from '../src/report/types.js';

/** A sheet row's cells: a valid contact unless `extra` says otherwise. */
function cells(name: string, extra: RowCells = {}): RowCells {
  return { Name: name, EmailAddress: `${name.toLowerCase()}@example.com`, Title: 'CEO', MessageTypes: 'ServiceMessage', ...extra };
}

/** Judge rows 2, 3, … in order with the real judge, as `import` does (no room given: the planner counts). */
function judgeSheet(rows: RowCells[]): JudgedRow[] {
  const judge = new RowJudge({ site: 'intl', columnOf: (f) => f });
  return rows.map((c, i) => judge.judge({ row: i + 2, cells: c }));
}

function inDirectory(name: string, extra: Partial<DirectoryContact> = {}): DirectoryContact {
  return {
    contactId: `c-${name.toLowerCase()}`,
    name,
    email: `${name.toLowerCase()}@example.com`,
    title: 'CEO',
    messageTypes: ['ServiceMessage'],
    members: [],
    status: 'Active',
    ...extra,
  };
}

/** `n` contacts whose names no sheet row below uses. */
function others(n: number): DirectoryContact[] {
  return Array.from({ length: n }, (_, i) => inDirectory(`Other${'x'.repeat(i + 1)}`.slice(0, 12), { contactId: `c-other-${i}` }));
}

const strict: Omit<PlanOptions, 'limit'> = { skipInvalid: false, allowPartial: false };

const statuses = (rows: { result: RowResult }[]) => rows.map((r) => r.result.status);

describe('planImport: a clean sheet', () => {
  it('every valid row becomes would_create with its API contact, and the quota adds up', () => {
    const judged = judgeSheet([cells('Alice'), cells('Bob', { Title: 'FinanceDirector' }), cells('Carol', { MessageTypes: 'FaultMessage, ServiceMessage' })]);
    const plan = planImport(judged, [], { limit: 20, ...strict });

    expect(plan.stop).toBeUndefined();
    expect(statuses(plan.rows)).toEqual(['would_create', 'would_create', 'would_create']);
    expect(plan.rows.map((r) => r.result.row)).toEqual([2, 3, 4]);
    expect(plan.rows.map((r) => r.contact?.Name)).toEqual(['Alice', 'Bob', 'Carol']);
    expect(plan.rows[1]!.contact?.Title).toBe('FinanceDirector');
    expect(plan.rows[2]!.contact?.MessageTypes).toEqual(['FaultMessage', 'ServiceMessage']);
    expect(plan.rows.every((r) => r.result.errors.length === 0)).toBe(true);
    expect(plan.quota).toEqual({ limit: 20, existing: 0, planned: 3, remaining: 17 });
  });

  it('counts the contacts already in the directory', () => {
    const judged = judgeSheet([cells('Alice'), cells('Bob')]);
    const plan = planImport(judged, others(4), { limit: 10, ...strict });
    expect(plan.stop).toBeUndefined();
    expect(plan.quota).toEqual({ limit: 10, existing: 4, planned: 2, remaining: 4 });
  });

  it('exactly as many creates as room is not a stop', () => {
    const judged = judgeSheet([cells('Alice'), cells('Bob')]);
    const plan = planImport(judged, others(3), { limit: 5, ...strict });
    expect(plan.stop).toBeUndefined();
    expect(statuses(plan.rows)).toEqual(['would_create', 'would_create']);
    expect(plan.quota).toEqual({ limit: 5, existing: 3, planned: 2, remaining: 0 });
  });

  it('does not change the judged rows it was given', () => {
    const judged = judgeSheet([cells('Alice'), cells('Bob')]);
    const before = structuredClone(judged);
    planImport(judged, [inDirectory('alice')], { limit: 1, ...strict });
    expect(judged).toEqual(before);
  });
});

describe('planImport: names already in the directory', () => {
  it('a name that differs only in case is exists, with the directory contact id, and is not created', () => {
    const judged = judgeSheet([cells('Alice'), cells('Bob')]);
    const plan = planImport(judged, [inDirectory('ALICE', { contactId: 'c-42', email: 'alice@example.com' })], { limit: 20, ...strict });

    expect(plan.stop).toBeUndefined();
    expect(statuses(plan.rows)).toEqual(['exists', 'would_create']);
    const alice = plan.rows[0]!;
    expect(alice.result.contactId).toBe('c-42');
    expect(alice.contact).toBeUndefined();
    expect(alice.result.errors).toEqual([]);
    // Everything matches: nothing to say about it.
    expect(alice.result.notes).toBeUndefined();
    expect(plan.quota).toEqual({ limit: 20, existing: 1, planned: 1, remaining: 18 });
  });

  it('notes the fields that differ (and only those), leaving the contact as it is', () => {
    const judged = judgeSheet([cells('Alice', { EmailAddress: 'alice@new.example.com', Title: 'FinanceDirector' })]);
    const plan = planImport(judged, [inDirectory('alice', { contactId: 'c-7' })], { limit: 20, ...strict });

    const result = plan.rows[0]!.result;
    expect(result.status).toBe('exists');
    expect(result.contactId).toBe('c-7');
    expect(plan.rows[0]!.contact).toBeUndefined();
    expect(result.notes).toHaveLength(1);
    const note = result.notes![0]!;
    expect(note).toMatch(/EmailAddress/);
    expect(note).toMatch(/Title/);
    expect(note).not.toMatch(/MessageTypes|PhoneNumber/);
    expect(note).toContain('"alice"'); // the directory's spelling of the name
    expect(note).toMatch(/left as it is/);
  });

  it("keeps the judge's own notes and adds the difference after them", () => {
    const judged = judgeSheet([cells('Alice', { Title: 'ceo', EmailAddress: 'other@example.com' })]);
    const judgeNotes = judged[0]!.result.notes;
    expect(judgeNotes).toEqual([expect.stringMatching(/Title/)]);
    const plan = planImport(judged, [inDirectory('Alice')], { limit: 20, ...strict });
    const notes = plan.rows[0]!.result.notes!;
    expect(notes).toHaveLength(2);
    expect(notes[0]).toBe(judgeNotes![0]);
    expect(notes[1]).toMatch(/EmailAddress/);
  });

  it('an existing name does not use up room', () => {
    // The directory is full, but every sheet row is already in it.
    const judged = judgeSheet([cells('Alice'), cells('Bob')]);
    const plan = planImport(judged, [inDirectory('alice'), inDirectory('BOB')], { limit: 2, ...strict });
    expect(plan.stop).toBeUndefined();
    expect(statuses(plan.rows)).toEqual(['exists', 'exists']);
    expect(plan.quota).toEqual({ limit: 2, existing: 2, planned: 0, remaining: 0 });
  });

  it('a directory already past the limit (a --contact-limit set too low) has no room, not negative room', () => {
    const judged = judgeSheet([cells('Alice')]);
    const plan = planImport(judged, [inDirectory('Xavier'), inDirectory('Yvonne'), inDirectory('Zoe')], { limit: 2, ...strict, allowPartial: true });
    expect(statuses(plan.rows)).toEqual(['over_quota']);
    expect(plan.quota).toEqual({ limit: 2, existing: 3, planned: 0, remaining: 0 });
  });

  it('an existing row stays exists when the run is stopped', () => {
    const judged = judgeSheet([cells('Alice'), cells('Bob', { Title: 'Astronaut' }), cells('Carol')]);
    const plan = planImport(judged, [inDirectory('Alice', { contactId: 'c-a' })], { limit: 20, ...strict });
    expect(plan.stop?.exitCode).toBe(1);
    expect(statuses(plan.rows)).toEqual(['exists', 'invalid', 'not_attempted']);
    expect(plan.rows[0]!.result.contactId).toBe('c-a');
  });
});

describe('planImport: invalid and duplicate rows (gate 1)', () => {
  const sheet = () =>
    judgeSheet([cells('Alice'), cells('Bob', { Title: 'Astronaut' }), cells('Carol'), cells('ALICE'), cells('Dave', { EmailAddress: 'not-an-address' })]);

  it('stop the run before the first write: exit 1, every create not_attempted, nothing planned', () => {
    const judged = sheet();
    expect(statuses(judged)).toEqual(['valid', 'invalid', 'valid', 'duplicate', 'invalid']);
    const plan = planImport(judged, others(1), { limit: 20, ...strict });

    expect(plan.stop?.exitCode).toBe(1);
    expect(plan.stop?.reasons).toHaveLength(1);
    expect(plan.stop!.reasons[0]).toMatch(/^3 rows are invalid or duplicate/);
    expect(plan.stop!.reasons[0]).toMatch(/--skip-invalid/);

    expect(statuses(plan.rows)).toEqual(['not_attempted', 'invalid', 'not_attempted', 'duplicate', 'invalid']);
    for (const i of [0, 2]) {
      const row = plan.rows[i]!;
      expect(row.contact).toBeUndefined();
      expect(row.result.errors).toEqual([{ field: null, code: 'NotAttempted', message: expect.stringContaining(plan.stop!.reasons[0]!) }]);
    }
    // The rejected rows keep their own errors.
    expect(plan.rows[1]!.result.errors).toEqual(judged[1]!.result.errors);
    expect(plan.rows[3]!.result.errors[0]!.code).toBe('InvalidParameter.Name.AlreadyUsed');
    expect(plan.quota).toEqual({ limit: 20, existing: 1, planned: 0, remaining: 19 });
  });

  it('one rejected row is "1 row is"', () => {
    const plan = planImport(judgeSheet([cells('Alice'), cells('alice')]), [], { limit: 20, ...strict });
    expect(plan.stop?.exitCode).toBe(1);
    expect(plan.stop!.reasons[0]).toMatch(/^1 row is invalid or duplicate/);
  });

  it('with skipInvalid the valid rows are planned and the rejected ones left as they are', () => {
    const judged = sheet();
    const plan = planImport(judged, others(1), { limit: 20, skipInvalid: true, allowPartial: false });
    expect(plan.stop).toBeUndefined();
    expect(statuses(plan.rows)).toEqual(['would_create', 'invalid', 'would_create', 'duplicate', 'invalid']);
    expect(plan.rows.map((r) => r.contact?.Name)).toEqual(['Alice', undefined, 'Carol', undefined, undefined]);
    expect(plan.quota).toEqual({ limit: 20, existing: 1, planned: 2, remaining: 17 });
  });
});

describe('planImport: more creates than room (gate 2)', () => {
  // Names in reverse alphabetical order, so sheet order is not name order.
  const sheet = () => judgeSheet([cells('Zoe'), cells('Yann'), cells('Xavi'), cells('Walt')]);

  it('stops with exit 3: the first `room` creates are not_attempted, the rest over_quota', () => {
    const plan = planImport(sheet(), others(3), { limit: 5, ...strict });

    expect(plan.stop?.exitCode).toBe(3);
    expect(plan.stop?.reasons).toHaveLength(1);
    const reason = plan.stop!.reasons[0]!;
    expect(reason).toMatch(/4 new contacts but room for 2/);
    expect(reason).toMatch(/holds 3 of 5/);
    expect(reason).toMatch(/--allow-partial/);

    expect(statuses(plan.rows)).toEqual(['not_attempted', 'not_attempted', 'over_quota', 'over_quota']);
    expect(plan.rows.map((r) => r.result.row)).toEqual([2, 3, 4, 5]);
    expect(plan.rows[0]!.result.errors).toEqual([{ field: null, code: 'NotAttempted', message: expect.stringContaining(reason) }]);
    for (const row of plan.rows.slice(2)) {
      expect(row.contact).toBeUndefined();
      expect(row.result.errors).toEqual([{ field: null, code: 'LimitExceeded.Contacts', message: expect.stringMatching(/3 of 5/) }]);
    }
    expect(plan.rows.every((r) => r.contact === undefined)).toBe(true);
    expect(plan.quota).toEqual({ limit: 5, existing: 3, planned: 0, remaining: 2 });
  });

  it('with allowPartial the first `room` rows in sheet order are would_create, the rest over_quota', () => {
    const plan = planImport(sheet(), others(3), { limit: 5, skipInvalid: false, allowPartial: true });

    expect(plan.stop).toBeUndefined();
    expect(statuses(plan.rows)).toEqual(['would_create', 'would_create', 'over_quota', 'over_quota']);
    expect(plan.rows.map((r) => r.contact?.Name)).toEqual(['Zoe', 'Yann', undefined, undefined]);
    expect(plan.rows[3]!.result.errors[0]!.code).toBe('LimitExceeded.Contacts');
    expect(plan.quota).toEqual({ limit: 5, existing: 3, planned: 2, remaining: 0 });
  });

  it('rows already in the directory neither count as creates nor take a place in the queue', () => {
    const judged = judgeSheet([cells('Zoe'), cells('Yann'), cells('Xavi')]);
    // Room for 1 (2 of 3 used, one of them Yann).
    const plan = planImport(judged, [inDirectory('yann'), ...others(1)], { limit: 3, skipInvalid: false, allowPartial: true });
    expect(statuses(plan.rows)).toEqual(['would_create', 'exists', 'over_quota']);
    expect(plan.quota).toEqual({ limit: 3, existing: 2, planned: 1, remaining: 0 });
  });

  it('room is 0 when the directory is already full', () => {
    const judged = judgeSheet([cells('Alice'), cells('Bob')]);
    const plan = planImport(judged, others(2), { limit: 2, ...strict });
    expect(plan.stop?.exitCode).toBe(3);
    expect(plan.stop!.reasons[0]).toMatch(/2 new contacts but room for 0/);
    expect(statuses(plan.rows)).toEqual(['over_quota', 'over_quota']);
    expect(plan.quota).toEqual({ limit: 2, existing: 2, planned: 0, remaining: 0 });

    const partial = planImport(judged, others(2), { limit: 2, skipInvalid: false, allowPartial: true });
    expect(partial.stop).toBeUndefined();
    expect(statuses(partial.rows)).toEqual(['over_quota', 'over_quota']);
    expect(partial.quota.planned).toBe(0);
  });

  it('room is 0, not negative, when the directory holds more than the limit', () => {
    const judged = judgeSheet([cells('Alice')]);
    const plan = planImport(judged, others(3), { limit: 2, ...strict });
    expect(plan.stop?.exitCode).toBe(3);
    expect(plan.stop!.reasons[0]).toMatch(/room for 0/);
    expect(statuses(plan.rows)).toEqual(['over_quota']);
    expect(plan.quota.planned).toBe(0);
  });
});

describe('planImport: both gates at once', () => {
  const sheet = () => judgeSheet([cells('Alice'), cells('Bob', { Title: 'Astronaut' }), cells('Carol'), cells('Dave')]);

  it('exits 3 with both reasons', () => {
    const plan = planImport(sheet(), [], { limit: 2, ...strict });
    expect(plan.stop?.exitCode).toBe(3);
    expect(plan.stop?.reasons).toHaveLength(2);
    expect(plan.stop!.reasons.some((r) => /invalid or duplicate/.test(r))).toBe(true);
    expect(plan.stop!.reasons.some((r) => /3 new contacts but room for 2/.test(r))).toBe(true);
    expect(statuses(plan.rows)).toEqual(['not_attempted', 'invalid', 'not_attempted', 'over_quota']);
    expect(plan.quota.planned).toBe(0);
  });

  it('each flag lifts only its own gate', () => {
    const skip = planImport(sheet(), [], { limit: 2, skipInvalid: true, allowPartial: false });
    expect(skip.stop?.exitCode).toBe(3);
    expect(skip.stop?.reasons).toEqual([expect.stringMatching(/room for 2/)]);

    const partial = planImport(sheet(), [], { limit: 2, skipInvalid: false, allowPartial: true });
    expect(partial.stop?.exitCode).toBe(1);
    expect(partial.stop?.reasons).toEqual([expect.stringMatching(/invalid or duplicate/)]);
    expect(statuses(partial.rows)).toEqual(['not_attempted', 'invalid', 'not_attempted', 'over_quota']);

    const both = planImport(sheet(), [], { limit: 2, skipInvalid: true, allowPartial: true });
    expect(both.stop).toBeUndefined();
    expect(statuses(both.rows)).toEqual(['would_create', 'invalid', 'would_create', 'over_quota']);
    expect(both.quota).toEqual({ limit: 2, existing: 0, planned: 2, remaining: 0 });
  });
});

describe('planImport: sync --prune of a sheet that names no contact', () => {
  const directory = () => [inDirectory('Alice'), inDirectory('Bob'), inDirectory('Carol')];
  const prune = { limit: 20, ...strict, mode: 'sync' as const, prune: true };

  it('no data rows: stops with exit 3 and one reason, every deletion not_attempted, though within --max-delete', () => {
    const plan = planImport([], directory(), prune);
    expect(plan.stop?.exitCode).toBe(3);
    expect(plan.stop?.reasons).toEqual([
      'the sheet has no data rows, so sync --prune would delete 3 contacts of the directory: check that the sheet was read as it should be (validate shows its rows)',
    ]);
    expect(plan.rows.map((r) => [r.action, r.result.name, r.result.status])).toEqual([
      ['none', 'Alice', 'not_attempted'],
      ['none', 'Bob', 'not_attempted'],
      ['none', 'Carol', 'not_attempted'],
    ]);
  });

  it('no valid row (every one rejected, --skip-invalid): stops too', () => {
    const plan = planImport(judgeSheet([cells('Dave', { EmailAddress: 'dave' })]), directory(), { ...prune, skipInvalid: true, maxDelete: 10 });
    expect(plan.stop?.reasons).toEqual([expect.stringMatching(/^the sheet has no valid rows, so sync --prune would delete 3 contacts/)]);
    expect(plan.rows.some((r) => r.action !== 'none')).toBe(false);
  });

  it('is no stop without --prune, with nothing to delete, or with one valid row', () => {
    expect(planImport([], directory(), { ...prune, prune: false }).stop).toBeUndefined();
    expect(planImport([], [], prune).stop).toBeUndefined();
    const one = planImport(judgeSheet([cells('Alice')]), directory(), prune);
    expect(one.stop).toBeUndefined();
    expect(one.rows.map((r) => r.action)).toEqual(['none', 'delete', 'delete']);
  });
});

describe('planImport: sheet order', () => {
  it('keeps every row, in the order given, whatever its status', () => {
    const judged = judgeSheet([
      cells('Mia'),
      cells('Ben', { Title: 'Astronaut' }),
      cells('Ava'),
      cells('mia'),
      cells('Kai'),
      cells('Lou'),
    ]);
    const plan = planImport(judged, [inDirectory('AVA')], { limit: 3, skipInvalid: true, allowPartial: true });
    expect(plan.rows.map((r) => [r.result.row, r.result.name, r.result.status])).toEqual([
      [2, 'Mia', 'would_create'],
      [3, 'Ben', 'invalid'],
      [4, 'Ava', 'exists'],
      [5, 'mia', 'duplicate'],
      [6, 'Kai', 'would_create'],
      [7, 'Lou', 'over_quota'],
    ]);
  });
});

describe('differences', () => {
  const contact = (extra: Partial<ApiContact> = {}): ApiContact => ({
    Name: 'Alice',
    EmailAddress: 'alice@example.com',
    Title: 'CEO',
    MessageTypes: ['ServiceMessage', 'FaultMessage'],
    Members: [],
    ...extra,
  });
  const existing = (extra: Partial<DirectoryContact> = {}) => inDirectory('Alice', { messageTypes: ['ServiceMessage', 'FaultMessage'], ...extra });

  it('is empty when everything matches', () => {
    expect(differences(contact(), existing())).toEqual([]);
  });

  it('treats MessageTypes as a set: order does not matter, membership does', () => {
    expect(differences(contact(), existing({ messageTypes: ['FaultMessage', 'ServiceMessage'] }))).toEqual([]);
    expect(differences(contact(), existing({ messageTypes: ['ServiceMessage'] }))).toEqual(['MessageTypes']);
    expect(differences(contact(), existing({ messageTypes: ['ServiceMessage', 'SecurityMessage'] }))).toEqual(['MessageTypes']);
  });

  it("treats a missing phone as ''", () => {
    expect(differences(contact(), existing({ phone: '' }))).toEqual([]);
    expect(differences(contact({ PhoneNumber: '' }), existing())).toEqual([]);
    expect(differences(contact(), existing({ phone: '86-13912345678' }))).toEqual(['PhoneNumber']);
    expect(differences(contact({ PhoneNumber: '86-13912345678' }), existing())).toEqual(['PhoneNumber']);
    expect(differences(contact({ PhoneNumber: '86-13912345678' }), existing({ phone: '86-13912345678' }))).toEqual([]);
  });

  it('names each field that differs', () => {
    expect(differences(contact({ EmailAddress: 'a@b.example' }), existing())).toEqual(['EmailAddress']);
    expect(differences(contact({ Title: 'Other' }), existing())).toEqual(['Title']);
    const all = differences(
      contact({ EmailAddress: 'a@b.example', Title: 'Other', PhoneNumber: '86-13912345678', MessageTypes: ['ProductMessage'] }),
      existing(),
    );
    expect([...all].sort()).toEqual(['EmailAddress', 'MessageTypes', 'PhoneNumber', 'Title']);
  });

  it('ignores members and the name', () => {
    expect(differences(contact({ Members: ['rd-abc'], Name: 'ALICE' }), existing({ members: [] }))).toEqual([]);
  });
});

describe('notAttempted', () => {
  it('marks the row not_attempted with one NotAttempted error giving the reason, keeping the rest', () => {
    const base: RowResult = {
      row: 9,
      name: 'Alice',
      email: 'alice@example.com',
      status: 'would_create',
      errors: [],
      notes: ['Title: "ceo" written as "CEO"'],
    };
    const result = notAttempted(base, 'the directory could not be listed');
    expect(result).toEqual({
      ...base,
      status: 'not_attempted',
      errors: [{ field: null, code: 'NotAttempted', message: expect.stringContaining('the directory could not be listed') }],
    });
    expect(base.status).toBe('would_create');
    expect(base.errors).toEqual([]);
  });

  it('replaces errors the row had', () => {
    const base: RowResult = {
      row: 3,
      name: 'Bob',
      email: 'bob@example.com',
      status: 'over_quota',
      errors: [{ field: null, code: 'LimitExceeded.Contacts', message: 'x' }],
    };
    expect(notAttempted(base, 'stopped').errors.map((e) => e.code)).toEqual(['NotAttempted']);
  });
});
