/**
 * `contact-import import` end to end: the built CLI in its own process, the
 * official client over HTTP, the emulator as the directory. Each test checks
 * the emulator's state and request log, not only what the CLI says.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listParam } from '../src/emulator/operation.js';
import { DEMO_CREDENTIALS, type RunningEmulator } from '../src/emulator/server.js';
import { admin } from './helpers/emulator.js';
import { runCli } from './helpers/cli.js';
import { contactRow, contactsCsv } from './helpers/generate.js';
import { adds, statuses, useImportRuns, writes } from './helpers/import-run.js';

const { tmp, emulator, sheet, importSheet } = useImportRuns('contact-import-import-');

describe('import: a clean run and its rerun', () => {
  it('creates exactly the valid rows with normalised values; a rerun sends no add and reports exists', async () => {
    const e = await emulator();
    const file = sheet(
      [
        'Name,Email,Phone,Title,Message Types,Members',
        'Alice,mailto:alice@example.com,+86 139 1234 5678,technical director,"FaultMessage; ServiceMessage",',
        'Bob,bob@example.com,,CEO,AccountExpenses,"rd-abc123, fd-team1"',
      ].join('\n'),
    );
    const first = await importSheet(e, file);
    expect(first.code).toBe(0);
    expect(first.stderr).not.toMatch(/\n\s+at /);
    const stored = e.state.all().map(({ Name, EmailAddress, PhoneNumber, Title, MessageTypes, Members }) => ({ Name, EmailAddress, PhoneNumber, Title, MessageTypes, Members }));
    expect(stored).toEqual([
      { Name: 'Alice', EmailAddress: 'alice@example.com', PhoneNumber: '86-13912345678', Title: 'TechnicalDirector', MessageTypes: ['FaultMessage', 'ServiceMessage'], Members: [] },
      { Name: 'Bob', EmailAddress: 'bob@example.com', PhoneNumber: undefined, Title: 'CEO', MessageTypes: ['AccountExpenses'], Members: ['rd-abc123', 'fd-team1'] },
    ]);
    expect(first.rows.map((r) => [r.row, r.status, r.contactId, r.attempts])).toEqual(
      e.state.all().map((c, i) => [i + 2, 'created', c.ContactId, 1]),
    );
    expect(first.rows.every((r) => /^[0-9A-F-]{36}$/.test(r.requestId))).toBe(true);
    expect(first.summary).toMatchObject({ dryRun: false, exitCode: 0, counts: { created: 2 }, quota: { limit: 20, existing: 0, planned: 2, remaining: 18 } });
    expect(e.requests.map((r) => r.action)).toEqual(['ListMessageContacts', 'AddMessageContact', 'AddMessageContact', 'AssociateMembers']);
    // For schedulers: one event per phase and per row, each with the schema version.
    const events = readFileSync(join(first.reportDir, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(events.every((event) => event.v === 1 && !Number.isNaN(Date.parse(event.at)))).toBe(true);
    expect(events.map((event) => event.phase ?? `${event.row} ${event.status}`)).toEqual(['read', 'list', 'plan', '2 created', '3 created', 'finish']);
    expect(events.at(-1)).toMatchObject({ exitCode: 0, counts: { created: 2 } });

    const before = e.requests.length;
    const rerun = await importSheet(e, file);
    expect(rerun.code).toBe(0);
    expect(e.requests.slice(before).map((r) => r.action)).toEqual(['ListMessageContacts']);
    expect(rerun.rows.map((r) => [r.status, r.contactId])).toEqual(e.state.all().map((c) => ['exists', c.ContactId]));
    expect(rerun.summary.quota).toEqual({ limit: 20, existing: 2, planned: 0, remaining: 18, basis: 'listed' });
  });

  it('leaves a contact that already has the name (in any case) untouched, and says how it differs', async () => {
    const e = await emulator();
    await admin(e, 'POST', 'preload', { contacts: [{ Name: 'ALICE', EmailAddress: 'old@example.com', Title: 'CEO', MessageTypes: ['ServiceMessage'] }] });
    const preloaded = structuredClone(e.state.all());
    const file = sheet('Name,Email,Title,MessageTypes\nAlice,alice@example.com,CEO,ServiceMessage\nBob,bob@example.com,CEO,ServiceMessage\n');
    const run = await importSheet(e, file);
    expect(run.code).toBe(0);
    expect(statuses(run.rows)).toEqual(['exists', 'created']);
    expect(run.rows[0].contactId).toBe(preloaded[0]!.ContactId);
    expect(run.rows[0].notes.join(' ')).toMatch(/differs in EmailAddress/);
    expect(e.state.all()[0]).toEqual(preloaded[0]);
    expect(adds(e).map((r) => r.params.Name)).toEqual(['Bob']);
  });

  it('binds up to 5 members a call and sends verifications with --send-verification all', async () => {
    const e = await emulator();
    const members = ['rd-a1', 'fd-b2', 'fd-c3', 'r-d4', '1234567890', 'fd-e5', 'fd-f6'];
    const file = sheet(`Name,Email,Phone,Title,MessageTypes,Members\nAlice,alice@example.com,13912345678,CEO,ServiceMessage,"${members.join(',')}"\n`);
    const run = await importSheet(e, file, ['--send-verification', 'all']);
    expect(run.code).toBe(0);
    expect(writes(e).map((r) => [r.action, listParam(r.params, 'Members') ?? r.params.EmailAddress ?? r.params.PhoneNumber])).toEqual([
      ['AddMessageContact', 'alice@example.com'],
      ['AssociateMembers', members.slice(0, 5)],
      ['AssociateMembers', members.slice(5)],
      ['SendEmailVerificationForMessageContact', 'alice@example.com'],
      ['SendPhoneVerificationForMessageContact', '86-13912345678'],
    ]);
    expect(e.state.all()[0]!.Members).toEqual(members);
    expect(run.rows[0].notes.join(' ')).toMatch(/verification email to alice@example.com sent.*SMS to 86-13912345678 sent/);
  });
});

describe('import: credentials and verification messages', () => {
  it('--profile picks a profile of ~/.alibabacloud/credentials', async () => {
    const e = await emulator();
    const home = join(tmp(), 'home-with-profiles');
    mkdirSync(join(home, '.alibabacloud'), { recursive: true });
    writeFileSync(
      join(home, '.alibabacloud', 'credentials'),
      `[default]\ntype = access_key\naccess_key_id = someone-else\naccess_key_secret = nope\n\n` +
        `[rehearsal]\ntype = access_key\naccess_key_id = ${DEMO_CREDENTIALS.accessKeyId}\naccess_key_secret = ${DEMO_CREDENTIALS.accessKeySecret}\n`,
    );
    const env = { HOME: home, ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true' };
    const file = sheet(contactsCsv(1));
    const withDefault = await importSheet(e, file, [], env);
    expect(withDefault.code).toBe(3);
    expect(withDefault.stderr).toMatch(/InvalidAccessKeyId\.NotFound/);
    const withProfile = await importSheet(e, file, ['--profile', 'rehearsal'], env);
    expect(withProfile.code).toBe(0);
    expect(statuses(withProfile.rows)).toEqual(['created']);
  });

  it('the daily limit on verification messages stops further sends, not the import', async () => {
    const e = await emulator({ dailyVerifications: 1 });
    const run = await importSheet(e, sheet(contactsCsv(3)), ['--send-verification', 'email']);
    expect(run.code).toBe(0);
    expect(statuses(run.rows)).toEqual(['created', 'created', 'created']);
    const sends = e.requests.filter((r) => r.action === 'SendEmailVerificationForMessageContact');
    expect(sends.map((r) => r.code ?? r.status)).toEqual([200, 'SendValidateCodeExceedsLimitForAccount']);
    expect(run.rows[0].notes.join(' ')).toMatch(/verification email to \S+ sent/);
    expect(run.rows[1].notes.join(' ')).toMatch(/not sent: SendValidateCodeExceedsLimitForAccount \(HTTP 409\)/);
    expect(run.rows[2].notes.join(' ')).toMatch(/not sent: the account reached its daily limit/);
  });
});

describe('import: gates before the first write', () => {
  const mixed = () => sheet(`${contactsCsv(3)}Zhang San,zs@example.com,,CEO,ServiceMessage\r\n${contactRow(0).join(',')}\r\n`);

  it('an invalid or duplicate row stops the run before any write; --skip-invalid imports the rest', async () => {
    const e = await emulator();
    const stopped = await importSheet(e, mixed());
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/nothing was written: 2 rows are invalid or duplicate.*--skip-invalid/);
    expect(writes(e)).toEqual([]);
    expect(statuses(stopped.rows)).toEqual(['not_attempted', 'not_attempted', 'not_attempted', 'invalid', 'duplicate']);
    expect(stopped.summary.quota.planned).toBe(0);

    const skipped = await importSheet(e, mixed(), ['--skip-invalid']);
    expect(skipped.code).toBe(1);
    expect(statuses(skipped.rows)).toEqual(['created', 'created', 'created', 'invalid', 'duplicate']);
    expect(e.state.count()).toBe(3);
  });

  it('more new contacts than room stops the run with exit 3; --allow-partial imports the first rows', async () => {
    const e = await emulator({ contactLimit: 5 });
    await admin(e, 'POST', 'preload', { contacts: [{ Name: 'Someone' }] });
    const file = sheet(contactsCsv(6));
    const stopped = await importSheet(e, file, ['--contact-limit', '5']);
    expect(stopped.code).toBe(3);
    expect(stopped.stderr).toMatch(/6 new contacts but room for 4 \(the directory holds 1 of 5\).*--allow-partial/);
    expect(writes(e)).toEqual([]);
    expect(statuses(stopped.rows)).toEqual(['not_attempted', 'not_attempted', 'not_attempted', 'not_attempted', 'over_quota', 'over_quota']);

    const partial = await importSheet(e, file, ['--contact-limit', '5', '--allow-partial']);
    expect(partial.code).toBe(1);
    expect(statuses(partial.rows)).toEqual(['created', 'created', 'created', 'created', 'over_quota', 'over_quota']);
    expect(partial.summary.quota).toEqual({ limit: 5, existing: 1, planned: 4, remaining: 0, basis: 'listed' });
    expect(e.state.count()).toBe(5);
  });

  it('after LimitExceeded.Contacts no further add is sent', async () => {
    const e = await emulator({ contactLimit: 3 });
    const run = await importSheet(e, sheet(contactsCsv(6)));
    expect(run.code).toBe(1);
    expect(statuses(run.rows)).toEqual(['created', 'created', 'created', 'failed', 'over_quota', 'over_quota']);
    expect(run.rows[3].errors[0].code).toBe('LimitExceeded.Contacts');
    expect(adds(e)).toHaveLength(4);
  });
});

describe('import: faults, dry run, interrupt', () => {
  it('with latency and a 30% fault rate every valid row is created exactly once, and the report agrees', async () => {
    const e = await emulator({ latencyMs: 20, faultRate: 0.3, seed: 4 });
    const run = await importSheet(e, sheet(contactsCsv(12)));
    expect(run.code).toBe(0);
    // The rehearsal did hit faults of every kind, and the importer lived through them.
    expect(new Set(e.requests.map((r) => r.fault).filter(Boolean))).toEqual(new Set(['throttle', 'unavailable', 'drop']));
    expect(e.requests.some((r) => r.overlapped)).toBe(false);
    const stored = e.state.all();
    expect(stored.map((c) => c.Name)).toEqual(Array.from({ length: 12 }, (_, i) => contactRow(i)[0]));
    expect(run.rows.map((r) => [r.name, r.status, r.contactId])).toEqual(stored.map((c) => [c.Name, 'created', c.ContactId]));
    // Attempts in the report are the adds the emulator saw for that name.
    for (const row of run.rows) expect(row.attempts).toBe(adds(e).filter((r) => r.params.Name === row.name).length);
    expect(run.rows.some((r) => r.attempts > 1)).toBe(true);
  });

  it('an add whose last try is dropped after it was carried out is created, not failed: the last try is looked up too', async () => {
    let sent = 0;
    // Two tries: the first refused (503, nothing written), the second carried out and its answer dropped.
    const e = await emulator({ faultFor: (action) => (action !== 'AddMessageContact' ? undefined : ++sent === 1 ? 'unavailable' : 'drop') });
    const run = await importSheet(e, sheet(contactsCsv(1)), ['--max-tries', '2']);
    expect(run.code).toBe(0);
    expect(e.requests.map((r) => r.action)).toEqual(['ListMessageContacts', 'AddMessageContact', 'ListMessageContacts', 'AddMessageContact', 'ListMessageContacts']);
    expect(run.rows.map((r) => [r.status, r.contactId, r.attempts])).toEqual([['created', e.state.all()[0]!.ContactId, 2]]);
    expect(run.rows[0].notes.join(' ')).toMatch(/a lookup found the contact/);
  });

  it('a server that freezes mid-run gets one add and look-ups spaced by the timeout, and the run stops within the budget', async () => {
    let frozen = false;
    // Frozen once the run has listed the directory: the add and everything after it wait.
    const e: RunningEmulator = await emulator({ onRequest: () => void (frozen || ((frozen = true), e.freeze(60_000))) });
    const file = sheet(contactsCsv(2));
    const run = await importSheet(e, file, ['--timeout', '1']);
    expect(run.code).toBe(3);
    // Budget 6 s: the add, a pause of 1 s, a look-up, a pause, a look-up; a third would end after 6 s.
    expect(run.stderr.match(/warn: AddMessageContact: no answer within --timeout \(RequestTimeout\); a look-up in 1\.0 s/g)).toHaveLength(2);
    expect(run.stderr).not.toMatch(/try \d of 6/);
    expect(run.rows.map((r) => r.status)).toEqual(['failed', 'not_attempted']);
    expect(run.rows[0].errors[0].message).toMatch(/the look-up that followed failed too/);
    expect(run.rows[0].notes.join(' ')).toMatch(/may have been carried out: a rerun finds out/);
    // Thawed, the server runs the add it held (for a client long gone): the rerun finds the contact.
    e.freeze(0);
    for (let i = 0; i < 100 && e.requests.length < 4; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(e.requests.map((r) => r.action).sort()).toEqual(['AddMessageContact', 'ListMessageContacts', 'ListMessageContacts', 'ListMessageContacts']);
    const rerun = await importSheet(e, file);
    expect(rerun.rows.map((r) => r.status)).toEqual(['exists', 'created']);
    expect(e.state.count()).toBe(2);
  });

  it('--dry-run sends only list calls and predicts exactly what the real run does', async () => {
    const e = await emulator({ contactLimit: 6 });
    await admin(e, 'POST', 'preload', { contacts: [{ Name: contactRow(1)[0], EmailAddress: contactRow(1)[1] }] });
    const file = sheet(`${contactsCsv(7)}x,bad,,CEO,ServiceMessage\r\n`);
    const args = ['--skip-invalid', '--allow-partial', '--contact-limit', '6'];
    const dry = await importSheet(e, file, ['--dry-run', ...args]);
    expect(e.requests.every((r) => r.action === 'ListMessageContacts')).toBe(true);
    expect(dry.summary.dryRun).toBe(true);
    const real = await importSheet(e, file, args);
    expect(dry.code).toBe(real.code);
    expect(dry.rows.map((r) => r.status.replace('would_create', 'created'))).toEqual(statuses(real.rows));
    expect(statuses(real.rows)).toEqual(['created', 'exists', 'created', 'created', 'created', 'created', 'over_quota', 'invalid']);
    expect(dry.summary.quota).toEqual(real.summary.quota);
  });
});

describe('demo', () => {
  it('imports the fixtures into an in-process emulator; a second run finds every contact', async () => {
    const cwd = tmp();
    const first = await runCli(['demo', '--fresh'], { cwd });
    expect(first.code).toBe(0);
    expect(statSync(join(cwd, 'reports', 'demo-directory.json')).mode & 0o777).toBe(0o600);
    expect(first.stderr).toMatch(/created 10\n\s+quota: 0 of 20 contacts before the run, 10 added, room for 10 more\n\s+report: reports\//);
    const second = await runCli(['demo', '--json'], { cwd });
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).counts).toEqual({ exists: 10 });
  });
});
