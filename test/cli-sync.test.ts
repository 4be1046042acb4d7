/**
 * `import --mode upsert|sync` end to end against the emulator: exactly the
 * contacts that differ are changed, a rerun writes nothing, deletions only with
 * --prune and within --max-delete, members made to match the sheet.
 */
import { listParam } from '../src/emulator/operation.js';
import type { RunningEmulator } from '../src/emulator/server.js';
import { admin } from './helpers/emulator.js';
import { statuses, useImportRuns, writes, preloaded } from './helpers/import-run.js';

const { emulator, sheet, importSheet } = useImportRuns('contact-import-sync-');

const HEADER = 'Name,Email,Phone,Title,MessageTypes';
const line = (name: string, email = `${name.toLowerCase()}@example.com`, title = 'CEO', types = 'ServiceMessage', phone = '') =>
  `${name},${email},${phone},${title},${types}`;

/** The write calls since `from`, as [action, parameters the test cares about]. */
function writesSince(e: RunningEmulator, from: number): [string, unknown][] {
  return writes({ requests: e.requests.slice(from) } as RunningEmulator).map((r) => {
    const { ContactId: _id, ...params } = r.params;
    const members = listParam(r.params, 'Members');
    const types = listParam(r.params, 'MessageTypes');
    const shown = Object.fromEntries(Object.entries(params).filter(([key]) => !/\.\d+$/.test(key)));
    return [r.action, { ...shown, ...(members ? { Members: members } : {}), ...(types ? { MessageTypes: types } : {}) }];
  });
}

const byName = (e: RunningEmulator) => Object.fromEntries(e.state.all().map((c) => [c.Name, c]));

