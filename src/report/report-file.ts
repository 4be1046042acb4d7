/**
 * A report file that grows as rows become known: `write` queues text, which
 * goes to disk in order, what piled up while the disk was busy in one write;
 * `flush` waits while the queue is long, so memory stays bounded however long
 * the sheet is.
 *
 * A file with a closing text (`tail`: the `]}` of results.json) has it on disk
 * at every moment: each write puts the new text over the old tail and the tail
 * after it, so a reader, or a run stopped at any point, finds valid JSON with
 * every row written so far (docs/contract.md, Interruption).
 *
 * A write that fails (the disk is full) never throws at the caller: the file
 * keeps the first failure in `failure`, writes nothing more, and on close cuts
 * itself back to the end of the last text written whole, then adds the tail,
 * so a results.json stays valid JSON with the rows that reached the disk.
 */
import type { FileHandle } from 'node:fs/promises';
import { openNewFile } from '../own-files.js';

/** Queued text beyond this makes `flush` wait for the disk. */
const HIGH_WATER_BYTES = 1024 * 1024;

export class ReportFile {
  private queue: Buffer[] = [];
  private queuedBytes = 0;
  /** Where the last text written whole ends: the tail starts there, and the file is cut back to here after a failure. */
  private writtenEnd = 0;
  /** Settles once the queue is empty: the writes so far have been made, or one failed. */
  private idle: Promise<void> = Promise.resolve();
  private firstFailure: NodeJS.ErrnoException | undefined;
  private closed = false;
  private pumping = false;

  private constructor(
    private readonly file: FileHandle,
    private readonly tail: Buffer,
  ) {}

  /**
   * Opens a new file at `path`, private to the user (0600), with `tail` on disk from the start;
   * `flags` other than a new file's are for tests (/dev/full).
   */
  static async open(path: string, options: { tail?: string; flags?: number | string } = {}): Promise<ReportFile> {
    const file = new ReportFile(await openNewFile(path, options.flags), Buffer.from(options.tail ?? ''));
    if (file.tail.length > 0) file.pump();
    return file;
  }

  /** The first write that failed, if one did. */
  get failure(): NodeJS.ErrnoException | undefined {
    return this.firstFailure;
  }

  /** Queues `text` for the disk; after a failure, drops it. */
  write(text: string): void {
    if (this.firstFailure || this.closed) return;
    const bytes = Buffer.from(text);
    this.queue.push(bytes);
    this.queuedBytes += bytes.length;
    if (this.queue.length === 1) this.pump();
  }

  /** Waits while more than HIGH_WATER_BYTES wait for the disk. */
  async flush(): Promise<void> {
    if (this.queuedBytes > HIGH_WATER_BYTES) await this.idle;
  }

  /** Waits until everything written so far is on disk: false if it is not (see `failure`). */
  async save(): Promise<boolean> {
    await this.idle;
    return !this.firstFailure;
  }

  /** Writes `last`, then closes the file; after a failure, cuts it back to its last whole text and adds the tail. */
  async close(last = ''): Promise<void> {
    if (this.closed) return;
    if (last) this.write(last);
    this.closed = true;
    await this.idle;
    if (this.firstFailure) await this.cutBack();
    await this.file.close().catch((error: NodeJS.ErrnoException) => this.failed(error));
  }

  /** Starts writing the queue, unless a write is under way (its loop takes what was queued meanwhile). */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    this.idle = this.drain();
  }

  private async drain(): Promise<void> {
    do {
      const text = Buffer.concat(this.queue);
      this.queue = [];
      try {
        // One write of the text and the tail after it, where the tail was.
        await this.writeAt(Buffer.concat([text, this.tail]), this.writtenEnd);
        this.writtenEnd += text.length;
        this.queuedBytes -= text.length;
      } catch (error) {
        this.failed(error as NodeJS.ErrnoException);
      }
    } while (!this.firstFailure && this.queue.length > 0);
    // In the same step as the check above: text queued from now on starts a write of its own.
    this.pumping = false;
  }

  /** All of `bytes` at `position`: a write the system cut short goes on from where it stopped. */
  private async writeAt(bytes: Buffer, position: number): Promise<void> {
    for (let done = 0; done < bytes.length; ) {
      const { bytesWritten } = await this.file.write(bytes, done, bytes.length - done, position + done);
      // Never expected of a file; said as the input/output error it would be (its code is what is shown), rather than asked forever.
      // not for people: fileProblem() says EIO in the run's language
      if (bytesWritten === 0) throw Object.assign(new Error('the file took no bytes'), { code: 'EIO' });
      done += bytesWritten;
    }
  }

  private failed(error: NodeJS.ErrnoException): void {
    this.firstFailure ??= error;
    this.queue = [];
    this.queuedBytes = 0;
  }

  /**
   * Best effort, the disk being full: cutting the file frees the blocks of the
   * text that failed, which leaves room for the few closing bytes.
   */
  private async cutBack(): Promise<void> {
    try {
      await this.file.truncate(this.writtenEnd);
      if (this.tail.length > 0) await this.writeAt(this.tail, this.writtenEnd);
    } catch {
      // Nothing more can be done here: the failure is reported by the caller.
    }
  }
}
