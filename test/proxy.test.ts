/**
 * Proxies end to end: the built CLI, the official client and the emulator, with
 * a recording proxy on 127.0.0.1 between them. The endpoint host `rd-api.invalid`
 * never resolves (RFC 6761), so an import to it succeeds only through the proxy.
 */
import { execFileSync } from 'node:child_process';
import { createServer as createHttpServer, type Server } from 'node:http';
import { connect, createServer as createNetServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { readFileSync } from 'node:fs';
import { DEMO_CREDENTIALS, type RunningEmulator } from '../src/emulator/server.js';
import { expectOneErrorLine, runCli } from './helpers/cli.js';
import { CREDENTIALS, useImportRuns } from './helpers/import-run.js';
import { startRecordingProxy, type RecordingProxy } from './helpers/proxy.js';

const { tmp, emulator, sheet, importSheet } = useImportRuns('contact-import-proxy-');
const SHEET = 'Name,Email,Title,MessageTypes\nAlice,alice@example.com,CEO,ServiceMessage\nBob,bob@example.com,CEO,ServiceMessage\n';

let proxy: RecordingProxy;
beforeEach(async () => {
  proxy = await startRecordingProxy();
});
afterEach(async () => {
  await proxy.close();
});

const unresolvable = (e: RunningEmulator) => `http://rd-api.invalid:${e.port}`;

describe('import through a proxy from the environment', () => {
  it('HTTP_PROXY: every API call goes through the proxy, to a host only the proxy reaches; --verbose names the proxy, not its password', async () => {
    const e = await emulator();
    const proxyUrl = `http://user:proxy-secret@127.0.0.1:${proxy.port}`;
    const run = await importSheet(unresolvable(e), sheet(SHEET), ['--verbose'], { ...CREDENTIALS, HTTP_PROXY: proxyUrl });
    expect(run.code).toBe(0);
    expect(e.state.all().map((c) => c.Name)).toEqual(['Alice', 'Bob']);
    expect(e.requests.length).toBeGreaterThan(0);
    expect(proxy.seen.map((r) => r.action)).toEqual(e.requests.map((r) => r.action));
    expect(proxy.seen.every((r) => r.method === 'POST' && r.target.startsWith(`${unresolvable(e)}/`))).toBe(true);
    expect(run.stderr).toContain(`${unresolvable(e)}: through the proxy 127.0.0.1:${proxy.port} (HTTP_PROXY)`);
    expect(run.stderr).not.toContain('proxy-secret');
  });

  it.each([
    ['the host', '127.0.0.1'],
    ['the host and port, among others', (e: RunningEmulator) => `proxy.example.com, 127.0.0.1:${e.port}`],
    ['*', '*'],
  ])('NO_PROXY naming %s: nothing goes to the proxy and the import succeeds', async (_, noProxy) => {
    const e = await emulator();
    const NO_PROXY = typeof noProxy === 'string' ? noProxy : noProxy(e);
    const run = await importSheet(e, sheet(SHEET), ['--verbose'], { ...CREDENTIALS, HTTP_PROXY: proxy.url, NO_PROXY });
    expect(run.code).toBe(0);
    expect(e.state.all()).toHaveLength(2);
    expect(proxy.seen).toEqual([]);
    expect(run.stderr).toContain(`${e.url}: direct (NO_PROXY names it)`);
  });

  it('a NO_PROXY entry for another port does not exempt the endpoint', async () => {
    const e = await emulator();
    const run = await importSheet(e, sheet(SHEET), [], { ...CREDENTIALS, HTTP_PROXY: proxy.url, NO_PROXY: `127.0.0.1:${e.port + 1}` });
    expect(run.code).toBe(0);
    expect(proxy.seen.map((r) => r.action)).toEqual(e.requests.map((r) => r.action));
  });

  it('lower-case http_proxy and no_proxy are read too, and win over upper case (as curl reads them)', async () => {
    const e = await emulator();
    const viaLower = await importSheet(unresolvable(e), sheet(SHEET), [], { ...CREDENTIALS, http_proxy: proxy.url, HTTP_PROXY: 'http://127.0.0.1:9' });
    expect(viaLower.code).toBe(0);
    expect(proxy.seen.map((r) => r.action)).toEqual(e.requests.map((r) => r.action));

    const seenBefore = proxy.seen.length;
    const exempt = await importSheet(e, sheet(SHEET), ['--verbose'], { ...CREDENTIALS, http_proxy: proxy.url, no_proxy: '127.0.0.1', NO_PROXY: 'elsewhere.example' });
    expect(exempt.code).toBe(0);
    expect(proxy.seen.length).toBe(seenBefore);
    expect(exempt.stderr).toContain('direct (no_proxy names it)');
  });

  it('the credential provider goes through the proxy too (a credentials URI on a host only the proxy reaches)', async () => {
    const e = await emulator();
    const credentials = await startCredentialsServer();
    try {
      const home = join(tmp(), 'home');
      const env = { HOME: home, HTTP_PROXY: proxy.url, ALIBABA_CLOUD_CREDENTIALS_URI: `http://creds.invalid:${credentials.port}/` };
      const run = await importSheet(unresolvable(e), sheet(SHEET), [], env);
      expect(run.code).toBe(0);
      expect(proxy.seen.some((r) => r.method === 'GET' && r.target === `http://creds.invalid:${credentials.port}/`)).toBe(true);
      expect(e.state.all()).toHaveLength(2);
    } finally {
      await new Promise((resolve) => credentials.server.close(resolve));
    }
  });

  it('a proxy variable that is not a proxy URL stops the run before any call, without printing its value', async () => {
    const e = await emulator();
    const run = await runCli(['status', '--endpoint', e.url], { env: { ...CREDENTIALS, HTTP_PROXY: 'proxy-secret.example.com:3128' } });
    expect(run.code).toBe(2);
    expectOneErrorLine(run, /HTTP_PROXY has no scheme: write it as http:\/\/HOST:PORT/);
    expect(run.stderr).not.toContain('proxy-secret');
    expect(e.requests).toEqual([]);
  });
});

describe('https through a CONNECT tunnel', () => {
  const openssl = hasOpenssl();
  (openssl ? it : it.skip)('lower-case https_proxy: the TLS session to the endpoint is tunnelled, its certificate trusted through NODE_EXTRA_CA_CERTS', async () => {
    const e = await emulator();
    const { certFile, key, cert } = selfSignedCertificate(tmp(), 'rd-api.invalid');
    const tls = await startTlsTerminator(key, cert, e.port);
    try {
      const endpoint = `https://rd-api.invalid:${tls.port}`;
      const run = await importSheet(endpoint, sheet(SHEET), ['--verbose'], { ...CREDENTIALS, https_proxy: proxy.url, NODE_EXTRA_CA_CERTS: certFile });
      expect(run.code).toBe(0);
      expect(e.state.all().map((c) => c.Name)).toEqual(['Alice', 'Bob']);
      expect(proxy.seen.length).toBeGreaterThan(0);
      expect(proxy.seen.every((r) => r.method === 'CONNECT' && r.target === `rd-api.invalid:${tls.port}`)).toBe(true);
      expect(run.stderr).toContain(`${endpoint}: through the proxy 127.0.0.1:${proxy.port} (https_proxy)`);

      // Without the certificate trusted, the same tunnel ends in a TLS error: the trust came from NODE_EXTRA_CA_CERTS.
      const untrusted = await importSheet(endpoint, sheet(SHEET), ['--max-tries', '1'], { ...CREDENTIALS, https_proxy: proxy.url });
      expect(untrusted.code).toBe(3);
    } finally {
      await new Promise((resolve) => tls.server.close(resolve));
    }
  });

  it('a proxy that never opens the tunnel ends the call like a connect timeout, and the run ends', async () => {
    let asked = '';
    const silent = createNetServer((socket) => socket.on('data', (chunk) => (asked += chunk.toString())));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const HTTPS_PROXY = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const run = await runCli(['status', '--endpoint', 'rd-api.invalid', '--timeout', '1', '--max-tries', '1'], { env: { ...CREDENTIALS, HTTPS_PROXY } });
      expect(run.code).toBe(3);
      expect(asked).toMatch(/^CONNECT rd-api\.invalid:443 /);
      expectOneErrorLine(run, /rd-api\.invalid/);
    } finally {
      silent.close();
    }
  });
});

