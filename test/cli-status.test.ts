/**
 * `contact-import status`: the directory's contacts, their status and what
 * they wait for; `--resend` sends those verifications again.
 */
import { runCli } from './helpers/cli.js';
import { admin } from './helpers/emulator.js';
import { CREDENTIALS, useImportRuns } from './helpers/import-run.js';

const { emulator, sheet, importSheet } = useImportRuns('contact-import-status-');

describe('status', () => {
  it('lists contacts with their status and pending verifications; --resend sends them', async () => {
    const e = await emulator();
    await admin(e, 'POST', 'preload', { contacts: [{ Name: 'Alice', EmailAddress: 'alice@example.com' }] });
    const file = sheet('Name,Email,Phone,Title,MessageTypes\nBob,bob@example.com,,CEO,ServiceMessage\nCarol,carol@example.com,13912345678,CEO,ServiceMessage\n');
    expect((await importSheet(e, file)).code).toBe(0);

    const shown = await runCli(['status', '--endpoint', e.url, '--json'], { env: CREDENTIALS });
    expect(shown.code).toBe(0);
    const report = JSON.parse(shown.stdout);
    expect(report.counts).toEqual({ Active: 1, Verifying: 2 });
    expect(report.contacts.map((c: any) => [c.name, c.status, c.pending])).toEqual([
      ['Alice', 'Active', []],
      ['Bob', 'Verifying', ['bob@example.com']],
      ['Carol', 'Verifying', ['carol@example.com', '86-13912345678']],
    ]);
    const before = e.requests.length;
    const people = await runCli(['status', '--endpoint', e.url], { env: CREDENTIALS });
    // The console masks contact details (--show-pii shows them; the --json report has them in full).
    expect(people.stderr).toMatch(/Carol\s+Verifying\s+c\*\*\*@example\.com\s+waiting for: c\*\*\*@example\.com, 86-139\*\*\*\*5678/);
    expect(e.requests.slice(before).every((r) => r.action.startsWith('List'))).toBe(true);

    const from = e.requests.length;
    const resent = await runCli(['status', '--endpoint', e.url, '--resend', '--json'], { env: CREDENTIALS });
    expect(resent.code).toBe(0);
    expect(JSON.parse(resent.stdout).resent).toEqual([
      { contactId: report.contacts[1].contactId, target: 'bob@example.com', sent: true },
      { contactId: report.contacts[2].contactId, target: 'carol@example.com', sent: true },
      { contactId: report.contacts[2].contactId, target: '86-13912345678', sent: true },
    ]);
    expect(e.requests.slice(from).filter((r) => r.action.startsWith('Send')).map((r) => [r.action, r.status])).toEqual([
      ['SendEmailVerificationForMessageContact', 200],
      ['SendEmailVerificationForMessageContact', 200],
      ['SendPhoneVerificationForMessageContact', 200],
    ]);
  });
});
