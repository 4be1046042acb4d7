/**
 * Writes the report folder as rows become known: results.json and results.csv
 * grow one row at a time (so memory stays flat and a stopped run still leaves
 * every finished row on disk); summary.json and report.html are written last,
 * the page from the rows kept for it (bounded, see html.ts).
 * Files are private to the user (0600 in a 0700 folder): they hold contact details.
 *
 * A write that fails (the disk is full, see chunked-file.ts) does not throw:
 * `failure` says what went wrong, and the caller stops the run and says so.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { fileProblem, writeNewFile } from '../own-files.js';
import type { Logger } from '../terminal/log.js';
import type { SheetSource } from './copy.js';
import type { HeaderMapping } from '../read/header.js';
import { reasonOf } from '../read/xlsx-zip.js';
import { ANNOTATED_MAX_ROWS, AnnotationKeeper, writeAnnotated } from './annotated.js';
import { ChunkedFile } from './chunked-file.js';
import { csvCell, csvLine } from './csv-cell.js';
import { HtmlRowKeeper, renderHtmlReport } from './html.js';
import { suggestionText } from './summary.js';
import type { ReportError, RowResult, Summary } from './types.js';

export const REPORT_FILES = {
  json: 'results.json',
  csv: 'results.csv',
  summary: 'summary.json',
  html: 'report.html',
  annotated: 'annotated.xlsx',
  log: 'log.jsonl',
} as const;

/** How every results.json begins: how an earlier report of ours is recognised (see dir.ts). */
export const RESULTS_JSON_START = '{"version":1,"rows":[';

const CSV_HEADER = ['row', 'name', 'email', 'status', 'code', 'message', 'contactId', 'requestId'];

/** A row's errors as they go into the files; worked out once for rows that share them. */
interface ErrorCells {
  errors: readonly ReportError[];
  json: string;
  codes: string;
  messages: string;
}

export class ReportWriter {
  private rowsWritten = 0;
  /**
   * The errors of the last two rows that had any. Every row past the contact
   * limit shares one array (judge.ts), with an invalid or duplicate row now and
   * then in between: that array is serialised once, not after each of those.
   */
  private lastErrors: ErrorCells | undefined;
  private errorsBefore: ErrorCells | undefined;
  private readonly page = new HtmlRowKeeper();
  /** summary.json or report.html could not be written. */
  private pageFailure: NodeJS.ErrnoException | undefined;
  /** What annotated.xlsx marks, row by row (see annotated.ts). */
  readonly marks = new AnnotationKeeper();

  private constructor(
    readonly dir: string,
    private readonly json: ChunkedFile,
    private readonly csv: ChunkedFile,
  ) {}

  /** Starts the report in `dir`, a folder made fresh for it (see dir.ts); one that cannot be written is one line, exit 2. */
  static async create(dir: string): Promise<ReportWriter> {
    const files: ChunkedFile[] = [];
    try {
      for (const name of [REPORT_FILES.json, REPORT_FILES.csv]) files.push(await ChunkedFile.open(join(dir, name)));
      const writer = new ReportWriter(dir, files[0]!, files[1]!);
      files[0]!.add(RESULTS_JSON_START);
      files[1]!.add(csvLine(CSV_HEADER));
      // Written at once: nothing is attempted before the report can be written.
      if (await writer.save()) return writer;
      throw files[0]!.failure ?? files[1]!.failure;
    } catch (error) {
      await Promise.all(files.map((file) => file.close()));
      // The folder was made for this run a moment ago: a report that could not start is not left half made.
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      throw new InputError(`cannot write the report in ${dir}: ${fileProblem(error)}`, { cause: error });
    }
  }

  /** What went wrong writing the report, if anything did: "the disk is full (ENOSPC)". */
  get failure(): string | undefined {
    const error = this.json.failure ?? this.csv.failure ?? this.pageFailure;
    return error === undefined ? undefined : fileProblem(error);
  }

  get rows(): number {
    return this.rowsWritten;
  }

  /**
   * Appends one row to what is gathered. Synchronous, so a big sheet pays no
   * promise per row; call `drained()` now and then (validate: once a batch) to
   * write full chunks, and `save()` to put everything on disk now (the
   * importer, after each row it sent).
   */
  append(result: RowResult): void {
    const errors = this.cellsOf(result.errors);
    this.json.add((this.rowsWritten === 0 ? '\n' : ',\n') + rowJson(result, errors.json));
    this.csv.add(
      `${csvCell(result.row ?? '')},${csvCell(result.name)},${csvCell(result.email)},${csvCell(result.status)},${errors.codes},${errors.messages},${csvCell(result.contactId)},${csvCell(result.requestId)}\r\n`,
    );
    this.page.add(result);
    this.marks.add(result);
    this.rowsWritten++;
  }

