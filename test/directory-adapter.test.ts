/**
 * The directory adapter over the official client and real HTTP, against the
 * emulator: the one gate every request passes, paging, the look-up that keeps
 * an unanswered add from being sent twice or reported failed when it was
 * carried out, and the budget and pauses that keep a stalled server from
 * getting two of our calls at once.
 */
import { createDirectory } from '../src/directory/adapter.js';
import { DirectoryError } from '../src/directory/errors.js';
import { createOpenApiCaller, MAX_TIMEOUT_MS } from '../src/directory/openapi.js';
import { callPolicy, type RetryHooks, type RetryPolicy } from '../src/directory/retry.js';
import { DEMO_CREDENTIALS, startEmulator, type EmulatorOptions, type RunningEmulator } from '../src/emulator/server.js';
import type { ApiContact } from '../src/judge/schema.js';
import { admin } from './helpers/emulator.js';

const FAST_RETRY: RetryPolicy = { maxTries: 12, baseDelayMs: 50, maxDelayMs: 400 };

let running: RunningEmulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function directoryOn(options: EmulatorOptions, client: { timeoutMs?: number; secret?: string; maxTries?: number; hooks?: RetryHooks } = {}) {
  running = await startEmulator({ host: '127.0.0.1', port: 0, ...options });
  const policy = callPolicy({ ...FAST_RETRY, maxTries: client.maxTries ?? FAST_RETRY.maxTries }, client.timeoutMs ?? 10_000);
  const caller = createOpenApiCaller({
    endpoint: { host: `127.0.0.1:${running.port}`, protocol: 'http' },
    credentials: { kind: 'keys', accessKeyId: DEMO_CREDENTIALS.accessKeyId, accessKeySecret: client.secret ?? DEMO_CREDENTIALS.accessKeySecret },
    timeoutMs: policy.timeoutMs,
  });
  return { emulator: running, policy, directory: createDirectory(caller, { policy, ...(client.hooks ? { hooks: client.hooks } : {}) }) };
}

const actions = (emulator: RunningEmulator) => emulator.requests.map((r) => r.action);

function contact(name: string, email = `${name.toLowerCase()}@example.com`): ApiContact {
  return { Name: name, EmailAddress: email, Title: 'CEO', MessageTypes: ['ServiceMessage'], Members: [] };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('directory adapter', () => {
  it('puts every request through one gate, whatever its callers do at once', async () => {
    const { emulator, directory } = await directoryOn({ latencyMs: 30 });
    const names = ['Alice', 'Bob', 'Carol', 'David', 'Eva', 'Frank'];
    const created = await Promise.all([...names.map((name) => directory.addContact(contact(name))), directory.listContacts()]);
    expect(emulator.requests.some((r) => r.overlapped)).toBe(false);
    expect(emulator.requests.every((r) => r.status === 200)).toBe(true);
    expect(new Set(created.slice(0, 6).map((c: any) => c.contactId)).size).toBe(6);
    expect(emulator.state.all().map((c) => c.Name)).toEqual(names);
  });

  it('lists every page', async () => {
    const { emulator, directory } = await directoryOn({ contactLimit: 300 });
    const many = Array.from({ length: 130 }, (_, i) => ({ Name: `Person${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}` }));
    await admin(emulator, 'POST', 'preload', { contacts: many });
    const listed = await directory.listContacts();
    expect(listed.map((c) => c.name).sort()).toEqual(many.map((c) => c.Name).sort());
    expect(emulator.requests.map((r) => [r.params.PageNumber, r.params.PageSize])).toEqual([
      ['1', '100'],
      ['2', '100'],
    ]);
  });

  it('after an add that timed out, looks the name up and does not send it again', async () => {
    let adds = 0;
    // The first add is carried out, but only after the client has given up waiting and paused:
    // the server is busy with it, and answers the look-ups meanwhile with 429.
    const { emulator, directory } = await directoryOn(
      { holdCall: async (action) => void (action === 'AddMessageContact' && ++adds === 1 && (await sleep(1500))) },
      { timeoutMs: 400 },
    );
    const created = await directory.addContact(contact('Alice'));
    expect(emulator.requests.filter((r) => r.action === 'AddMessageContact')).toHaveLength(1);
    expect(created).toMatchObject({ contactId: emulator.state.all()[0]!.ContactId, confirmedByLookup: true, attempts: 1 });
    expect(emulator.state.count()).toBe(1);
    // The look-ups that arrived while the add was still running were refused (429) and asked again.
    const lookUps = emulator.requests.filter((r) => r.action === 'ListMessageContacts');
    expect(lookUps.map((r) => r.code ?? r.status)).toEqual([...lookUps.slice(0, -1).map(() => 'ConcurrentCallNotSupported'), 200]);
  });

  it('reports a name taken by someone else meanwhile as AlreadyUsed, not as created', async () => {
    let first = true;
    const { emulator, directory } = await directoryOn(
      {
        holdCall: async (action) => {
          if (action !== 'AddMessageContact' || !first) return;
          first = false;
          await admin(emulator, 'POST', 'preload', { contacts: [{ Name: 'alice', EmailAddress: 'someone.else@example.com' }] });
          await sleep(1500);
        },
      },
      { timeoutMs: 400 },
    );
    const error = await directory.addContact(contact('Alice')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DirectoryError);
    expect(error).toMatchObject({ code: 'InvalidParameter.Name.AlreadyUsed', attempts: 1 });
    expect((error as DirectoryError).failure.message).toMatch(/someone.else@example.com/);
    // The error's own message (a stack trace shows it) is masked.
    expect((error as DirectoryError).message).toMatch(/s\*\*\*@example.com/);
    expect(emulator.state.all().map((c) => c.EmailAddress)).toEqual(['someone.else@example.com']);
  });

  it('does not retry refused credentials', async () => {
    const { emulator, directory } = await directoryOn({}, { secret: 'wrong' });
    const error = await directory.listContacts().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'refused', code: 'SignatureDoesNotMatch', attempts: 1 });
    expect(emulator.requests).toHaveLength(1);
  });
});

