/**
 * `contact-import validate <sheet>`: read, validate, dedupe, count against the
 * contact limit (assuming an empty directory) and write the report. Offline:
 * no credentials, no network.
 */
import { join, resolve } from 'node:path';
import { RowJudge } from '../contact/judge.js';
import { EXIT, ExitError } from '../errors.js';
import { attachLogFile, closeLogFile, type Logger } from '../log.js';
import { chooseReportDir, displayPath } from '../report/dir.js';
import { ProblemPrinter } from '../report/problems.js';
import { buildSummary, humanSummary, sheetFacts, StatusCounts } from '../report/summary.js';
import type { Summary } from '../report/types.js';
import { REPORT_FILES, ReportWriter } from '../report/writer.js';
import { columnNamer, readSheet } from '../sheet/index.js';
import type { RunOutcome, SheetRunOptions } from './run.js';

export interface ValidateOptions extends SheetRunOptions {
  /** How many problem lines to print before pointing at the report. @default 50 */
  maxProblemLines?: number;
}

export async function runValidate(options: ValidateOptions, log: Logger): Promise<RunOutcome> {
  const startedAt = new Date();
  const path = resolve(options.cwd, options.file);
  const sheet = await readSheet(path, { sheet: options.sheet });
  log.debug(`read ${sheet.input.file} as ${sheet.input.format}, header on row ${sheet.header.row}`);

  const reportDir = chooseReportDir(options.cwd, options.file, options.reportDir, startedAt);
  const report = await ReportWriter.create(reportDir);
  attachLogFile(log, join(reportDir, REPORT_FILES.log));

  const judge = new RowJudge({
    site: options.site,
    room: options.contactLimit,
    limit: options.contactLimit,
    columnOf: columnNamer(sheet.header),
  });
  const counts = new StatusCounts();
  const problems = new ProblemPrinter(log, options.maxProblemLines ?? 50);
  const finish = async (exitCode: number): Promise<Summary> => {
    const planned = Math.min(counts.get('valid'), options.contactLimit);
    const summary = buildSummary({
      ...(await sheetFacts(sheet)),
      counts,
      quota: { limit: options.contactLimit, existing: 0, planned, remaining: options.contactLimit - planned },
      dryRun: true,
      exitCode,
      startedAt,
      finishedAt: new Date(),
    });
    await report.close(summary);
    return summary;
  };

  try {
    for await (const row of sheet.rows) {
      const { result } = judge.judge(row);
      counts.add(result.status);
      await report.append(result);
      problems.print(result);
    }
    problems.printHidden();
    const exitCode = counts.get('valid') === counts.rows ? EXIT.ok : EXIT.rowsNotImported;
    const summary = await finish(exitCode);
    for (const line of humanSummary(summary, displayPath(options.cwd, reportDir))) log.info(line);
    return { exitCode, summary, reportDir };
  } catch (error) {
    // The sheet broke part-way (a bad quote, bytes that are not UTF-8): keep what was read.
    await finish(error instanceof ExitError ? error.exitCode : EXIT.internal);
    log.info(`report of the rows read so far: ${displayPath(options.cwd, reportDir)}`);
    throw error;
  } finally {
    await closeLogFile(log);
  }
}
