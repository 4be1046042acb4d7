/**
 * CSV rows, streamed: bytes → text in the sheet's encoding (see decode.ts) →
 * csv-parse records, split on the sniffed delimiter (see sniff.ts).
 * A record that spans several lines (a quoted new line) is one row, as in a spreadsheet.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { parse, CsvError } from 'csv-parse';
import { InputError } from '../errors.js';
import { chooseEncoding, decodeHead, SheetDecoder } from './decode.js';
import { drain } from './drain.js';
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

/**
 * @param head the file's first bytes, already read to detect its format
 * @param size the file's size, to know whether `head` is all of it
 */
export function openCsv(path: string, head: Buffer, size: number, options: CsvOptions): OpenedSheet {
  const name = basename(path);
  const choice = chooseEncoding(name, head, head.length >= size, options.encoding);
  const sniffed = options.delimiter === undefined ? sniffDelimiter(decodeHead(head, choice), options.headerScore) : undefined;
  const delimiter = options.delimiter ?? sniffed!.delimiter;
  const decoder = new SheetDecoder(choice, name);
  return {
    format: 'csv',
    text: { decoding: decoder.state, delimiter, delimiterSource: sniffed ? 'detected' : 'option' },
    rows: csvRows(path, decoder, delimiter, options.maxRecordLength),
  };
}

async function* csvRows(path: string, decoder: SheetDecoder, delimiter: string, maxRecordLength: number): AsyncGenerator<SheetRow> {
  const name = basename(path);
  const source = createReadStream(path);
  const parser = parse({
    delimiter,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: maxRecordLength,
    // Each record with the line it ends on, so a broken quote can be placed (see describeCsvError).
    info: true,
  });
  source.on('error', (error) => parser.destroy(error));
  decoder.on('error', (error) => parser.destroy(error));
  source.pipe(decoder).pipe(parser);
  let row = 0;
  let lastLine = 0;
  try {
    for await (const { record, info } of drain<{ record: string[]; info: { lines: number } }>(parser)) {
      row++;
      lastLine = info.lines;
      yield { row, cells: record };
    }
  } catch (error) {
    throw describeCsvError(name, lastLine + 1, error, maxRecordLength);
  } finally {
    // Also when the caller stops early (a bad header): do not leave the file open.
    source.destroy();
  }
}

/** @param recordLine the line the record being parsed starts on */
function describeCsvError(name: string, recordLine: number, error: unknown, maxRecordLength: number): Error {
  if (error instanceof CsvError) {
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      return new InputError(
        `${name}: malformed CSV: the quoted field that starts on line ${recordLine} is never closed; fix the quotes or export the sheet again`,
        { cause: error },
      );
    }
    if (error.code === 'CSV_MAX_RECORD_SIZE') {
      return new InputError(
        `${name}: the record that starts on line ${recordLine} runs past ${maxRecordLength.toLocaleString('en-US')} characters: a quote left open, or not a contact sheet`,
        { cause: error },
      );
    }
    const line = (error as CsvError & { lines?: number }).lines ?? recordLine;
    const what = error.code === 'CSV_INVALID_CLOSING_QUOTE' ? 'a quote appears inside a field that is not quoted' : error.message;
    return new InputError(`${name}: malformed CSV at line ${line}: ${what}; fix the quotes or export the sheet again`, { cause: error });
  }
  return error as Error;
}
