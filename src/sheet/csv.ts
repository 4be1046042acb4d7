/**
 * CSV rows, streamed: bytes → strict UTF-8 text (BOM dropped) → csv-parse records.
 * A record that spans several lines (a quoted new line) is one row, as in a spreadsheet.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { InputError } from '../errors.js';
import { drain } from './drain.js';
import type { OpenedSheet, SheetRow } from './types.js';

/** Decodes UTF-8 across chunk boundaries and refuses bytes that are not UTF-8 (e.g. GBK). */
class Utf8Decoder extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  constructor() {
    super({ readableObjectMode: false, decodeStrings: true, encoding: 'utf8' });
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      done(null, this.decoder.decode(chunk, { stream: true }));
    } catch (error) {
      done(error as Error);
    }
  }
  override _flush(done: TransformCallback): void {
    try {
      done(null, this.decoder.decode());
    } catch (error) {
      done(error as Error);
    }
  }
}

export interface CsvOptions {
  delimiter?: string;
}

export async function openCsv(path: string, source: Readable = createReadStream(path), options: CsvOptions = {}): Promise<OpenedSheet> {
  return { format: 'csv', encoding: 'utf-8', rows: csvRows(path, source, options) };
}

async function* csvRows(path: string, source: Readable, options: CsvOptions): AsyncGenerator<SheetRow> {
  const name = basename(path);
  const decoder = new Utf8Decoder();
  const parser = parse({
    delimiter: options.delimiter ?? ',',
    relax_column_count: true,
    skip_empty_lines: false,
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
    throw describeCsvError(name, lastLine + 1, error);
  } finally {
    // Also when the caller stops early (a bad header): do not leave the file open.
    source.destroy();
  }
}

/** @param recordLine the line the record being parsed starts on */
function describeCsvError(name: string, recordLine: number, error: unknown): Error {
  // Compare codes, not classes: the decoder's TypeError may come from another realm.
  const code = (error as { code?: string }).code;
  if (code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
    return new InputError(
      `${name}: is not UTF-8 text; it may be GBK from Excel's "Save as CSV" — save it as "CSV UTF-8" instead`,
      { cause: error },
    );
  }
  if (error instanceof CsvError) {
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      return new InputError(
        `${name}: malformed CSV: the quoted field that starts on line ${recordLine} is never closed; fix the quotes or export the sheet again`,
        { cause: error },
      );
    }
    const line = (error as CsvError & { lines?: number }).lines ?? recordLine;
    const what = error.code === 'CSV_INVALID_CLOSING_QUOTE' ? 'a quote appears inside a field that is not quoted' : error.message;
    return new InputError(`${name}: malformed CSV at line ${line}: ${what}; fix the quotes or export the sheet again`, { cause: error });
  }
  return error as Error;
}
