/**
 * Privacy and the --verbose trace, end to end with the built CLI against an
 * emulator that fails calls at random (seeded): retries, dropped answers and
 * refusals must not put a contact's address, a request URL or anything of the
 * credentials on the console or in a file; and --verbose shows one line per
 * request the emulator saw, with its RequestId.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CREDENTIALS, useImportRuns } from './helpers/import-run.js';

const { tmp, emulator, sheet, importSheet } = useImportRuns('contact-import-privacy-');

const PEOPLE = ['AnnLee', 'BobLi', 'CarolZhang', 'DavidChen', 'EvaLiu', 'FrankZhao', 'GraceHuang', 'HenryWu'];
const emailOf = (name: string) => `${name.toLowerCase()}.private@example.com`;
const phoneOf = (i: number) => `86-1391234${String(5670 + i)}`;
/** Eight good rows with email and phone, and one with a full-width ＠ (invalid, so quoted in a problem line). */
const SHEET = [
  'Name,Email,Phone,Title,MessageTypes,Members',
  ...PEOPLE.map((name, i) => `${name},${emailOf(name)},${phoneOf(i)},CEO,ServiceMessage,rd-k3Ab9Xq2Lm`),
  'WideAt,wide.at＠example.com,,CEO,ServiceMessage,',
].join('\r\n');
const ADDRESSES = [...PEOPLE.map(emailOf), 'wide.at＠example.com', ...PEOPLE.map((_, i) => phoneOf(i))];
/** A seed whose faults include retries and an AddMessageContact answer dropped (the error that quoted the request URL). */
const FAULTS = { faultRate: 0.3, seed: 2 };

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every text the run left: stdout, stderr, and each file it wrote (the report folder, the lock folder). */
function everything(run: { stdout: string; stderr: string; reportDir: string }, lockDir: string): [string, string][] {
  const files = [...filesUnder(run.reportDir), ...filesUnder(lockDir)].map((path): [string, string] => [path, readFileSync(path, 'utf8')]);
  return [['stdout', run.stdout], ['stderr', run.stderr], ...files];
}

