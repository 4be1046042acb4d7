/**
 * The Resource Directory emulator: a real HTTP server (node:http) that answers
 * the twelve message-contact operations as the service does, checks V3/V2
 * signatures against its key pair, refuses overlapping calls with 429
 * ConcurrentCallNotSupported (and counts the most it saw at once), and can
 * inject faults, or freeze like a stopped server. Admin endpoints for tests
 * and the demo live under /_emulator/, never on the signed API path.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Site } from '../judge/rules.js';
import { answerAdmin } from './admin.js';
import { DEFAULT_CONTACT_LIMIT, DEFAULT_SITE } from '../defaults.js';
import { ApiError } from './errors.js';
import { FaultPlan, Freeze, type FaultKind } from './faults.js';
import { OPERATIONS, WRITES, type OperationContext, type Params } from './operations.js';
import { verifySignature } from './signature.js';
import { DirectoryState } from './state.js';

export const API_VERSION = '2022-04-19';

/** The demo key pair (documented in the README). Not a real AccessKey: it only opens the emulator. */
export const DEMO_CREDENTIALS = { accessKeyId: 'emulator-demo-key-id', accessKeySecret: 'emulator-demo-key-secret' } as const;

export interface EmulatorOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** @default 20 */
  contactLimit?: number;
  /** @default 'intl' */
  site?: Site;
  /** Persist the directory to this JSON file. */
  stateFile?: string;
  /** Added to every API call. @default 0 */
  latencyMs?: number;
  /** Probability of a fault per API call. @default 0 */
  faultRate?: number;
  /** @default 1 */
  seed?: number;
  accessKeyId?: string;
  accessKeySecret?: string;
  /** Member IDs in the directory; by default any well-formed ID counts. */
  members?: string[];
  /** New and changed addresses count as verified at once. @default false */
  autoVerify?: boolean;
  /** @default 300 */
  deletionDelayMs?: number;
  /** Verification messages the account may send (a day). @default 100 */
  dailyVerifications?: number;
  /** Awaited while a call is in flight, before it is answered: lets a test hold a call open for as long as it needs. */
  holdCall?: (action: string) => Promise<void>;
  /** Decides each call's fault instead of `faultRate`: lets a test inject exactly the fault it needs. */
  faultFor?: (action: string) => FaultKind | undefined;
  /** Told about every API call once it is answered (the CLI logs them with --verbose). */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface RequestLogEntry {
  seq: number;
  at: string;
  action: string;
  params: Params;
  status: number;
  code?: string;
  /** It arrived while another call was in flight. */
  overlapped: boolean;
  /** The client closed the connection before the answer was ready (it gave up waiting). */
  clientGone?: true;
  fault?: FaultKind;
  ms: number;
}

export interface RunningEmulator {
  url: string;
  host: string;
  port: number;
  state: DirectoryState;
  requests: RequestLogEntry[];
  /** The most API calls that were in flight at once (1 when every call came alone). */
  readonly maxInFlight: number;
  /** Stops answering for `ms`, like a stopped server: see Freeze. */
  freeze(ms: number): void;
  close(): Promise<void>;
}

interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
  code?: string;
  headers?: Record<string, string>;
}

/** What the emulator asks a throttled client to wait (`x-acs-retry-after`, in ms, as the gateway sends it). */
export const THROTTLE_RETRY_AFTER_MS = 100;

