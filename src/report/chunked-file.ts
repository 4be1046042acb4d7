/**
 * A report file written in chunks: text is encoded as UTF-8 straight into a
 * chunk buffer, and a full chunk goes to the file stream. Each row's text dies
 * young, instead of living on in a long joined string until it is written
 * (which the garbage collector had to copy, and which was then encoded whole).
 *
 * A write that fails (the disk is full) never throws at the caller: the file
 * keeps the first failure in `failure`, writes nothing more, and on close cuts
 * itself back to the last chunk that was written whole, then adds the closing
 * text, so a results.json stays valid JSON with the rows that reached the disk.
 */
import { once } from 'node:events';
import { constants, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { newFileStream } from '../own-files.js';

/** About a thousand report rows; a 1,000,000-row validate makes a few hundred writes per file. */
export const CHUNK_BYTES = 256 * 1024;

export class ChunkedFile {
  private chunk: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  /**
   * Chunks the file has written, to fill again. A new buffer for every chunk
   * left the written ones for the garbage collector, which, with little else to
   * collect (rows read on a worker thread), let 70 MB of them pile up.
   */
  private readonly spare: Buffer[] = [];
  /** Bytes handed to the stream so far; every chunk ends where a piece of text ended. */
  private handed = 0;
  /** Where the last chunk written whole ends: the file is cut back to here after a failure. */
  private writtenEnd = 0;
  private lastWrite: Promise<void> = Promise.resolve();
  private firstFailure: NodeJS.ErrnoException | undefined;
  private closed = false;

  private constructor(
    private readonly path: string,
    private readonly stream: WriteStream,
  ) {
    stream.on('error', (error) => this.failed(error));
  }

  /** Opens a new file at `path`, private to the user (0600); `flags` other than a new file's are for tests (/dev/full). */
  static async open(path: string, flags?: number | string): Promise<ChunkedFile> {
    // The stream holds a few chunks before it asks us to wait: the CPU does not wait on each write.
    const stream = await newFileStream(path, { highWaterMark: 4 * CHUNK_BYTES, ...(flags !== undefined ? { flags } : {}) });
    return new ChunkedFile(path, stream);
  }

  /** The first write that failed, if one did. */
  get failure(): NodeJS.ErrnoException | undefined {
    return this.firstFailure;
  }

  /** Adds text to the current chunk (nothing is written before the chunk is full or `flush()` is called). */
  add(text: string): void {
    // A UTF-16 unit is at most 3 bytes of UTF-8: room for that many means no character is cut.
    if (this.used + text.length * 3 > this.chunk.length) {
      this.pass();
      if (text.length * 3 > this.chunk.length) {
        this.write(Buffer.from(text));
        return;
      }
    }
    this.used += this.chunk.write(text, this.used);
  }

  /** More than half a chunk is waiting. */
  get due(): boolean {
    return this.used >= CHUNK_BYTES / 2;
  }

  /** Writes what is gathered; waits only when the disk is behind, so memory stays bounded. */
  async flush(): Promise<void> {
    this.pass();
    if (this.firstFailure || !this.stream.writableNeedDrain) return;
    await once(this.stream, 'drain').catch((error: NodeJS.ErrnoException) => this.failed(error));
  }

  /** Writes what is gathered and waits until it is on disk; false if it is not (see `failure`). */
  async save(): Promise<boolean> {
    this.pass();
    await this.lastWrite;
    return !this.firstFailure;
  }

  /** Writes what is left and closes the file; after a failure, cuts it back to its last whole chunk and adds `last`. */
  async close(last = ''): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (last) this.add(last);
    this.pass();
    this.stream.end();
    await finished(this.stream).catch((error: NodeJS.ErrnoException) => this.failed(error));
    if (this.firstFailure) await this.cutBack(last);
  }

  /** Hands the chunk to the stream, which keeps it until written; the next text goes into a spare one. */
  private pass(): void {
    if (this.used === 0) return;
    const written = this.chunk;
    this.write(written.subarray(0, this.used), () => this.spare.push(written));
    this.chunk = this.spare.pop() ?? Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
  }

  private write(bytes: Buffer, done?: () => void): void {
    if (this.firstFailure) return;
    const end = (this.handed += bytes.length);
    this.lastWrite = new Promise((resolve) =>
      this.stream.write(bytes, (error) => {
        if (error) this.failed(error);
        else {
          this.writtenEnd = end;
          done?.();
        }
        resolve();
      }),
    );
  }

  private failed(error: NodeJS.ErrnoException): void {
    this.firstFailure ??= error;
  }

  /**
   * Best effort, the disk being full: cutting the file frees the blocks of the
   * chunk that failed, which leaves room for the few closing bytes.
   */
  private async cutBack(last: string): Promise<void> {
    try {
      const file = await open(this.path, constants.O_WRONLY | constants.O_NOFOLLOW);
      try {
        await file.truncate(this.writtenEnd);
        if (last) await file.write(last, this.writtenEnd);
      } finally {
        await file.close();
      }
    } catch {
      // Nothing more can be done here: the failure is reported by the caller.
    }
  }
}