describe('privacy with faults on', () => {
  it('keeps every address of the sheet and every request URL off the console and out of log.jsonl; --show-pii shows them', async () => {
    const e = await emulator(FAULTS);
    const file = sheet(SHEET);
    const lockDir = join(tmp(), 'locks-masked');
    const run = await importSheet(e, file, ['--skip-invalid', '--verbose', '--lock-dir', lockDir]);
    expect(run.code).toBe(1);
    expect(run.rows.filter((r) => r.status === 'created')).toHaveLength(PEOPLE.length);
    // The faults struck where it matters: retries, and an add whose answer was dropped.
    expect(e.requests.filter((r) => r.fault).length).toBeGreaterThan(2);
    expect(e.requests.some((r) => r.fault === 'drop' && r.action === 'AddMessageContact')).toBe(true);
    expect(run.stderr).toMatch(/^warn: .*; (try \d+ of \d+|a look-up) in /m);

    const log = readFileSync(join(run.reportDir, 'log.jsonl'), 'utf8');
    for (const [where, text] of [['stderr', run.stderr], ['log.jsonl', log]]) {
      for (const address of ADDRESSES) expect({ where, address, shown: text.includes(address) }).toEqual({ where, address, shown: false });
      expect({ where, url: text.match(/https?:\/\/[^\s"]*\?|\/\?\w+=|%40|EmailAddress=|PhoneNumber=/g) }).toEqual({ where, url: null });
    }
    // Masked where the line was built: the full-width address in its problem line, the report in full.
    expect(run.stderr).toContain('"w***＠example.com" is not a valid email address');
    expect(log).toContain('w***＠example.com');
    expect(readFileSync(join(run.reportDir, 'results.json'), 'utf8')).toContain(emailOf('AnnLee'));

    const shown = await importSheet(e, file, ['--skip-invalid', '--show-pii', '--dry-run', '--lock-dir', lockDir]);
    expect(shown.stderr).toContain('"wide.at＠example.com" is not a valid email address');
  });
});

describe('--verbose trace', () => {
  it('has one line per request the emulator logged, each with its RequestId, and the same as fields in log.jsonl', async () => {
    const e = await emulator(FAULTS);
    const run = await importSheet(e, sheet(SHEET), ['--skip-invalid', '--verbose', '--lock-dir', join(tmp(), 'locks-trace')]);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n').filter((line) => line.startsWith('call '));
    expect(lines.length).toBe(e.requests.length);
    expect(e.requests.length).toBeGreaterThan(PEOPLE.length * 2);
    lines.forEach((line, i) => {
      const request = e.requests[i]!;
      expect(line).toMatch(new RegExp(`^call ${request.action} try \\d+: .*, \\d+ ms`));
      // A dropped answer never reached the client: no RequestId to show, the network's code instead.
      if (request.fault === 'drop') expect(line).toMatch(/: ECONNRESET, request \(none\)/);
      else expect(line).toContain(`HTTP ${request.status}${request.code ? ` ${request.code}` : ''}, request ${request.requestId},`);
    });
    // Each add names its contact; a retry counts up.
    expect(lines.find((line) => line.startsWith('call AddMessageContact try 1:'))).toMatch(/, contact [A-Za-z]+$/);
    expect(lines.some((line) => / try [2-9]: /.test(line))).toBe(true);

    const calls = readFileSync(join(run.reportDir, 'log.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.event === 'call');
    expect(calls.map((c) => c.requestId ?? null)).toEqual(e.requests.map((r) => (r.fault === 'drop' ? null : r.requestId)));
    const added = calls.find((c) => c.action === 'AddMessageContact' && c.status === 200);
    expect(added).toMatchObject({ attempt: expect.any(Number), status: 200, requestId: expect.any(String), ms: expect.any(Number), name: expect.any(String) });
  });

  it('without --verbose, the console has no trace; log.jsonl still does', async () => {
    const e = await emulator();
    const run = await importSheet(e, sheet(SHEET), ['--skip-invalid', '--lock-dir', join(tmp(), 'locks-quiet')]);
    expect(run.stderr).not.toMatch(/^call /m);
    expect(readFileSync(join(run.reportDir, 'log.jsonl'), 'utf8').match(/"event":"call"/g)).toHaveLength(e.requests.length);
  });
});

describe('a bad secret', () => {
  it('leaves no secret, AccessKey id, signature or string to sign in any output or file, --verbose included', async () => {
    const e = await emulator();
    const lockDir = join(tmp(), 'locks-refused');
    const secret = 'a-wrong-secret-0123456789';
    const file = sheet(SHEET);
    const sheetHash = createHash('sha256').update(readFileSync(file)).digest('hex');
    const run = await importSheet(e, file, ['--skip-invalid', '--verbose', '--lock-dir', lockDir], { ...CREDENTIALS, ALIBABA_CLOUD_ACCESS_KEY_SECRET: secret });
    expect(run.code).toBe(3);
    expect(e.requests.map((r) => r.code)).toContain('SignatureDoesNotMatch');
    const texts = everything(run, lockDir);
    expect(texts.length).toBeGreaterThan(4);
    for (const [where, text] of texts) {
      const leaks = [secret, CREDENTIALS.ALIBABA_CLOUD_ACCESS_KEY_ID, CREDENTIALS.ALIBABA_CLOUD_ACCESS_KEY_SECRET, 'ACS3-HMAC-SHA256'].filter((s) => text.includes(s));
      expect({ where, leaks }).toEqual({ where, leaks: [] });
      // A signature or the hash in a string to sign: 64 hex digits (RequestIds are UUIDs; the report names the sheet's own SHA-256).
      expect({ where, hex: text.split(sheetHash).join('').match(/[0-9a-f]{40,}/gi), toSign: /string to sign/i.test(text) }).toEqual({ where, hex: null, toSign: false });
    }
    expect(run.stderr).toMatch(/SignatureDoesNotMatch/);
  });
});
