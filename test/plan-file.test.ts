/**
 * Reading a saved plan back (`import --plan`): the schema, the rows judged
 * again, the plan made again with the applying run's gates. The plans are made
 * here by the real judge and planner, as `--dry-run --plan-out` makes them.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RowJudge } from '../src/judge/judge.js';
import type { RowCells } from '../src/judge/normalise.js';
import type { DirectoryContact } from '../src/directory/port.js';
import { InputError } from '../src/errors.js';
import { planImport } from '../src/plan/plan.js';
import { readSavedPlan } from '../src/plan/plan-file.js';
import type { PlanGates } from '../src/plan/replan.js';
import { PLAN_VERSION, type SavedPlan } from '../src/plan/saved.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir('contact-import-plan-file-');
const GATES: PlanGates = { limit: 20, maxDelete: 3, skipInvalid: false, allowPartial: false };

function contact(name: string, extra: RowCells = {}): RowCells {
  return { Name: name, EmailAddress: `${name.toLowerCase()}@example.com`, Title: 'CEO', MessageTypes: 'ServiceMessage', ...extra };
}

function inDirectory(name: string, email = `${name.toLowerCase()}@example.com`): DirectoryContact {
  return { contactId: `c-${name.toLowerCase()}`, name, email, title: 'CEO', messageTypes: ['ServiceMessage'], members: [], status: 'Active' };
}

/** A sync --prune plan as the dry run saves it: Alice updated, Bob created (phone, members), Zed deleted. */
function madePlan(rows: RowCells[] = [contact('Alice'), contact('Bob', { PhoneNumber: '+86 139 1234 5678', Members: 'rd-abc123' })]): SavedPlan {
  const judge = new RowJudge({ site: 'intl', columnOf: (field) => field });
  const judged = rows.map((cells, i) => judge.judge({ row: i + 2, cells }));
  const snapshot = [inDirectory('Alice', 'old@example.com'), inDirectory('Zed')];
  const options = { mode: 'sync', prune: true, manageMembers: true } as const;
  const saved: SavedPlan = {
    version: PLAN_VERSION,
    createdAt: '2025-01-01T00:00:00.000Z',
    endpoint: 'http://127.0.0.1:1',
    site: 'intl',
    ...options,
    retainInMembers: true,
    sheet: { input: { file: 'sheet.csv', format: 'csv', encoding: 'utf-8', delimiter: ',' }, sha256: 'a'.repeat(64), header: { row: 1, columns: { Name: 0 }, headers: ['Name'], ignored: [] }, blankRows: 0 },
    judged,
    snapshot,
    plan: planImport(judged, snapshot, { ...GATES, ...options }),
  };
  // As the file holds it.
  return JSON.parse(JSON.stringify(saved)) as SavedPlan;
}

let files = 0;
/** Writes `saved` (changed by `change`) and reads it back with `gates`. */
async function readBack(change: (saved: any) => void = () => undefined, gates: Partial<PlanGates> = {}, saved = madePlan()) {
  change(saved);
  const path = join(tmp(), `plan-${++files}.json`);
  writeFileSync(path, JSON.stringify(saved));
  return readSavedPlan(path, 'plan.json', 1_000_000, { ...GATES, ...gates });
}

/** The one line a refused plan gives (an InputError: exit 2). */
async function refusal(change: (saved: any) => void, gates: Partial<PlanGates> = {}, saved?: SavedPlan): Promise<string> {
  const error = await readBack(change, gates, saved).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).message).not.toMatch(/\n/);
  return (error as InputError).message;
}

