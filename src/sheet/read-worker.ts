/**
 * The worker thread of in-worker.ts: opens one sheet with the usual reader and
 * posts its rows a batch at a time, never more than BATCHES_AHEAD batches
 * ahead of the thread that takes them (it answers each batch with 'more').
 */
import { parentPort, workerData } from 'node:worker_threads';
import { csvRows } from '../read/csv.js';
import { BATCHES_AHEAD, packRows, sendableError, type WorkerMessage, type WorkerRequest } from './in-worker.js';
import type { DecodeState } from '../read/decode.js';
import type { OpenedSheet } from '../read/types.js';

const port = parentPort!;
let credit = BATCHES_AHEAD;
let wake: (() => void) | undefined;
port.on('message', () => {
  credit++;
  wake?.();
  wake = undefined;
});

const post = (message: WorkerMessage) => port.postMessage(message);

/** What the reader found out on opening, to pass on, and the rows. */
type Opened = Pick<OpenedSheet, 'sheet' | 'otherSheets' | 'batches'> & { decoding?: DecodeState };

async function open(request: WorkerRequest): Promise<Opened> {
  if (request.format === 'csv') return csvRows(request.reading);
  const { openXlsx } = await import('../read/xlsx.js');
  return openXlsx(request.path, request.options);
}

async function read(request: WorkerRequest): Promise<void> {
  const opened = await open(request);
  post({ type: 'opened', ...(opened.sheet !== undefined ? { sheet: opened.sheet } : {}), ...(opened.otherSheets ? { otherSheets: opened.otherSheets } : {}) });
  // With every batch (posting copies it): the decoder's state is live, a CSV may turn out to be GB18030 part-way.
  const decoding = () => (opened.decoding ? { decoding: opened.decoding } : {});
  for await (const rows of opened.batches) {
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    post({ type: 'rows', rows: packRows(rows), ...decoding() });
  }
  post({ type: 'end', ...decoding() });
}

read(workerData as WorkerRequest).then(
  // Done: stop listening for 'more', so the thread can end.
  () => port.close(),
  (error: unknown) => {
    post({ type: 'error', error: sendableError(error) });
    port.close();
  },
);
