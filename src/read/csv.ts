/**
 * CSV rows, streamed: bytes → UTF-8 bytes (see decode.ts) → csv-parse records,
 * split on the sniffed delimiter (see sniff.ts), handed on in batches (one
 * await per chunk of the file, not per row).
 * A record that spans several lines (a quoted new line) is one row, as in a spreadsheet.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { parse, CsvError, type Options as CsvParseOptions, type Parser } from 'csv-parse';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import { chooseEncoding, decodeHead, SheetDecoder, type DecodeState, type EncodingChoice } from './decode.js';
import { drain } from './drain.js';
import { LineLimit } from './line-limit.js';
import { sniffDelimiter } from './sniff.js';
import type { OpenedSheet, SheetRow } from './types.js';

export interface CsvOptions {
  /** `--encoding`: overrides detection. */
  encoding?: string;
  /** `--delimiter`: overrides sniffing. */
  delimiter?: string;
  /** How many fields a line's cells map to, for sniffing the delimiter from the header line. */
  headerScore: (cells: string[]) => number;
  /** Longest record csv-parse may build, in characters: bounds memory on a quote left open. */
  maxRecordLength: number;
}

/** How the file is read: the same the second time, when a broken record's line is looked for. */
export interface CsvReading {
  path: string;
  choice: EncodingChoice;
  delimiter: string;
  maxRecordLength: number;
}

/**
 * @param head the file's first bytes, already read to detect its format
 * @param size the file's size, to know whether `head` is all of it
 */
export function openCsv(path: string, head: Buffer, size: number, options: CsvOptions): OpenedSheet {
  const choice = chooseEncoding(basename(path), head, head.length >= size, options.encoding);
  const sniffed = options.delimiter === undefined ? sniffDelimiter(decodeHead(head, choice), options.headerScore) : undefined;
  const reading: CsvReading = { path, choice, delimiter: options.delimiter ?? sniffed!.delimiter, maxRecordLength: options.maxRecordLength };
  const { decoding, batches } = csvRows(reading);
  return { format: 'csv', text: { decoding, delimiter: reading.delimiter, delimiterSource: sniffed ? 'detected' : 'option' }, batches };
}

/** The rows of a CSV, and how its bytes are being decoded. */
function csvRows(reading: CsvReading): { decoding: DecodeState; batches: AsyncIterable<SheetRow[]> } {
  const decoder = new SheetDecoder(reading.choice, reading.path);
  return { decoding: decoder.state, batches: csvBatches(reading, decoder) };
}

function records(reading: CsvReading, decoder: SheetDecoder, extra: CsvParseOptions = {}) {
  const source = createReadStream(reading.path);
  // A record of `maxRecordLength` characters fits in this many bytes in any encoding.
  const lines = new LineLimit(basename(reading.path), reading.maxRecordLength * 4);
  const parser = parse({
    delimiter: reading.delimiter,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: reading.maxRecordLength,
    ...extra,
  });
  acceptAnyLength(parser);
  const fail = (error: Error) => parser.destroy(error);
  source.on('error', fail);
  decoder.on('error', fail);
  lines.on('error', fail);
  source.pipe(decoder).pipe(lines).pipe(parser);
  return { source, parser };
}

/** The parts of csv-parse's inner parser that acceptAnyLength touches. */
interface CsvParseApi {
  state: { record: unknown[]; expectedRecordLength: number };
  __onRecord(...args: unknown[]): unknown;
}

/**
 * csv-parse builds an error, stack trace and all, for every record whose
 * length differs from the first record's, relax_column_count or not, only to
 * drop it: a tenth of a millisecond for each blank line or short row (a file
 * of 5 MB of new lines took minutes). Here every record has the length
 * expected: a row has the cells it has. (Set as plain data before each record:
 * an accessor on the parser's state would slow its every step.)
 */
function acceptAnyLength(parser: Parser): void {
  const api = (parser as unknown as { api?: CsvParseApi }).api;
  const onRecord = api?.__onRecord;
  if (!api || typeof onRecord !== 'function' || !('expectedRecordLength' in api.state)) return;
  api.__onRecord = function (this: CsvParseApi, ...args: unknown[]) {
    this.state.expectedRecordLength = this.state.record.length;
    return onRecord.apply(this, args);
  };
}

async function* csvBatches(reading: CsvReading, decoder: SheetDecoder): AsyncGenerator<SheetRow[]> {
  const { source, parser } = records(reading, decoder);
  let row = 0;
  try {
    for await (const batch of drain<string[]>(parser)) {
      const rows = new Array<SheetRow>(batch.length);
      for (let i = 0; i < batch.length; i++) rows[i] = { row: ++row, cells: batch[i]! };
      yield rows;
    }
  } catch (error) {
    throw await describeCsvError(reading, row, error);
  } finally {
    // Also when the caller stops early (a bad header): do not leave the file open.
    source.destroy();
  }
}

/**
 * The line the record after the first `count` starts on. Worked out only when
 * a record is broken, by reading the file again: asking csv-parse for every
 * record's line costs a twentieth of a read.
 */
async function lineAfterRecords(reading: CsvReading, count: number): Promise<number> {
  const { source, parser } = records(reading, new SheetDecoder(reading.choice, reading.path), { info: true });
  let seen = 0;
  let line = 0;
  try {
    for await (const batch of drain<{ info: { lines: number } }>(parser)) {
      for (const { info } of batch) {
        if (++seen > count) return line + 1;
        line = info.lines;
      }
    }
  } catch {
    // The same break as the first time: `line` ends the last good record.
  } finally {
    source.destroy();
  }
  return line + 1;
}

async function describeCsvError(reading: CsvReading, goodRecords: number, error: unknown): Promise<Error> {
  if (!(error instanceof CsvError)) return error as Error;
  const name = basename(reading.path);
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    const line = await lineAfterRecords(reading, goodRecords);
    return new InputError(say('read.csv.quoteNotClosed', { file: name, line }), { cause: error });
  }
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    const line = await lineAfterRecords(reading, goodRecords);
    return new InputError(say('read.csv.recordTooLong', { file: name, line, max: reading.maxRecordLength.toLocaleString('en-US') }), {
      cause: error,
    });
  }
  const line = (error as CsvError & { lines?: number }).lines ?? (await lineAfterRecords(reading, goodRecords));
  const message =
    error.code === 'CSV_INVALID_CLOSING_QUOTE'
      ? say('read.csv.quoteInField', { file: name, line })
      : say('read.csv.malformed', { file: name, line, reason: error.message });
  return new InputError(message, { cause: error });
}
