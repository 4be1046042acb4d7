/**
 * Retries what can succeed later (run rule 3): exponential backoff with full
 * jitter (a random wait between 0 and base·2^n, capped), the service's
 * `x-acs-retry-after` when it sends one, a bounded number of tries and a
 * bounded total wait. What the failures mean is decided by classify().
 */
import { DEFAULT_MAX_TRIES } from '../cli-defaults.js';
import { classify, DirectoryError, RETRYABLE, type CallFailure } from './errors.js';

export interface RetryPolicy {
  /** Tries in all, the first one included. */
  maxTries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Gives up rather than wait longer than this in all. */
  maxTotalWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxTries: DEFAULT_MAX_TRIES, baseDelayMs: 400, maxDelayMs: 15_000, maxTotalWaitMs: 60_000 };

export interface RetryHooks {
  /** Told before each wait (the CLI logs it). */
  onRetry?: (failure: CallFailure, info: { action: string; tries: number; delayMs: number }) => void;
  /** Ctrl-C: stop waiting and give up with the last failure. */
  signal?: AbortSignal;
  /** For tests: a source of randomness in [0, 1). */
  random?: () => number;
}

/** The wait before try `tries + 1`: full jitter, unless the service said how long. */
export function backoffDelay(policy: RetryPolicy, tries: number, failure: CallFailure, random: () => number): number {
  if (failure.retryAfterMs !== undefined) return Math.min(failure.retryAfterMs, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (tries - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Runs `attempt(tries)` until it succeeds, fails for good, or the bounds are reached;
 * throws a DirectoryError carrying the last failure and the number of tries.
 */
export async function withRetry<T>(action: string, policy: RetryPolicy, hooks: RetryHooks, attempt: (tries: number) => Promise<T>): Promise<T> {
  const random = hooks.random ?? Math.random;
  let waited = 0;
  for (let tries = 1; ; tries++) {
    try {
      return await attempt(tries);
    } catch (error) {
      const failure = classify(error);
      if (!RETRYABLE.has(failure.kind) || tries >= policy.maxTries || hooks.signal?.aborted) {
        throw new DirectoryError(failure, tries, action);
      }
      const delayMs = backoffDelay(policy, tries, failure, random);
      if (waited + delayMs > policy.maxTotalWaitMs) throw new DirectoryError(failure, tries, action);
      hooks.onRetry?.(failure, { action, tries, delayMs });
      waited += delayMs;
      if (!(await sleep(delayMs, hooks.signal))) throw new DirectoryError(failure, tries, action);
    }
  }
}

/** Resolves true after `ms`, or false as soon as the signal aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
