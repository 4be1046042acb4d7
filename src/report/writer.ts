/**
 * Writes the report folder as rows become known: results.json and results.csv
 * grow one row at a time (so memory stays flat and a stopped run still leaves
 * every finished row on disk); summary.json and report.html are written last,
 * the page from the rows kept for it (bounded, see html.ts).
 * Files are private to the user (0600 in a 0700 folder): they hold contact details.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SheetSource } from '../sheet/copy.js';
import type { HeaderMapping } from '../sheet/header.js';
import { ANNOTATED_MAX_ROWS, AnnotationKeeper, writeAnnotated } from './annotated.js';
import { csvLine } from './csv-cell.js';
import { HtmlRowKeeper, renderHtmlReport } from './html.js';
import { suggestionText } from './summary.js';
import type { RowResult, Summary } from './types.js';

export const REPORT_FILES = {
  json: 'results.json',
  csv: 'results.csv',
  summary: 'summary.json',
  html: 'report.html',
  annotated: 'annotated.xlsx',
  log: 'log.jsonl',
} as const;

/**
 * Rows are gathered into chunks this big before they are written, and the file
 * streams buffer a few chunks before `append` waits for the disk: a 1,000,000-row
 * validate makes a few hundred writes, and the CPU never waits on one.
 */
const CHUNK_CHARS = 256 * 1024;
const STREAM_BUFFER = 4 * CHUNK_CHARS;
const CSV_HEADER = ['row', 'name', 'email', 'status', 'code', 'message', 'contactId', 'requestId'];

export class ReportWriter {
  private rowsWritten = 0;
  private pendingJson = '';
  private pendingCsv = '';
  private readonly page = new HtmlRowKeeper();
  /** What annotated.xlsx marks, row by row (see annotated.ts). */
  readonly marks = new AnnotationKeeper();

  private constructor(
    readonly dir: string,
    private readonly json: WriteStream,
    private readonly csv: WriteStream,
  ) {}

  static async create(dir: string): Promise<ReportWriter> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const open = (name: string) => createWriteStream(join(dir, name), { mode: 0o600, highWaterMark: STREAM_BUFFER });
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
   * Appends one row. Rows are gathered into chunks (see CHUNK_CHARS); a chunk
   * is written when it is full or when `flush()` is called (the importer calls
   * it after each row).
   */
  async append(result: RowResult): Promise<void> {
    this.pendingJson += (this.rowsWritten === 0 ? '\n' : ',\n') + JSON.stringify(result);
    this.pendingCsv += csvLine(csvValues(result));
    this.page.add(result);
    this.marks.add(result);
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

  /**
   * annotated.xlsx, the sheet with its problems marked, when there is something
   * to mark (a clean sheet is spared loading exceljs) and it has at most
   * ANNOTATED_MAX_ROWS rows. Returns why it was not written, if it was not.
   */
  async annotate(source: SheetSource, header: HeaderMapping): Promise<string | undefined> {
    if (!this.marks.anyProblem) return 'no row has a problem to mark';
    if (this.marks.tooMany) return `more than ${ANNOTATED_MAX_ROWS.toLocaleString('en-US')} rows; results.csv has every row`;
    await writeAnnotated(source, header, this.marks.rows, join(this.dir, REPORT_FILES.annotated));
    return undefined;
  }

  /** Closes the row files and writes summary.json and report.html (`title`: the command, for the page). */
  async close(summary: Summary, title: string): Promise<void> {
    await this.flush();
    this.json.end('\n]}\n');
    this.csv.end();
    await Promise.all([once(this.json, 'close'), once(this.csv, 'close')]);
    await writeFile(join(this.dir, REPORT_FILES.summary), JSON.stringify(summary, null, 2) + '\n', { mode: 0o600 });
    await writeFile(join(this.dir, REPORT_FILES.html), renderHtmlReport(summary, this.page.kept, title), { mode: 0o600 });
  }
}

function csvValues(result: RowResult): (string | number | undefined)[] {
  const codes = result.errors.map((e) => e.code).join('; ');
  const messages = result.errors
    .map((e) => e.message + suggestionText(e))
    .join('; ');
  return [result.row ?? '', result.name, result.email, result.status, codes, messages, result.contactId, result.requestId];
}
