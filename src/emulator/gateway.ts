/**
 * What the API gateway checks before a call reaches an operation: the signature
 * (V3 or V2) against the emulator's key pair, a nonce not seen before, and an
 * action and version it knows. Its refusals, like every API error, are answered
 * in the service's JSON shape.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError } from './errors.js';
import { requestUrl } from './http.js';
import type { Params } from './operation.js';
import { OPERATIONS } from './operations.js';
import { verifySignature } from './signature.js';

export const API_VERSION = '2022-04-19';

/** What the emulator asks a throttled client to wait (`x-acs-retry-after`, in ms, as the gateway sends it). */
export const THROTTLE_RETRY_AFTER_MS = 100;

/** How long a nonce stays used: the gateway refuses a replay within the signature's validity. */
const NONCE_WINDOW_MS = 15 * 60 * 1000;

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
  code?: string;
  headers?: Record<string, string>;
}

export interface KeyPair {
  accessKeyId: string;
  accessKeySecret: string;
}

/** An API error as the service answers it; throttling also says how long to wait. */
export function errorAnswer(error: ApiError, hostId: string, requestId: string): ApiAnswer {
  return {
    status: error.httpStatus,
    code: error.code,
    ...(error.code.startsWith('Throttling') ? { headers: { 'x-acs-retry-after': String(THROTTLE_RETRY_AFTER_MS) } } : {}),
    body: {
      RequestId: requestId,
      HostId: hostId,
      Code: error.code,
      Message: error.message,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=ResourceDirectoryMaster`,
    },
  };
}

/** The nonces used within the window, so a replayed request is refused. */
export class NonceBook {
  private readonly seen = new Map<string, number>();

  /** True the first time `nonce` is used within the window; it is then used. */
  firstUse(nonce: string, now = Date.now()): boolean {
    for (const [old, at] of this.seen) if (now - at > NONCE_WINDOW_MS) this.seen.delete(old);
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, now);
    return true;
  }

  clear(): void {
    this.seen.clear();
  }
}

/** Signature, timestamp and nonce, as the API gateway checks them: the refusal, or undefined to go on. */
export function authenticate(request: IncomingMessage, params: Params, body: Buffer, keys: KeyPair, nonces: NonceBook): ApiError | undefined {
  const verdict = verifySignature(
    {
      method: request.method ?? 'GET',
      path: requestUrl(request).pathname,
      query: params,
      headers: Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : value]),
      ),
      body,
    },
    (id) => (id === keys.accessKeyId ? keys.accessKeySecret : undefined),
    new Date(),
  );
  if (!verdict.ok) return new ApiError(verdict.code, { message: verdict.message, httpStatus: verdict.httpStatus });
  if (!nonces.firstUse(verdict.nonce)) return new ApiError('SignatureNonceUsed');
  return undefined;
}

/** The gateway's 404 for an action or version the product does not have. */
export function unknownAction(action: string, version: string | undefined): ApiError | undefined {
  if (OPERATIONS[action] && version === API_VERSION) return undefined;
  return new ApiError('InvalidAction.NotFound', {
    message: `Specified api is not found, please check your url and method: ${action} ${version ?? ''}`,
    httpStatus: 404,
  });
}

const SIGNATURE_PARAMS = new Set(['Action', 'Version', 'Format', 'Timestamp', 'SignatureNonce', 'SignatureMethod', 'SignatureVersion', 'AccessKeyId', 'Signature', 'SecurityToken', 'RegionId']);

/** V2 carries its signing parameters in the query; the operations see only their own. */
export function businessParams(params: Params): Params {
  return Object.fromEntries(Object.entries(params).filter(([name]) => !SIGNATURE_PARAMS.has(name)));
}
