/**
 * A report file written in chunks: text is encoded as UTF-8 straight into a
 * chunk buffer, and a full chunk goes to the file stream. Each row's text dies
 * young, instead of living on in a long joined string until it is written
 * (which the garbage collector had to copy, and which was then encoded whole).
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';

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

  private constructor(private readonly stream: WriteStream) {}

  /** Opens `path` for writing, private to the user (0600). */
  static async open(path: string): Promise<ChunkedFile> {
    // The stream holds a few chunks before it asks us to wait: the CPU does not wait on each write.
    const stream = createWriteStream(path, { mode: 0o600, highWaterMark: 4 * CHUNK_BYTES });
    await once(stream, 'open');
    return new ChunkedFile(stream);
  }

  /** Adds text to the current chunk (nothing is written before the chunk is full or `flush()` is called). */
  add(text: string): void {
    // A UTF-16 unit is at most 3 bytes of UTF-8: room for that many means no character is cut.
    if (this.used + text.length * 3 > this.chunk.length) {
      this.pass();
      if (text.length * 3 > this.chunk.length) {
        this.stream.write(text);
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
    if (this.stream.writableNeedDrain) await once(this.stream, 'drain');
  }

  /** Writes what is left and closes the file. */
  async close(last = ''): Promise<void> {
    if (last) this.add(last);
    this.pass();
    this.stream.end();
    await once(this.stream, 'close');
  }

  /** Hands the chunk to the stream, which keeps it until written; the next text goes into a spare one. */
  private pass(): void {
    if (this.used === 0) return;
    const written = this.chunk;
    this.stream.write(written.subarray(0, this.used), () => this.spare.push(written));
    this.chunk = this.spare.pop() ?? Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
  }
}
