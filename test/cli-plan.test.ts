/**
 * Saved plans: `--dry-run --plan-out` writes the plan; `--plan` applies exactly
 * that plan, and refuses (exit 3, no write) once the directory changed under it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { admin } from './helpers/emulator.js';
import { statuses, useImportRuns, writes } from './helpers/import-run.js';
import type { RunningEmulator } from '../src/emulator/server.js';

const { tmp, emulator, sheet, importSheet } = useImportRuns('contact-import-plan-');

async function planned(e: RunningEmulator, name: string): Promise<string> {
  await admin(e, 'POST', 'preload', {
    contacts: [
      { Name: 'Alice', EmailAddress: 'old@example.com', Title: 'CEO', MessageTypes: ['ServiceMessage'] },
      { Name: 'Zed', EmailAddress: 'zed@example.com', Title: 'CEO', MessageTypes: ['ServiceMessage'] },
    ],
  });
  const file = sheet('Name,Email,Title,MessageTypes\nAlice,alice@example.com,CEO,ServiceMessage\nBob,bob@example.com,CEO,ServiceMessage\n');
  const planFile = join(tmp(), name);
  const dry = await importSheet(e, file, ['--mode', 'sync', '--prune', '--dry-run', '--plan-out', planFile]);
  expect(dry.code).toBe(0);
  expect(statuses(dry.rows)).toEqual(['would_update', 'would_create', 'would_delete']);
  expect(writes(e)).toEqual([]);
  return planFile;
}

/** `import --plan=FILE`: no sheet named (one token, where the helper puts the sheet). */
const applyPlan = (e: RunningEmulator, planFile: string, args: string[] = []) => importSheet(e, `--plan=${planFile}`, args);

describe('saved plans', () => {
  it('--plan applies exactly the plan saved by --dry-run --plan-out', async () => {
    const e = await emulator();
    const planFile = await planned(e, 'plan.json');
    const saved = JSON.parse(readFileSync(planFile, 'utf8'));
    expect(saved).toMatchObject({ version: 2, endpoint: e.url, site: 'intl', mode: 'sync', prune: true, retainInMembers: true });
    expect(saved.plan.rows.map((r: any) => r.action)).toEqual(['update', 'create', 'delete']);

    const applied = await applyPlan(e, planFile);
    expect(applied.code).toBe(0);
    expect(applied.rows.map((r) => [r.name, r.status])).toEqual([
      ['Alice', 'updated'],
      ['Bob', 'created'],
      ['Zed', 'deleted'],
    ]);
    expect(writes(e).map((r) => [r.action, r.params.EmailAddress ?? r.params.Name ?? r.params.RetainContactInMembers])).toEqual([
      ['UpdateMessageContact', 'alice@example.com'],
      ['AddMessageContact', 'bob@example.com'],
      ['DeleteMessageContact', 'true'],
    ]);
    expect(e.state.all().map((c) => [c.Name, c.EmailAddress])).toEqual([
      ['Alice', 'alice@example.com'],
      ['Bob', 'bob@example.com'],
    ]);
    expect(applied.summary.input).toMatchObject({ file: saved.sheet.input.file, sha256: saved.sheet.sha256 });
  });

  it('refuses with exit 3 and no write when the directory changed in a way that touches the plan', async () => {
    const e = await emulator();
    const planFile = await planned(e, 'stale-plan.json');
    await admin(e, 'POST', 'preload', { contacts: [{ Name: 'bob', EmailAddress: 'someone@example.com' }] });
    const refused = await applyPlan(e, planFile);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/error: the directory changed since the plan was made: "bob" is in the directory now .*make a new plan/);
    expect(writes(e)).toEqual([]);
    expect(statuses(refused.rows)).toEqual(['not_attempted', 'not_attempted', 'not_attempted']);
  });
});

