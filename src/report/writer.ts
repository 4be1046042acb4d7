/**
 * Writes the report folder as rows become known: results.json and results.csv
 * grow one row at a time (so memory stays flat and a stopped run still leaves
 * every finished row on disk, results.json closed as valid JSON at every
 * moment); summary.json and report.html are written last, each whole,
 * the page from the rows kept for it (bounded, see html.ts).
 * Files are private to the user (0600 in a 0700 folder): they hold contact details.
 *
 * A write that fails (the disk is full, see report-file.ts) does not throw:
 * `failure` says what went wrong, and the caller stops the run and says so.
 */
import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import { fileProblem, writeFileAtomically } from '../own-files.js';
import type { Logger } from '../terminal/log.js';
import type { SheetSource } from './copy.js';
import type { HeaderMapping } from '../read/header.js';
import { reasonOf } from '../read/xlsx-zip.js';
import { ANNOTATED_MAX_ROWS, AnnotationKeeper, writeAnnotated } from './annotated.js';
import { csvLine } from './csv-cell.js';
import { HtmlRowKeeper, renderHtmlReport, type PageFiles } from './html.js';
import { formatNumber } from './html-words.js';
import { ReportFile } from './report-file.js';
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

/** How every results.json begins: how an earlier report of ours is recognised (see dir.ts). */
export const RESULTS_JSON_START = '{"version":1,"rows":[';
const RESULTS_JSON_END = '\n]}\n';

const CSV_HEADER = ['row', 'name', 'email', 'status', 'code', 'message', 'contactId', 'requestId'];

export class ReportWriter {
  private rowsWritten = 0;
  private readonly kept = new HtmlRowKeeper();
  /** What summary.json says, kept to write the page again with its links. */
  private summary: Summary | undefined;
  /** summary.json or report.html could not be written. */
  private pageFailure: NodeJS.ErrnoException | undefined;
  /** What annotated.xlsx marks, row by row (see annotated.ts). */
  readonly marks = new AnnotationKeeper();
  /** annotated.xlsx was written (report.html links it). */
  private annotated = false;

  private constructor(
    readonly dir: string,
    private readonly json: ReportFile,
    private readonly csv: ReportFile,
  ) {}

