/**
 * `contact-import undo` end to end: after a create, an upsert and a sync --prune
 * run the directory is exactly as before (every field and member; re-added
 * contacts get new ContactIds), a contact edited in between is kept, a second
 * undo writes nothing, the gates stop before the first write, and a folder that
 * is not a real run on this directory is refused in one line.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator } from '../src/emulator/server.js';
import { expectOneErrorLine, runCli } from './helpers/cli.js';
import { admin } from './helpers/emulator.js';
import { CREDENTIALS, statuses, useImportRuns, writes, preloaded } from './helpers/import-run.js';

const { tmp, emulator, sheet, importSheet } = useImportRuns('contact-import-undo-');

const HEADER = 'Name,Email,Phone,Title,MessageTypes,Members';
const line = (name: string, { email = `${name.toLowerCase()}@example.com`, title = 'CEO', types = 'ServiceMessage', phone = '', members = '' } = {}) =>
  `${name},${email},${phone},${title},${types},"${members}"`;

/** The directory as undo promises to leave it: every contact's fields and members, by name. */
function directory(e: RunningEmulator, { withIds = true } = {}) {
  return Object.fromEntries(
    e.state
      .all()
      .map((c) => [
        c.Name,
        {
          ...(withIds ? { ContactId: c.ContactId } : {}),
          EmailAddress: c.EmailAddress,
          PhoneNumber: c.PhoneNumber ?? null,
          Title: c.Title,
          MessageTypes: [...c.MessageTypes].sort(),
          Members: [...c.Members].sort(),
        },
      ])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
}

let reports = 0;
async function undo(e: RunningEmulator | string, reportDir: string, args: string[] = [], env: Record<string, string> = CREDENTIALS) {
  const out = join(tmp(), `undo-${++reports}`);
  const endpoint = typeof e === 'string' ? e : e.url;
  const run = await runCli(['undo', reportDir, '--endpoint', endpoint, '--report-dir', out, ...args], { env });
  let rows: any[] = [];
  let summary: any;
  try {
    rows = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).rows;
    summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  } catch {
    // No report: refused before it was made.
  }
  return { ...run, rows, summary, out };
}

