/**
 * Rows of one worksheet of an XLSX workbook, streamed.
 *
 * Two readers share the work:
 * - the zip's central directory (read from the end of the file, no streaming)
 *   gives the small parts up front: the list of sheets in tab order
 *   (xl/workbook.xml and its rels), so a wrong `--sheet` fails at once, and
 *   a first pass over the chosen sheet's XML (inflated, not parsed) finds its
 *   merged cells and, when its rels have any, `mailto:` links: both are listed
 *   after the rows, too late for a streaming reader;
 * - exceljs's streaming WorkbookReader (UTF-8 fix applied, see exceljs-utf8.ts)
 *   reads the rows, one at a time, in bounded memory. Other worksheets are
 *   never parsed.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { createRequire } from 'node:module';
import { basename, posix } from 'node:path';
import type { Row } from 'exceljs';
import { InputError } from '../errors.js';
import { cellToText, mailtoAddress, scientificFormat } from './cell-text.js';
import { loadExcelJS } from './exceljs-utf8.js';
import { DEFAULT_LIMITS, formatBytes, UNZIPPED_PER_BYTE } from './limits.js';
import type { Cell, OpenedSheet, SheetRow } from './types.js';

const STREAM_OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  // A cell's value is its shown text, which is what we want; exceljs could not
  // join links to cells while streaming anyway (<hyperlinks> follows the rows).
  hyperlinks: 'ignore',
  // Styles tell a date (a number with a date format) from a number.
  styles: 'cache',
  entries: 'ignore',
} as const;

const SAVE_AGAIN = 'open it in Excel and save it again as .xlsx';

export interface XlsxOptions {
  /** Worksheet name or 1-based position; without it, the first visible worksheet. */
  sheet?: string;
  /** Bytes the zip may unpack to (a zip bomb stops here). */
  maxUnzipped?: number;
}

export async function openXlsx(path: string, options: XlsxOptions): Promise<OpenedSheet> {
  const file = basename(path);
  const maxUnzipped = options.maxUnzipped ?? DEFAULT_LIMITS.maxBytes * UNZIPPED_PER_BYTE;
  const zip = await openZip(path, file, maxUnzipped);
  const sheets = await listSheets(zip, file);
  const { sheet, others } = chooseSheet(file, sheets, options.sheet);
  const marks = await scanSheet(path, zip, sheet, file, maxUnzipped);

  const { found, reading } = await firstWorksheet(file, path, sheet.part);
  const { failure, close } = reading;
  if (found.done) {
    close();
    throw unreadable(file, `the rows of sheet ${JSON.stringify(sheet.name)} (${sheet.part}) are missing`);
  }
  return {
    format: 'xlsx',
    sheet: sheet.name,
    ...(others.length > 0 ? { otherSheets: others.map((s) => s.name) } : {}),
    batches: sheetRows(file, found.value, marks, failure, close),
  };
}

/** The chosen worksheet's reader; a read that lost the workbook part is made once more (see lostWorkbookPart). */
async function firstWorksheet(file: string, path: string, part: string) {
  for (let attempt = 1; ; attempt++) {
    const reading = startReading(path, part);
    try {
      return { found: await reading.failure.guard(reading.worksheets.next()), reading };
    } catch (error) {
      reading.close();
      if (attempt > 1 || !lostWorkbookPart(error)) throw unreadable(file, reasonOf(error), error);
    }
  }
}

/** exceljs's streaming reader over the file, parsing only the chosen worksheet. */
function startReading(path: string, part: string) {
  const excel = loadExcelJS();
  const input = createReadStream(path);
  const failure = new Tripwire(input);
  const workbook = new excel.stream.xlsx.WorkbookReader(input, STREAM_OPTIONS);
  parseOnly(workbook, part);
  const worksheets = workbook[Symbol.asyncIterator]() as AsyncIterator<WorksheetBatches>;
  const close = () => {
    // Not awaited: after a failure exceljs may be stuck on a stream that will never end.
    worksheets.return?.(undefined).catch(() => undefined);
    input.destroy();
  };
  return { worksheets, failure, close };
}

/**
 * exceljs reached a worksheet without the workbook's model: its loop over the
 * zip's entries ended before xl/workbook.xml (which the first pass saw is
 * there). Seen now and then on a heavily loaded machine, never reproduced;
 * reading the file again has worked, so it is read again, once.
 */
