/**
 * The directory adapter over the official client and real HTTP, against the
 * emulator: the one gate every request passes, paging, and the lookup that
 * keeps an unanswered add from being sent twice (run rules 2 and 4).
 */
import { createDirectory } from '../src/directory/adapter.js';
import { DirectoryError } from '../src/directory/errors.js';
import { createOpenApiCaller } from '../src/directory/openapi.js';
import type { RetryPolicy } from '../src/directory/retry.js';
import { DEMO_CREDENTIALS, startEmulator, type EmulatorOptions, type RunningEmulator } from '../src/emulator/server.js';
import type { ApiContact } from '../src/contact/schema.js';
import { admin } from './helpers/emulator.js';

const FAST_RETRY: RetryPolicy = { maxTries: 12, baseDelayMs: 50, maxDelayMs: 400, maxTotalWaitMs: 20_000 };

let running: RunningEmulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function directoryOn(options: EmulatorOptions, client: { timeoutMs?: number; secret?: string } = {}) {
  running = await startEmulator({ host: '127.0.0.1', port: 0, ...options });
  const caller = createOpenApiCaller({
    endpoint: { host: `127.0.0.1:${running.port}`, protocol: 'http' },
    credentials: { kind: 'keys', accessKeyId: DEMO_CREDENTIALS.accessKeyId, accessKeySecret: client.secret ?? DEMO_CREDENTIALS.accessKeySecret },
    timeoutMs: client.timeoutMs ?? 10_000,
  });
  return { emulator: running, directory: createDirectory(caller, { retry: FAST_RETRY }) };
}

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
    // The first add is carried out, but only after the client has given up waiting.
    const { emulator, directory } = await directoryOn(
      { holdCall: async (action) => void (action === 'AddMessageContact' && ++adds === 1 && (await sleep(1500))) },
      { timeoutMs: 400 },
    );
    const created = await directory.addContact(contact('Alice'));
    expect(emulator.requests.filter((r) => r.action === 'AddMessageContact')).toHaveLength(1);
    expect(created).toMatchObject({ contactId: emulator.state.all()[0]!.ContactId, confirmedByLookup: true, attempts: 1 });
    expect(emulator.state.count()).toBe(1);
    // The lookups that arrived while the add was still running were refused (429) and retried.
    expect(emulator.requests.filter((r) => r.action === 'ListMessageContacts').at(-1)!.status).toBe(200);
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
    expect((error as DirectoryError).message).toMatch(/someone.else@example.com/);
    expect(emulator.state.all().map((c) => c.EmailAddress)).toEqual(['someone.else@example.com']);
  });

  it('does not retry refused credentials', async () => {
    const { emulator, directory } = await directoryOn({}, { secret: 'wrong' });
    const error = await directory.listContacts().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'refused', code: 'SignatureDoesNotMatch', attempts: 1 });
    expect(emulator.requests).toHaveLength(1);
  });
});
