/**
 * The parts of an XLSX file, found through the zip's central directory (read
 * from the end of the file): any part can be read, in any order, and the parts
 * the reader does not need (images, other sheets) are never inflated.
 *
 * A zip's declared sizes can lie, so what the parts really unpack to is counted
 * as they stream, against one limit for the whole file: past it, the read stops
 * with one line. Each part is inflated in 256 KiB chunks straight from the file
 * (zlib's default 16 KiB costs a round trip to the thread pool each: five times
 * slower on a big worksheet).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import { formatBytes } from './limits.js';
import { parseAttributes, XmlError, XmlScanner, type Attributes, type XmlHandler } from './xml-scanner.js';

const CHUNK_BYTES = 256 * 1024;

/** Elements collected from one part (sheets of a workbook, links of a sheet): more than any real workbook has. */
const MAX_ELEMENTS = 1_000_000;

/** An XLSX file that cannot be read: one line, exit 2. `reason` is what is wrong with it, without the file's name. */
export class UnreadableXlsx extends InputError {
  constructor(
    file: string,
    readonly reason: string,
    cause?: unknown,
  ) {
    super(say('read.xlsx.unreadable', { file, reason }), { cause });
  }
}

export function unreadable(file: string, reason: string, cause?: unknown): UnreadableXlsx {
  return new UnreadableXlsx(file, reason, cause);
}

/** A part as the zip's directory describes it (unzipper's names). */
interface ZipEntry {
  path: string;
  uncompressedSize?: number;
  compressedSize?: number;
  /** 0: stored, 8: deflated. */
  compressionMethod?: number;
  /** Bit 0: encrypted. */
  flags?: number;
  offsetToLocalFileHeader?: number;
}

interface Unzipper {
  Open: { file(path: string, options?: { tailSize?: number }): Promise<{ files: ZipEntry[] }> };
}

let unzipper: Unzipper | undefined;

/** The unzipper exceljs depends on; only its reading of the central directory is used. */
function loadUnzipper(): Unzipper {
  if (!unzipper) {
    const fromExcelJS = createRequire(createRequire(import.meta.url).resolve('exceljs/package.json'));
    unzipper = fromExcelJS('unzipper') as Unzipper;
  }
  return unzipper;
}

export class XlsxZip {
  /** Bytes each entry has unpacked to so far (its longest read), and their sum. */
  private readonly unpacked = new Map<ZipEntry, number>();
  private total = 0;

  private constructor(
    private readonly path: string,
    readonly file: string,
    /** Every entry the directory lists, in its order, names listed twice included. */
    private readonly listed: ZipEntry[],
    /** The entry each part name leads to (the last of a name listed twice, as other zip readers take it). */
    private readonly entries: Map<string, ZipEntry>,
    private readonly maxUnzipped: number,
  ) {}

  /** @param file the file's name, for messages */
  static async open(path: string, file: string, maxUnzipped: number): Promise<XlsxZip> {
    const listed = await readDirectory(path, file);
    const entries = new Map<string, ZipEntry>();
    let declared = 0;
    for (const entry of listed) {
      entries.set(partName(entry), entry);
      declared += entry.uncompressedSize ?? 0;
    }
    // What the directory declares is enough to refuse most bombs before anything is inflated.
    if (declared > maxUnzipped) {
      throw unreadable(file, say('read.xlsx.zipBomb', { size: formatBytes(declared), max: formatBytes(maxUnzipped) }));
    }
    return new XlsxZip(path, file, listed, entries, maxUnzipped);
  }

  has(part: string): boolean {
    return this.entries.has(part);
  }

  /** A part's bytes as they unpack, counted; nothing when the zip has no such part. */
  async *chunks(part: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(part);
    if (entry) yield* this.entryChunks(part, entry);
  }

  /**
   * Unpacks every entry the directory lists, names listed twice included, and
   * throws the bytes away: all of it counted against the limit, and each entry
   * must unpack to the size it declares. For a library that unpacks everything
   * and trusts the declared sizes (see copy-check.ts).
   */
  async unpackAll(): Promise<void> {
    for (const entry of this.listed) {
      const part = partName(entry);
      let read = 0;
      for await (const chunk of this.entryChunks(part, entry)) read += chunk.length;
      const declared = entry.uncompressedSize ?? 0;
      if (read !== declared) {
        throw unreadable(this.file, say('read.xlsx.sizeLies', { part, size: formatBytes(read), declared: formatBytes(declared) }));
      }
    }
  }

  private async *entryChunks(part: string, entry: ZipEntry): AsyncGenerator<Buffer> {
    let read = 0;
    try {
      for await (const chunk of await this.inflate(part, entry)) {
        read += (chunk as Buffer).length;
        this.count(entry, part, read);
        yield chunk as Buffer;
      }
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw unreadable(this.file, say('read.xlsx.partFailed', { part, reason: reasonOf(error) }), error);
    }
  }

