/** The run's stop signal: which exit code each signal means, and giving up on the call in flight. */
import { GAVE_UP, Interruption, stopExitCode, unlessGivenUp } from '../src/interrupt.js';

function stoppedBy(by: 'SIGINT' | 'SIGTERM' | 'SIGHUP'): { signal: AbortSignal; interruption: Interruption } {
  const controller = new AbortController();
  const interruption = new Interruption(by);
  controller.abort(interruption);
  return { signal: controller.signal, interruption };
}

describe('stop signals', () => {
  it('SIGINT is exit 130, SIGTERM and SIGHUP 143; an abort that names no signal counts as Ctrl-C', () => {
    expect(stopExitCode(stoppedBy('SIGINT').signal)).toBe(130);
    expect(stopExitCode(stoppedBy('SIGTERM').signal)).toBe(143);
    expect(stopExitCode(stoppedBy('SIGHUP').signal)).toBe(143);
    const plain = new AbortController();
    plain.abort();
    expect(stopExitCode(plain.signal)).toBe(130);
  });

  it('the call in flight is waited for after the first signal, until the run gives up on it', async () => {
    const { signal, interruption } = stoppedBy('SIGTERM');
    expect(await unlessGivenUp(Promise.resolve('answered'), signal)).toBe('answered');
    let fail!: (error: Error) => void;
    const hanging = new Promise<string>((_, reject) => (fail = reject));
    const waiting = unlessGivenUp(hanging, signal);
    interruption.stopWaiting();
    expect(await waiting).toBe(GAVE_UP);
    // The call given up on fails later, unheard: no unhandled rejection.
    fail(new Error('too late'));
    await new Promise((resolve) => setImmediate(resolve));
  });

  it('a signal that comes while the call is in flight, then a second one, gives up on it', async () => {
    const controller = new AbortController();
    const waiting = unlessGivenUp(new Promise(() => {}), controller.signal);
    const interruption = new Interruption('SIGINT');
    controller.abort(interruption);
    interruption.stopWaiting();
    expect(await waiting).toBe(GAVE_UP);
  });
});