function lostWorkbookPart(error: unknown): boolean {
  // Not `instanceof`: under jest the error may come from another realm.
  const { name, message } = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; message?: unknown };
  return name === 'TypeError' && typeof message === 'string' && message.includes("reading 'sheets'");
}

/** A WorksheetReader seen as what it is: batches of parse events, one batch per chunk of XML. */
interface WorksheetBatches {
  parse(): AsyncIterator<{ eventType: string; value: unknown }[]>;
}

async function* sheetRows(
  file: string,
  worksheet: WorksheetBatches,
  marks: CellMarks,
  failure: Tripwire,
  close: () => void,
): AsyncGenerator<SheetRow[]> {
  // exceljs's batches rather than its row iterator: one guarded await per chunk of XML, not per row.
  const batches = worksheet.parse();
  let finished = false;
  try {
    for (;;) {
      let next: IteratorResult<{ eventType: string; value: unknown }[]>;
      try {
        next = await failure.guard(batches.next());
      } catch (error) {
        throw unreadable(file, reasonOf(error), error);
      }
      if (next.done) break;
      const rows: SheetRow[] = [];
      for (const { eventType, value } of next.value) {
        if (eventType === 'row') rows.push(toSheetRow(value as Row, marks));
      }
      if (rows.length > 0) yield rows;
    }
    finished = true;
  } finally {
    // Done, stopped early by the caller, or failed: the rest of the zip is not
    // needed. Stopping the parser (unless it is stuck mid-read) closes the temp
    // file exceljs may be reading the sheet from.
    if (!finished) batches.return?.(undefined).catch(() => undefined);
    close();
  }
}

/**
 * Turns a failure that exceljs would wait on forever into a rejection.
 *
 * unzipper reports damaged compressed data on its zip stream, which exceljs only
 * looks at between zip entries: while it copies a worksheet to a temp file or
 * parses one, the entry just never ends, and the process would exit mid-read
 * with nothing said. exceljs creates that zip stream itself and pipes our input
 * into it; catching the pipe is the one place to hear about it.
 */
class Tripwire {
  private failed: { error: unknown } | undefined;
  private rejectPending: ((error: unknown) => void) | undefined;

  constructor(input: ReadStream) {
    const trip = (error: unknown) => {
      this.failed ??= { error };
      this.rejectPending?.(error);
    };
    input.on('error', trip);
    const pipe = input.pipe;
    input.pipe = function <T extends NodeJS.WritableStream>(this: ReadStream, destination: T, options?: { end?: boolean }): T {
      destination.on('error', trip);
      return pipe.call(this, destination, options) as T;
    };
  }

  /**
   * `promise`, unless the tripwire trips first. One at a time; nothing is kept
   * once it settles (racing every read against one long-lived promise would
   * pile up a reaction, and the row it resolved with, per read).
   */
  guard<T>(promise: Promise<T>): Promise<T> {
    if (this.failed) return Promise.reject(this.failed.error);
    return new Promise<T>((resolve, reject) => {
      this.rejectPending = reject;
      promise.then(
        (value) => {
          this.rejectPending = undefined;
          resolve(value);
        },
        (error: unknown) => {
          this.rejectPending = undefined;
          reject(error);
        },
      );
    });
  }
}

function toSheetRow(row: Row, marks: CellMarks): SheetRow {
  const cells: Cell[] = [];
  row.eachCell((cell, column) => {
    cells[column - 1] = scientificFormat(cell.numFmt, cell.value) ?? cellToText(cell.value);
  });
  // Marks go on cells with nothing shown: a link's address, or the merged range that covers the cell.
  for (const [column, mark] of marks.get(row.number) ?? []) {
    const shown = cells[column];
    if (shown === undefined || (typeof shown === 'string' && shown.trim() === '')) cells[column] = mark;
  }
  // Cells exceljs had nothing for are empty text: no holes for map() to skip.
  for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
  return { row: row.number, cells };
}

/**
 * Lets exceljs parse only the chosen worksheet. A worksheet exceljs had to
 * spool to a temp file (it does when the sheet precedes the shared strings in
 * the zip, as Excel writes them) arrives as an open file stream: close it.
 */
