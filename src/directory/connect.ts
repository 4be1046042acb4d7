/**
 * The directory for a command: the official client with its credentials,
 * endpoint and timeout, behind the adapter with retries whose waits the caller
 * is told of; each call's tries and waits share the budget of callPolicy().
 */
import { createHash } from 'node:crypto';
import { createDirectory, type AdapterOptions } from './adapter.js';
import { canonicalEndpoint, endpointUrl, type Endpoint } from './endpoint.js';
import { EXIT, ExitError } from '../errors.js';
import { describeStop, DirectoryError } from './errors.js';
import { MASK_PII } from '../pii.js';
import type { CredentialSource } from './credential-choice.js';
import type { CredentialsNote } from './credentials.js';
import { say } from '../i18n/text.js';
import { createOpenApiCaller } from './openapi.js';
import type { DirectoryApi } from './port.js';
import { routeThroughProxy } from './proxy.js';
import { callPolicy, type RetryHooks, type RetryPolicy } from './retry.js';

export interface DirectoryOptions {
  endpoint: Endpoint;
  credentials: CredentialSource;
  /** Told which source gave the credentials (--verbose shows it), or the SDK's reason none did. */
  onCredentials?: CredentialsNote;
  /** Read and connect timeout of one call. */
  timeoutMs: number;
  retry: RetryPolicy;
  /** A stop signal (Ctrl-C, SIGTERM, SIGHUP): stop waiting to retry. */
  signal?: AbortSignal;
  /** Told about each wait before a retry (the terminal shows it). */
  onRetry?: RetryHooks['onRetry'];
  /** Told how requests reach the endpoint: through which proxy, or direct (--verbose shows it). */
  onRoute?: (route: string) => void;
  /** Told about each request as it ends (--verbose traces it). */
  onCall?: AdapterOptions['onCall'];
}

export function connectDirectory(options: DirectoryOptions): DirectoryApi {
  const { endpoint, credentials, onCredentials, timeoutMs } = options;
  options.onRoute?.(routeThroughProxy(endpointUrl(endpoint)));
  const caller = createOpenApiCaller({ endpoint, credentials, timeoutMs, ...(onCredentials ? { onCredentials } : {}) });
  return createDirectory(caller, {
    policy: callPolicy(options.retry, options.timeoutMs),
    hooks: { signal: options.signal, onRetry: options.onRetry },
    ...(options.onCall ? { onCall: options.onCall } : {}),
  });
}

/**
 * The lock of one directory: its endpoint, spelled one way (canonicalEndpoint),
 * and whose credentials: the AccessKey id or the profile, as a digest only (an
 * id is half a credential, and a profile name can say whose account it is).
 */
export function lockKey(options: Pick<DirectoryOptions, 'endpoint' | 'credentials'>, env: NodeJS.ProcessEnv = process.env): string {
  const { endpoint, credentials } = directoryIdentity(options, env);
  return `${endpoint} credentials ${credentials}`;
}

/** The directory a run works on, as the lock names it and summary.json records it (undo checks a report against it). */
export function directoryIdentity(options: Pick<DirectoryOptions, 'endpoint' | 'credentials'>, env: NodeJS.ProcessEnv = process.env): { endpoint: string; credentials: string } {
  const { credentials } = options;
  const profile = credentials.kind === 'profile' ? credentials.profile : undefined;
  const keyId = credentials.kind === 'keys' ? credentials.accessKeyId : profile ? undefined : env.ALIBABA_CLOUD_ACCESS_KEY_ID;
  const who = keyId !== undefined ? `accesskey:${keyId}` : `profile:${profile ?? env.ALIBABA_CLOUD_PROFILE ?? 'default'}`;
  return { endpoint: canonicalEndpoint(options.endpoint), credentials: createHash('sha256').update(who).digest('hex').slice(0, 16) };
}

/** A read the command cannot go on without (`where`: the endpoint): a directory that cannot be read stops it, exit 3. */
export async function readOrStop<T>(where: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof DirectoryError)) throw error;
    throw new ExitError(EXIT.directory, say('directory.cannotRead', { where, failure: describeStop(error, MASK_PII) }), { cause: error });
  }
}
