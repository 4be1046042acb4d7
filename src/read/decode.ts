/**
 * Bytes of a text sheet → text, in whatever encoding the sheet was saved in.
 *
 * What people's tools write: UTF-8 with or without a BOM (Excel's "CSV UTF-8",
 * Google Sheets, LibreOffice), UTF-16 with a BOM (Excel's "Unicode text",
 * tab-separated), GB18030/GBK (Excel's plain "CSV" on Chinese Windows) and
 * Big5 (the same on traditional-Chinese Windows) and windows-1252 (on Western
 * European Windows). The BOM decides when there is one; otherwise UTF-8 if the
 * bytes are valid UTF-8, and else windows-1252, GB18030 or Big5, whichever the
 * bytes clearly read as; a file that reads as well in GB18030 as in Big5 is
 * refused, asking for `--encoding`. `--encoding` overrides all of it.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import { tellChineseEncoding } from './chinese-encodings.js';
import { loadIconv, type Iconv } from './iconv.js';

export type EncodingSource = 'bom' | 'detected' | 'option';

export interface EncodingChoice {
  /** Canonical, lower-case name: `utf-8`, `utf-16le`, `gb18030`, `windows-1252`, … */
  encoding: string;
  /** Bytes of byte-order mark to skip at the start. */
  bom: number;
  source: EncodingSource;
}

const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** `GBK`, `cp936`, `Latin1` → the name we record and decode with; throws InputError for unknown names. */
export function canonicalEncoding(name: string): string {
  const key = name.trim().toLowerCase().replace(/_/g, '-');
  if (key === 'utf8' || key === 'utf-8' || key === 'utf-8-sig') return 'utf-8';
  if (key === 'utf16le' || key === 'utf-16le' || key === 'utf-16' || key === 'ucs2' || key === 'ucs-2') return 'utf-16le';
  if (key === 'utf16be' || key === 'utf-16be') return 'utf-16be';
  // GBK and GB2312 text is GB18030 text: decode with the superset, so nothing is lost.
  if (key === 'gbk' || key === 'gb2312' || key === 'cp936' || key === 'gb18030') return 'gb18030';
  if (key === 'latin1' || key === 'iso-8859-1' || key === 'cp1252' || key === 'windows-1252') return 'windows-1252';
  if (!loadIconv().encodingExists(key)) {
    throw new InputError(say('read.encoding.unknown', { name }));
  }
  return key;
}

/**
 * The encoding of a text sheet, judged from its first bytes.
 * @param file the file's name, for the message when it mixes encodings
 * @param head the file's first bytes (64 KiB is plenty)
 * @param whole whether `head` is the whole file (then a cut-off character at its end is an error, not a chunk boundary)
 */
export function chooseEncoding(file: string, head: Buffer, whole: boolean, forced?: string): EncodingChoice {
  const bom = BOMS.find(({ bytes }) => bytes.every((byte, i) => head[i] === byte));
  if (forced !== undefined) {
    const encoding = canonicalEncoding(forced);
    return { encoding, bom: bom?.encoding === encoding ? bom.bytes.length : 0, source: 'option' };
  }
  if (bom) return { encoding: bom.encoding, bom: bom.bytes.length, source: 'bom' };
  const bomless16 = bomlessUtf16(head);
  if (bomless16) return { encoding: bomless16, bom: 0, source: 'detected' };
  const checked = whole ? head : head.subarray(0, head.length - cutCharacterLength(head));
  if (isUtf8(checked)) return { encoding: 'utf-8', bom: 0, source: 'detected' };
  // Valid UTF-8 with Chinese in it, then bytes that are not: two encodings in one file. Either guess garbles half.
  const valid = firstNonUtf8(checked);
  if (!isAscii(checked.subarray(0, valid))) throw mixedEncodings(file, 1 + newlines(checked.subarray(0, valid)), 'detected');
  return { encoding: likeliestLegacy(file, head), bom: 0, source: 'detected' };
}

function mixedEncodings(file: string, line: number, source: EncodingSource): InputError {
  return new InputError(say(source === 'option' ? 'read.encoding.notUtf8' : 'read.encoding.mixed', { file, line }));
}

/** UTF-16 without a BOM, told by its zero bytes: Latin text has one in every other byte, in the same half. */
export function bomlessUtf16(head: Buffer): string | undefined {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 2) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) zeroEven++;
    if (head[2 * i + 1] === 0) zeroOdd++;
  }
  if (zeroOdd > pairs * 0.9 && zeroEven === 0) return 'utf-16le';
  if (zeroEven > pairs * 0.9 && zeroOdd === 0) return 'utf-16be';
  return undefined;
}

