import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { createOpenApiCaller } from '../src/directory/openapi.js';
import { DEMO_CREDENTIALS, startEmulator } from '../src/emulator/server.js';
import { CLI } from './helpers/cli.js';
import { attempt, admin, sdkFor, useEmulator } from './helpers/emulator.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir();
const emulator = useEmulator({ contactLimit: 30 });
const alice = { Name: 'Alice', EmailAddress: 'alice@example.com', Title: 'CEO', MessageTypes: ['ServiceMessage'] };

async function addAlice(name = 'Alice'): Promise<string> {
  const result = await attempt(sdkFor(emulator()), 'AddMessageContact', { ...alice, Name: name });
  if (!result.ok) throw new Error(result.code);
  return result.body.Contact.ContactId;
}

describe('emulator: every documented error of AddMessageContact is reachable', () => {
  it.each([
    [{ ...alice, PhoneNumber: '' }, 'MissingParameter.PhoneNumber'],
    [{ ...alice, EmailAddress: undefined }, 'MissingParameter.EmailAddress'],
    [{ ...alice, Title: undefined }, 'MissingParameter.Title'],
    [{ ...alice, EmailAddress: `${'a'.repeat(64)}@${'b'.repeat(190)}.com` }, 'InvalidParameter.EmailAddress.Length'],
    [{ ...alice, Name: 'Abcdefghijklm' }, 'InvalidParameter.Name.Length'],
  ])('%j → %s', async (fields, code) => {
    expect(await attempt(sdkFor(emulator()), 'AddMessageContact', fields as never)).toMatchObject({ ok: false, code });
  });
});

describe('emulator: every documented error of UpdateMessageContact is reachable', () => {
  it.each([
    [{}, 'MissingParameter.ContactId'],
    [{ ContactId: 'not-an-id' }, 'InvalidParameter.ContactId'],
    [{ ContactId: 'c-doesnotexist0000' }, 'EntityNotExists.Contact'],
    [{ Name: 'B' }, 'InvalidParameter.Name.Length'],
    [{ Name: 'Bo b' }, 'InvalidParameter.Name'],
    [{ Name: 'BOB' }, 'InvalidParameter.Name.AlreadyUsed'],
    [{ EmailAddress: 'x@' }, 'InvalidParameter.EmailAddress'],
    [{ EmailAddress: `${'a'.repeat(250)}@b.com` }, 'InvalidParameter.EmailAddress.Length'],
    [{ PhoneNumber: '86-123' }, 'InvalidParameter.PhoneNumber'],
    [{ PhoneNumber: '44-7700900123' }, 'InvalidParameter.MobileCountryCode'],
    [{ Title: 'Boss' }, 'InvalidParameter.Title'],
    [{ MessageTypes: ['Weather'] }, 'InvalidParameter.MessageTypes'],
  ])('%j → %s', async (fields, code) => {
    const id = await addAlice();
    await addAlice('Bob');
    const query = 'ContactId' in fields || Object.keys(fields).length === 0 ? fields : { ContactId: id, ...fields };
    expect(await attempt(sdkFor(emulator()), 'UpdateMessageContact', query as never)).toMatchObject({ ok: false, code });
  });

  it('ContactStatusMismatchAction while the contact is being deleted', async () => {
    const id = await addAlice();
    const sdk = sdkFor(emulator());
    await attempt(sdk, 'DeleteMessageContact', { ContactId: id, RetainContactInMembers: false });
    expect(await attempt(sdk, 'UpdateMessageContact', { ContactId: id, Title: 'Other' })).toMatchObject({ ok: false, code: 'ContactStatusMismatchAction' });
  });
});

