/**
 * Reads an object stream as an async iterable that yields every record the
 * stream produced before failing, then throws. (`for await` over a Readable
 * drops the records still buffered when an error arrives: a malformed line
 * would lose the good rows before it.) Pauses the stream while the consumer is behind.
 */
import type { Readable } from 'node:stream';

const HIGH_WATER = 1024;

export async function* drain<T>(stream: Readable): AsyncGenerator<T> {
  const queue: T[] = [];
  let failure: { error: unknown } | undefined;
  let ended = false;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  stream.on('data', (record: T) => {
    queue.push(record);
    if (queue.length >= HIGH_WATER) stream.pause();
    signal();
  });
  stream.on('error', (error) => {
    failure = { error };
    signal();
  });
  stream.on('end', () => {
    ended = true;
    signal();
  });

  while (true) {
    if (queue.length > 0) {
      const batch = queue.splice(0, queue.length);
      if (stream.isPaused() && !failure && !ended) stream.resume();
      yield* batch;
      continue;
    }
    if (failure) throw failure.error;
    if (ended) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}
