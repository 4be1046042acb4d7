/**
 * The report of one `import` run: every row recorded as it is known (rows that
 * were sent are on disk before the next call), the run stopped before its
 * first write, and the closing summary, annotated copy and console lines.
 */
import { basename, join, resolve } from 'node:path';
import { say } from '../i18n/text.js';
import { EXIT } from '../errors.js';
import { endpointUrl } from '../directory/endpoint.js';
import { notAttempted, type Plan } from '../plan/plan.js';
import { roomLeft } from '../plan/quota.js';
import { createReportDir, displayPath } from '../report/dir.js';
import { EventLog } from '../report/events.js';
import { buildSummary, StatusCounts } from '../report/summary.js';
import { GOOD_STATUSES, type RowResult, type RowStatus, type Summary } from '../report/types.js';
import { ReportWriter } from '../report/writer.js';
import { attachLogFile, closeLogFile, type Logger } from '../terminal/log.js';
import { ProblemPrinter } from '../terminal/problems.js';
import { humanSummary, shownRow } from '../terminal/summary-lines.js';
import { directoryIdentity } from '../directory/connect.js';
import type { RowSource } from './import-steps.js';
import type { DirectoryRunOptions } from './on-directory.js';
import { sheetSourceOf, type RunOutcome } from './run.js';

/** What the report says of the run, as data: which command, when it started, and for undo the report it reverses. */
export interface ReportedRun {
  command: 'import' | 'undo';
  startedAt: Date;
  undoes?: Summary['undoes'];
}

/** Statuses of rows that were sent: flushed to disk at once. */
const WRITTEN: ReadonlySet<RowStatus> = new Set(['created', 'updated', 'deleted', 'restored', 'failed']);

export class ImportReport {
  private readonly counts = new StatusCounts();
  private readonly problems: ProblemPrinter;
  /** Contacts added: created, and restored by an add (undo: a restored row with no `previous` had nothing before it). */
  private added = 0;
  /** Every row so far is good: created, updated, unchanged… with no problem. */
  allGood = true;
  /** Set once the run has been reported: a failure after that does not report it again. */
  private finished = false;
  /** The report could not be written and the run stopped for it (apply's stop line said why). */
  private stoppedByReport = false;
  /** Known once the directory was listed; undefined when the run stopped before (summary.json: `quota: null`). */
  quota: Plan['quota'] | undefined;

  private constructor(
    private readonly options: DirectoryRunOptions,
    private readonly source: RowSource,
    private readonly facts: ReportedRun,
    private readonly log: Logger,
    readonly dir: string,
    private readonly report: ReportWriter,
    readonly events: EventLog,
  ) {
    this.problems = new ProblemPrinter(log, 50);
  }

  static async open(options: DirectoryRunOptions, source: RowSource, facts: ReportedRun, log: Logger): Promise<ImportReport> {
    // An undo's folder is named after the report it reverses: reports/<stamp>-undo-<folder>/.
    const named = source.origin.kind === 'report' ? `undo-${basename(source.origin.path)}` : source.origin.path;
    const dir = await createReportDir(options.cwd, named, options.reportDir, facts.startedAt);
    const report = await ReportWriter.create(dir);
    const events = await EventLog.open(dir);
    events.phase('read', { file: source.facts.input.file, rows: source.rows.length, ...(source.origin.kind !== 'sheet' ? { [source.origin.kind]: source.origin.path } : {}) });
    await attachLogFile(log, join(dir, 'log.jsonl'));
    return new ImportReport(options, source, facts, log, dir, report, events);
  }