describe('emulator: behaviour', () => {
  it('pages across 3 pages', async () => {
    for (let i = 0; i < 23; i++) await addAlice(`Name${String.fromCharCode(97 + i)}`);
    const sdk = sdkFor(emulator());
    const names: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const result = await attempt(sdk, 'ListMessageContacts', { PageNumber: page, PageSize: 10 });
      expect(result.ok && result.body).toMatchObject({ TotalCount: 23, PageNumber: page, PageSize: 10 });
      if (result.ok) names.push(...result.body.Contacts.map((c: { Name: string }) => c.Name));
    }
    expect(names).toHaveLength(23);
    expect(new Set(names).size).toBe(23);
  });

  it('never closes an idle connection first: a client reusing it after 6 s idle gets its answer', async () => {
    // The server closing idle sockets races a client's reuse of them: that was an ECONNRESET in CI.
    const socket = connect(emulator().port, '127.0.0.1');
    socket.setEncoding('utf8');
    let received = '';
    socket.on('data', (text: string) => (received += text));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const answers = () => received.split('HTTP/1.1 200').length - 1;
    const request = 'GET /_emulator/status HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n';
    try {
      socket.write(request);
      while (answers() < 1) await sleep(20);
      await sleep(6000);
      expect(socket.destroyed).toBe(false);
      socket.write(request);
      while (answers() < 2 && !socket.destroyed) await sleep(20);
      expect(answers()).toBe(2);
    } finally {
      socket.destroy();
      await closed;
    }
  }, 20_000);

  it('knows only the listed members with --members', async () => {
    const strict = await startEmulator({ port: 0, members: ['rd-ours'] });
    try {
      const sdk = sdkFor(strict);
      const added = await attempt(sdk, 'AddMessageContact', alice);
      const id = added.ok ? added.body.Contact.ContactId : '';
      expect(await attempt(sdk, 'AssociateMembers', { ContactId: id, Members: ['rd-ours'] })).toMatchObject({ ok: true });
      expect(await attempt(sdk, 'AssociateMembers', { ContactId: id, Members: ['rd-theirs'] })).toMatchObject({ ok: false, code: 'InvalidMember' });
    } finally {
      await strict.close();
    }
  });

  it('accepts Chinese-character names with site cn', async () => {
    const cn = await startEmulator({ port: 0, site: 'cn' });
    try {
      expect(await attempt(sdkFor(cn), 'AddMessageContact', { ...alice, Name: '张伟' })).toMatchObject({ ok: true });
    } finally {
      await cn.close();
    }
  });

  it('keeps the directory across a restart with a state file, readable by the user alone', async () => {
    const stateFile = join(tmp(), 'state.json');
    const first = await startEmulator({ port: 0, stateFile });
    const added = await attempt(sdkFor(first), 'AddMessageContact', alice);
    await first.close();
    // It holds contact details, like the report: 0600, whatever the umask lets through.
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);
    const second = await startEmulator({ port: 0, stateFile });
    try {
      const listed = await attempt(sdkFor(second), 'ListMessageContacts');
      expect(listed.ok && listed.body.Contacts).toEqual([expect.objectContaining({ Name: 'Alice', ContactId: added.ok && added.body.Contact.ContactId })]);
      // new ids continue from the saved counter
      const next = await attempt(sdkFor(second), 'AddMessageContact', { ...alice, Name: 'Bob' });
      expect(next.ok && next.body.Contact.ContactId).not.toBe(added.ok && added.body.Contact.ContactId);
    } finally {
      await second.close();
    }
  });

  it('repeats fault injection exactly with the same seed, and a dropped answer still made its write', async () => {
    async function rehearse(seed: number) {
      const faulty = await startEmulator({ port: 0, faultRate: 0.5, seed });
      try {
        const sdk = sdkFor(faulty);
        const outcomes: string[] = [];
        for (let i = 0; i < 20; i++) {
          const result = await attempt(sdk, 'AddMessageContact', { ...alice, Name: `Name${String.fromCharCode(97 + i)}` });
          outcomes.push(result.ok ? 'ok' : result.code || 'dropped');
        }
        const log = (await admin(faulty, 'GET', 'requests')).requests as { fault?: string }[];
        const stored = (await admin(faulty, 'GET', 'contacts')).contacts as unknown[];
        return { outcomes, faults: log.map((r) => r.fault ?? '-'), stored: stored.length };
      } finally {
        await faulty.close();
      }
    }
    const once = await rehearse(7);
    const again = await rehearse(7);
    expect(again).toEqual(once);
    expect(once.faults).toContain('throttle');
    expect(once.faults).toContain('unavailable');
    expect(once.faults).toContain('drop');
    expect(once.outcomes).toContain('Throttling.User');
    expect(once.outcomes).toContain('ServiceUnavailable');
    // a dropped answer: the client saw no reply, but the contact exists
    const dropped = once.faults.filter((f) => f === 'drop').length;
    expect(once.stored).toBe(once.outcomes.filter((o) => o === 'ok').length + dropped);
    expect((await rehearse(8)).faults).not.toEqual(once.faults);
  });
});

describe('emulator: freeze, like a stopped server', () => {
  it('holds the calls that arrive while frozen, even those whose client gave up, and runs them all at once on thawing', async () => {
    const e = emulator();
    await admin(e, 'POST', 'freeze', { ms: 60_000 });
    // A client that gives up after 200 ms, and closes its connection; then a call that waits.
    const impatient = createOpenApiCaller({ endpoint: { host: `127.0.0.1:${e.port}`, protocol: 'http' }, credentials: { kind: 'keys', ...DEMO_CREDENTIALS }, timeoutMs: 200 });
    expect(await attempt(impatient, 'AddMessageContact', alice)).toMatchObject({ ok: false, message: expect.stringMatching(/ReadTimeout\(200\)/) });
    const patient = attempt(sdkFor(e), 'ListMessageContacts');
    await sleep(100);
    expect(e.requests).toEqual([]);
    expect((await admin(e, 'GET', 'status')).maxInFlight).toBe(0);
    await admin(e, 'POST', 'freeze', { ms: 0 });
    expect(await patient).toMatchObject({ ok: false, code: 'ConcurrentCallNotSupported' });
    // The list was overlapped by the add that had come in before it and ran first, for a client long gone.
    expect(e.requests.map((r) => [r.action, r.code ?? r.status, r.overlapped, r.clientGone ?? false])).toEqual(
      expect.arrayContaining([
        ['AddMessageContact', 200, false, true],
        ['ListMessageContacts', 'ConcurrentCallNotSupported', true, false],
      ]),
    );
    expect(e.state.all().map((c) => c.Name)).toEqual(['Alice']);
    expect((await admin(e, 'GET', 'status')).maxInFlight).toBe(2);
  });
});

describe('contact-import emulator', () => {
  it('prints "listening on http://127.0.0.1:<port>" first, serves, and stops on SIGINT', async () => {
    const child = spawn(process.execPath, [CLI, 'emulator', '--port', '0'], {
      env: { PATH: process.env.PATH ?? '', ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const firstLine = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    expect(firstLine).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
    const port = Number(firstLine.split(':').pop());
    const listed = await attempt(sdkFor({ port } as never), 'ListMessageContacts');
    expect(listed).toMatchObject({ ok: true, body: { TotalCount: 0 } });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