/** Answers the credentials URI with the emulator's keys as an STS token (the emulator does not check the token). */
async function startCredentialsServer(): Promise<{ server: Server; port: number }> {
  const server = createHttpServer((_, res) => {
    const body = { Code: 'Success', ...{ AccessKeyId: DEMO_CREDENTIALS.accessKeyId, AccessKeySecret: DEMO_CREDENTIALS.accessKeySecret }, SecurityToken: 'token', Expiration: '2099-01-01T00:00:00Z' };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function selfSignedCertificate(dir: string, host: string): { certFile: string; key: Buffer; cert: Buffer } {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', `/CN=${host}`, '-addext', `subjectAltName=DNS:${host}`], { stdio: 'ignore' });
  return { certFile, key: readFileSync(keyFile), cert: readFileSync(certFile) };
}

/** TLS on a free port in front of the emulator's plain HTTP port. */
async function startTlsTerminator(key: Buffer, cert: Buffer, plainPort: number): Promise<{ server: ReturnType<typeof createTlsServer>; port: number }> {
  const server = createTlsServer({ key, cert }, (secure) => {
    const plain = connect(plainPort, '127.0.0.1');
    secure.pipe(plain).pipe(secure);
    for (const socket of [secure, plain]) socket.on('error', () => secure.destroy());
    plain.on('close', () => secure.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}