describe('a server that stops answering', () => {
  it('frozen past the timeout, it never gets two of our calls at once: the add it held runs alone, the look-up comes after the pause', async () => {
    // Frozen until the client has given up on the add, and for 150 ms of the 500 ms pause after that.
    let thawing: NodeJS.Timeout | undefined;
    const { emulator, directory } = await directoryOn({}, { timeoutMs: 500, hooks: { onRetry: () => void (thawing ??= setTimeout(() => emulator.freeze(0), 150)) } });
    emulator.freeze(60_000);
    const created = await directory.addContact(contact('Alice'));
    expect(actions(emulator)).toEqual(['AddMessageContact', 'ListMessageContacts']);
    // The client gave up on the add and closed its connection; the frozen server ran it on thawing.
    expect(emulator.requests[0]).toMatchObject({ status: 200, clientGone: true });
    expect(emulator.maxInFlight).toBe(1);
    expect(emulator.requests.filter((r) => r.overlapped || r.code === 'ConcurrentCallNotSupported')).toEqual([]);
    expect(created).toMatchObject({ contactId: emulator.state.all()[0]!.ContactId, confirmedByLookup: true, attempts: 1 });
    expect(emulator.state.count()).toBe(1);
  });

  it('frozen for longer than the budget, an add gives up within it: one add, and look-ups spaced by the pause, not a listing of retries after each try', async () => {
    const { emulator, directory, policy } = await directoryOn({}, { timeoutMs: 200, maxTries: 6 });
    expect(policy.budgetMs).toBe(1_200);
    emulator.freeze(60_000);
    const started = Date.now();
    const error = await directory.addContact(contact('Alice')).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    // Add 0–200 ms, pause, look-up 400–600, pause, look-up 800–1000; a third would end after 1200.
    expect(error).toBeInstanceOf(DirectoryError);
    expect(error).toMatchObject({ kind: 'uncertain', code: 'RequestTimeout', attempts: 1, lookUp: 'unknown' });
    expect((error as DirectoryError).message).toMatch(/the look-up that followed failed too/);
    expect(elapsed).toBeLessThan(2 * policy.budgetMs); // 1 s here; nested retries took 10 s and more
    // Thaw, once the server has seen the client hang up on the last look-up, and see what it had been sent.
    await sleep(200);
    emulator.freeze(0);
    for (let i = 0; i < 100 && emulator.requests.length < 2; i++) await sleep(10);
    await sleep(100);
    // In the order they arrived (the log has them in the order they were answered).
    const sent = [...emulator.requests].sort((a, b) => a.at.localeCompare(b.at)).map((r) => r.action);
    expect(sent[0]).toBe('AddMessageContact');
    expect(sent.filter((a) => a === 'AddMessageContact')).toHaveLength(1);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent.length).toBeLessThanOrEqual(3);
    expect(emulator.requests.every((r) => r.clientGone)).toBe(true);
  });

  it('when the last try of an add is dropped after it was carried out, a look-up follows and the contact is created, not failed', async () => {
    let adds = 0;
    // Two tries: the first refused (503, nothing written), the last carried out and its answer dropped.
    const { emulator, directory } = await directoryOn(
      { faultFor: (action) => (action !== 'AddMessageContact' ? undefined : ++adds === 1 ? 'unavailable' : 'drop') },
      { maxTries: 2 },
    );
    const created = await directory.addContact(contact('Alice'));
    expect(actions(emulator)).toEqual(['AddMessageContact', 'ListMessageContacts', 'AddMessageContact', 'ListMessageContacts']);
    expect(created).toMatchObject({ contactId: emulator.state.all()[0]!.ContactId, confirmedByLookup: true, attempts: 2 });
    expect(emulator.state.count()).toBe(1);
  });

  it('when the last try went unanswered and the look-up finds nothing, the add failed and says so', async () => {
    const { emulator, directory } = await directoryOn({ faultFor: (action) => (action === 'AddMessageContact' ? 'unavailable' : undefined) }, { maxTries: 2 });
    const error = await directory.addContact(contact('Alice')).catch((e: unknown) => e);
    expect(actions(emulator)).toEqual(['AddMessageContact', 'ListMessageContacts', 'AddMessageContact', 'ListMessageContacts']);
    expect(error).toMatchObject({ code: 'ServiceUnavailable', attempts: 2, lookUp: 'absent' });
    expect(emulator.state.count()).toBe(0);
  });
});

