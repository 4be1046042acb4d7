import { startEmulator } from '../src/emulator/server.js';
import { attempt, admin, callInFlight, sdkFor, useEmulator } from './helpers/emulator.js';

const emulator = useEmulator({ contactLimit: 5, deletionDelayMs: 1000 });

const alice = { Name: 'Alice', EmailAddress: 'alice@example.com', Title: 'CEO', MessageTypes: ['ServiceMessage', 'FaultMessage'] };

async function add(fields: Record<string, unknown> = alice, on = emulator()) {
  const result = await attempt(sdkFor(on), 'AddMessageContact', fields as never);
  if (!result.ok) throw new Error(`add failed: ${result.code}`);
  return result.body.Contact.ContactId as string;
}

describe('emulator: AddMessageContact and ListMessageContacts through the real client', () => {
  it('creates a contact that starts Verifying and lists it with its fields', async () => {
    const sdk = sdkFor(emulator());
    const added = await attempt(sdk, 'AddMessageContact', { ...alice, PhoneNumber: '86-13912345678' });
    expect(added).toEqual({
      ok: true,
      body: { RequestId: expect.stringMatching(/^[0-9A-F-]{36}$/), Contact: { ContactId: expect.stringMatching(/^c-[a-z0-9]{16}$/), CreateDate: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) } },
    });
    const listed = await attempt(sdk, 'ListMessageContacts');
    expect(listed.ok && listed.body).toMatchObject({
      TotalCount: 1,
      PageNumber: 1,
      PageSize: 10,
      Contacts: [{ Name: 'Alice', EmailAddress: 'alice@example.com', PhoneNumber: '86-13912345678', Title: 'CEO', MessageTypes: ['ServiceMessage', 'FaultMessage'], Members: [], Status: 'Verifying' }],
    });
  });

  it.each([
    [{ ...alice, Name: 'A' }, 'InvalidParameter.Name.Length'],
    [{ ...alice, Name: 'Zhang San' }, 'InvalidParameter.Name'],
    [{ ...alice, Name: '张伟' }, 'InvalidParameter.Name'],
    [{ ...alice, Name: undefined }, 'MissingParameter.Name'],
    [{ ...alice, EmailAddress: 'bob@' }, 'InvalidParameter.EmailAddress'],
    [{ ...alice, PhoneNumber: '1-4155550100' }, 'InvalidParameter.MobileCountryCode'],
    [{ ...alice, PhoneNumber: '13912345678' }, 'InvalidParameter.PhoneNumber'],
    [{ ...alice, Title: 'technical director' }, 'InvalidParameter.Title'],
    [{ ...alice, MessageTypes: undefined }, 'MissingParameter.MessageTypes'],
    [{ ...alice, MessageTypes: ['Billing'] }, 'InvalidParameter.MessageTypes'],
  ])('judges parameters with the validator\'s rule table: %j → %s', async (fields, code) => {
    const result = await attempt(sdkFor(emulator()), 'AddMessageContact', fields as never);
    expect(result).toMatchObject({ ok: false, code, statusCode: 400 });
  });

  it('refuses a name already used, ignoring case', async () => {
    await add();
    expect(await attempt(sdkFor(emulator()), 'AddMessageContact', { ...alice, Name: 'ALICE' })).toMatchObject({ ok: false, code: 'InvalidParameter.Name.AlreadyUsed' });
  });

  it('refuses the contact past the limit with LimitExceeded.Contacts', async () => {
    for (const name of ['Aa', 'Bb', 'Cc', 'Dd', 'Ee']) await add({ ...alice, Name: name });
    expect(await attempt(sdkFor(emulator()), 'AddMessageContact', { ...alice, Name: 'Ff' })).toMatchObject({ ok: false, code: 'LimitExceeded.Contacts', statusCode: 400 });
  });

  it('pages ListMessageContacts (PageSize at most 100)', async () => {
    for (const name of ['Aa', 'Bb', 'Cc', 'Dd', 'Ee']) await add({ ...alice, Name: name });
    const sdk = sdkFor(emulator());
    const second = await attempt(sdk, 'ListMessageContacts', { PageNumber: 2, PageSize: 2 });
    expect(second.ok && second.body.Contacts.map((c: any) => c.Name)).toEqual(['Cc', 'Dd']);
    expect(second.ok && second.body.TotalCount).toBe(5);
    expect(await attempt(sdk, 'ListMessageContacts', { PageSize: 101 })).toMatchObject({ ok: false, statusCode: 400 });
  });
});