  /** Starts the report in `dir`, a folder made fresh for it (see dir.ts); one that cannot be written is one line, exit 2. */
  static async create(dir: string): Promise<ReportWriter> {
    const files: ReportFile[] = [];
    try {
      // results.json ends in its closing `]}` at every moment: valid JSON whenever the run stops.
      files.push(await ReportFile.open(join(dir, REPORT_FILES.json), { tail: RESULTS_JSON_END }));
      files.push(await ReportFile.open(join(dir, REPORT_FILES.csv)));
      const writer = new ReportWriter(dir, files[0]!, files[1]!);
      files[0]!.write(RESULTS_JSON_START);
      // A BOM: Excel on Windows reads a CSV without one in the ANSI code page, and Chinese names as mojibake.
      files[1]!.write('\uFEFF' + csvLine(CSV_HEADER));
      // Written at once: nothing is attempted before the report can be written.
      if (await writer.save()) return writer;
      throw files[0]!.failure ?? files[1]!.failure;
    } catch (error) {
      await Promise.all(files.map((file) => file.close()));
      // The folder was made for this run a moment ago: a report that could not start is not left half made.
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      throw new InputError(say('report.dir.cannotWrite', { dir, reason: fileProblem(error) }), { cause: error });
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
   * Appends rows to results.json and results.csv: validate a batch of the sheet
   * at a time, the importer each row as it ends. Call `drained()` now and then
   * (validate: once a batch) to wait while the disk is behind, and `save()` to
   * wait until the rows are on disk (the importer, after each row it sent).
   */
  append(results: readonly RowResult[]): void {
    let json = '';
    let csv = '';
    for (const result of results) {
      json += (this.rowsWritten === 0 ? '\n' : ',\n') + rowJson(result);
      csv += csvRow(result);
      this.kept.add(result);
      this.marks.add(result);
      this.rowsWritten++;
    }
    this.json.write(json);
    this.csv.write(csv);
  }

  /** Waits while the disk is behind, so memory stays bounded. */
  async drained(): Promise<void> {
    // One after the other: a file may drain while we wait for the other.
    await this.json.flush();
    await this.csv.flush();
  }

  /** Waits until the rows appended so far are on disk: false if they are not (see `failure`). */
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
    if (!this.marks.anyProblem) return void log.debug(say('report.annotated.nothingToMark'));
    if (this.marks.tooMany) return void log.debug(say('report.annotated.tooManyRows', { max: formatNumber(ANNOTATED_MAX_ROWS) }));
    try {
      await writeAnnotated(source, header, this.marks.rows, join(this.dir, REPORT_FILES.annotated));
      this.annotated = true;
    } catch (error) {
      log.warn(say('report.annotated.notWritten', { reason: annotationProblem(error) }));
    }
  }

  /**
   * Closes the row files, then writes report.html and summary.json unless a
   * write failed. Never throws for a file that cannot be written: `failure` says.
   */
  async close(summary: Summary): Promise<void> {
    await Promise.all([this.json.close(), this.csv.close()]);
    if (this.failure) return;
    this.summary = summary;
    try {
      // Each whole or not at all, whenever the run is stopped (docs/contract.md, Interruption).
      await writeFileAtomically(join(this.dir, REPORT_FILES.html), this.page(summary));
      // Last: a summary.json on disk says the files before it were written whole.
      await writeFileAtomically(join(this.dir, REPORT_FILES.summary), JSON.stringify(summary, null, 2) + '\n');
    } catch (error) {
      this.pageFailure = error as NodeJS.ErrnoException;
    }
  }

  /**
   * Once the copies are written (annotated.xlsx, the corrected copy at `fixedCopy`),
   * report.html again with links to them: a new file put in place of the old one
   * in one rename, so the page is whole at every moment. A page that cannot be
   * replaced stays as it was, without the links.
   */
  async linkCopies(fixedCopy?: string): Promise<void> {
    if (!this.summary || this.failure || (!this.annotated && fixedCopy === undefined)) return;
    await writeFileAtomically(join(this.dir, REPORT_FILES.html), this.page(this.summary, fixedCopy)).catch(() => undefined);
  }

  private page(summary: Summary, fixedCopy?: string): string {
    const files: PageFiles = { annotated: this.annotated, ...(fixedCopy !== undefined ? { fixedCopy: relative(this.dir, fixedCopy) } : {}) };
    return renderHtmlReport(summary, this.kept.kept, files);
  }
}

/** Why annotated.xlsx could not be made, in one line: the sheet could not be loaded (see copy.ts), or the copy written. */
function annotationProblem(error: unknown): string {
  if (error instanceof InputError) return error.message;
  return say('report.annotated.cannotWrite', { reason: (error as NodeJS.ErrnoException).code ? fileProblem(error) : reasonOf(error) });
}

/** The row as a line of results.csv. */
function csvRow({ row, name, email, status, errors, contactId, requestId }: RowResult): string {
  const codes = errors.map((error) => error.code).join('; ');
  const messages = errors.map((error) => error.message + suggestionText(error)).join('; ');
  return csvLine([row ?? '', name, email, status, codes, messages, contactId, requestId]);
}

/** The row as JSON, its keys in the order the report promises, undefined ones left out. */
function rowJson(result: RowResult): string {
  const { row, name, email, status, errors, notes, contactId, requestId, attempts, previous, after } = result;
  // The report has values in full: the masked text is for the console.
  const full = errors.map(({ masked: _masked, ...error }) => error);
  return JSON.stringify({ row, name, email, status, errors: full, notes, contactId, requestId, attempts, previous, after });
}
