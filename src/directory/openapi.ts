/**
 * The official generic client, `@alicloud/openapi-core` `callApi`, set up for
 * ResourceDirectoryMaster 2022-04-19 (there is no npm SDK for that product).
 * RPC style, POST, every parameter in the query, arrays flattened `Name.1…`.
 * This file only makes one call; the gate, retries and error mapping sit above it.
 */
import core from '@alicloud/openapi-core';
import * as dara from '@darabonba/typescript';
import type { CredentialSource } from './credential-choice.js';
import { credentialFor, type CredentialsNote } from './credentials.js';
import type { Endpoint } from './endpoint.js';
import { sdkFailure } from './sdk-failure.js';
import { DEFAULT_TIMEOUT_SECONDS } from '../defaults.js';

export const PRODUCT_VERSION = '2022-04-19';

/**
 * The longest timeout the client honours. The HTTP layer under openapi-core
 * (httpx) hands the timeout to setTimeout and socket.setTimeout, and Node runs
 * a timer longer than 2^31 − 1 ms (24.8 days) after 1 ms instead, so every call
 * would time out at once.
 */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export interface CallerOptions {
  endpoint: Endpoint;
  credentials: CredentialSource;
  /** Told which source gave the credentials, or the SDK's reason none did (the debug log). */
  onCredentials?: CredentialsNote;
  /** Read and connect timeout of one call. @default 10000 */
  timeoutMs?: number;
  /** @default 'v3' (ACS3-HMAC-SHA256) */
  signature?: 'v3' | 'v2';
}

export interface RawResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export type Query = Record<string, string | number | boolean | string[] | undefined>;

export interface RawCaller {
  /** One request, with the caller's timeout or a shorter one; throws the SDK's errors as an SdkFailure (see directory/errors.ts to classify them). */
  call(action: string, query: Query, timeoutMs?: number): Promise<RawResponse>;
}

export function createOpenApiCaller(options: CallerOptions): RawCaller {
  const timeout = checkedTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_SECONDS * 1000);
  const client = new core.default(
    new core.$OpenApiUtil.Config({
      credential: credentialFor(options.credentials, options.onCredentials),
      endpoint: options.endpoint.host,
      // Overrides the per-call protocol below: `http` only for a local emulator.
      protocol: options.endpoint.protocol,
      readTimeout: timeout,
      connectTimeout: timeout,
      ...(options.signature === 'v2' ? { signatureAlgorithm: 'v2' } : {}),
    }),
  );
  return {
    async call(action, query, timeoutMs) {
      const params = new core.$OpenApiUtil.Params({
        action,
        version: PRODUCT_VERSION,
        protocol: 'HTTPS',
        pathname: '/',
        method: 'POST',
        authType: 'AK',
        style: 'RPC',
        reqBodyType: 'formData',
        bodyType: 'json',
      });
      const request = new core.$OpenApiUtil.OpenApiRequest({ query: core.OpenApiUtil.query(query) });
      const runtime = timeoutMs === undefined ? {} : { readTimeout: checkedTimeout(timeoutMs), connectTimeout: timeoutMs };
      let response: RawResponse;
      try {
        response = (await client.callApi(params, request, new dara.RuntimeOptions(runtime))) as RawResponse;
      } catch (error) {
        throw sdkFailure(error, query); // without the request URL or a string to sign
      }
      return { statusCode: response.statusCode, headers: response.headers ?? {}, body: response.body ?? {} };
    },
  };
}

function checkedTimeout(ms: number): number {
  if (ms > 0 && ms <= MAX_TIMEOUT_MS) return ms;
  // not for people: a bug if it shows, the options are checked before a client is made
  throw new RangeError(`a call timeout must be more than 0 and at most ${MAX_TIMEOUT_MS} ms, not ${ms}`);
}
