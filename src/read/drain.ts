/**
 * Reads an object stream as an async iterable of batches: every record the
 * stream has produced since the last batch, then, after a failure, the error.
 * (`for await` over a Readable drops the records still buffered when an error
 * arrives: a malformed line would lose the good rows before it.) One await per
 * batch, not per record. Pauses the stream while the consumer is behind.
 */
import type { Readable } from 'node:stream';

const HIGH_WATER = 1024;

export async function* drain<T>(stream: Readable): AsyncGenerator<T[]> {
  let queue: T[] = [];
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
      const batch = queue;
      queue = [];
      if (stream.isPaused() && !failure && !ended) stream.resume();
      yield batch;
      continue;
    }
    if (failure) throw failure.error;
    if (ended) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}
