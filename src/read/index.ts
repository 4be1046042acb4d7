/**
 * Open a sheet file of any supported format: detect the format from its bytes,
 * find the header row (it may sit under a title, on a later worksheet) and map
 * it, and hand back the data rows as a stream, within the input limits.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Field } from '../judge/fields.js';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import type { RowCells } from '../judge/normalise.js';
import type { ColumnMap } from './column-map.js';
import { detectFormat } from './detect.js';
import { exportedFormulaError } from './cell-text.js';
import { columnLetter, type HeaderMapping } from './header.js';
import { cellProblem, isBlank, type FoundHeader } from './header-search.js';
import { DEFAULT_LIMITS, formatBytes, type InputLimits } from './limits.js';
import { SHEET_READERS } from './readers.js';
import type { Cell, SheetFormat, TextFacts } from './types.js';


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
  /** The file as the user named it, for what is said about the file itself (default: its base name). */
  named?: string;
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

export async function readSheet(path: string, options: ReadOptions = {}): Promise<ReadSheet> {
  const file = basename(path);
  const named = options.named ?? file;
  const limits: InputLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const { map } = options;
  const { format, size, head } = await detectFormat(path, named);
  if (size > limits.maxBytes) {
    throw new InputError(say('read.limit.fileTooBig', { file: named, size: formatBytes(size), max: formatBytes(limits.maxBytes) }));
  }
  const sha256 = hashFile(path);
  sha256.catch(() => undefined); // a read error surfaces from the reader; never as an unhandled rejection

  const found = await SHEET_READERS[format].findHeader({
    path,
    head,
    size,
    sheet: options.sheet ?? map?.sheet,
    encoding: options.encoding ?? map?.encoding,
    delimiter: options.delimiter ?? map?.delimiter,
    map,
    limits,
  });
  const { opened, header } = found;
  return {
    input: { file, format, ...(opened.sheet !== undefined ? { sheet: opened.sheet } : {}), ...(opened.text ? { text: opened.text } : {}), size, sha256 },
    header,
    ...dataRows(file, found, limits),
  };
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
            refused = new InputError(say('read.limit.rows', { file, max: limits.maxRows.toLocaleString('en-US'), row }));
          }
          if (refused) break;
          blank += pending;
          pending = 0;
          picked.push({ row, cells: pickFields(row, cells, fields) });
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

function pickFields(row: number, cells: Cell[], fields: [Field, number][]): RowCells {
  const picked: RowCells = {};
  for (const [field, index] of fields) {
    const cell = cells[index] ?? '';
    const odd = typeof cell === 'string' ? exportedFormulaError(cell) : cell;
    // An odd cell's message names the cell (`B7`); only here are its row and column both known.
    picked[field] = odd ? { ...odd, ref: `${columnLetter(index)}${row}` } : cell;
  }
  return picked;
}

/** `E-mail (column B)`: how messages name the column a field came from. */
export function columnNamer(header: HeaderMapping): (field: Field) => string {
  return (field) => {
    const index = header.columns[field];
    if (index === undefined) return field;
    const written = header.headers[index];
    const letter = columnLetter(index);
    return written === field ? say('read.column.named', { field, letter }) : say('read.column.namedAs', { field, letter, header: written! });
  };
}

/**
 * Read into one buffer, used again and again: a read stream's fresh buffer per
 * 64 KiB piles up until the garbage collector gets round to it (40 MB of a big
 * validate's peak, with the rows read on a worker thread).
 */
async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