function parseOnly(workbook: object, part: string): void {
  type ParseWorksheet = (this: unknown, chunks: unknown, sheetNo: string) => Iterable<unknown>;
  const reader = workbook as { _parseWorksheet: ParseWorksheet };
  const parse = reader._parseWorksheet;
  reader._parseWorksheet = function* (this: unknown, chunks: unknown, sheetNo: string) {
    if (`xl/worksheets/sheet${sheetNo}.xml` === part) {
      yield* parse.call(this, chunks, sheetNo);
      return;
    }
    // exceljs deletes the temp file as soon as this returns, possibly before the
    // stream has opened it: the open then fails with ENOENT on a stream nobody
    // listens to, an uncaught error. Nothing of this stream is wanted, so drop it.
    const stream = chunks as { destroy?: () => void; on?: (event: string, listener: () => void) => void };
    stream.on?.('error', () => undefined);
    stream.destroy?.();
  };
}

// ---------------------------------------------------------------------------
// The zip's small parts, read through its central directory.

interface ZipEntry {
  path: string;
  /** As the zip's directory declares it: a zip bomb may lie, so what a part really unpacks to is counted too. */
  uncompressedSize?: number;
  compressedSize?: number;
  /** 0: stored, 8: deflated. */
  compressionMethod?: number;
  /** Bit 0: encrypted. */
  flags?: number;
  offsetToLocalFileHeader?: number;
  buffer(): Promise<Buffer>;
  stream(): NodeJS.ReadableStream;
}

/** Inflated bytes come in chunks this big (see inflatedPart). */
const INFLATED_CHUNK_BYTES = 256 * 1024;

/**
 * A part's bytes, inflated in big chunks. unzipper's entry stream inflates in
 * zlib's default 16 KiB: a round trip to the thread pool for each, 0.09–0.13 s
 * for a 100,000-row worksheet's 23 MB, against 0.02 s in 256 KiB chunks
 * (measured). A part that is neither stored nor deflated, or is encrypted, or
 * whose local header is not where the directory says, goes through unzipper,
 * which says what is wrong with it.
 */
async function inflatedPart(path: string, entry: ZipEntry): Promise<AsyncIterable<Buffer>> {
  const { offsetToLocalFileHeader: at, compressedSize, compressionMethod, flags = 0 } = entry;
  const plain = (compressionMethod === 0 || compressionMethod === 8) && (flags & 1) === 0;
  if (!plain || at === undefined || !compressedSize) return entry.stream() as AsyncIterable<Buffer>;
  const header = Buffer.alloc(30);
  const file = await open(path, 'r');
  try {
    await file.read(header, 0, header.length, at);
  } finally {
    await file.close();
  }
  if (header.readUInt32LE(0) !== 0x04034b50) return entry.stream() as AsyncIterable<Buffer>;
  // The data follows the local header, its name and its extra field.
  const start = at + header.length + header.readUInt16LE(26) + header.readUInt16LE(28);
  const raw = createReadStream(path, { start, end: start + compressedSize - 1, highWaterMark: INFLATED_CHUNK_BYTES });
  if (compressionMethod === 0) return raw;
  const inflate = createInflateRaw({ chunkSize: INFLATED_CHUNK_BYTES });
  raw.on('error', (error) => inflate.destroy(error));
  return raw.pipe(inflate);
}

interface Unzipper {
  Open: { file(path: string, options?: { tailSize?: number }): Promise<{ files: ZipEntry[] }> };
}

type Zip = Map<string, ZipEntry>;

let unzipper: Unzipper | undefined;

/** The unzipper that exceljs itself reads zips with (exceljs's dependency, not one of ours). */
function loadUnzipper(): Unzipper {
  if (!unzipper) {
    const fromExcelJS = createRequire(createRequire(import.meta.url).resolve('exceljs/package.json'));
    unzipper = fromExcelJS('unzipper') as Unzipper;
  }
  return unzipper;
}

