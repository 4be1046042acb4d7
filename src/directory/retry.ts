/**
 * Retries what can succeed later: exponential backoff with full jitter (a
 * random wait between 0 and base·2^n, capped), the service's `x-acs-retry-after`
 * when it sends one, a bounded number of tries, and one wall-clock budget for
 * the whole call. What the failures mean is decided by classify().
 */
import { say } from '../i18n/text.js';
import { DEFAULT_RETRY as RETRY_DEFAULTS } from '../defaults.js';
import { classify, DirectoryError, RETRYABLE, type CallFailure } from './errors.js';

export interface RetryPolicy {
  /** Tries in all, the first one included. */
  maxTries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { ...RETRY_DEFAULTS };

/** The retry policy with the timeout of one request, and what follows from it. */
export interface CallPolicy extends RetryPolicy {
  /** How long one request may take before the client gives up on it. */
  timeoutMs: number;
  /**
   * After a request we gave up on, the server may still be running it: the next
   * request waits this long, so that the server does not get two of ours at once.
   */
  pauseAfterTimeoutMs: number;
  /** The whole call (its tries, their timeouts, the waits between them) ends within this. */
  budgetMs: number;
}

/**
 * The budget is the timeout times the tries (60 s with the defaults), and never
 * less than one try, a pause and the look-up that follows an unanswered add.
 * The pause after a request we gave up on is as long as its timeout.
 */
export function callPolicy(retry: RetryPolicy, timeoutMs: number): CallPolicy {
  const pauseAfterTimeoutMs = timeoutMs;
  const budgetMs = Math.max(timeoutMs * retry.maxTries, 2 * timeoutMs + pauseAfterTimeoutMs);
  return { ...retry, timeoutMs, pauseAfterTimeoutMs, budgetMs };
}

export interface RetryHooks {
  /** Told before each wait (the CLI logs it). `next` says what the wait is for. */
  onRetry?: (failure: CallFailure, info: { action: string; tries: number; delayMs: number; next: string }) => void;
  /** A stop signal (Ctrl-C, SIGTERM, SIGHUP): stop waiting and give up with the last failure. */
  signal?: AbortSignal;
  /** For tests: a source of randomness in [0, 1). */
  random?: () => number;
  /** For tests: the clock the budget is measured by. */
  now?: () => number;
}

/** The wait before try `tries + 1`: full jitter, unless the service said how long. */
export function backoffDelay(policy: RetryPolicy, tries: number, failure: CallFailure, random: () => number): number {
  if (failure.retryAfterMs !== undefined) return Math.min(failure.retryAfterMs, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (tries - 1));
  return Math.floor(random() * ceiling);
}

/** The client gave up waiting: the request may still be queued or running at the server. */
export function timedOut(failure: CallFailure): boolean {
  return failure.code === 'RequestTimeout' || failure.code === 'ETIMEDOUT';
}

/** One call's clock: its deadline, and the waits between its requests. */
export interface CallClock {
  /** The wait before the next request after `failure`: the pause after a timeout, else the backoff after `tries` tries. */
  delayAfter(failure: CallFailure, tries: number): number;
  /** Whether a request sent after `waitMs` would end within the budget. */
  fits(waitMs: number): boolean;
  /** What is left of the budget. */
  leftMs(): number;
  /** Tells onRetry, then waits; false, at once, after a stop signal. */
  wait(delayMs: number, failure: CallFailure, tries: number, next: string): Promise<boolean>;
}

export function startCall(action: string, policy: CallPolicy, hooks: RetryHooks): CallClock {
  const now = hooks.now ?? Date.now;
  const random = hooks.random ?? Math.random;
  const deadline = now() + policy.budgetMs;
  return {
    delayAfter: (failure, tries) => (timedOut(failure) ? policy.pauseAfterTimeoutMs : backoffDelay(policy, tries, failure, random)),
    fits: (waitMs) => now() + waitMs + policy.timeoutMs <= deadline,
    leftMs: () => deadline - now(),
    async wait(delayMs, failure, tries, next) {
      if (hooks.signal?.aborted) return false;
      hooks.onRetry?.(failure, { action, tries, delayMs, next });
      return sleep(delayMs, hooks.signal);
    },
  };
}

/**
 * Runs `attempt(tries)` until it succeeds, fails for good, or the tries or the
 * budget run out; throws a DirectoryError carrying the last failure and the
 * number of tries.
 */
export async function withRetry<T>(action: string, policy: CallPolicy, hooks: RetryHooks, attempt: (tries: number) => Promise<T>): Promise<T> {
  const call = startCall(action, policy, hooks);
  for (let tries = 1; ; tries++) {
    try {
      return await attempt(tries);
    } catch (error) {
      const failure = classify(error);
      const delayMs = call.delayAfter(failure, tries);
      const again = RETRYABLE.has(failure.kind) && tries < policy.maxTries && call.fits(delayMs);
      if (!again || !(await call.wait(delayMs, failure, tries, say('directory.next.try', { n: tries + 1, max: policy.maxTries })))) {
        throw new DirectoryError(failure, tries, action);
      }
    }
  }
}

/**
 * Asks `check` every `intervalMs` until it has an answer, `waitMs` has passed
 * or a stop signal came (undefined then: the answer is unknown). The waits
 * between checks end at once on a stop signal; each check is a call of its own, retried
 * by withRetry under the same hooks.
 */
export async function pollUntil<T>(intervalMs: number, waitMs: number, hooks: RetryHooks, check: () => Promise<T | undefined>): Promise<T | undefined> {
  const now = hooks.now ?? Date.now;
  const deadline = now() + waitMs;
  for (;;) {
    if (!(await sleep(intervalMs, hooks.signal))) return undefined;
    const answer = await check();
    if (answer !== undefined) return answer;
    if (now() > deadline) return undefined;
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
