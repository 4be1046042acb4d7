/**
 * How a run is asked to stop (docs/contract.md, Interruption). SIGINT (Ctrl-C),
 * SIGTERM (Kubernetes, systemd, `timeout`) and SIGHUP (a closed terminal) all
 * stop it the same way: the first aborts the run's AbortSignal, so nothing new
 * is sent and retry and polling waits end, while the call in flight is waited
 * for up to --timeout. A second signal, or that time running out, gives up on
 * it. The report is written either way; only the exit code tells them apart.
 */
import { EXIT } from './errors.js';
import { say } from './i18n/text.js';

export const STOP_SIGNALS = { SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated, SIGHUP: EXIT.terminated } as const;
export type StopSignal = keyof typeof STOP_SIGNALS;

/** The reason of an aborted run signal: which signal stopped the run, and when to stop waiting for its call in flight. */
export class Interruption {
  private readonly impatience = new AbortController();

  constructor(readonly by: StopSignal) {}

  get exitCode(): number {
    return STOP_SIGNALS[this.by];
  }

  /** Aborted by a second signal, or once the call in flight has had its time. */
  get giveUp(): AbortSignal {
    return this.impatience.signal;
  }

  stopWaiting(): void {
    this.impatience.abort();
  }
}

/** The exit code of a run stopped by `signal`: 143 after SIGTERM or SIGHUP, else 130. */
export function stopExitCode(signal: AbortSignal | undefined): number {
  return signal?.reason instanceof Interruption ? signal.reason.exitCode : EXIT.interrupted;
}

export const GAVE_UP = Symbol('gave up waiting'); // not for people: a symbol's name

/**
 * `work`'s result, or GAVE_UP as soon as the run, stopped by a signal, gives up
 * waiting for it. Work given up on goes on unheard: its failure is dropped, and
 * the process ends without it (see `stopRequested`).
 */
export async function unlessGivenUp<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T | typeof GAVE_UP> {
  if (!signal) return work;
  const listening = new AbortController();
  const givenUp = new Promise<typeof GAVE_UP>((resolve) => {
    const onGiveUp = () => resolve(GAVE_UP);
    const watch = () => {
      if (!(signal.reason instanceof Interruption)) return;
      const { giveUp } = signal.reason;
      if (giveUp.aborted) onGiveUp();
      else giveUp.addEventListener('abort', onGiveUp, { once: true, signal: listening.signal });
    };
    if (signal.aborted) watch();
    else signal.addEventListener('abort', watch, { once: true, signal: listening.signal });
  });
  try {
    const outcome = await Promise.race([work, givenUp]);
    if (outcome === GAVE_UP) work.catch(() => undefined);
    return outcome;
  } finally {
    listening.abort();
  }
}

let received: StopSignal | undefined;

/** Whether a stop signal came: once the report is written, nothing left running (a call given up on) may hold the process. */
export function stopRequested(): boolean {
  return received !== undefined;
}

/**
 * Listens for the stop signals for the rest of the process. The first aborts
 * the returned signal and gives the call in flight `waitMs`; the next gives up
 * on it. `tell` hears what is happening, for the console.
 */
export function listenForStop(waitMs: number, tell: (text: string) => void): AbortSignal {
  const controller = new AbortController();
  const onSignal = (by: StopSignal) => {
    if (controller.signal.aborted) {
      tell(say('run.stop.again', { signal: by }));
      return (controller.signal.reason as Interruption).stopWaiting();
    }
    received = by;
    const interruption = new Interruption(by);
    const seconds = waitMs / 1000;
    tell(by === 'SIGINT' ? say('run.stop.interrupted', { seconds }) : say('run.stop.signal', { signal: by, seconds }));
    // Unref'd: a run with no call in flight ends without waiting for it.
    setTimeout(() => interruption.stopWaiting(), waitMs).unref();
    controller.abort(interruption);
  };
  for (const by of Object.keys(STOP_SIGNALS) as StopSignal[]) process.on(by, () => onSignal(by));
  return controller.signal;
}