async function openZip(path: string, file: string, maxUnzipped: number): Promise<Zip> {
  const { Open } = loadUnzipper();
  let directory: { files: ZipEntry[] };
  try {
    directory = await Open.file(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('E')) {
      throw new InputError(`${file}: cannot be read (${code})`, { cause: error });
    }
    // The end record is looked for in the last 80 bytes; a zip comment can push it further.
    try {
      directory = await Open.file(path, { tailSize: 22 + 0xffff });
    } catch {
      throw unreadable(file, 'no zip directory at its end: not a zip archive, or a truncated one', error);
    }
  }
  const zip: Zip = new Map();
  let declared = 0;
  for (const entry of directory.files) {
    zip.set(entry.path.replace(/\\/g, '/').replace(/^\/+/, ''), entry);
    declared += entry.uncompressedSize ?? 0;
  }
  if (declared > maxUnzipped) {
    throw unreadable(file, `it unpacks to ${formatBytes(declared)}, more than ${formatBytes(maxUnzipped)}: a zip bomb, or raise --max-bytes`);
  }
  return zip;
}

async function readText(zip: Zip, part: string, file: string): Promise<string | undefined> {
  const entry = zip.get(part);
  if (!entry) return undefined;
  try {
    return (await entry.buffer()).toString('utf8');
  } catch (error) {
    throw unreadable(file, `${part}: ${reasonOf(error)}`, error);
  }
}

// ---------------------------------------------------------------------------
// Which sheet.

interface SheetInfo {
  name: string;
  hidden: boolean;
  /** Path of its part in the zip, e.g. `xl/worksheets/sheet3.xml` (the number is not the tab order). */
  part: string;
  /** `worksheet`, `chartsheet`, `dialogsheet`, `xlMacrosheet`, or '' when its rels do not say. */
  type: string;
}

/** The sheets in tab order, as xl/workbook.xml lists them. */
async function listSheets(zip: Zip, file: string): Promise<SheetInfo[]> {
  const workbook = await readText(zip, 'xl/workbook.xml', file);
  if (workbook === undefined) throw unreadable(file, 'there is no xl/workbook.xml in it');
  const rels = new Map<string, XmlAttributes>();
  for (const rel of elements(await readText(zip, 'xl/_rels/workbook.xml.rels', file), 'Relationship')) {
    if (rel.Id !== undefined) rels.set(rel.Id, rel);
  }
  const sheets: SheetInfo[] = [];
  for (const sheet of elements(workbook, 'sheet')) {
    const rel = rels.get(relationshipId(sheet) ?? '');
    sheets.push({
      name: sheet.name ?? '',
      hidden: sheet.state === 'hidden' || sheet.state === 'veryHidden',
      part: rel?.Target === undefined ? '' : partPath('xl', rel.Target),
      type: rel?.Type?.split('/').pop() ?? '',
    });
  }
  return sheets;
}

/**
 * The sheet asked for; or, without --sheet, the first sheet a person sees (hidden
 * sheets and charts are not it) and the visible worksheets after it, to look for
 * the header in when the first has none.
 */
function chooseSheet(file: string, sheets: SheetInfo[], requested: string | undefined): { sheet: SheetInfo; others: SheetInfo[] } {
  if (sheets.length === 0) throw unreadable(file, 'its workbook lists no sheets');
  const wanted = requested?.trim() ?? '';
  let sheet: SheetInfo | undefined;
  let others: SheetInfo[] = [];
  if (wanted === '') {
    const visible = sheets.filter((s) => !s.hidden && isWorksheet(s) && isReadablePart(s));
    sheet = visible[0] ?? sheets.find((s) => isWorksheet(s)) ?? sheets[0];
    others = visible.slice(1);
  } else {
    sheet =
      sheets.find((s) => s.name === wanted) ??
      sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase()) ??
      (/^\d+$/.test(wanted) ? sheets[Number(wanted) - 1] : undefined);
    if (!sheet) {
      const asked = /^\d+$/.test(wanted) ? wanted : JSON.stringify(wanted);
      throw new InputError(`${file}: no sheet ${asked}; ${sheetChoices(sheets)}`);
    }
  }
  if (!sheet) throw unreadable(file, 'its workbook lists no sheets');
  if (!isWorksheet(sheet)) {
    const what = sheet.type === 'chartsheet' ? 'a chart sheet' : 'not a worksheet';
    throw new InputError(`${file}: sheet ${JSON.stringify(sheet.name)} is ${what}, it has no rows; ${sheetChoices(sheets)}`);
  }
  if (!isReadablePart(sheet)) {
    throw unreadable(file, `sheet ${JSON.stringify(sheet.name)} is stored as ${sheet.part}, which this reader cannot find`);
  }
  return { sheet, others };
}