describe('readSavedPlan: a plan as saved', () => {
  it('reads back as the plan made again, equal to the saved one, and a fresh object', async () => {
    const saved = madePlan();
    const { file, plan } = await readBack(() => undefined, {}, structuredClone(saved));
    expect(plan.rows).toEqual(saved.plan.rows);
    expect(plan).not.toBe(file.plan);
    expect(plan.rows.map((r) => r.action)).toEqual(['update', 'create', 'delete']);
    expect(plan.rows[1]!.contact).toEqual({ Name: 'Bob', EmailAddress: 'bob@example.com', PhoneNumber: '86-13912345678', Title: 'CEO', MessageTypes: ['ServiceMessage'], Members: ['rd-abc123'] });
    expect(plan.rows[1]!.result.notes).toEqual(['PhoneNumber: "+86 139 1234 5678" written as "86-13912345678"']);
    expect(file.retainInMembers).toBe(true);
  });

  it('a row inserted in the rows and the plan alike is judged and planned as a sheet row, and is in the plan applied', async () => {
    const { plan } = await readBack((p) => {
      const mallory = { Name: 'Mallory', EmailAddress: 'mallory@example.com', Title: 'CEO', MessageTypes: ['ServiceMessage'], Members: [] };
      const result = { row: 4, name: 'Mallory', email: mallory.EmailAddress, status: 'valid', errors: [] };
      p.judged.push({ result, contact: mallory });
      // As the planner writes it: what the contact will be once added (`after`, which undo reads).
      const after = { name: 'Mallory', email: mallory.EmailAddress, phone: null, title: 'CEO', messageTypes: ['ServiceMessage'], members: [] };
      p.plan.rows.splice(2, 0, { action: 'create', result: { ...result, status: 'would_create', after }, contact: mallory });
    });
    expect(plan.rows.map((r) => [r.action, r.result.name])).toEqual([
      ['update', 'Alice'],
      ['create', 'Bob'],
      ['create', 'Mallory'],
      ['delete', 'Zed'],
    ]);
  });
});