describe('import --mode upsert', () => {
  it('updates exactly the contacts that differ, adds the new ones, and a rerun writes nothing', async () => {
    const e = await emulator();
    await admin(e, 'POST', 'preload', {
      contacts: [preloaded('Alice'), preloaded('Bob'), preloaded('Carol', { PhoneNumber: '86-13900000001' }), preloaded('Zed')],
    });
    const before = structuredClone(byName(e));
    const file = sheet(
      [HEADER, line('Alice'), line('Bob', 'bob@new.example'), line('Carol', undefined, 'Other', 'ServiceMessage;FaultMessage'), line('Dave')].join('\n'),
    );
    const run = await importSheet(e, file, ['--mode', 'upsert']);
    expect(run.code).toBe(0);
    expect(statuses(run.rows)).toEqual(['unchanged', 'updated', 'updated', 'created']);
    expect(writesSince(e, 0)).toEqual([
      ['UpdateMessageContact', { EmailAddress: 'bob@new.example' }],
      ['UpdateMessageContact', { Title: 'Other', MessageTypes: ['ServiceMessage', 'FaultMessage'] }],
      ['AddMessageContact', { Name: 'Dave', EmailAddress: 'dave@example.com', Title: 'CEO', MessageTypes: ['ServiceMessage'] }],
    ]);
    const after = byName(e);
    expect(after.Alice).toEqual(before.Alice);
    expect(after.Zed).toEqual(before.Zed); // upsert never deletes
    expect(after.Bob).toMatchObject({ EmailAddress: 'bob@new.example', Status: 'Verifying' });
    expect(after.Carol).toMatchObject({ Title: 'Other', PhoneNumber: '86-13900000001' }); // a phone the sheet lacks stays
    expect(run.rows[1].notes.join(' ')).toMatch(/updated EmailAddress.*verifies the new EmailAddress again/);
    expect(run.rows[2].notes.join(' ')).toMatch(/cannot remove a phone/);

    const from = e.requests.length;
    const rerun = await importSheet(e, file, ['--mode', 'upsert']);
    expect(rerun.code).toBe(0);
    expect(writesSince(e, from)).toEqual([]);
    expect(statuses(rerun.rows)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
  });
});

describe('import --mode sync', () => {
  it('lists contacts missing from the sheet as would_delete; --prune deletes them; a rerun writes nothing', async () => {
    const e = await emulator();
    await admin(e, 'POST', 'preload', { contacts: [preloaded('Alice'), preloaded('Old'), preloaded('Older')] });
    const file = sheet([HEADER, line('Alice'), line('Bob')].join('\n'));

    const listed = await importSheet(e, file, ['--mode', 'sync']);
    expect(listed.code).toBe(0);
    expect(listed.rows.map((r) => [r.row, r.name, r.status])).toEqual([
      [2, 'Alice', 'unchanged'],
      [3, 'Bob', 'created'],
      [null, 'Old', 'would_delete'],
      [null, 'Older', 'would_delete'],
    ]);
    expect(writesSince(e, 0).map(([action]) => action)).toEqual(['AddMessageContact']);

    const from = e.requests.length;
    const pruned = await importSheet(e, file, ['--mode', 'sync', '--prune']);
    expect(pruned.code).toBe(0);
    expect(pruned.rows.map((r) => [r.name, r.status])).toEqual([
      ['Alice', 'unchanged'],
      ['Bob', 'unchanged'],
      ['Old', 'deleted'],
      ['Older', 'deleted'],
    ]);
    expect(writesSince(e, from)).toEqual([
      ['DeleteMessageContact', { RetainContactInMembers: 'true' }],
      ['DeleteMessageContact', { RetainContactInMembers: 'true' }],
    ]);
    expect(e.state.all().map((c) => c.Name)).toEqual(['Alice', 'Bob']);

    const again = e.requests.length;
    const rerun = await importSheet(e, file, ['--mode', 'sync', '--prune']);
    expect(rerun.code).toBe(0);
    expect(writesSince(e, again)).toEqual([]);
  });

  it('never deletes more than --max-delete: such a sheet stops the run with exit 3 and no write', async () => {
    const e = await emulator();
    await admin(e, 'POST', 'preload', { contacts: ['Ann', 'Ben', 'Cat', 'Dan'].map((n) => preloaded(n)) });
    const truncated = sheet([HEADER, line('Eve')].join('\n'));
    const stopped = await importSheet(e, truncated, ['--mode', 'sync', '--prune']);
    expect(stopped.code).toBe(3);
    expect(stopped.stderr).toMatch(/4 contacts of the directory would be deleted, more than --max-delete 3/);
    expect(writesSince(e, 0)).toEqual([]);
    expect(statuses(stopped.rows)).toEqual(['not_attempted', 'not_attempted', 'not_attempted', 'not_attempted', 'not_attempted']);

    const raised = await importSheet(e, truncated, ['--mode', 'sync', '--prune', '--max-delete', '4']);
    expect(raised.code).toBe(0);
    expect(e.state.all().map((c) => c.Name)).toEqual(['Eve']);
  });

  it('a sheet with no data rows (a header, or blank rows only) stops sync --prune with exit 3: nothing deleted', async () => {
    const e = await emulator();
    await admin(e, 'POST', 'preload', { contacts: ['Alice', 'Bob', 'Carol'].map((n) => preloaded(n)) });
    for (const text of [HEADER, [HEADER, ',,,,', ',,,,', ''].join('\n')]) {
      const run = await importSheet(e, sheet(text), ['--mode', 'sync', '--prune']);
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/error: nothing was written: the sheet has no data rows, so sync --prune would delete 3 contacts of the directory: check that the sheet was read/);
      expect(run.stderr.match(/error:/g)).toHaveLength(1);
      expect(statuses(run.rows)).toEqual(['not_attempted', 'not_attempted', 'not_attempted']);
    }
    expect(writesSince(e, 0)).toEqual([]);
    expect(e.state.all().map((c) => c.Name)).toEqual(['Alice', 'Bob', 'Carol']);
  });

  it('--prune without --mode sync is refused: exit 2, one line, nothing read or sent', async () => {
    const e = await emulator();
    await admin(e, 'POST', 'preload', { contacts: [preloaded('Alice'), preloaded('Old')] });
    const file = sheet([HEADER, line('Alice')].join('\n'));
    for (const mode of [[], ['--mode', 'create'], ['--mode', 'upsert']]) {
      const run = await importSheet(e, file, [...mode, '--prune']);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toEqual([`error: --prune goes with --mode sync (it deletes what the sheet does not list), not --mode ${mode[1] ?? 'create'}`]);
      expect(run.rows).toEqual([]);
    }
    expect(e.requests).toEqual([]);
  });

  it('--no-retain-in-members follows the asynchronous deletion to its end', async () => {
    const e = await emulator({ deletionDelayMs: 200 });
    await admin(e, 'POST', 'preload', { contacts: [preloaded('Alice'), preloaded('Gone')] });
    const run = await importSheet(e, sheet([HEADER, line('Alice')].join('\n')), ['--mode', 'sync', '--prune', '--no-retain-in-members']);
    expect(run.code).toBe(0);
    expect(run.rows.map((r) => [r.name, r.status])).toEqual([
      ['Alice', 'unchanged'],
      ['Gone', 'deleted'],
    ]);
    const actions = e.requests.map((r) => [r.action, r.code ?? r.status]);
    expect(actions).toContainEqual(['DeleteMessageContact', 200]);
    expect(actions.at(-1)).toEqual(['GetMessageContactDeletionStatus', 'EntityNotExists.Contact']);
    expect(e.state.all().map((c) => c.Name)).toEqual(['Alice']);
  });

  it('keeps a contact whose sheet row is invalid, rather than deleting it', async () => {
    const e = await emulator();
    await admin(e, 'POST', 'preload', { contacts: [preloaded('Alice'), preloaded('Bob')] });
    const run = await importSheet(e, sheet([HEADER, line('Alice'), line('Bob', 'not-an-email')].join('\n')), ['--mode', 'sync', '--prune', '--skip-invalid']);
    expect(run.code).toBe(1);
    expect(run.rows.map((r) => [r.name, r.status])).toEqual([
      ['Alice', 'unchanged'],
      ['Bob', 'invalid'],
      ['Bob', 'kept'],
    ]);
    expect(writesSince(e, 0)).toEqual([]);
  });

  it('binds the members the sheet lists, and with --prune unbinds the others', async () => {
    const e = await emulator();
    await admin(e, 'POST', 'preload', { contacts: [preloaded('Alice', { Members: ['rd-keep1', 'fd-old1'] })] });
    const file = sheet([`${HEADER},Members`, `${line('Alice')},"rd-keep1, fd-new1"`].join('\n'));
    const bound = await importSheet(e, file, ['--mode', 'sync']);
    expect(bound.code).toBe(0);
    expect(writesSince(e, 0)).toEqual([['AssociateMembers', { Members: ['fd-new1'] }]]);
    expect(e.state.all()[0]!.Members).toEqual(['rd-keep1', 'fd-old1', 'fd-new1']);

    const from = e.requests.length;
    const pruned = await importSheet(e, file, ['--mode', 'sync', '--prune']);
    expect(pruned.code).toBe(0);
    expect(writesSince(e, from)).toEqual([['DisassociateMembers', { Members: ['fd-old1'] }]]);
    expect([...e.state.all()[0]!.Members].sort()).toEqual(['fd-new1', 'rd-keep1']);
    expect(pruned.rows[0].notes.join(' ')).toMatch(/unbound from fd-old1/);
  });
});