/** exceljs's streaming reader only finds worksheets stored under this name. */
function isReadablePart(sheet: SheetInfo): boolean {
  return /^xl\/worksheets\/sheet\d+\.xml$/.test(sheet.part);
}

function isWorksheet(sheet: SheetInfo): boolean {
  return sheet.type === 'worksheet' || (sheet.type === '' && sheet.part.startsWith('xl/worksheets/'));
}

/** `the workbook has sheets: "Contacts", "Notes" (use --sheet NAME or --sheet 1..2)` */
function sheetChoices(sheets: SheetInfo[]): string {
  const shown = 20;
  const names = sheets.slice(0, shown).map((s) => JSON.stringify(s.name) + (s.hidden ? ' (hidden)' : ''));
  if (sheets.length > shown) names.push(`and ${sheets.length - shown} more`);
  const range = sheets.length === 1 ? '1' : `1..${sheets.length}`;
  return `the workbook has ${sheets.length === 1 ? 'one sheet' : 'sheets'}: ${names.join(', ')} (use --sheet NAME or --sheet ${range})`;
}

// ---------------------------------------------------------------------------
// Merged cells, and mailto: links on cells with no text.
//
// Both are listed after the rows (<mergeCells>, <hyperlinks>), so finding them
// takes a pass over the sheet's XML before the rows are read: inflated and
// searched as bytes, not parsed, which costs a few percent of the read. The
// pass also counts what the part really unpacks to, whatever its header says.
//
// In a merged range only the top-left cell holds a value; the others read as
// empty. A contact sheet with merged cells in its data rows (one Title merged
// over three people) would lose values silently, so covered cells are marked.
// While streaming, a cell's value is its shown text. A link is lost only where
// that text is empty, and its target is needed only when it is a mailto:
// address: looked for only when the sheet's rels hold a mailto: target at all.

/** Row number → [0-based column, what the cell holds instead of nothing]. */
type CellMarks = Map<number, [number, Cell][]>;

/** Ranges bigger than this are not a column of contacts; they are left alone. */
const MAX_CELLS_PER_RANGE = 100_000;

const MERGE_CELL = /<(?:[\w.-]+:)?mergeCell\s[^>]*>/g;
const HYPERLINK = /<(?:[\w.-]+:)?hyperlink\s[^>]*>/g;

async function scanSheet(path: string, zip: Zip, sheet: SheetInfo, file: string, maxUnzipped: number): Promise<CellMarks> {
  const entry = zip.get(sheet.part);
  if (!entry) return new Map();
  const addresses = await mailtoTargets(zip, sheet, file);
  const marks: CellMarks = new Map();
  let carry = '';
  let inflated = 0;
  try {
    for await (const chunk of await inflatedPart(path, entry)) {
      inflated += chunk.length;
      if (inflated > maxUnzipped) throw unreadable(file, `${sheet.part} unpacks to more than ${formatBytes(maxUnzipped)}: a zip bomb, or raise --max-bytes`);
      // latin1: one character per byte, and the tags and attributes looked for are ASCII.
      const text = carry + chunk.toString('latin1');
      let end = 0;
      for (const match of text.matchAll(MERGE_CELL)) {
        end = Math.max(end, (match.index ?? 0) + match[0].length);
        const ref = parseAttributes(match[0]).ref;
        if (ref !== undefined) markRange(marks, ref, (range) => ({ kind: 'merged', shown: range }));
      }
      if (addresses) {
        for (const match of text.matchAll(HYPERLINK)) {
          end = Math.max(end, (match.index ?? 0) + match[0].length);
          const attributes = parseAttributes(match[0]);
          const address = addresses.get(relationshipId(attributes) ?? '');
          if (address !== undefined && attributes.ref !== undefined) markRange(marks, attributes.ref, () => address, true);
        }
      }
      // Keep an element cut by the chunk's end for the next round.
      const open = text.lastIndexOf('<');
      carry = open >= end ? text.slice(open) : '';
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw unreadable(file, `${sheet.part}: ${reasonOf(error)}`, error);
  }
  return marks;
}

/** Relationship id → address, for the sheet's mailto: hyperlinks; undefined when it has none. */
async function mailtoTargets(zip: Zip, sheet: SheetInfo, file: string): Promise<Map<string, string> | undefined> {
  const relsPart = posix.join(posix.dirname(sheet.part), '_rels', `${posix.basename(sheet.part)}.rels`);
  const rels = await readText(zip, relsPart, file);
  if (rels === undefined || !/mailto:/i.test(rels)) return undefined;
  const addresses = new Map<string, string>();
  for (const rel of elements(rels, 'Relationship')) {
    const address = mailtoAddress(rel.Target);
    if (rel.Id !== undefined && address !== undefined && /hyperlink$/i.test(rel.Type ?? '')) addresses.set(rel.Id, address);
  }
  return addresses.size > 0 ? addresses : undefined;
}

/**
 * Marks the cells of a range (`B5:B7`). A merge marks all but its top-left cell,
 * which holds the value; a link marks every cell.
 */
function markRange(marks: CellMarks, ref: string, mark: (range: string) => Cell, topLeftToo = false): void {
  const [first = '', last = first] = ref.split(':');
  const from = decodeCellRef(first);
  const to = decodeCellRef(last);
  if (!from || !to) return;
  const rows = to.row - from.row + 1;
  const columns = to.column - from.column + 1;
  if (rows <= 0 || columns <= 0 || rows * columns > MAX_CELLS_PER_RANGE) return;
  const value = mark(ref.toUpperCase().replace(/\$/g, ''));
  for (let row = from.row; row <= to.row; row++) {
    let inRow = marks.get(row);
    if (!inRow) marks.set(row, (inRow = []));
    for (let column = from.column; column <= to.column; column++) {
      if (topLeftToo || row !== from.row || column !== from.column) inRow.push([column, value]);
    }
  }
}

/** `B12` → row 12, column 1 (0-based). */
function decodeCellRef(ref: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!match) return undefined;
  let column = 0;
  for (const letter of (match[1] ?? '').toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]), column: column - 1 };
}