describe('readSavedPlan: the file', () => {
  it('not JSON, missing, a folder, a pipe, too big: one line each', async () => {
    const notJson = join(tmp(), 'not-json.json');
    writeFileSync(notJson, '{"version": 2, "plan": ');
    const read = (path: string, maxBytes = 1000) => readSavedPlan(path, 'plan.json', maxBytes, GATES);
    await expect(read(notJson)).rejects.toThrow(/^plan\.json: not a plan \(.*JSON.*\); make one with import --dry-run --plan-out$/);
    await expect(read(join(tmp(), 'missing.json'))).rejects.toThrow(/^plan\.json: no such file$/);
    await expect(read(tmp())).rejects.toThrow(/^plan\.json: not a regular file/);
    const fifo = join(tmp(), 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    await expect(read(fifo)).rejects.toThrow(/^plan\.json: not a regular file/);
    await expect(read(notJson, 10)).rejects.toThrow(/^plan\.json: 23 bytes, more than --max-bytes 10$/);
  });

  it.each<[string, (saved: any) => void, RegExp]>([
    ['an older version', (p) => (p.version = 1), /^plan\.json: not a plan of version 2 \(version 1\); make one with import --dry-run --plan-out$/],
    ['no version', (p) => delete p.version, /\(version missing\)/],
    ['a field missing', (p) => delete p.snapshot, /^plan\.json: not a plan that can be applied: snapshot: Invalid input: expected array, received undefined; make one/],
    ['a junk mode', (p) => (p.mode = 'nuke'), /: mode: Invalid option: expected one of "create"\|"upsert"\|"sync"/],
    ['a junk retainInMembers', (p) => (p.retainInMembers = 'no'), /: retainInMembers: Invalid input: expected boolean, received string/],
    ['prune without sync', (p) => (p.mode = 'upsert'), /: prune: prune goes with mode "sync"/],
    ['a key it does not know', (p) => (p.maxDelete = 99), /: the file: Unrecognized key: "maxDelete"/],
    ['a plan row without its result', (p) => (p.plan.rows[1] = { action: 'create' }), /: plan\.rows\.1\.result: Invalid input: expected object, received undefined/],
    ['a status that is not one', (p) => (p.plan.rows[0].result.status = '<b>done</b>'), /: plan\.rows\.0\.result\.status: Invalid option/],
    ['a row number that is text', (p) => (p.judged[1].result.row = '<script>'), /: judged\.1\.result\.row: Invalid input: expected number, received string/],
    ['a judged row that is null', (p) => (p.judged[0] = null), /: judged\.0: Invalid input: expected object, received null/],
    ['a valid row without its contact', (p) => delete p.judged[1].contact, /: judged\.1: a valid row has a contact and no errors/],
    ['a snapshot contact without an id', (p) => (p.snapshot[0].contactId = ''), /: snapshot\.0\.contactId: Too small/],
  ])('%s: one line saying where', async (_, change, message) => {
    expect(await refusal(change)).toMatch(message);
  });
});

describe('readSavedPlan: the rows judged again', () => {
  it('an invalid email, a name used twice, a contact its own values do not give: refused', async () => {
    const email = await refusal((p) => {
      p.judged[1].contact.EmailAddress = p.judged[1].result.email = 'bob@@example.com';
      p.plan.rows[1].contact.EmailAddress = p.plan.rows[1].result.email = 'bob@@example.com';
    });
    // An error line: the address masked, as on the console (the report keeps it whole).
    expect(email).toBe('plan.json: row 3: EmailAddress: "b***@example.com" is not a valid email address');

    const twice = await refusal((p) => {
      const copy = structuredClone(p.judged[1]);
      copy.result.row = 4;
      copy.result.name = copy.contact.Name = 'BOB';
      p.judged.push(copy);
    });
    expect(twice).toMatch(/^plan\.json: row 4: Name: "BOB" is already used by row 3/);

    // A list smuggled into one item, a phone the sheet could not have given, a name other than the contact's.
    for (const change of [
      (p: any) => (p.judged[1].contact.MessageTypes = ['ServiceMessage,FaultMessage']),
      (p: any) => (p.judged[1].contact.PhoneNumber = ''),
      (p: any) => (p.judged[1].result.name = 'Robert'),
    ]) {
      expect(await refusal(change)).toBe('plan.json: row 3: its contact is not what its own values are judged to be (was the file edited?)');
    }
  });

  it('rows out of sheet order, or one row twice: refused', async () => {
    expect(await refusal((p) => (p.judged[1].result.row = 2))).toBe('plan.json: row 2 comes after row 2: the rows must be in sheet order, each once');
  });
});

describe('readSavedPlan: the plan made again', () => {
  it('a plan row its rows do not plan is refused, saying which', async () => {
    const extraDelete = await refusal((p) => p.plan.rows.push({ ...p.plan.rows[2], result: { ...p.plan.rows[2].result, name: 'Alice' }, contactId: 'c-alice' }));
    expect(extraDelete).toBe(
      "plan.json: its plan is not what its rows and snapshot plan with this command's flags (its row 4 is delete for the directory contact \"Alice\" (would_delete), made again not there): " +
        'make a new plan, or apply it with the --contact-limit, --max-delete, --skip-invalid and --allow-partial it was made with',
    );
    const changed = await refusal((p) => (p.plan.rows[1].contact.EmailAddress = 'mallory@example.com'));
    expect(changed).toMatch(/\(its row 2 is create for row 3 "Bob" \(would_create\), made again create for row 3 "Bob" \(would_create\)\)/);
    const retargeted = await refusal((p) => (p.plan.rows[2].contactId = 'c-alice'));
    expect(retargeted).toMatch(/its row 3 is delete for the directory contact "Zed"/);
  });

  it("every gate runs again with the applying run's flags, not the file's", async () => {
    const moreToDelete = (p: any) => {
      for (const name of ['Ann', 'Ben', 'Cat']) p.snapshot.push({ ...p.snapshot[1], contactId: `c-${name}`, name });
    };
    expect(await refusal(moreToDelete)).toMatch(/^plan\.json: nothing was sent: 4 contacts of the directory would be deleted, more than --max-delete 3/);
    expect(await refusal(() => undefined, { maxDelete: 0 })).toMatch(/nothing was sent: 1 contact of the directory would be deleted, more than --max-delete 0/);
    expect(await refusal(() => undefined, { limit: 2 })).toMatch(/nothing was sent: 1 new contact but room for 0 \(the directory holds 2 of 2\)/);
    const withInvalid = (p: any) =>
      p.judged.push({ result: { row: 4, name: 'Eve', email: 'eve', status: 'invalid', errors: [{ field: 'EmailAddress', code: 'InvalidParameter.EmailAddress', message: 'not an email' }] } });
    expect(await refusal(withInvalid)).toMatch(/nothing was sent: 1 row is invalid or duplicate: fix them, or use --skip-invalid/);
    // With the flag the gate is lifted, and then the file's plan must say the invalid row too.
    expect(await refusal(withInvalid, { skipInvalid: true })).toMatch(/its row 3 is delete for the directory contact "Zed" \(would_delete\), made again nothing for row 4 "Eve" \(invalid\)/);
    // A sheet read as nothing never prunes, whatever the file says.
    expect(await refusal((p) => (p.judged = []))).toMatch(/nothing was sent: the sheet has no data rows, so sync --prune would delete 2 contacts/);
  });

  it('a plan that stopped at its gates when made has nothing to apply', async () => {
    const stopped = madePlan([contact('Alice'), contact('Bob', { EmailAddress: 'bob' })]);
    expect(stopped.plan.stop).toBeDefined();
    expect(await refusal(() => undefined, {}, stopped)).toMatch(/^plan\.json: this plan stopped at its gates when it was made \(1 row is invalid or duplicate.*\): there is nothing to apply$/);
  });
});
