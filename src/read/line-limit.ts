/**
 * A limit on how long one line of a text sheet may be, in bytes, applied to
 * the bytes before they are parsed.
 *
 * csv-parse bounds the characters of a record's fields, not how many fields
 * it has: a line of nothing but commas (a gigabyte of them took the process
 * down) makes one empty field per comma. No line of a contact sheet is longer
 * than a record may be, so a line past the limit stops the read, and the error
 * says which line it is (a line ends with LF, CR LF, or a lone CR as on old Macs).
 */
import { Transform, type TransformCallback } from 'node:stream';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import { formatBytes } from './limits.js';

const LF = 0x0a;
const CR = 0x0d;

export class LineLimit extends Transform {
  /** Bytes of the line not yet ended. */
  private length = 0;
  /** Lines ended so far. */
  private lines = 0;
  /** The last chunk ended with CR: an LF starting this one belongs to it. */
  private afterCr = false;

  /** @param file the file's name, for the message */
  constructor(
    private readonly file: string,
    private readonly maxBytes: number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let start = this.afterCr && chunk[0] === LF ? 1 : 0;
    this.afterCr = false;
    let lf = chunk.indexOf(LF, start);
    let cr = chunk.indexOf(CR, start);
    while (lf !== -1 || cr !== -1) {
      const end = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
      if (this.length + end - start > this.maxBytes) return done(this.tooLong());
      this.length = 0;
      this.lines++;
      start = end + (end === cr && lf === cr + 1 ? 2 : 1);
      if (end === cr) {
        if (start === chunk.length) this.afterCr = true;
        cr = chunk.indexOf(CR, start);
      }
      if (lf !== -1 && lf < start) lf = chunk.indexOf(LF, start);
    }
    this.length += chunk.length - start;
    if (this.length > this.maxBytes) return done(this.tooLong());
    done(null, chunk);
  }

  private tooLong(): InputError {
    return new InputError(say('read.limit.line', { file: this.file, line: (this.lines + 1).toLocaleString('en-US'), max: formatBytes(this.maxBytes) }));
  }
}