// ---------------------------------------------------------------------------
// Just enough XML for workbook.xml and rels: attributes of empty elements.

type XmlAttributes = Record<string, string | undefined>;

function elements(xml: string | undefined, name: string): XmlAttributes[] {
  if (xml === undefined) return [];
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])[^>]*>`, 'g');
  return [...xml.matchAll(pattern)].map((match) => parseAttributes(match[0]));
}

function parseAttributes(tag: string): XmlAttributes {
  const attributes: XmlAttributes = {};
  for (const match of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes[match[1] ?? ''] = decodeEntities(match[2] ?? match[3] ?? '');
  }
  return attributes;
}

/** The `r:id` attribute, whatever prefix its namespace got. */
function relationshipId(attributes: XmlAttributes): string | undefined {
  for (const [key, value] of Object.entries(attributes)) if (key.endsWith(':id')) return value;
  return undefined;
}

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g, (whole, hex?: string, dec?: string, named?: string) => {
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    if (dec !== undefined) return String.fromCodePoint(Number(dec));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[named as 'lt'] ?? whole;
  });
}

/** A rels Target, relative to the folder of the part that owns the rels, as a zip path. */
function partPath(folder: string, target: string): string {
  return target.startsWith('/') ? posix.normalize(target).slice(1) : posix.normalize(posix.join(folder, target));
}

// ---------------------------------------------------------------------------

function unreadable(file: string, reason: string, cause?: unknown): InputError {
  return new InputError(`${file}: not a readable XLSX workbook (${reason}); ${SAVE_AGAIN}`, { cause });
}

function reasonOf(error: unknown): string {
  // Not `instanceof Error`: zlib's errors come from another realm under jest.
  const { message, code } = (typeof error === 'object' && error !== null ? error : {}) as { message?: unknown; code?: unknown };
  if (typeof message !== 'string') return String(error);
  if (message === 'FILE_ENDED') return 'the file ends too early';
  const line = message.split('\n', 1)[0]?.trim() || 'unknown error';
  const short = line.length > 120 ? `${line.slice(0, 117)}...` : line;
  if (typeof code === 'string' && code.startsWith('Z_')) return `damaged compressed data: ${short}`;
  // saxes, exceljs's XML parser, says where: "1:1390197: unexpected close tag."
  if (/^\d+:\d+: /.test(short)) return `damaged XML at ${short.replace(/\.$/, '')}`;
  return short;
}
