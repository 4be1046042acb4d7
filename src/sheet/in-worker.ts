/**
 * Reading a big sheet on a second thread. Parsing (csv-parse, exceljs) is a
 * third of a big validate's work and judging the rows is the rest: on a
 * machine with two cores, the worker parses the next rows while this thread
 * judges and reports the last ones. The worker (read-worker.ts) runs the same
 * readers and posts their batches of rows; this side hands them on as the
 * same `OpenedSheet`, so nothing downstream knows where the rows came from.
 *
 * The worker runs from the bundle (dist/sheet/read-worker.js): under the tests'
 * TypeScript loader, and for small sheets (a thread costs more than it saves),
 * sheets are read on this thread as before.
 */
import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { ExitError, InputError } from '../errors.js';
import { packageFile } from '../package-file.js';
import type { CsvReading } from '../read/csv.js';
import { decodeStateOf, type DecodeState } from '../read/decode.js';
import type { Cell, OpenedSheet, SheetRow } from '../read/types.js';
import type { XlsxOptions } from '../read/xlsx.js';

/** Below this size a sheet parses in less time than a thread takes to start. */
export const WORKER_MIN_BYTES = 1024 * 1024;

/** Batches the worker may post before this thread has taken them: bounds the rows held in memory. */
export const BATCHES_AHEAD = 4;

/**
 * csv-parse's records die young: a small young generation for its thread took
 * about 40 MB off a million-row validate's peak RSS (median of five, 248 → 209 MB)
 * at no cost in time measured. exceljs keeps the default (8 MB made it slower).
 */
const WORKER_LIMITS: Record<WorkerRequest['format'], ResourceLimits> = {
  csv: { maxYoungGenerationSizeMb: 8 },
  xlsx: {},
};

/**
 * V8 allocation-site pretenuring misjudges exceljs. While it reads the shared
 * strings, which all live on, V8 may decide the objects of some allocation sites
 * live long and allocate them in the old generation from then on; the rows'
 * objects, which die at once, come from the same sites. Then the old generation
 * fills with garbage: in one run of three or four (bare exceljs too), 0.45 s
 * instead of 0.18 s of garbage collection and a peak of 320–340 MB instead of
 * 200–250 MB. Without pretenuring, 14 runs of 14 were fast (1.48–1.59 s) and
 * bare exceljs 10 of 10 (1.11–1.16 s, 160 MB). V8's flags are the process's:
 * set when a workbook is read on a worker, they hold for this thread too,
 * where the rows' objects die young as well.
 */
async function stopPretenuring(): Promise<void> {
  // node:v8 only now: a CSV run, which imports this file too, starts without it.
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--no-allocation-site-pretenuring');
}

export type WorkerRequest = { format: 'csv'; reading: CsvReading } | { format: 'xlsx'; path: string; options: XlsxOptions };

/** An error as it crosses between threads: enough to throw the same kind of error on this side. */
export interface SentError {
  name: string;
  message: string;
  stack?: string;
  exitCode?: number;
  code?: string;
}

export type WorkerMessage =
  | { type: 'opened'; sheet?: string; otherSheets?: string[] }
  | { type: 'rows'; rows: PackedRows; decoding?: DecodeState }
  | { type: 'end'; decoding?: DecodeState }
  | { type: 'error'; error: SentError };

/**
 * A batch of rows as it crosses between threads: row numbers, where each row's
 * cells end, and all the cells in one list. Posting copies the message, and a
 * thousand small objects cost far more to copy than three flat lists: for a
 * million rows, 0.26 s of this thread's time against 0.7 s (measured).
 */
export interface PackedRows {
  rows: Uint32Array;
  ends: Uint32Array;
  cells: Cell[];
}

export function packRows(batch: readonly SheetRow[]): PackedRows {
  const rows = new Uint32Array(batch.length);
  const ends = new Uint32Array(batch.length);
  const cells: Cell[] = [];
  for (let i = 0; i < batch.length; i++) {
    const row = batch[i]!;
    rows[i] = row.row;
    for (let j = 0; j < row.cells.length; j++) cells.push(row.cells[j]!);
    ends[i] = cells.length;
  }
  return { rows, ends, cells };
}

export function unpackRows({ rows, ends, cells }: PackedRows): SheetRow[] {
  const batch = new Array<SheetRow>(rows.length);
  for (let i = 0, start = 0; i < rows.length; start = ends[i]!, i++) batch[i] = { row: rows[i]!, cells: cells.slice(start, ends[i]) };
  return batch;
}

/** The bundled worker: looked for only when a sheet is big enough to want it, not at every start. */
const workerFile = () => packageFile('dist/sheet/read-worker.js');

/**
 * Whether a sheet of `size` bytes is read on a worker thread.
 * `READ_SHEET_IN_WORKER=1` (or `0`) decides it for any size: the tests use it
 * to run small sheets both ways and compare (test/read-in-worker.test.ts).
 */