describe('a saved plan is input: edited, it is checked like a sheet before anything is sent', () => {
  /** A copy of the plan at `planFile`, changed by `change`. */
  function edited(planFile: string, change: (saved: any) => void): string {
    const saved = JSON.parse(readFileSync(planFile, 'utf8'));
    change(saved);
    const copy = join(tmp(), `edited-${++copies}.json`);
    writeFileSync(copy, JSON.stringify(saved));
    return copy;
  }
  let copies = 0;

  /** Refused: exit 2, one line on stderr naming the file, no report, not even a look at the directory. */
  async function refused(e: RunningEmulator, planFile: string, args: string[] = []): Promise<string> {
    const calls = e.requests.length;
    const run = await applyPlan(e, planFile, args);
    expect({ code: run.code, lines: run.stderr.trim().split('\n').length }).toEqual({ code: 2, lines: 1 });
    expect(run.stderr).toMatch(/^error: \S+\.json: /);
    expect(run.rows).toEqual([]);
    expect(e.requests.length).toBe(calls);
    return run.stderr.trim();
  }

  it('a wrong version, a junk mode or retainInMembers, a malformed row: one line naming it, exit 2 (was exit 70 for a row)', async () => {
    const e = await emulator();
    const planFile = await planned(e, 'plan.json');
    const cases: [(saved: any) => void, RegExp][] = [
      [(p) => (p.version = 1), /edited-\d+\.json: not a plan of version 2 \(version 1\); make one with import --dry-run --plan-out$/],
      [(p) => (p.mode = 'nuke'), /: not a plan that can be applied: mode: Invalid option: expected one of "create"\|"upsert"\|"sync"; make one/],
      [(p) => (p.retainInMembers = 'no'), /: retainInMembers: Invalid input: expected boolean, received string/],
      [(p) => (p.plan.rows[1] = { action: 'create' }), /: plan\.rows\.1\.result: Invalid input: expected object, received undefined/],
    ];
    for (const [change, message] of cases) expect(await refused(e, edited(planFile, change))).toMatch(message);
    expect(writes(e)).toEqual([]);
  });

  it('its rows are judged again: an invalid email is refused, not sent', async () => {
    const e = await emulator();
    const planFile = await planned(e, 'plan.json');
    const badEmail = edited(planFile, (p) => {
      p.judged[1].contact.EmailAddress = p.judged[1].result.email = 'bob@@example.com';
      p.plan.rows[1].contact.EmailAddress = p.plan.rows[1].result.email = 'bob@@example.com';
    });
    // An error line on the console: the address masked.
    expect(await refused(e, badEmail)).toMatch(/\.json: row 3: EmailAddress: "b\*\*\*@example\.com" is not a valid email address$/);
    expect(writes(e)).toEqual([]);
  });

  it('a plan row its rows do not plan (an extra delete, an inserted create) is refused', async () => {
    const e = await emulator();
    const planFile = await planned(e, 'plan.json');
    const alice = e.state.all().find((c) => c.Name === 'Alice')!;
    const extraDelete = edited(planFile, (p) => {
      p.plan.rows.push({ action: 'delete', result: { row: null, name: 'Alice', email: 'old@example.com', status: 'would_delete', errors: [] }, contactId: alice.ContactId });
    });
    expect(await refused(e, extraDelete)).toMatch(
      /\.json: its plan is not what its rows and snapshot plan with this command's flags \(its row 4 is delete for the directory contact "Alice" \(would_delete\), made again not there\): make a new plan/,
    );
    const mallory = { Name: 'Mallory', EmailAddress: 'mallory@example.com', Title: 'CEO', MessageTypes: ['ServiceMessage'], Members: [] };
    const insertedCreate = edited(planFile, (p) => {
      p.plan.rows.splice(2, 0, { action: 'create', result: { row: 4, name: 'Mallory', email: mallory.EmailAddress, status: 'would_create', errors: [] }, contact: mallory });
    });
    expect(await refused(e, insertedCreate)).toMatch(/its row 3 is create for row 4 "Mallory" \(would_create\), made again delete for the directory contact "Zed"/);
    expect(writes(e)).toEqual([]);
  });

  it('text from the plan (file name, ignored columns, notes) reaches report.html as text, never as markup', async () => {
    const e = await emulator();
    const planFile = await planned(e, 'plan.json');
    const img = '<img src=x onerror=alert(1)>';
    const script = '</script><script>alert(2)</script>';
    const hostile = edited(planFile, (p) => {
      p.sheet.input.file = `${script}.csv`;
      p.sheet.header.ignored = [img];
      p.judged[0].result.notes = [img];
      p.plan.rows[0].result.notes = [img];
    });
    const applied = await applyPlan(e, hostile);
    expect(applied.code).toBe(0);
    const html = readFileSync(join(applied.reportDir, 'report.html'), 'utf8');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('&#60;/script&#62;&#60;script&#62;alert(2)&#60;/script&#62;.csv');
  });

  it("the gates run again with the applying command's flags: deletions added to the file stop at --max-delete", async () => {
    const e = await emulator();
    const planFile = await planned(e, 'plan.json');
    // Added where the planner finds deletions (the snapshot), so the file is consistent: the gate still stops it.
    const moreToDelete = edited(planFile, (p) => {
      for (const name of ['Ann', 'Ben', 'Cat']) p.snapshot.push({ ...p.snapshot[1], contactId: `c-${name}`, name, email: `${name}@example.com` });
    });
    expect(await refused(e, moreToDelete)).toMatch(/\.json: nothing was sent: 4 contacts of the directory would be deleted, more than --max-delete 3/);
    expect(await refused(e, planFile, ['--max-delete', '0'])).toMatch(/\.json: nothing was sent: 1 contact of the directory would be deleted, more than --max-delete 0/);
    expect(writes(e)).toEqual([]);
  });
});
