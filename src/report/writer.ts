/**
 * Writes the report folder as rows become known: results.json and results.csv
 * grow one row at a time (so memory stays flat and a stopped run still leaves
 * every finished row on disk), summary.json is written last.
 * Files are private to the user (0600 in a 0700 folder): they hold contact details.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvLine } from './csv-cell.js';
import { suggestionText } from './summary.js';
import type { RowResult, Summary } from './types.js';

export const REPORT_FILES = {
  json: 'results.json',
  csv: 'results.csv',
  summary: 'summary.json',
  log: 'log.jsonl',
} as const;

const CHUNK_CHARS = 64 * 1024;
const CSV_HEADER = ['row', 'name', 'email', 'status', 'code', 'message', 'contactId', 'requestId'];

export class ReportWriter {
  private rowsWritten = 0;
  private pendingJson = '';
  private pendingCsv = '';

  private constructor(
    readonly dir: string,
    private readonly json: WriteStream,
    private readonly csv: WriteStream,
  ) {}

  static async create(dir: string): Promise<ReportWriter> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const open = (name: string) => createWriteStream(join(dir, name), { mode: 0o600 });
    const writer = new ReportWriter(dir, open(REPORT_FILES.json), open(REPORT_FILES.csv));
    await Promise.all([once(writer.json, 'open'), once(writer.csv, 'open')]);
    writer.json.write('{"version":1,"rows":[');
    writer.csv.write(csvLine(CSV_HEADER));
    return writer;
  }

  get rows(): number {
    return this.rowsWritten;
  }

  /**
   * Appends one row. Rows are gathered into chunks of about 64 KiB, so a fast
   * validation of a large sheet makes few writes; a chunk is written at once
   * when it is full or when `flush()` is called (the importer calls it after each row).
   */
  async append(result: RowResult): Promise<void> {
    this.pendingJson += (this.rowsWritten === 0 ? '\n' : ',\n') + JSON.stringify(result);
    this.pendingCsv += csvLine(csvValues(result));
    this.rowsWritten++;
    if (this.pendingJson.length + this.pendingCsv.length >= CHUNK_CHARS) await this.flush();
  }

  /** Writes what is gathered; waits only when the disk is behind, so memory stays bounded. */
  async flush(): Promise<void> {
    if (this.pendingJson) this.json.write(this.pendingJson);
    if (this.pendingCsv) this.csv.write(this.pendingCsv);
    this.pendingJson = '';
    this.pendingCsv = '';
    // Check each stream when we get to it: one may drain while we wait for the other.
    if (this.json.writableNeedDrain) await once(this.json, 'drain');
    if (this.csv.writableNeedDrain) await once(this.csv, 'drain');
  }

  /** Closes the row files and writes summary.json. */
  async close(summary: Summary): Promise<void> {
    await this.flush();
    this.json.end('\n]}\n');
    this.csv.end();
    await Promise.all([once(this.json, 'close'), once(this.csv, 'close')]);
    await writeFile(join(this.dir, REPORT_FILES.summary), JSON.stringify(summary, null, 2) + '\n', { mode: 0o600 });
  }
}

function csvValues(result: RowResult): (string | number | undefined)[] {
  const codes = result.errors.map((e) => e.code).join('; ');
  const messages = result.errors
    .map((e) => e.message + suggestionText(e))
    .join('; ');
  return [result.row ?? '', result.name, result.email, result.status, codes, messages, result.contactId, result.requestId];
}