const NONCE_WINDOW_MS = 15 * 60 * 1000;

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const accessKeyId = options.accessKeyId ?? DEMO_CREDENTIALS.accessKeyId;
  const accessKeySecret = options.accessKeySecret ?? DEMO_CREDENTIALS.accessKeySecret;
  const state = new DirectoryState(options.stateFile);
  const faults = new FaultPlan(options.faultRate ?? 0, options.seed ?? 1);
  const requests: RequestLogEntry[] = [];
  const nonces = new Map<string, number>();
  const verificationsLeft = { count: options.dailyVerifications ?? 100 };
  const frozen = new Freeze();
  let inFlight = 0;
  let maxInFlight = 0;
  let seq = 0;

  const context = (): OperationContext => ({
    state,
    site: options.site ?? DEFAULT_SITE,
    contactLimit: options.contactLimit ?? DEFAULT_CONTACT_LIMIT,
    members: options.members ? new Set(options.members) : undefined,
    autoVerify: options.autoVerify ?? false,
    deletionDelayMs: options.deletionDelayMs ?? 300,
    verificationsLeft,
    now: new Date(),
  });

  function hostId(request: IncomingMessage): string {
    return request.headers.host ?? host;
  }

  function errorBody(error: ApiError, request: IncomingMessage, requestId: string): ApiAnswer {
    return {
      status: error.httpStatus,
      code: error.code,
      ...(error.code.startsWith('Throttling') ? { headers: { 'x-acs-retry-after': String(THROTTLE_RETRY_AFTER_MS) } } : {}),
      body: {
        RequestId: requestId,
        HostId: hostId(request),
        Code: error.code,
        Message: error.message,
        Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=ResourceDirectoryMaster`,
      },
    };
  }

  /** Signature, timestamp and nonce, as the API gateway checks them. */
  function authenticate(request: IncomingMessage, params: Params, body: Buffer): ApiError | undefined {
    const verdict = verifySignature(
      {
        method: request.method ?? 'GET',
        path: new URL(request.url ?? '/', 'http://x').pathname,
        query: params,
        headers: Object.fromEntries(
          Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : value]),
        ),
        body,
      },
      (id) => (id === accessKeyId ? accessKeySecret : undefined),
      new Date(),
    );
    if (!verdict.ok) return new ApiError(verdict.code, { message: verdict.message, httpStatus: verdict.httpStatus });
    const now = Date.now();
    for (const [nonce, at] of nonces) if (now - at > NONCE_WINDOW_MS) nonces.delete(nonce);
    if (nonces.has(verdict.nonce)) return new ApiError('SignatureNonceUsed');
    nonces.set(verdict.nonce, now);
    return undefined;
  }

  async function answerApi(request: IncomingMessage, response: ServerResponse, body: Buffer): Promise<void> {
    const started = Date.now();
    const requestId = randomUUID().toUpperCase();
    const params = Object.fromEntries(new URL(request.url ?? '/', 'http://x').searchParams) as Params;
    // V3 names the action in a header, V2 in the query; business parameters are the rest.
    const action = (request.headers['x-acs-action'] as string | undefined) ?? params.Action ?? '';
    const version = (request.headers['x-acs-version'] as string | undefined) ?? params.Version;
    let clientGone = false;
    response.once('close', () => (clientGone = !response.writableFinished));
    await frozen.passed();
    const overlapped = inFlight > 0;
    let fault: FaultKind | undefined;
    let answer: ApiAnswer | undefined;
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    try {
      const refused = authenticate(request, params, body);
      if (refused) answer = errorBody(refused, request, requestId);
      else if (!OPERATIONS[action] || version !== API_VERSION) {
        const notFound = new ApiError('InvalidAction.NotFound', {
          message: `Specified api is not found, please check your url and method: ${action} ${version ?? ''}`,
          httpStatus: 404,
        });
        answer = errorBody(notFound, request, requestId);
      } else if (overlapped) answer = errorBody(new ApiError('ConcurrentCallNotSupported'), request, requestId);
      else {
        if (options.latencyMs) await sleep(options.latencyMs);
        await options.holdCall?.(action);
        fault = options.faultFor ? options.faultFor(action) : faults.next();
        if (fault === 'throttle') answer = errorBody(new ApiError('Throttling.User'), request, requestId);
        else if (fault === 'unavailable') answer = errorBody(new ApiError('ServiceUnavailable'), request, requestId);
        else answer = await runOperation(action, params, requestId, request);
      }
    } finally {
      inFlight--;
    }
    const entry: RequestLogEntry = {
      seq: ++seq,
      at: new Date(started).toISOString(),
      action,
      params: businessParams(params),
      status: fault === 'drop' ? 0 : answer.status,
      ...(answer.code ? { code: answer.code } : {}),
      overlapped,
      ...(clientGone ? { clientGone: true as const } : {}),
      ...(fault ? { fault } : {}),
      ms: Date.now() - started,
    };
    requests.push(entry);
    options.onRequest?.(entry);
    if (fault === 'drop') {
      // The write is made, then the connection closes without an answer: the client cannot know.
      request.socket.destroy();
      return;
    }
    send(response, answer.status, answer.body, answer.headers);
  }

  async function runOperation(action: string, params: Params, requestId: string, request: IncomingMessage): Promise<ApiAnswer> {
    try {
      const body = OPERATIONS[action]!(businessParams(params), context());
      if (WRITES.has(action)) await state.save();
      return { status: 200, body: { RequestId: requestId, ...body } };
    } catch (error) {
      if (error instanceof ApiError) return errorBody(error, request, requestId);
      throw error;
    }
  }

  async function answerAdminRequest(request: IncomingMessage, response: ServerResponse, body: Buffer): Promise<void> {
    const { pathname } = new URL(request.url ?? '/', 'http://x');
    const input = body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
    const answer = await answerAdmin(`${request.method} ${pathname}`, input, {
      state,
      requests,
      status: () => ({ inFlight, maxInFlight, contacts: state.count() }),
      freeze: (ms) => frozen.start(ms),
      reset: () => {
        state.clear();
        requests.length = 0;
        maxInFlight = 0;
        nonces.clear();
        verificationsLeft.count = options.dailyVerifications ?? 100;
      },
    });
    send(response, answer.status, answer.body);
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const handle = request.url?.startsWith('/_emulator/') ? answerAdminRequest : answerApi;
      handle(request, response, body).catch((error: unknown) => {
        if (!response.headersSent) send(response, 500, { Code: 'InternalError', Message: String(error) });
      });
    });
  });
  // Idle connections are the client's to close. A server that times them out races a client
  // reusing one (undici's timer is coarse, and a loaded machine lags): the client gets ECONNRESET.
  // close() below ends every connection, so none outlives the emulator.
  server.keepAliveTimeout = 0;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    state,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    freeze: (ms) => frozen.start(ms),
    close: () =>
      new Promise<void>((resolve) => {
        frozen.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const SIGNATURE_PARAMS = new Set(['Action', 'Version', 'Format', 'Timestamp', 'SignatureNonce', 'SignatureMethod', 'SignatureVersion', 'AccessKeyId', 'Signature', 'SecurityToken', 'RegionId']);

/** V2 carries its signing parameters in the query; the operations see only their own. */
function businessParams(params: Params): Params {
  return Object.fromEntries(Object.entries(params).filter(([name]) => !SIGNATURE_PARAMS.has(name)));
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...headers, 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