/** Bytes at the end of `buffer` that start a UTF-8 character the buffer cuts off (0–3). */
function cutCharacterLength(buffer: Buffer): number {
  for (let back = 1; back <= Math.min(3, buffer.length); back++) {
    const byte = buffer[buffer.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

/**
 * windows-1252, GB18030 or Big5, for bytes that are not UTF-8: the encodings
 * Excel's plain "CSV" writes on Western European and on Chinese Windows. A
 * Chinese character is two high bytes in a row (both 0x81–0xFE); an accented
 * Latin letter is one high byte between ASCII ones. Whichever the high bytes
 * mostly look like wins (ties go to Chinese); Chinese is then told apart as
 * GB18030 or Big5 (see chinese-encodings.ts), or refused when it reads as both.
 * Others need `--encoding`.
 * @param file the file's name, for the refusal
 */
export function likeliestLegacy(file: string, sample: Buffer): string {
  let paired = 0;
  let alone = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i]!;
    if (byte < 0x80) continue;
    const next = sample[i + 1];
    if (byte >= 0x81 && byte <= 0xfe && next !== undefined && next >= 0x80 && next <= 0xfe) {
      paired++;
      i++;
    } else alone++;
  }
  if (paired < alone) return 'windows-1252';
  const chinese = tellChineseEncoding(sample);
  if (chinese) return chinese;
  throw new InputError(say('read.encoding.gbOrBig5', { file }));
}

/** Where decoding stands, readable while the text streams: the encoding may change once (see SheetDecoder). */
export interface DecodeState {
  encoding: string;
  source: EncodingSource;
  bom: boolean;
}

/**
 * A stream of bytes in, UTF-8 bytes out: csv-parse parses bytes, so a UTF-8
 * file (most of them) passes through untouched, only checked (natively, per
 * chunk) to really be UTF-8; other encodings are converted.
 *
 * For detected UTF-8, a file whose first 64 KiB were plain ASCII may still turn
 * out to be GB18030 further down (a Chinese name on row 5,000): if nothing but
 * ASCII has passed when the first invalid byte arrives, the decoder switches to
 * the likeliest legacy encoding, losing nothing, since ASCII is the same in all
 * of them. After real UTF-8 it is an error, with the line it is on.
 */
export class SheetDecoder extends Transform {
  readonly state: DecodeState;
  private legacy: ReturnType<Iconv['getDecoder']> | undefined;
  private skip: number;
  private onlyAscii = true;
  /** The start of a UTF-8 character cut by the end of the last chunk. */
  private carry: Buffer | undefined;
  /** Bytes of the file passed on so far (after the BOM): where a bad byte is, for its line number. */
  private passed = 0;
  private readonly bomLength: number;

  /** @param path the file, read again only to number the line of a bad byte */
  constructor(
    choice: EncodingChoice,
    private readonly path: string,
  ) {
    super();
    this.state = { encoding: choice.encoding, source: choice.source, bom: choice.bom > 0 };
    this.skip = this.bomLength = choice.bom;
    if (choice.encoding !== 'utf-8') this.legacy = loadIconv().getDecoder(choice.encoding, { stripBOM: false });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.skip > 0) {
      const skipped = Math.min(this.skip, chunk.length);
      this.skip -= skipped;
      chunk = chunk.subarray(skipped);
    }
    try {
      done(null, this.legacy ? Buffer.from(this.legacy.write(chunk), 'utf8') : this.checkUtf8(chunk));
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    if (this.legacy) {
      done(null, Buffer.from(this.legacy.end() ?? '', 'utf8'));
      return;
    }
    // The file ends inside a character.
    if (this.carry) done(this.notUtf8(this.passed));
    else done();
  }

  private checkUtf8(chunk: Buffer): Buffer {
    const bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = cutCharacterLength(bytes);
    const whole = cut > 0 ? bytes.subarray(0, bytes.length - cut) : bytes;
    if (!isUtf8(whole)) {
      if (!this.onlyAscii || this.state.source !== 'detected') throw this.notUtf8(this.passed + firstNonUtf8(whole));
      // Everything so far was ASCII: read the rest as the legacy encoding it looks like.
      this.state.encoding = likeliestLegacy(basename(this.path), bytes);
      this.legacy = loadIconv().getDecoder(this.state.encoding, { stripBOM: false });
      this.carry = undefined;
      return Buffer.from(this.legacy.write(bytes), 'utf8');
    }
    if (this.onlyAscii && !isAscii(whole)) this.onlyAscii = false;
    this.carry = cut > 0 ? Buffer.from(bytes.subarray(bytes.length - cut)) : undefined;
    this.passed += whole.length;
    return whole;
  }

  /** @param offset where the bad byte is, counted from after the BOM */
  private notUtf8(offset: number): InputError {
    return mixedEncodings(basename(this.path), lineAt(this.path, this.bomLength, offset), this.state.source);
  }
}

/** The 1-based line of the byte at `offset` (after `start` bytes of BOM): the file is read again, up to it. */
function lineAt(path: string, start: number, offset: number): number {
  const prefix = Buffer.alloc(offset);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, prefix, 0, offset, start);
  } finally {
    closeSync(fd);
  }
  return 1 + newlines(prefix);
}

/** Line feeds in UTF-8 bytes (a byte 10 is never part of another character). */
function newlines(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) count++;
  return count;
}

/** Offset of the first byte where `chunk` stops being valid UTF-8 (its length if it never does). */
function firstNonUtf8(chunk: Buffer): number {
  let low = 0;
  let high = chunk.length;
  // isUtf8 of a prefix is monotone apart from a cut-off last character: bisect, then step back.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const prefix = chunk.subarray(0, middle);
    if (isUtf8(prefix.subarray(0, prefix.length - cutCharacterLength(prefix)))) low = middle;
    else high = middle - 1;
  }
  return low - cutCharacterLength(chunk.subarray(0, low));
}

/** The first `bytes` of a file decoded as `choice` says, for sniffing (never fails: bad bytes become U+FFFD). */
export function decodeHead(head: Buffer, choice: EncodingChoice): string {
  const body = head.subarray(choice.bom);
  if (choice.encoding === 'utf-8') return new TextDecoder('utf-8').decode(body.subarray(0, body.length - cutCharacterLength(body)));
  return loadIconv().decode(body, choice.encoding, { stripBOM: false });
}