describe('undo puts the directory back as it was', () => {
  it('after a create run: the contacts it added are deleted, from their members too; a second undo writes nothing', async () => {
    const e = await emulator();
    await admin(e, 'POST', 'preload', { contacts: [preloaded('Zed')] });
    const before = directory(e);
    const run = await importSheet(e, sheet([HEADER, line('Alice', { members: 'rd-abc123' }), line('Bob'), line('Zed')].join('\n')));
    expect(statuses(run.rows)).toEqual(['created', 'created', 'exists']);
    expect(run.rows[0].after).toEqual({ name: 'Alice', email: 'alice@example.com', phone: null, title: 'CEO', messageTypes: ['ServiceMessage'], members: ['rd-abc123'] });
    expect(run.summary.directory).toEqual({ endpoint: expect.stringMatching(/^http:\/\/localhost:\d+$/), credentials: expect.stringMatching(/^[0-9a-f]{16}$/) });

    const undone = await undo(e, run.reportDir);
    expect(undone.code).toBe(0);
    expect(statuses(undone.rows)).toEqual(['deleted', 'deleted']);
    expect(directory(e)).toEqual(before);
    expect(undone.summary).toMatchObject({ command: 'undo', dryRun: false, undoes: { report: run.reportDir, startedAt: run.summary.startedAt } });
    expect(readFileSync(join(undone.out, 'report.html'), 'utf8')).toMatch(/<title>[^<]*undo/);

    const from = e.requests.length;
    const again = await undo(e, run.reportDir);
    expect(again.code).toBe(0);
    expect(statuses(again.rows)).toEqual(['unchanged', 'unchanged']);
    expect(writes({ requests: e.requests.slice(from) } as RunningEmulator)).toEqual([]);
  });

  it('after an upsert run: the fields and members it changed are put back', async () => {
    const e = await emulator();
    await admin(e, 'POST', 'preload', {
      contacts: [
        preloaded('Alice', { Members: ['rd-keep01'] }),
        preloaded('Bob', { PhoneNumber: '86-13900000001' }),
        preloaded('Carol', { Title: 'FinanceDirector', MessageTypes: ['ServiceMessage', 'FaultMessage'] }),
      ],
    });
    const before = directory(e);
    const file = sheet(
      [
        HEADER,
        line('Alice', { email: 'alice@new.example', members: 'rd-keep01;fd-new001' }),
        line('Bob', { phone: '86-13900000002', title: 'Other' }),
        line('Carol'),
        line('Dave'),
      ].join('\n'),
    );
    const run = await importSheet(e, file, ['--mode', 'upsert']);
    expect(statuses(run.rows)).toEqual(['updated', 'updated', 'updated', 'created']);
    expect(run.rows[0].previous).toMatchObject({ email: 'alice@example.com', members: ['rd-keep01'] });

    const undone = await undo(e, run.reportDir);
    expect(undone.code).toBe(0);
    expect(statuses(undone.rows)).toEqual(['deleted', 'restored', 'restored', 'restored']);
    expect(directory(e)).toEqual(before);

    const from = e.requests.length;
    const again = await undo(e, run.reportDir);
    expect(statuses(again.rows)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(writes({ requests: e.requests.slice(from) } as RunningEmulator)).toEqual([]);
  });

  it('after a sync --prune run: the contacts it deleted are added again with their members, noted; new ContactIds', async () => {
    const e = await emulator();
    await admin(e, 'POST', 'preload', {
      contacts: [preloaded('Alice'), preloaded('Old', { Members: ['rd-old001'], PhoneNumber: '86-13900000003' }), preloaded('Older', { Title: 'Other' })],
    });
    const before = directory(e, { withIds: false });
    const run = await importSheet(e, sheet([HEADER, line('Alice', { title: 'Other' }), line('New')].join('\n')), ['--mode', 'sync', '--prune']);
    expect(run.code).toBe(0);
    expect(statuses(run.rows)).toEqual(['updated', 'created', 'deleted', 'deleted']);

    const undone = await undo(e, run.reportDir);
    expect(undone.code).toBe(0);
    expect(directory(e, { withIds: false })).toEqual(before);
    const old = undone.rows.find((r) => r.name === 'Old');
    expect(old.status).toBe('restored');
    expect(old.notes.join(' ')).toMatch(/verified again.*members are bound again/);
    expect(e.state.all().find((c) => c.Name === 'Old')!.ContactId).not.toBe(run.rows.find((r) => r.name === 'Old').contactId);

    const from = e.requests.length;
    const again = await undo(e, run.reportDir);
    expect(again.code).toBe(0);
    expect(writes({ requests: e.requests.slice(from) } as RunningEmulator)).toEqual([]);
  });

  it('keeps a contact edited since the run, with a note naming the field; undoes the rest', async () => {
    const e = await emulator();
    const run = await importSheet(e, sheet([HEADER, line('Alice'), line('Bob')].join('\n')));
    const bob = e.state.all().find((c) => c.Name === 'Bob')!;
    bob.Title = 'Other';
    const undone = await undo(e, run.reportDir);
    expect(undone.code).toBe(0);
    expect(undone.rows.map((r) => [r.name, r.status])).toEqual([
      ['Alice', 'deleted'],
      ['Bob', 'kept'],
    ]);
    expect(undone.rows[1].notes.join(' ')).toMatch(/changed since the run \(title\)/);
    expect(e.state.all().map((c) => c.Name)).toEqual(['Bob']);
  });
});

describe('undo gates', () => {
  it('--dry-run shows the plan and writes nothing', async () => {
    const e = await emulator();
    const run = await importSheet(e, sheet([HEADER, line('Alice')].join('\n')));
    const from = e.requests.length;
    const planned = await undo(e, run.reportDir, ['--dry-run']);
    expect(planned.code).toBe(0);
    expect(statuses(planned.rows)).toEqual(['would_delete']);
    expect(planned.summary.dryRun).toBe(true);
    expect(writes({ requests: e.requests.slice(from) } as RunningEmulator)).toEqual([]);
  });

  it('more deletions than --max-delete (default 3) stop it before the first write, exit 3', async () => {
    const e = await emulator();
    const run = await importSheet(e, sheet([HEADER, line('Anna'), line('Bert'), line('Cleo'), line('Dora')].join('\n')));
    const from = e.requests.length;
    const stopped = await undo(e, run.reportDir);
    expect(stopped.code).toBe(3);
    expect(stopped.stderr).toMatch(/4 contacts would be deleted, more than --max-delete 3/);
    expect(statuses(stopped.rows)).toEqual(['not_attempted', 'not_attempted', 'not_attempted', 'not_attempted']);
    expect(writes({ requests: e.requests.slice(from) } as RunningEmulator)).toEqual([]);
    const done = await undo(e, run.reportDir, ['--max-delete', '4']);
    expect(done.code).toBe(0);
    expect(e.state.all()).toEqual([]);
  });

  it('contacts to add again beyond the room stop it before the first write, exit 3', async () => {
    const e = await emulator({ contactLimit: 3 });
    await admin(e, 'POST', 'preload', { contacts: [preloaded('Alice'), preloaded('Old'), preloaded('Older')] });
    const run = await importSheet(e, sheet([HEADER, line('Alice')].join('\n')), ['--mode', 'sync', '--prune', '--contact-limit', '3']);
    expect(statuses(run.rows)).toEqual(['unchanged', 'deleted', 'deleted']);
    await importSheet(e, sheet([HEADER, line('Fill'), line('Full')].join('\n')), ['--contact-limit', '3']);
    const from = e.requests.length;
    const stopped = await undo(e, run.reportDir, ['--contact-limit', '3']);
    expect(stopped.code).toBe(3);
    expect(stopped.stderr).toMatch(/2 contacts to add again but room for 0 \(the directory holds 3 of 3\)/);
    expect(writes({ requests: e.requests.slice(from) } as RunningEmulator)).toEqual([]);
  });
});

describe('undo refuses what is not a run on this directory, in one line, exit 2', () => {
  it('a validate report, a dry run, another endpoint, other credentials', async () => {
    const e = await emulator();
    const file = sheet([HEADER, line('Alice')].join('\n'));
    const validated = join(tmp(), 'validated');
    await runCli(['validate', file, '--report-dir', validated]);
    const dry = await importSheet(e, file, ['--dry-run']);
    const real = await importSheet(e, file);
    const other = await emulator();

    const cases: [string, string, Record<string, string>, RegExp][] = [
      [validated, e.url, CREDENTIALS, /report of a validate run/],
      [dry.reportDir, e.url, CREDENTIALS, /report of a dry run/],
      [real.reportDir, other.url, CREDENTIALS, /report of a run on http:\/\/localhost:\d+, not http:\/\/localhost:\d+/],
      [real.reportDir, e.url, { ...CREDENTIALS, ALIBABA_CLOUD_ACCESS_KEY_ID: 'someone-else' }, /report of a run with other credentials/],
    ];
    for (const [dir, endpoint, env, pattern] of cases) {
      const from = e.requests.length;
      const refused = await runCli(['undo', dir, '--endpoint', endpoint], { env });
      expect(refused.code).toBe(2);
      expectOneErrorLine(refused, pattern);
      expect(e.requests.length).toBe(from);
    }
  });

  it('a folder that is not a report, a link to one, a tampered results.json', async () => {
    const e = await emulator();
    const real = await importSheet(e, sheet([HEADER, line('Alice')].join('\n')));
    const empty = join(tmp(), 'empty');
    mkdirSync(empty);
    const stranger = join(tmp(), 'stranger');
    mkdirSync(stranger);
    writeFileSync(join(stranger, 'notes.txt'), 'hello');
    const link = join(tmp(), 'link');
    symlinkSync(real.reportDir, link);
    const tampered = join(tmp(), 'tampered');
    await runCli(['import', sheet([HEADER, line('Bob')].join('\n')), '--endpoint', e.url, '--report-dir', tampered], { env: CREDENTIALS });
    const results = join(tampered, 'results.json');
    writeFileSync(results, readFileSync(results, 'utf8').replace('"phone":null', '"phone":42'));

    const cases: [string, RegExp][] = [
      [empty, /is not a report folder of contact-import: it has no summary\.json/],
      [stranger, /is not a report folder of contact-import/],
      [link, /is not a report folder of contact-import: it is a symbolic link/],
      [join(tmp(), 'missing'), /cannot read the report/],
      [tampered, /its results\.json is not as contact-import writes it \(rows\.0\.after\.phone: /],
    ];
    for (const [dir, pattern] of cases) {
      const from = e.requests.length;
      const refused = await runCli(['undo', dir, '--endpoint', e.url], { env: CREDENTIALS });
      expect(refused.code).toBe(2);
      expectOneErrorLine(refused, pattern);
      expect(e.requests.length).toBe(from);
    }
  });

  it('--help shows an example', async () => {
    const help = await runCli(['undo', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/contact-import undo[\s\S]*reports\/[\s\S]*--dry-run/);
  });
});
