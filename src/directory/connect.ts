/**
 * The directory for a command: the official client with its credentials,
 * endpoint and timeout, behind the adapter with retries whose waits the caller
 * is told of; each call's tries and waits share the budget of callPolicy().
 */
import { createHash } from 'node:crypto';
import { createDirectory, type AdapterOptions } from './adapter.js';
import { endpointUrl, type Endpoint } from './endpoint.js';
import type { DirectoryError } from './errors.js';
import { createOpenApiCaller, type CredentialSource } from './openapi.js';
import type { DirectoryApi } from './port.js';
import { callPolicy, type RetryHooks, type RetryPolicy } from './retry.js';

export interface DirectoryOptions {
  endpoint: Endpoint;
  credentials: CredentialSource;
  /** Read and connect timeout of one call. */
  timeoutMs: number;
  retry: RetryPolicy;
  /** Ctrl-C: stop waiting to retry. */
  signal?: AbortSignal;
  /** Told about each wait before a retry (the terminal shows it). */
  onRetry?: RetryHooks['onRetry'];
  /** Told about each request as it ends (--verbose traces it). */
  onCall?: AdapterOptions['onCall'];
}

export function connectDirectory(options: DirectoryOptions): DirectoryApi {
  const caller = createOpenApiCaller({ endpoint: options.endpoint, credentials: options.credentials, timeoutMs: options.timeoutMs });
  return createDirectory(caller, {
    policy: callPolicy(options.retry, options.timeoutMs),
    hooks: { signal: options.signal, onRetry: options.onRetry },
    ...(options.onCall ? { onCall: options.onCall } : {}),
  });
}

/** What to look at when the directory cannot be reached or refuses us. */
export function whatToCheck(error: DirectoryError): string {
  if (error.kind === 'refused') return 'check the AccessKey (ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET, --profile) and its RAM permissions';
  if (error.kind === 'unreachable' || error.kind === 'uncertain') return 'check --endpoint and the network';
  return 'see the report';
}

/** The lock of one directory: its endpoint and whose credentials (the AccessKey id or profile, never the secret). */
export function lockKey(options: DirectoryOptions): string {
  const { credentials } = options;
  const keyId = credentials.kind === 'keys' ? credentials.accessKeyId : credentials.profile ? undefined : process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
  // The AccessKey id only as a digest: the lock file sits in a shared temp folder, and an id is half a credential.
  const who =
    keyId !== undefined
      ? `accesskey-${createHash('sha256').update(keyId).digest('hex').slice(0, 16)}`
      : (credentials.kind === 'chain' ? credentials.profile : undefined) ?? process.env.ALIBABA_CLOUD_PROFILE ?? 'default';
  return `${endpointUrl(options.endpoint)} ${who}`;
}