describe('emulator: the other operations', () => {
  it('verification: pending targets, sends, then Active once verified', async () => {
    const sdk = sdkFor(emulator());
    const id = await add({ ...alice, PhoneNumber: '86-13912345678' });
    const pending = await attempt(sdk, 'ListMessageContactVerifications', { ContactId: id });
    expect(pending.ok && pending.body.ContactVerifications).toEqual([
      { ContactId: id, Target: 'alice@example.com' },
      { ContactId: id, Target: '86-13912345678' },
    ]);
    expect(await attempt(sdk, 'SendEmailVerificationForMessageContact', { ContactId: id, EmailAddress: 'alice@example.com' })).toMatchObject({ ok: true });
    expect(await attempt(sdk, 'SendPhoneVerificationForMessageContact', { ContactId: id, PhoneNumber: '86-13912345678' })).toMatchObject({ ok: true });
    expect(await attempt(sdk, 'SendEmailVerificationForMessageContact', { ContactId: id, EmailAddress: 'other@example.com' })).toMatchObject({
      ok: false,
      code: 'EntityNotExists.Contact.Verification',
      statusCode: 404,
    });
    await admin(emulator(), 'POST', 'verify', { ContactId: id });
    const got = await attempt(sdk, 'GetMessageContact', { ContactId: id });
    expect(got.ok && got.body.Contact.Status).toBe('Active');
  });

  it('Update re-verifies a changed email, and Cancel withdraws it', async () => {
    const sdk = sdkFor(emulator());
    const id = await add();
    await admin(emulator(), 'POST', 'verify', { ContactId: id });
    expect(await attempt(sdk, 'UpdateMessageContact', { ContactId: id, EmailAddress: 'alice.new@example.com', Title: 'Other' })).toMatchObject({ ok: true });
    let got = await attempt(sdk, 'GetMessageContact', { ContactId: id });
    expect(got.ok && got.body.Contact).toMatchObject({ EmailAddress: 'alice.new@example.com', Title: 'Other', Status: 'Verifying' });
    expect(await attempt(sdk, 'CancelMessageContactUpdate', { ContactId: id, EmailAddress: 'alice.new@example.com' })).toMatchObject({ ok: true });
    got = await attempt(sdk, 'GetMessageContact', { ContactId: id });
    expect(got.ok && got.body.Contact).toMatchObject({ EmailAddress: 'alice@example.com', Status: 'Active' });
  });

  it('Delete keeping members is immediate; without, it is Deleting until the delay ends', async () => {
    // A delay no test run can outlast, so "Deleting" is seen however slow the machine is.
    const slowDelete = await startEmulator({ host: '127.0.0.1', port: 0, deletionDelayMs: 600_000 });
    try {
      const sdk = sdkFor(slowDelete);
      const kept = await add(alice, slowDelete);
      expect(await attempt(sdk, 'DeleteMessageContact', { ContactId: kept })).toMatchObject({ ok: true, body: { Status: 'Deleted' } });
      const gone = await add({ ...alice, Name: 'Bob' }, slowDelete);
      expect(await attempt(sdk, 'DeleteMessageContact', { ContactId: gone, RetainContactInMembers: false })).toMatchObject({ ok: true, body: { Status: 'Deleting' } });
      const status = await attempt(sdk, 'GetMessageContactDeletionStatus', { ContactId: gone });
      expect(status.ok && status.body.ContactDeletionStatus).toEqual({ ContactId: gone, Status: 'Deleting', FailReasonList: [] });
      expect(await attempt(sdk, 'UpdateMessageContact', { ContactId: gone, Title: 'Other' })).toMatchObject({ ok: false, code: 'ContactStatusMismatchAction' });
    } finally {
      await slowDelete.close();
    }
  });

  it('a contact being deleted without keeping members is gone once the delay has passed', async () => {
    const sdk = sdkFor(emulator()); // deletionDelayMs: 1000
    const gone = await add({ ...alice, Name: 'Bob' });
    expect(await attempt(sdk, 'DeleteMessageContact', { ContactId: gone, RetainContactInMembers: false })).toMatchObject({ ok: true, body: { Status: 'Deleting' } });
    let after = await attempt(sdk, 'GetMessageContactDeletionStatus', { ContactId: gone });
    for (let i = 0; i < 200 && after.ok; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = await attempt(sdk, 'GetMessageContactDeletionStatus', { ContactId: gone });
    }
    expect(after).toMatchObject({ ok: false, code: 'EntityNotExists.Contact', statusCode: 404 });
    const listed = await attempt(sdk, 'ListMessageContacts');
    expect(listed.ok && listed.body.TotalCount).toBe(0);
  });

  it('Associate binds 1–5 members a call, at most 10 a contact; Disassociate unbinds; List filters by Member', async () => {
    const sdk = sdkFor(emulator());
    const id = await add();
    const five = ['rd-a1', 'fd-b2', 'r-c3', '1234567890123456', 'fd-e5'];
    expect(await attempt(sdk, 'AssociateMembers', { ContactId: id, Members: five })).toMatchObject({ ok: true });
    expect(await attempt(sdk, 'AssociateMembers', { ContactId: id, Members: [...five, 'fd-f6'] })).toMatchObject({ ok: false, code: 'InvalidParameter.Members.Length' });
    expect(await attempt(sdk, 'AssociateMembers', { ContactId: id, Members: ['fd-x', 'fd-x'] })).toMatchObject({ ok: false, code: 'InvalidParameter.Members.Duplicate' });
    expect(await attempt(sdk, 'AssociateMembers', { ContactId: id, Members: ['not a member'] })).toMatchObject({ ok: false, code: 'InvalidParameter.Members' });
    expect(await attempt(sdk, 'AssociateMembers', { ContactId: id, Members: ['fd-g1', 'fd-g2', 'fd-g3', 'fd-g4', 'fd-g5'] })).toMatchObject({ ok: true });
    expect(await attempt(sdk, 'AssociateMembers', { ContactId: id, Members: ['fd-h1'] })).toMatchObject({ ok: false, code: 'LimitExceeded.ContactMembers' });
    expect(await attempt(sdk, 'DisassociateMembers', { ContactId: id, Members: ['fd-g1', 'fd-g2'] })).toMatchObject({ ok: true });
    const bound = await attempt(sdk, 'ListMessageContacts', { Member: 'r-c3' });
    expect(bound.ok && bound.body.Contacts[0].Members).toHaveLength(8);
    const none = await attempt(sdk, 'ListMessageContacts', { Member: 'fd-g1' });
    expect(none.ok && none.body.TotalCount).toBe(0);
  });

  it('unknown contact ids are EntityNotExists.Contact (404), missing ones MissingParameter.ContactId', async () => {
    const sdk = sdkFor(emulator());
    expect(await attempt(sdk, 'GetMessageContact', { ContactId: 'c-nope' })).toMatchObject({ ok: false, code: 'EntityNotExists.Contact', statusCode: 404 });
    expect(await attempt(sdk, 'GetMessageContact')).toMatchObject({ ok: false, code: 'MissingParameter.ContactId', statusCode: 400 });
  });
});

