/**
 * What a file is, judged from its bytes rather than its name: a renamed .xls
 * or a zipped OpenDocument sheet must be refused with a useful line, not fed
 * to a parser that fails with a stack trace.
 */
import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import { bomlessUtf16 } from './decode.js';
import type { SheetFormat } from './types.js';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Signatures of files people mistake for sheets: the format's name and which kind of file to call it. */
const KNOWN_BINARIES: { magic: Buffer; format: string; key: 'read.file.document' | 'read.file.archive' | 'read.file.image' }[] = [
  { magic: Buffer.from('%PDF'), format: 'PDF', key: 'read.file.document' },
  { magic: Buffer.from([0x1f, 0x8b]), format: 'gzip', key: 'read.file.archive' },
  { magic: Buffer.from('Rar!'), format: 'RAR', key: 'read.file.archive' },
  { magic: Buffer.from([0x37, 0x7a, 0xbc, 0xaf]), format: '7-Zip', key: 'read.file.archive' },
  { magic: Buffer.from([0x89, 0x50, 0x4e, 0x47]), format: 'PNG', key: 'read.file.image' },
  { magic: Buffer.from([0xff, 0xd8, 0xff]), format: 'JPEG', key: 'read.file.image' },
];

const HEAD_BYTES = 64 * 1024;
/** The end-of-central-directory record sits in the last 22 bytes plus an optional comment of up to 64 KiB. */
const ZIP_TAIL_BYTES = 22 + 0xffff;

export interface DetectedFile {
  format: SheetFormat;
  size: number;
  /** The first bytes (up to 64 KiB), for the CSV reader to judge the encoding and delimiter from. */
  head: Buffer;
}

/** `name` is the file as messages call it: as the user typed it. */
export async function detectFormat(path: string, name = basename(path)): Promise<DetectedFile> {
  let handle;
  try {
    // Non-blocking: opening a named pipe would otherwise wait for a writer, forever.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new InputError(describeOpenError(name, error), { cause: error });
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new InputError(say(notAFile(stats), { file: name }));
    const size = stats.size;
    if (size === 0) throw new InputError(say('read.file.empty', { file: name }));
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    await handle.read(head, 0, head.length, 0);

    if (startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP)) {
      const entries = await zipEntryNames(handle, size);
      return { format: judgeZip(name, entries), size, head };
    }
    if (startsWith(head, OLE2)) {
      throw new InputError(say('read.file.xls', { file: name }));
    }
    for (const { magic, format, key } of KNOWN_BINARIES) {
      if (startsWith(head, magic)) throw new InputError(say(key, { file: name, format }));
    }
    // Excel's "Unicode text" is UTF-16, full of zero bytes: text all the same.
    const utf16 = startsWith(head, Buffer.from([0xff, 0xfe])) || startsWith(head, Buffer.from([0xfe, 0xff])) || bomlessUtf16(head);
    if (!utf16 && head.includes(0)) {
      throw new InputError(say('read.file.binary', { file: name }));
    }
    return { format: 'csv', size, head };
  } finally {
    await handle.close();
  }
}

/** What to say of a path that is not a regular file: a pipe, a device or a folder are not sheets, and reading one may never end. */
function notAFile(stats: Stats): 'read.file.folder' | 'read.file.pipe' | 'read.file.socket' | 'read.file.device' | 'read.file.special' {
  if (stats.isDirectory()) return 'read.file.folder';
  if (stats.isFIFO()) return 'read.file.pipe';
  if (stats.isSocket()) return 'read.file.socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'read.file.device';
  return 'read.file.special';
}

function startsWith(buffer: Buffer, magic: Buffer): boolean {
  return buffer.length >= magic.length && buffer.subarray(0, magic.length).equals(magic);
}

function describeOpenError(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return say('read.file.notFound', { file });
  if (code === 'EISDIR') return say('read.file.openedFolder', { file });
  if (code === 'EACCES' || code === 'EPERM') return say('read.file.permission', { file });
  return say('read.file.cannotOpen', { file, code: code ?? String(error) });
}

function judgeZip(name: string, entries: string[]): SheetFormat {
  // A directory we could not read (ZIP64, damage): let the XLSX reader try and say what is wrong.
  if (entries.length === 0) return 'xlsx';
  if (entries.includes('xl/workbook.xml') || entries.some((e) => /^xl\/workbook\d*\.xml$/.test(e))) return 'xlsx';
  if (entries.includes('xl/workbook.bin')) {
    throw new InputError(say('read.file.xlsb', { file: name }));
  }
  if (entries.includes('content.xml') && entries.includes('mimetype')) {
    throw new InputError(say('read.file.ods', { file: name }));
  }
  if (entries.includes('word/document.xml')) {
    throw new InputError(say('read.file.word', { file: name }));
  }
  if (entries.includes('ppt/presentation.xml')) {
    throw new InputError(say('read.file.powerPoint', { file: name }));
  }
  throw new InputError(say('read.file.zip', { file: name }));
}

/** Names in a zip's central directory, read from the end of the file; [] when it cannot be read. */
async function zipEntryNames(handle: import('node:fs/promises').FileHandle, size: number): Promise<string[]> {
  const tailLength = Math.min(size, ZIP_TAIL_BYTES);
  const tail = Buffer.alloc(tailLength);
  await handle.read(tail, 0, tailLength, size - tailLength);
  const eocd = tail.lastIndexOf(EMPTY_ZIP);
  if (eocd < 0 || eocd + 22 > tail.length) return [];
  const count = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  if (directoryOffset + directorySize > size) return [];
  const directory = Buffer.alloc(directorySize);
  await handle.read(directory, 0, directorySize, directoryOffset);
  const names: string[] = [];
  let at = 0;
  for (let i = 0; i < count && at + 46 <= directory.length; i++) {
    if (directory.readUInt32LE(at) !== 0x02014b50) break;
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    names.push(directory.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
