/**
 * `contact-import validate <sheet>`: read, validate, dedupe, count against the
 * contact limit (assuming an empty directory) and write the report. Offline:
 * no credentials, no network.
 */
import { say } from '../i18n/text.js';
import { join, resolve } from 'node:path';
import { RowJudge } from '../judge/judge.js';
import { Room } from '../plan/quota.js';
import { EXIT, ExitError, InputError } from '../errors.js';
import { attachLogFile, closeLogFile, type Logger } from '../terminal/log.js';
import { createReportDir, displayPath } from '../report/dir.js';
import { FixCollector } from '../report/fix-collector.js';
import { ProblemPrinter } from '../terminal/problems.js';
import { humanSummary } from '../terminal/summary-lines.js';
import { buildSummary, sheetFacts, StatusCounts } from '../report/summary.js';
import type { Summary } from '../report/types.js';
import { REPORT_FILES, ReportWriter } from '../report/writer.js';
import { columnNamer, readSheet, type ReadSheet } from '../read/index.js';
import { sheetSourceOf, type RunOutcome, type SheetRunOptions } from './run.js';

export { printMapping } from './print-mapping.js';

export interface ValidateOptions extends SheetRunOptions {
  /** How many problem lines to print before pointing at the report. @default 50 */
  maxProblemLines?: number;
  /** `--write-fixed`: where to write a copy with the unambiguous fixes applied. */
  writeFixed?: string;
}

export async function runValidate(options: ValidateOptions, log: Logger): Promise<RunOutcome> {
  const startedAt = new Date();
  const path = resolve(options.cwd, options.file);
  const sheet = await readSheet(path, options.read);
  log.debug(say('run.read.debug', { file: sheet.input.file, format: sheet.input.format, row: sheet.header.row }));
  const fixes = options.writeFixed === undefined ? undefined : await FixCollector.prepare(path, sheet, resolve(options.cwd, options.writeFixed), options.read.limits);

  const reportDir = await createReportDir(options.cwd, options.file, options.reportDir, startedAt);
  const report = await ReportWriter.create(reportDir);
  await attachLogFile(log, join(reportDir, REPORT_FILES.log));
  const shownDir = displayPath(options.cwd, reportDir);
  /** The disk is full, or the folder went read-only: validate stops (exit 2) with the rows written so far. */
  const stopIfReportFailed = (): void => {
    if (report.failure) throw new InputError(say('run.report.cannotWrite', { dir: shownDir, failure: report.failure }));
  };
  const counts = new StatusCounts();
  const room = new Room(options.contactLimit, null); // the planner's quota rule, against an empty directory
  /** Set once the report is closed: a failure after that (the fixed copy) does not close it again. */
  let finished = false;
  const finish = async (exitCode: number): Promise<Summary> => {
    finished = true;
    const quota = { limit: room.limit, existing: 0, planned: room.planned, remaining: room.size - room.planned, basis: 'assumed-empty' as const };
    const facts = await sheetFacts(sheet);
    const summary = buildSummary({ ...facts, command: 'validate', endpoint: null, site: options.site, counts, quota, dryRun: true, exitCode, startedAt, finishedAt: new Date() });
    await report.close(summary);
    return summary;
  };

  try {
    await judgeRows(sheet, options, { room, report, counts, ...(fixes ? { fixes } : {}), problems: new ProblemPrinter(log, options.maxProblemLines ?? 50), stopIfReportFailed });
    const exitCode = counts.get('valid') === counts.rows ? EXIT.ok : EXIT.rowsNotImported;
    const summary = await finish(exitCode);
    stopIfReportFailed();
    const source = sheetSourceOf(path, summary, options.read.limits);
    await report.annotate(fixes?.source.checked ? { ...source, checked: fixes.source.checked } : source, sheet.header, log);
    for (const line of humanSummary(summary, shownDir)) log.info(line);
    if (fixes) log.info(await fixes.write(source, options.cwd));
    await report.linkCopies(fixes?.path);
    return { exitCode, summary, reportDir };
  } catch (error) {
    options.progress?.stop();
    if (!finished) {
      // The sheet broke part-way (a bad quote, bytes that are not UTF-8): keep what was read.
      await finish(error instanceof ExitError ? error.exitCode : EXIT.internal);
      log.info(say('run.report.soFar', { dir: shownDir }));
    }
    throw error;
  } finally {
    await closeLogFile(log);
  }
}

/** Every row judged in sheet order, counted, written to the report and, if it has a problem, printed. */
async function judgeRows(sheet: ReadSheet, options: ValidateOptions, sinks: { room: Room; report: ReportWriter; counts: StatusCounts; fixes?: FixCollector; problems: ProblemPrinter; stopIfReportFailed: () => void }): Promise<void> {
  const { room, report, counts, fixes, problems, stopIfReportFailed } = sinks;
  const judge = new RowJudge({ site: options.site, room, columnOf: columnNamer(sheet.header) });
  options.progress?.start('reading');
  for await (const batch of sheet.batches) {
    const results = batch.map((row) => {
      const { result } = judge.judge(row);
      fixes?.collect(row, result);
      counts.add(result);
      problems.print(result);
      return result;
    });
    report.append(results);
    options.progress?.tick(batch.at(-1)?.row, batch.length);
    // Once a batch: the report files are written as fast as the disk takes them, no faster.
    await report.drained();
    stopIfReportFailed();
  }
  options.progress?.stop();
  problems.printHidden();
}