  readonly record = async (result: RowResult): Promise<void> => {
    const { report } = this;
    this.counts.add(result);
    if (result.status === 'created' || (result.status === 'restored' && !result.previous)) this.added++;
    this.events.row(result);
    if (!GOOD_STATUSES.has(result.status) || result.errors.length > 0) this.allGood = false;
    report.append([result]);
    this.options.progress?.tick(result.row);
    // A row that was sent is on disk before the next call: a run that is killed still leaves it in the report,
    // and one the disk cannot take is printed, so no contact that was created goes unrecorded.
    if (!WRITTEN.has(result.status)) await report.drained();
    else if (!(await report.save())) this.log.error(say('run.report.notSaved', { row: JSON.stringify(shownRow(result, this.log.mask)) }));
    if (result.status !== 'failed' && result.status !== 'not_attempted') this.problems.print(result);
  };

  /** The report could not be written: the run stops before its next row, with this reason. */
  readonly stopBeforeRow = (): string | undefined => {
    if (!this.report.failure) return undefined;
    this.stoppedByReport = true;
    return say('run.report.cannotWriteStop', { dir: displayPath(this.options.cwd, this.dir), failure: this.report.failure });
  };

  /** The run stopped before its first write (the directory side: exit 3; a lock folder it cannot use: 2): every valid row is not_attempted. */
  async stopBeforeWrite(message: string, exitCode: number = EXIT.directory): Promise<RunOutcome> {
    this.log.error(message);
    for (const { result, sendable } of this.source.rows) await this.record(sendable ? notAttempted(result, message) : result);
    return this.finish(exitCode);
  }

  async finish(exitCode: number): Promise<RunOutcome> {
    const { options, report, source, log } = this;
    this.finished = true;
    this.problems.printHidden();
    exitCode = this.withReportFailure(exitCode);
    const summary = buildSummary({
      ...source.facts,
      command: this.facts.command,
      endpoint: endpointUrl(options.endpoint),
      directory: directoryIdentity(options),
      ...(this.facts.undoes ? { undoes: this.facts.undoes } : {}),
      site: options.site,
      counts: this.counts,
      quota: this.quotaAfter(),
      dryRun: options.dryRun,
      exitCode,
      startedAt: this.facts.startedAt,
      finishedAt: new Date(),
    });
    await report.close(summary);
    if (report.failure && !this.stoppedByReport) log.error(say('run.report.cannotWriteIncomplete', { dir: displayPath(options.cwd, this.dir), failure: report.failure }));
    exitCode = this.withReportFailure(exitCode);
    // Only a sheet is read again to mark its problems: a saved plan or a report has no cells to mark.
    if (source.origin.kind === 'sheet' && !report.failure) {
      const copy = sheetSourceOf(resolve(options.cwd, source.origin.path), summary, options.read?.limits);
      await report.annotate({ ...copy, ...(source.copyCheck ? { checked: source.copyCheck } : {}) }, source.facts.header, log);
      await report.linkCopies();
    }
    this.events.phase('finish', { exitCode, counts: summary.counts, quota: summary.quota });
    for (const line of humanSummary(summary, displayPath(options.cwd, this.dir))) log.info(line);
    return { exitCode, summary, reportDir: this.dir };
  }

  /** The quota as the run left it: a real run's room counts what it added and deleted; a dry run's, what the plan would. */
  private quotaAfter(): Summary['quota'] {
    if (!this.quota) return null;
    const { limit, existing } = this.quota;
    const remaining = this.options.dryRun ? this.quota.remaining : roomLeft(limit, existing, this.added, this.counts.get('deleted'));
    return { ...this.quota, remaining, basis: 'listed' };
  }

  /** A bug: still leave the rows known so far on disk, unless the run was reported already. */
  async finishAfterBug(): Promise<void> {
    if (!this.finished) await this.finish(EXIT.internal).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.events.close();
    await closeLogFile(this.log);
  }

  /** A report that could not be written: exit 2 if nothing was sent, else 3; a graver code stands. */
  private withReportFailure(exitCode: number): number {
    if (!this.report.failure || (exitCode !== EXIT.ok && exitCode !== EXIT.rowsNotImported)) return exitCode;
    return [...WRITTEN].some((status) => this.counts.get(status) > 0) ? EXIT.directory : EXIT.usage;
  }
}
