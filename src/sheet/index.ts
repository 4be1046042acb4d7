/**
 * Open a sheet file of any supported format: detect the format from its bytes,
 * find the header row (it may sit under a title, on a later worksheet) and map
 * it, and hand back the data rows as a stream, within the input limits.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Field } from '../contact/fields.js';
import { InputError } from '../errors.js';
import type { RowCells } from '../contact/normalise.js';
import type { ColumnMap } from './column-map.js';
import { openCsv } from './csv.js';
import { detectFormat } from './detect.js';
import { columnLetter, headerProblem, headerScore, readHeader, type HeaderCandidate, type HeaderMapping } from './header.js';
import { DEFAULT_LIMITS, formatBytes, maxRecordLength, UNZIPPED_PER_BYTE, type InputLimits } from './limits.js';
import { parseDelimiter } from './sniff.js';
import type { Cell, OpenedSheet, SheetFormat, SheetRow, TextFacts } from './types.js';

/** The header is looked for in this many rows at the top of a sheet. */
export const HEADER_SEARCH_ROWS = 20;

export interface ReadOptions {
  /** XLSX: worksheet name or 1-based position; without it, the first worksheet with a header. */
  sheet?: string;
  /** CSV: the encoding, instead of detecting it. */
  encoding?: string;
  /** CSV: the delimiter, instead of sniffing it. */
  delimiter?: string;
  /** `--map`: headers we could not guess. */
  map?: ColumnMap;
  limits?: Partial<InputLimits>;
}

export interface SheetInput {
  file: string;
  format: SheetFormat;
  sheet?: string;
  /** CSV: how its text was read. */
  text?: TextFacts;
  size: number;
  /** Resolves to the sha256 of the file's bytes (hashed alongside the read). */
  sha256: Promise<string>;
}

export interface DataRow {
  row: number;
  cells: RowCells;
}

export interface ReadSheet {
  input: SheetInput;
  header: HeaderMapping;
  /**
   * Data rows after the header, in order, as the reader hands them on (a parser
   * chunk at a time); blank rows are left out and counted in `blankRows()`.
   * (`eachRow` gives them one at a time, for callers that need no speed.)
   */
  batches: AsyncIterable<DataRow[]>;
  /** Blank rows skipped between data rows so far (trailing ones are not counted: they are nothing). */
  blankRows(): number;
  /** Stops reading (closes the file) when the rows are not read to the end. */
  close(): Promise<void>;
}

/** A row with nothing in it; cells covered by a merge hold nothing of their own. */
export function isBlank(cells: Cell[]): boolean {
  return cells.every((cell) => cell === undefined || (typeof cell === 'string' ? cell.trim() === '' : cell.kind === 'merged'));
}

export async function readSheet(path: string, options: ReadOptions = {}): Promise<ReadSheet> {
  const file = basename(path);
  const limits: InputLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const { map } = options;
  const { format, size, head } = await detectFormat(path);
  if (size > limits.maxBytes) {
    throw new InputError(`${file}: the file is ${formatBytes(size)}, more than the ${formatBytes(limits.maxBytes)} a sheet may be; raise --max-bytes if it really is a contact sheet`);
  }
  const sha256 = hashFile(path);
  sha256.catch(() => undefined); // a read error surfaces from the reader; never as an unhandled rejection

  let found: FoundHeader;
  if (format === 'csv') {
    const delimiter = options.delimiter ?? map?.delimiter;
    const opened = openCsv(path, head, size, {
      encoding: options.encoding ?? map?.encoding,
      ...(delimiter !== undefined ? { delimiter: parseDelimiter(delimiter) } : {}),
      headerScore: (cells) => headerScore(cells, map),
      maxRecordLength: maxRecordLength(limits),
    });
    found = await findHeader(file, opened, map, limits);
  } else {
    found = await findHeaderInWorkbook(path, options.sheet ?? map?.sheet, map, limits, size);
  }
  const { opened, header } = found;
  return {
    input: { file, format, ...(opened.sheet !== undefined ? { sheet: opened.sheet } : {}), ...(opened.text ? { text: opened.text } : {}), size, sha256 },
    header,
    ...dataRows(file, found, limits),
  };
}

interface FoundHeader {
  opened: OpenedSheet;
  header: HeaderMapping;
  /** The rest of the sheet, after the header row: what is left of the header's batch, then the batches after it. */
  rest: SheetRow[];
  batches: AsyncIterator<SheetRow[]>;
}

/** The header, or why there is none (without the file name: the caller says which file, which sheet). */
type Search = { found: FoundHeader } | { problem: string };

/**
 * The header is the first of the top rows that maps every required field
 * (or the row the mapping file pins). Rows above it are titles and notes.
 */