describe('emulator: the gateway', () => {
  it('accepts V2 signatures too', async () => {
    const result = await attempt(sdkFor(emulator(), undefined, 'v2'), 'AddMessageContact', alice);
    expect(result.ok).toBe(true);
  });

  it('refuses a wrong secret and an unknown key', async () => {
    const wrongSecret = sdkFor(emulator(), { accessKeyId: 'emulator-demo-key-id', accessKeySecret: 'not-the-secret' });
    expect(await attempt(wrongSecret, 'ListMessageContacts')).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch', statusCode: 400 });
    const unknown = sdkFor(emulator(), { accessKeyId: 'someone-else', accessKeySecret: 'x' });
    expect(await attempt(unknown, 'ListMessageContacts')).toMatchObject({ ok: false, code: 'InvalidAccessKeyId.NotFound', statusCode: 404 });
  });

  it('answers 429 ConcurrentCallNotSupported to a call that arrives while another is in flight', async () => {
    // The first call is held open until the second has been answered, so the overlap does not
    // depend on how fast a loaded machine gets the second request out.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const slow = await startEmulator({ port: 0, holdCall: () => released });
    try {
      const sdk = sdkFor(slow);
      const firstCall = attempt(sdk, 'ListMessageContacts');
      await callInFlight(slow);
      const second = await attempt(sdk, 'ListMessageContacts');
      release();
      const first = await firstCall;
      expect(first.ok).toBe(true);
      expect(second).toMatchObject({ ok: false, code: 'ConcurrentCallNotSupported', statusCode: 429 });
      const log = (await admin(slow, 'GET', 'requests')).requests;
      expect(log.map((r: any) => [r.action, r.status, r.overlapped])).toEqual([
        ['ListMessageContacts', 429, true],
        ['ListMessageContacts', 200, false],
      ]);
    } finally {
      await slow.close();
    }
  });

  it('keeps admin endpoints off the signed API path', async () => {
    const response = await fetch(`${emulator().url}/?Action=ListMessageContacts`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { Code: string }).Code).toBe('IncompleteSignature');
    expect(await admin(emulator(), 'GET', 'contacts')).toEqual({ contacts: [] });
  });
});
