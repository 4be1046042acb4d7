import { DirectoryError, type CallFailure } from '../src/directory/errors.js';
import { backoffDelay, callPolicy, DEFAULT_RETRY, withRetry, type CallPolicy, type RetryPolicy } from '../src/directory/retry.js';

// Errors shaped like the SDK's (docs/api.md, What the SDK throws).
const throttled = (retryAfter?: number) =>
  Object.assign(new Error('Throttling.User: code: 400, Request was denied due to user flow control. request id: R1'), {
    code: 'Throttling.User',
    statusCode: 400,
    ...(retryAfter !== undefined ? { retryAfter } : {}),
  });
const unavailable = () => ({ code: 'ServiceUnavailable', statusCode: 503, message: 'ServiceUnavailable: code: 503, busy request id: R2' });
const invalidName = () => ({ code: 'InvalidParameter.Name', statusCode: 400, message: 'InvalidParameter.Name: code: 400, The Name is invalid. request id: R3' });
const timeout = () => Object.assign(new Error('ReadTimeout(10)'), { name: 'RequestTimeoutError' });
const refusedConnection = () => ({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' });

/** A policy whose budget never runs out unless a test says so. */
const policy = (p: Partial<CallPolicy> = {}): CallPolicy => ({
  maxTries: 5,
  baseDelayMs: 1,
  maxDelayMs: 10,
  timeoutMs: 1_000,
  pauseAfterTimeoutMs: 5,
  budgetMs: 600_000,
  ...p,
});
const fast = policy();

/** An attempt that fails with `errors` in turn, then returns `value`; records the tries it was given. */
function script<T>(errors: unknown[], value: T) {
  const tries: number[] = [];
  const attempt = async (n: number): Promise<T> => {
    tries.push(n);
    if (tries.length <= errors.length) throw errors[tries.length - 1];
    return value;
  };
  return { attempt, tries };
}

async function failure(promise: Promise<unknown>): Promise<DirectoryError> {
  try {
    await promise;
  } catch (error) {
    return error as DirectoryError;
  }
  throw new Error('expected the call to fail');
}

describe('withRetry', () => {
  it('retries throttling, 5xx, timeouts and refused connections, then returns the value', async () => {
    const { attempt, tries } = script([throttled(), unavailable(), timeout(), refusedConnection()], 'done');
    await expect(withRetry('AddMessageContact', fast, { random: () => 0.5 }, attempt)).resolves.toBe('done');
    expect(tries).toEqual([1, 2, 3, 4, 5]);
  });

  it('calls attempt with tries 1, 2, 3', async () => {
    const { attempt, tries } = script([unavailable(), throttled()], 42);
    await expect(withRetry('ListMessageContacts', fast, { random: () => 0 }, attempt)).resolves.toBe(42);
    expect(tries).toEqual([1, 2, 3]);
  });

  it('does not retry a final error: DirectoryError with attempts 1 and its code', async () => {
    const { attempt, tries } = script([invalidName()], 'never');
    const error = await failure(withRetry('AddMessageContact', fast, { random: () => 0.5 }, attempt));
    expect(error).toBeInstanceOf(DirectoryError);
    expect(error.attempts).toBe(1);
    expect(error.code).toBe('InvalidParameter.Name');
    expect(error.kind).toBe('final');
    expect(error.action).toBe('AddMessageContact');
    expect(tries).toEqual([1]);
  });

  it('does not retry refused credentials', async () => {
    const { attempt, tries } = script([{ code: 'SignatureDoesNotMatch', statusCode: 400, message: 'bad signature' }], 'never');
    const error = await failure(withRetry('ListMessageContacts', fast, { random: () => 0.5 }, attempt));
    expect(error.kind).toBe('refused');
    expect(error.attempts).toBe(1);
    expect(tries).toEqual([1]);
  });

  it('a final error after retryable ones ends it with that error and the tries so far', async () => {
    const { attempt, tries } = script([throttled(), unavailable(), invalidName()], 'never');
    const error = await failure(withRetry('AddMessageContact', fast, { random: () => 0.5 }, attempt));
    expect(error.attempts).toBe(3);
    expect(error.code).toBe('InvalidParameter.Name');
    expect(tries).toEqual([1, 2, 3]);
  });

  it('maxTries bounds the tries, first one included; the last failure is thrown', async () => {
    const { attempt, tries } = script(Array.from({ length: 10 }, unavailable), 'never');
    const error = await failure(withRetry('AddMessageContact', policy({ maxTries: 3 }), { random: () => 0.5 }, attempt));
    expect(tries).toEqual([1, 2, 3]);
    expect(error.attempts).toBe(3);
    expect(error.code).toBe('ServiceUnavailable');
    expect(error.kind).toBe('uncertain');
    expect(error.failure.statusCode).toBe(503);
  });

  it('maxTries 1 means no retry at all', async () => {
    const { attempt, tries } = script([throttled()], 'never');
    const error = await failure(withRetry('AddMessageContact', policy({ maxTries: 1 }), { random: () => 0.5 }, attempt));
    expect(tries).toEqual([1]);
    expect(error.code).toBe('Throttling.User');
  });

  it('gives up before a try that could not end within the budget', async () => {
    // Each try takes 30 ms of the clock and asks for a 10 ms wait; a try may take up to 20 ms.
    // Budget 90: tries would start at 0, 40 and 80, and the third could run until 100, so it is not sent.
    let clock = 0;
    const tries: number[] = [];
    const attempt = async (n: number) => {
      tries.push(n);
      clock += 30;
      throw throttled(10);
    };
    const hooks = { random: () => 0.5, now: () => clock, onRetry: (_f: CallFailure, info: { delayMs: number }) => void (clock += info.delayMs) };
    const error = await failure(withRetry('AddMessageContact', policy({ maxTries: 10, timeoutMs: 20, budgetMs: 90 }), hooks, attempt));
    expect(tries).toEqual([1, 2]);
    expect(error.attempts).toBe(2);
    expect(error.code).toBe('Throttling.User');
  });

  it('after a try that timed out, waits the pause instead of the backoff', async () => {
    const { attempt } = script([timeout(), unavailable()], 'ok');
    const delays: number[] = [];
    await withRetry('ListMessageContacts', policy({ baseDelayMs: 4, pauseAfterTimeoutMs: 30 }), { random: () => 0.5, onRetry: (_f, info) => delays.push(info.delayMs) }, attempt);
    expect(delays).toEqual([30, 4]); // the pause, then half of 2 × 4
  });

  it('tells onRetry the failure, action, tries and delay before each wait', async () => {
    const { attempt } = script([throttled(), unavailable()], 'ok');
    const calls: { failure: CallFailure; info: { action: string; tries: number; delayMs: number; next: string } }[] = [];
    await withRetry('AssociateMembers', policy({ baseDelayMs: 8, maxDelayMs: 100 }), { random: () => 0.5, onRetry: (failure, info) => calls.push({ failure, info }) }, attempt);
    expect(calls.map((c) => c.info)).toEqual([
      { action: 'AssociateMembers', tries: 1, delayMs: 4, next: 'try 2 of 5' }, // 0.5 × 8
      { action: 'AssociateMembers', tries: 2, delayMs: 8, next: 'try 3 of 5' }, // 0.5 × 16
    ]);
    expect(calls.map((c) => [c.failure.kind, c.failure.code])).toEqual([
      ['throttled', 'Throttling.User'],
      ['uncertain', 'ServiceUnavailable'],
    ]);
  });

  it("waits the service's retry-after instead of the backoff", async () => {
    const { attempt } = script([throttled(7)], 'ok');
    const delays: number[] = [];
    await withRetry('AddMessageContact', policy({ baseDelayMs: 1_000, maxDelayMs: 50 }), { random: () => 0.99, onRetry: (_f, info) => delays.push(info.delayMs) }, attempt);
    expect(delays).toEqual([7]);
  });

  it('onRetry is not told about a failure that is not retried', async () => {
    const told: number[] = [];
    const { attempt } = script([invalidName()], 'never');
    await failure(withRetry('AddMessageContact', fast, { random: () => 0.5, onRetry: (_f, info) => told.push(info.tries) }, attempt));
    expect(told).toEqual([]);
  });

  it('a DirectoryError thrown by the attempt keeps its failure', async () => {
    const inner: CallFailure = { kind: 'final', code: 'EntityNotExists.Contact', statusCode: 404, message: 'gone' };
    const { attempt } = script([new DirectoryError(inner, 2, 'GetMessageContact')], 'never');
    const error = await failure(withRetry('AssociateMembers', fast, { random: () => 0.5 }, attempt));
    expect(error.failure).toEqual(inner);
    expect(error.attempts).toBe(1);
    expect(error.action).toBe('AssociateMembers');
  });

  it('an abort during the wait gives up promptly with the last failure', async () => {
    const controller = new AbortController();
    const { attempt, tries } = script(Array.from({ length: 5 }, unavailable), 'never');
    const delays: number[] = [];
    const started = Date.now();
    const timer = setTimeout(() => controller.abort(), 20);
    try {
      const error = await failure(
        withRetry('AddMessageContact', policy({ baseDelayMs: 60_000, maxDelayMs: 60_000 }), { random: () => 0.99, signal: controller.signal, onRetry: (_f, info) => delays.push(info.delayMs) }, attempt),
      );
      const elapsed = Date.now() - started;
      expect(delays).toEqual([59_400]); // it was going to wait almost a minute
      expect(elapsed).toBeLessThan(30_000); // far short of the 59 s wait, with room for a loaded machine
      expect(error).toBeInstanceOf(DirectoryError);
      expect(error.code).toBe('ServiceUnavailable');
      expect(error.attempts).toBe(1);
      expect(tries).toEqual([1]);
    } finally {
      clearTimeout(timer);
    }
  });

  it('an already aborted signal means no retry', async () => {
    const controller = new AbortController();
    controller.abort();
    const told: number[] = [];
    const { attempt, tries } = script([throttled()], 'ok');
    const error = await failure(
      withRetry('AddMessageContact', fast, { random: () => 0.5, signal: controller.signal, onRetry: (_f, info) => told.push(info.tries) }, attempt),
    );
    expect(tries).toEqual([1]);
    expect(error.code).toBe('Throttling.User');
    expect(told).toEqual([]);
  });
});

describe('backoffDelay', () => {
  const backoff: RetryPolicy = { maxTries: 10, baseDelayMs: 100, maxDelayMs: 1_000 };
  const busy: CallFailure = { kind: 'uncertain', code: 'ServiceUnavailable', statusCode: 503, message: 'busy' };

  it('full jitter: random × min(maxDelay, base × 2^(tries−1))', () => {
    const half = () => 0.5;
    // Ceilings 100, 200, 400, 800, then capped at 1000.
    expect([1, 2, 3, 4, 5, 6, 10].map((tries) => backoffDelay(backoff, tries, busy, half))).toEqual([50, 100, 200, 400, 500, 500, 500]);
  });

  it('stays below the ceiling with random just under 1', () => {
    const high = () => 0.999;
    expect(backoffDelay(backoff, 1, busy, high)).toBe(99);
    expect(backoffDelay(backoff, 3, busy, high)).toBe(399);
    expect(backoffDelay(backoff, 8, busy, high)).toBe(999);
  });

  it('random 0 waits not at all; the delay grows with the tries', () => {
    expect(backoffDelay(backoff, 4, busy, () => 0)).toBe(0);
    const delays = [1, 2, 3, 4].map((tries) => backoffDelay(backoff, tries, busy, () => 0.7));
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]!);
  });

  it("the service's retry-after wins over the backoff, capped by maxDelayMs", () => {
    const withAfter = (ms: number): CallFailure => ({ kind: 'throttled', code: 'Throttling.User', statusCode: 400, message: 'slow down', retryAfterMs: ms });
    expect(backoffDelay(backoff, 1, withAfter(750), () => 0)).toBe(750);
    expect(backoffDelay(backoff, 5, withAfter(30), () => 0.999)).toBe(30);
    expect(backoffDelay(backoff, 1, withAfter(5_000), () => 0.5)).toBe(1_000);
  });
});

describe('callPolicy', () => {
  it('the budget is the timeout times the tries: 60 s with the defaults', () => {
    expect(callPolicy(DEFAULT_RETRY, 10_000)).toMatchObject({ timeoutMs: 10_000, pauseAfterTimeoutMs: 10_000, budgetMs: 60_000 });
  });

  it('never less than a try, its pause and a look-up', () => {
    expect(callPolicy({ ...DEFAULT_RETRY, maxTries: 1 }, 10_000).budgetMs).toBe(30_000);
    expect(callPolicy({ ...DEFAULT_RETRY, maxTries: 4 }, 2_000).budgetMs).toBe(8_000);
  });
});