async function searchHeader(opened: OpenedSheet, map: ColumnMap | undefined, limits: InputLimits, file: string): Promise<Search> {
  const batches = opened.batches[Symbol.asyncIterator]();
  const lastRow = map?.headerRow ?? HEADER_SEARCH_ROWS;
  let best: HeaderCandidate | undefined;
  let blankOnly = true;
  try {
    search: for (let next = await batches.next(); !next.done; next = await batches.next()) {
      const batch = next.value;
      for (let i = 0; i < batch.length; i++) {
        const { row, cells } = batch[i]!;
        if (row > lastRow) break search;
        checkCells(file, row, cells, limits);
        if (isBlank(cells) || (map?.headerRow !== undefined && row !== map.headerRow)) continue;
        blankOnly = false;
        const candidate = readHeader(row, cells, map);
        if (candidate.missing.length === 0) {
          const problem = headerProblem(candidate, map);
          if (problem) throw new InputError(`${file}: ${problem}`);
          const { columns, headers, ignored } = candidate;
          return { found: { opened, header: { row, columns, headers, ignored }, rest: batch.slice(i + 1), batches } };
        }
        if (!best || Object.keys(candidate.columns).length > Object.keys(best.columns).length) best = candidate;
      }
    }
  } catch (error) {
    await batches.return?.();
    throw error;
  }
  await batches.return?.();
  if (blankOnly) {
    const where = map?.headerRow !== undefined ? `row ${map.headerRow} (pinned by ${map.file}) is blank` : `the first ${HEADER_SEARCH_ROWS} rows are blank`;
    return { problem: `${where}, so there is no header row; a row near the top must name the columns (Name, Email, Title, MessageTypes…)` };
  }
  const problem = headerProblem(best!, map)!;
  const looked = map?.headerRow !== undefined ? ` (row ${map.headerRow}, as ${map.file} says)` : ` (looked through the first ${HEADER_SEARCH_ROWS} rows)`;
  return { problem: problem + looked };
}

async function findHeader(file: string, opened: OpenedSheet, map: ColumnMap | undefined, limits: InputLimits): Promise<FoundHeader> {
  const search = await searchHeader(opened, map, limits, file);
  if ('problem' in search) throw new InputError(`${file}: ${search.problem}`);
  return search.found;
}

/** Without --sheet, the first worksheet (in tab order) whose top rows hold a header: instructions often come first. */
async function findHeaderInWorkbook(
  path: string,
  sheet: string | undefined,
  map: ColumnMap | undefined,
  limits: InputLimits,
  size: number,
): Promise<FoundHeader> {
  const file = basename(path);
  const maxUnzipped = Math.max(limits.maxBytes, size) * UNZIPPED_PER_BYTE;
  // The XLSX reader only when a workbook is read: CSV runs start without it.
  const { openXlsx } = await import('./xlsx.js');
  const first = await openXlsx(path, { sheet, maxUnzipped });
  const sheets = [first.sheet!, ...(first.otherSheets ?? [])];
  const problems: string[] = [];
  for (const [i, name] of sheets.entries()) {
    const opened = i === 0 ? first : await openXlsx(path, { sheet: name, maxUnzipped });
    const search = await searchHeader(opened, map, limits, file);
    if ('found' in search) return search.found;
    problems.push(`sheet ${JSON.stringify(name)}: ${search.problem}`);
  }
  if (problems.length === 1) throw new InputError(`${file}: ${problems[0]}`);
  throw new InputError(`${file}: no sheet has a header row; ${problems.join('; ')}; name the sheet with --sheet, or the headers in a mapping file (--map)`);
}

function dataRows(file: string, { header, rest, batches }: FoundHeader, limits: InputLimits): Pick<ReadSheet, 'batches' | 'blankRows' | 'close'> {
  let blank = 0;
  /** Blank rows since the last data row: counted only once another data row follows. */
  let pending = 0;
  let previousRow = header.row;
  let count = 0;
  const fields = Object.entries(header.columns) as [Field, number][];

  async function* generate(): AsyncGenerator<DataRow[]> {
    try {
      for (let batch = rest; ; ) {
        const picked: DataRow[] = [];
        let refused: InputError | undefined;
        for (const { row, cells } of batch) {
          // Rows absent from an XLSX file are blank rows too.
          pending += Math.max(0, row - previousRow - 1);
          previousRow = row;
          if (isBlank(cells)) {
            pending++;
            continue;
          }
          refused = cellProblem(file, row, cells, limits);
          if (!refused && ++count > limits.maxRows) {
            refused = new InputError(`${file}: more than ${limits.maxRows.toLocaleString('en-US')} data rows (row ${row}); raise --max-rows if the sheet really is that long`);
          }
          if (refused) break;
          blank += pending;
          pending = 0;
          picked.push({ row, cells: pickFields(cells, fields) });
        }
        // The rows before a refused one are reported, however the file fell into batches.
        if (picked.length > 0) yield picked;
        if (refused) throw refused;
        const next = await batches.next();
        if (next.done) break;
        batch = next.value;
      }
    } finally {
      await batches.return?.();
    }
  }

  const dataBatches = generate();
  return {
    batches: dataBatches,
    blankRows: () => blank,
    // A generator not yet started skips its `finally`: close the reader under it too.
    close: async () => {
      await dataBatches.return(undefined);
      await batches.return?.();
    },
  };
}

function checkCells(file: string, row: number, cells: Cell[], limits: InputLimits): void {
  const problem = cellProblem(file, row, cells, limits);
  if (problem) throw problem;
}

function cellProblem(file: string, row: number, cells: Cell[], limits: InputLimits): InputError | undefined {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell === 'string' && cell.length > limits.maxCellLength) {
      return new InputError(
        `${file}: row ${row}, column ${columnLetter(i)}: a cell of ${cell.length.toLocaleString('en-US')} characters, more than the ${limits.maxCellLength.toLocaleString('en-US')} a cell may have`,
      );
    }
  }
  return undefined;
}

function pickFields(cells: Cell[], fields: [Field, number][]): RowCells {
  const picked: RowCells = {};
  for (const [field, index] of fields) picked[field] = cells[index] ?? '';
  return picked;
}

/** `E-mail (column B)`: how messages name the column a field came from. */
export function columnNamer(header: HeaderMapping): (field: Field) => string {
  return (field) => {
    const index = header.columns[field];
    if (index === undefined) return field;
    const written = header.headers[index];
    return written === field ? `${field} (column ${columnLetter(index)})` : `${field} (column ${columnLetter(index)} "${written}")`;
  };
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