describe('following an asynchronous deletion', () => {
  it('Ctrl-C during the wait between polls ends it at once: the row is left Deleting, no poll follows', async () => {
    const abort = new AbortController();
    // A deletion that outlasts the test: only the abort can end the wait (the adapter follows one for 120 s).
    const { emulator, directory } = await directoryOn({ deletionDelayMs: 600_000 }, { hooks: { signal: abort.signal } });
    await admin(emulator, 'POST', 'preload', { contacts: [{ Name: 'Gone' }] });
    const polled = () => emulator.requests.filter((r) => r.action === 'GetMessageContactDeletionStatus').length;
    const deleting = directory.deleteContact(emulator.state.all()[0]!.ContactId, false);
    while (polled() === 0) await sleep(20);
    abort.abort();
    await expect(deleting).resolves.toMatchObject({ outcome: 'deleting', attempts: 1 });
    expect(actions(emulator)).toEqual(['DeleteMessageContact', 'GetMessageContactDeletionStatus']);
  });

  it('follows it to its end through the retry policy: a throttled poll is retried, the contact is then gone', async () => {
    let throttled = 0;
    const faultFor = (action: string) => (action === 'GetMessageContactDeletionStatus' && throttled++ === 0 ? ('throttle' as const) : undefined);
    const { emulator, directory } = await directoryOn({ deletionDelayMs: 100, faultFor });
    await admin(emulator, 'POST', 'preload', { contacts: [{ Name: 'Gone' }] });
    await expect(directory.deleteContact(emulator.state.all()[0]!.ContactId, false)).resolves.toMatchObject({ outcome: 'deleted' });
    expect(emulator.state.count()).toBe(0);
  });
});

describe('the call timeout', () => {
  it('a timeout beyond what Node timers hold is refused, not turned into 1 ms', async () => {
    running = await startEmulator({ host: '127.0.0.1', port: 0 });
    const client = (timeoutMs: number) => () =>
      createOpenApiCaller({ endpoint: { host: `127.0.0.1:${running!.port}`, protocol: 'http' }, credentials: { kind: 'keys', ...DEMO_CREDENTIALS }, timeoutMs });
    expect(client(3_000_000 * 1000)).toThrow(/at most 2147483647 ms/); // --timeout 3000000
    expect(client(0)).toThrow(RangeError);
  });

  it('any timeout up to the largest a timer holds is honoured: a call slower than 1 ms is answered', async () => {
    const { emulator, directory } = await directoryOn({ latencyMs: 100 }, { timeoutMs: MAX_TIMEOUT_MS });
    await expect(directory.listContacts()).resolves.toEqual([]);
    expect(emulator.requests.map((r) => r.status)).toEqual([200]);
  });
});