export function readInWorker(size: number): boolean {
  const forced = process.env.READ_SHEET_IN_WORKER;
  if (forced === '0' || (forced !== '1' && size < WORKER_MIN_BYTES)) return false;
  const bundled = fileURLToPath(import.meta.url).startsWith(packageFile('dist') + sep);
  return bundled && existsSync(workerFile());
}

export function sendableError(error: unknown): SentError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { name, message, stack } = error;
  const code = (error as { code?: unknown }).code;
  return {
    name,
    message,
    ...(stack !== undefined ? { stack } : {}),
    ...(error instanceof ExitError ? { exitCode: error.exitCode } : {}),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

function revive(sent: SentError): Error {
  const error =
    sent.exitCode === undefined ? new Error(sent.message) : sent.name === 'InputError' ? new InputError(sent.message) : new ExitError(sent.exitCode, sent.message);
  error.name = sent.name;
  if (sent.stack !== undefined) error.stack = sent.stack;
  if (sent.code !== undefined) Object.assign(error, { code: sent.code });
  return error;
}

/**
 * The rows of a sheet, read by a worker. `decoding` (CSV) is kept up to date
 * from the worker's decoder as the rows arrive. `return()` stops the worker,
 * also before the first row was asked for.
 */
class WorkerRows implements AsyncIterableIterator<SheetRow[]> {
  private readonly worker: Worker;
  private readonly inbox: WorkerMessage[] = [];
  private wake: (() => void) | undefined;
  /** The worker said its last word (the end, or an error): its exit after that is no news. */
  private finished = false;
  private done = false;

  constructor(
    request: WorkerRequest,
    private readonly decoding?: DecodeState,
  ) {
    this.worker = new Worker(workerFile(), { workerData: request, resourceLimits: WORKER_LIMITS[request.format] });
    // Keeps the process alive only while this thread waits for it (see take): a run that stops
    // before reading all the rows (an error, a bad option) still ends, closed or not.
    this.worker.unref();
    this.worker.on('message', (message: WorkerMessage) => this.receive(message));
    this.worker.on('error', (error) => this.receive({ type: 'error', error: sendableError(error) }));
    this.worker.on('exit', (code) => {
      if (!this.finished) this.receive({ type: 'error', error: { name: 'Error', message: `the thread reading the sheet stopped (exit code ${code})` } });
    });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** The first message: the sheet opened (its name, the other sheets), or why it could not be. */
  async opened(): Promise<Extract<WorkerMessage, { type: 'opened' }>> {
    const message = await this.take();
    if (message.type === 'opened') return message;
    await this.stop();
    throw message.type === 'error' ? revive(message.error) : new Error(`the thread reading the sheet sent ${message.type} first`);
  }

  async next(): Promise<IteratorResult<SheetRow[]>> {
    if (this.done) return { done: true, value: undefined };
    for (;;) {
      const message = await this.take();
      if (message.type === 'opened') continue;
      if (message.type !== 'error' && message.decoding && this.decoding) Object.assign(this.decoding, message.decoding);
      if (message.type === 'rows') {
        this.worker.postMessage('more');
        return { done: false, value: unpackRows(message.rows) };
      }
      await this.stop();
      if (message.type === 'error') throw revive(message.error);
      return { done: true, value: undefined };
    }
  }

  async return(): Promise<IteratorResult<SheetRow[]>> {
    await this.stop();
    return { done: true, value: undefined };
  }

  private receive(message: WorkerMessage): void {
    if (this.finished) return;
    if (message.type === 'end' || message.type === 'error') this.finished = true;
    this.inbox.push(message);
    this.wake?.();
    this.wake = undefined;
  }

  private async take(): Promise<WorkerMessage> {
    if (this.inbox.length === 0) {
      this.worker.ref();
      while (this.inbox.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
      this.worker.unref();
    }
    return this.inbox.shift()!;
  }

  private async stop(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.worker.terminate();
  }
}

/** A CSV's rows (see csv.ts), parsed by a worker, and how its bytes are being decoded there. */
export function csvRowsInWorker(reading: CsvReading): { decoding: DecodeState; batches: AsyncIterableIterator<SheetRow[]> } {
  const decoding = decodeStateOf(reading.choice);
  return { decoding, batches: new WorkerRows({ format: 'csv', reading }, decoding) };
}

/** A worksheet opened (see xlsx.ts) and its rows read by a worker. */
export async function openXlsxInWorker(path: string, options: XlsxOptions): Promise<OpenedSheet> {
  await stopPretenuring();
  const rows = new WorkerRows({ format: 'xlsx', path, options });
  const { sheet, otherSheets } = await rows.opened();
  return { format: 'xlsx', ...(sheet !== undefined ? { sheet } : {}), ...(otherSheets ? { otherSheets } : {}), batches: rows };
}
