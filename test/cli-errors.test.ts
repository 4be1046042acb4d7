/**
 * When the directory side stops a run, the built CLI says so in one line of
 * our own words naming the endpoint and what to check, exit 3; the client's own
 * text only with --verbose. A TLS certificate that cannot be trusted is final:
 * one connection, never retried.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { join } from 'node:path';
import { expectOneErrorLine } from './helpers/cli.js';
import { contactsCsv } from './helpers/generate.js';
import { adds, CREDENTIALS, statuses, useImportRuns } from './helpers/import-run.js';

const { tmp, emulator, sheet, importSheet, closed } = useImportRuns('contact-import-errors-');

/** A port nothing listens on: an emulator's, once closed. */
async function closedPort(): Promise<string> {
  const gone = await emulator();
  await gone.close();
  closed(gone);
  return gone.url;
}

describe('the directory side stops the run: one line in our words, exit 3', () => {
  it('a closed port: refused, retried, then one line naming the endpoint; the SDK text only with --verbose', async () => {
    const url = await closedPort();
    const run = await importSheet(url, sheet(contactsCsv(1)), ['--max-tries', '2']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/warn: ListMessageContacts: the endpoint refused the connection: nothing listens there \(ECONNREFUSED\); try 2 of 2/);
    expectOneErrorLine(run, new RegExp(`error: cannot list the directory at ${url} \\(nothing was written\\): the endpoint refused the connection.*\\(ECONNREFUSED, 2 tries\\); check --endpoint`));
    // Not the client's glued text, nor the request's URL.
    expect(run.stderr).not.toMatch(/connect ECONNREFUSED|POST|PageNumber/);
    expect(statuses(run.rows)).toEqual(['not_attempted']);

    const verbose = await importSheet(url, sheet(contactsCsv(1)), ['--max-tries', '1', '--verbose']);
    expect(verbose.code).toBe(3);
    expect(verbose.stderr).toMatch(/the client said: connect ECONNREFUSED 127\.0\.0\.1:\d+\n/);
    // The request URL (its query carries the sheet's values) is cut where the SDK's error comes in.
    expect(verbose.stderr).not.toMatch(/POST http/);
    expect(verbose.stderr).not.toMatch(/PageNumber/);
  });

  it('a wrong secret: the signature refused, check the secret; no string to sign, no secret', async () => {
    const e = await emulator();
    const run = await importSheet(e, sheet(contactsCsv(2)), ['--verbose'], { ...CREDENTIALS, ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'wrong-secret' });
    expect(run.code).toBe(3);
    expectOneErrorLine(
      run,
      /error: cannot list the directory at http:\/\/127\.0\.0\.1:\d+ \(nothing was written\): the service refused the signature of the request \(SignatureDoesNotMatch, HTTP 400\) \[request [\w-]+\]; check the AccessKey secret/,
    );
    const log = readFileSync(join(run.reportDir, 'log.jsonl'), 'utf8');
    for (const text of [run.stderr, log]) {
      expect(text).not.toMatch(/string to sign is|ACS3-HMAC-SHA256 [0-9a-f]{16}|wrong-secret/i);
      expect(text).not.toContain(CREDENTIALS.ALIBABA_CLOUD_ACCESS_KEY_ID);
    }
    expect(e.requests.map((r) => [r.action, r.code])).toEqual([['ListMessageContacts', 'SignatureDoesNotMatch']]);
    expect(statuses(run.rows)).toEqual(['not_attempted', 'not_attempted']);
    expect(run.summary.exitCode).toBe(3);
  });

  it('an unknown AccessKey id: said so, check the id; the id never printed', async () => {
    const e = await emulator();
    const run = await importSheet(e, sheet(contactsCsv(1)), [], { ...CREDENTIALS, ALIBABA_CLOUD_ACCESS_KEY_ID: 'test-typo-key-id' });
    expect(run.code).toBe(3);
    expectOneErrorLine(run, /error: cannot list the directory at http:\/\/127\.0\.0\.1:\d+ .*the service does not know the AccessKey id \(InvalidAccessKeyId\.NotFound, HTTP 404\).*; check the AccessKey id/);
    expect(run.stderr).not.toContain('test-typo-key-id');
    expect(e.requests).toHaveLength(1);
  });

  it('no credentials at all: said so without a request', async () => {
    const e = await emulator();
    const run = await importSheet(e, sheet(contactsCsv(1)), [], { HOME: tmp(), ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true' });
    expect(run.code).toBe(3);
    expectOneErrorLine(run, /error: cannot list the directory at .*: InvalidCredentials: no credentials in the environment, OIDC or ~\/\.alibabacloud\/credentials \(--verbose says why\); set ALIBABA_CLOUD_ACCESS_KEY_ID/);
    expect(run.stderr).not.toMatch(/…/);
    expect(e.requests).toEqual([]);
  });

  it('throttling that outlasts the tries stops the run in our words, naming the endpoint', async () => {
    const e = await emulator({ faultFor: (action) => (action === 'AddMessageContact' ? 'throttle' : undefined) });
    const run = await importSheet(e, sheet(contactsCsv(2)), ['--max-tries', '2']);
    expect(run.code).toBe(3);
    expectOneErrorLine(
      run,
      new RegExp(`error: the run stopped: AddMessageContact at ${e.url}: the service kept throttling the calls \\(Throttling\\.User, HTTP 400, 2 tries\\).*; run again later`),
    );
    expect(adds(e)).toHaveLength(2);
    expect(statuses(run.rows)).toEqual(['failed', 'not_attempted']);
  });
});

/** A key and self-signed certificate for 127.0.0.1, made with openssl. */
function selfSigned(dir: string): { key: Buffer; cert: Buffer } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/** The TLS case needs openssl to make its certificate; without it, the case is skipped. */
const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('a TLS certificate that cannot be trusted', () => {
  (hasOpenssl ? it : it.skip)('is one line, exit 3, after exactly one connection: never retried', async () => {
    let connections = 0;
    const server: Server = createServer(selfSigned(tmp()), (_request, response) => response.end('{}'));
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const run = await importSheet(`https://127.0.0.1:${port}`, sheet(contactsCsv(1)));
      expect(run.code).toBe(3);
      expectOneErrorLine(
        run,
        new RegExp(
          `error: cannot list the directory at https://127\\.0\\.0\\.1:${port} \\(nothing was written\\): the endpoint's TLS certificate is self-signed.*\\(DEPTH_ZERO_SELF_SIGNED_CERT\\); check that --endpoint names the service.*NODE_EXTRA_CA_CERTS`,
        ),
      );
      expect(run.stderr).not.toMatch(/warn: .*try 2/);
      expect(connections).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
