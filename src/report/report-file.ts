/**
 * A report file that grows as rows become known, through a plain write stream:
 * `write` hands text on, and `flush` waits while the stream asks for it, so
 * memory stays bounded however long the sheet is.
 *
 * A write that fails (the disk is full) never throws at the caller: the file
 * keeps the first failure in `failure`, writes nothing more, and on close cuts
 * itself back to the end of the last text written whole, then adds the closing
 * text, so a results.json stays valid JSON with the rows that reached the disk.
 */
import { once } from 'node:events';
import { constants, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { newFileStream } from '../own-files.js';

export class ReportFile {
  /** Bytes handed to the stream so far. */
  private handed = 0;
  /** Where the last text written whole ends: the file is cut back to here after a failure. */
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
  static async open(path: string, flags?: number | string): Promise<ReportFile> {
    return new ReportFile(path, await newFileStream(path, flags !== undefined ? { flags } : {}));
  }

  /** The first write that failed, if one did. */
  get failure(): NodeJS.ErrnoException | undefined {
    return this.firstFailure;
  }

  /** Hands `text` to the stream; after a failure, drops it. */
  write(text: string): void {
    if (this.firstFailure || this.closed) return;
    const bytes = Buffer.from(text);
    const end = (this.handed += bytes.length);
    this.lastWrite = new Promise((resolve) =>
      this.stream.write(bytes, (error) => {
        if (error) this.failed(error);
        else this.writtenEnd = end;
        resolve();
      }),
    );
  }

  /** Waits while the stream holds more than it wants to (its back-pressure). */
  async flush(): Promise<void> {
    if (this.firstFailure || !this.stream.writableNeedDrain) return;
    await once(this.stream, 'drain').catch((error: NodeJS.ErrnoException) => this.failed(error));
  }

  /** Waits until everything written so far is on disk: false if it is not (see `failure`). */
  async save(): Promise<boolean> {
    await this.lastWrite;
    return !this.firstFailure;
  }

  /** Writes `last` and closes the file; after a failure, cuts it back to its last whole text and adds `last`. */
  async close(last = ''): Promise<void> {
    if (this.closed) return;
    if (last) this.write(last);
    this.closed = true;
    this.stream.end();
    await finished(this.stream).catch((error: NodeJS.ErrnoException) => this.failed(error));
    if (this.firstFailure) await this.cutBack(last);
  }

  private failed(error: NodeJS.ErrnoException): void {
    this.firstFailure ??= error;
  }

  /**
   * Best effort, the disk being full: cutting the file frees the blocks of the
   * text that failed, which leaves room for the few closing bytes.
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
