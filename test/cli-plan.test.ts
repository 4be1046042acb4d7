/**
 * Saved plans: `--dry-run --plan-out` writes the plan; `--plan` applies exactly
 * that plan, and refuses (exit 3, no write) once the directory changed under it.
 */
import { readFileSync } from 'node:fs';
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
const applyPlan = (e: RunningEmulator, planFile: string) => importSheet(e, `--plan=${planFile}`);

describe('saved plans', () => {
  it('--plan applies exactly the plan saved by --dry-run --plan-out', async () => {
    const e = await emulator();
    const planFile = await planned(e, 'plan.json');
    const saved = JSON.parse(readFileSync(planFile, 'utf8'));
    expect(saved).toMatchObject({ version: 1, endpoint: e.url, mode: 'sync', retainInMembers: true });
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