  private cellsOf(errors: readonly ReportError[]): ErrorCells {
    if (errors.length === 0) return NO_ERRORS;
    if (errors === this.lastErrors?.errors) return this.lastErrors;
    const cells = errors === this.errorsBefore?.errors ? this.errorsBefore : errorCells(errors);
    this.errorsBefore = this.lastErrors;
    this.lastErrors = cells;
    return cells;
  }

  /** Writes the gathered rows once a chunk is due (see chunked-file.ts), waiting only when the disk is behind. */
  async drained(): Promise<void> {
    if (this.json.due || this.csv.due) await this.flush();
  }

  /** Writes what is gathered; waits only when the disk is behind, so memory stays bounded. */
  async flush(): Promise<void> {
    // One after the other: a file may drain while we wait for the other.
    await this.json.flush();
    await this.csv.flush();
  }

  /** Writes what is gathered and waits until it is on disk: false if it is not (see `failure`). */
  async save(): Promise<boolean> {
    const [json, csv] = await Promise.all([this.json.save(), this.csv.save()]);
    return json && csv;
  }

  /**
   * Writes annotated.xlsx, the sheet with its problems marked, when there is
   * something to mark (a clean sheet is spared loading exceljs) and it has at
   * most ANNOTATED_MAX_ROWS rows. Never throws: a copy that cannot be made is
   * one warning, and the run's outcome stands (results.csv has every row).
   */
  async annotate(source: SheetSource, header: HeaderMapping, log: Logger): Promise<void> {
    const skipped = !this.marks.anyProblem
      ? 'no row has a problem to mark'
      : this.marks.tooMany
        ? `more than ${ANNOTATED_MAX_ROWS.toLocaleString('en-US')} rows; results.csv has every row`
        : undefined;
    if (skipped) return void log.debug(`annotated.xlsx not written: ${skipped}`);
    try {
      await writeAnnotated(source, header, this.marks.rows, join(this.dir, REPORT_FILES.annotated));
    } catch (error) {
      log.warn(`annotated.xlsx not written: ${annotationProblem(error)}; results.csv has every row`);
    }
  }

  /**
   * Closes the row files, then writes report.html and summary.json (`title`:
   * the command, for the page) unless a write failed. Never throws for a file
   * that cannot be written: `failure` says.
   */
  async close(summary: Summary, title: string): Promise<void> {
    await Promise.all([this.json.close('\n]}\n'), this.csv.close()]);
    if (this.failure) return;
    try {
      await writeNewFile(join(this.dir, REPORT_FILES.html), renderHtmlReport(summary, this.page.kept, title));
      // Last: a summary.json on disk says the files before it were written whole.
      await writeNewFile(join(this.dir, REPORT_FILES.summary), JSON.stringify(summary, null, 2) + '\n');
    } catch (error) {
      this.pageFailure = error as NodeJS.ErrnoException;
    }
  }
}

/**
 * The row as JSON, its keys in the order DESIGN.md gives them (whatever order
 * the object was built in), undefined ones left out. Written out key by key:
 * this runs once per row of the sheet.
 */
function rowJson(result: RowResult, errorsJson: string): string {
  let json = `{"row":${result.row},"name":${jsonString(result.name)},"email":${jsonString(result.email)},"status":"${result.status}","errors":${errorsJson}`;
  if (result.notes !== undefined) json += `,"notes":${JSON.stringify(result.notes)}`;
  if (result.contactId !== undefined) json += `,"contactId":${jsonString(result.contactId)}`;
  if (result.requestId !== undefined) json += `,"requestId":${jsonString(result.requestId)}`;
  if (result.attempts !== undefined) json += `,"attempts":${result.attempts}`;
  return json + '}';
}

/** Text JSON.stringify would write as it is, between quotes: no quote, backslash, control character or surrogate. */
const JSON_AS_IS = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** A JSON string: most names and addresses need no escaping, and quoting them is cheaper than JSON.stringify. */
function jsonString(text: string): string {
  return JSON_AS_IS.test(text) ? `"${text}"` : JSON.stringify(text);
}

/** Why annotated.xlsx could not be made, in one line: the sheet could not be loaded (see copy.ts), or the copy written. */
function annotationProblem(error: unknown): string {
  if (error instanceof InputError) return error.message;
  return `it could not be written: ${(error as NodeJS.ErrnoException).code ? fileProblem(error) : reasonOf(error)}`;
}

const NO_ERRORS: ErrorCells = { errors: [], json: '[]', codes: '', messages: '' };

/** The errors' JSON, and their codes and messages as results.csv cells (see CSV_HEADER). */
function errorCells(errors: readonly ReportError[]): ErrorCells {
  let codes = '';
  let messages = '';
  for (let i = 0; i < errors.length; i++) {
    const error = errors[i]!;
    const separator = i === 0 ? '' : '; ';
    codes += separator + error.code;
    messages += separator + error.message + suggestionText(error);
  }
  return { errors, json: JSON.stringify(errors), codes: csvCell(codes), messages: csvCell(messages) };
}