  /** The attributes of every element called `name` in a part, in order; [] when there is no such part. */
  async elements(part: string, name: string): Promise<Attributes[]> {
    const found: Attributes[] = [];
    const collect = (element: string, attributes: string) => {
      if (element !== name) return;
      if (found.length >= MAX_ELEMENTS) throw unreadable(this.file, say('read.xlsx.tooManyElements', { part, max: MAX_ELEMENTS.toLocaleString('en-US'), name }));
      found.push(parseAttributes(attributes));
    };
    for await (const _ of this.scan(part, { wantsText: false, open: collect, close() {}, text() {} }));
    return found;
  }

  /**
   * Scans a part's XML with `handler`, yielding after each piece of text so the
   * caller can hand on what the piece completed; nothing when there is no such part.
   */
  async *scan(part: string, handler: XmlHandler, pieceLength = CHUNK_BYTES): AsyncGenerator<void> {
    const scanner = new XmlScanner(handler);
    const decoder = new TextDecoder('utf-8');
    try {
      for await (const chunk of this.chunks(part)) {
        const text = decoder.decode(chunk, { stream: true });
        for (let at = 0; at < text.length; at += pieceLength) {
          scanner.write(text.length <= pieceLength ? text : text.slice(at, at + pieceLength));
          yield;
        }
      }
      scanner.write(decoder.decode());
      scanner.end();
    } catch (error) {
      if (error instanceof XmlError) throw unreadable(this.file, say('read.xlsx.damagedXml', { part, reason: error.message }), error);
      throw error;
    }
  }

  private count(entry: ZipEntry, part: string, read: number): void {
    const before = this.unpacked.get(entry) ?? 0;
    if (read <= before) return;
    this.unpacked.set(entry, read);
    this.total += read - before;
    if (this.total > this.maxUnzipped) {
      throw unreadable(this.file, say('read.xlsx.zipBombReading', { max: formatBytes(this.maxUnzipped), part }));
    }
  }

  private async inflate(part: string, entry: ZipEntry): Promise<Iterable<Buffer> | AsyncIterable<unknown>> {
    const { offsetToLocalFileHeader: at = 0, compressedSize = 0, compressionMethod, flags = 0 } = entry;
    if ((flags & 1) !== 0) throw unreadable(this.file, say('read.xlsx.encrypted', { part }));
    if (compressionMethod !== 0 && compressionMethod !== 8) {
      throw unreadable(this.file, say('read.xlsx.compression', { part, method: String(compressionMethod) }));
    }
    const header = Buffer.alloc(30);
    const handle = await open(this.path, 'r');
    try {
      await handle.read(header, 0, header.length, at);
    } finally {
      await handle.close();
    }
    if (header.readUInt32LE(0) !== 0x04034b50) throw unreadable(this.file, say('read.xlsx.misplaced', { part }));
    if (compressedSize === 0) return [];
    // The data follows the local header, its name and its extra field.
    const start = at + header.length + header.readUInt16LE(26) + header.readUInt16LE(28);
    const raw = createReadStream(this.path, { start, end: start + compressedSize - 1, highWaterMark: CHUNK_BYTES });
    if (compressionMethod === 0) return raw;
    // pipeline: a read stopped early, or failed, closes the file too.
    return pipeline(raw, createInflateRaw({ chunkSize: CHUNK_BYTES }), () => undefined);
  }
}

/** An entry's name as a part name: forward slashes, no leading slash. */
function partName(entry: ZipEntry): string {
  return entry.path.replace(/\\/g, '/').replace(/^\/+/, '');
}

async function readDirectory(path: string, file: string): Promise<ZipEntry[]> {
  const { Open } = loadUnzipper();
  try {
    return (await Open.file(path)).files;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('E')) {
      throw new InputError(say('read.file.cannotRead', { file, code }), { cause: error });
    }
    // The end record is looked for in the last 80 bytes; a zip comment can push it further.
    try {
      return (await Open.file(path, { tailSize: 22 + 0xffff })).files;
    } catch {
      throw unreadable(file, say('read.xlsx.noDirectory'), error);
    }
  }
}

/** The `r:id` attribute, whatever prefix its namespace got. */
export function relationshipId(attributes: Attributes): string | undefined {
  for (const [key, value] of Object.entries(attributes)) if (key.endsWith(':id')) return value;
  return undefined;
}

/** A failure's first line, said for a person: zlib's and the file system's errors as they come. */
export function reasonOf(error: unknown): string {
  // Not `instanceof Error`: zlib's errors come from another realm under jest.
  const { message, code } = (typeof error === 'object' && error !== null ? error : {}) as { message?: unknown; code?: unknown };
  if (typeof message !== 'string') return String(error);
  const line = message.split('\n', 1)[0]?.trim() || say('read.xlsx.unknownError');
  const short = line.length > 120 ? `${line.slice(0, 117)}...` : line;
  if (typeof code === 'string' && code.startsWith('Z_')) return say('read.xlsx.damagedData', { reason: short });
  return short;
}
