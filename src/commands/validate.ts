/**
 * `contact-import validate <sheet>`: read, validate, dedupe, count against the
 * contact limit (assuming an empty directory) and write the report. Offline:
 * no credentials, no network.
 */
import { join, resolve } from 'node:path';
import { RowJudge } from '../judge/judge.js';
import { EXIT, ExitError, InputError } from '../errors.js';
import { attachLogFile, closeLogFile, type Logger } from '../terminal/log.js';
import { createReportDir, displayFile, displayPath } from '../report/dir.js';
import { ProblemPrinter } from '../terminal/problems.js';
import { humanSummary } from '../terminal/summary-lines.js';
import { buildSummary, sheetFacts, StatusCounts } from '../report/summary.js';
import type { Summary } from '../report/types.js';
import { REPORT_FILES, ReportWriter } from '../report/writer.js';
import { columnNamer, readSheet, type DataRow, type ReadSheet } from '../read/index.js';
import type { MappingFile } from '../read/column-map.js';
import { checkFixedCopy, writeFixedCopy, type FixedCopySource, type RowFixes } from '../report/fixed-copy.js';
import type { HeaderMapping } from '../read/header.js';
import type { InputLimits } from '../read/limits.js';
import { cellDisplay } from '../read/types.js';
import type { RowResult } from '../report/types.js';
import { sheetSourceOf, type RunOutcome, type SheetRunOptions } from './run.js';

export interface ValidateOptions extends SheetRunOptions {
  /** How many problem lines to print before pointing at the report. @default 50 */
  maxProblemLines?: number;
  /** `--write-fixed`: where to write a copy with the unambiguous fixes applied. */
  writeFixed?: string;
}

/** `--print-mapping`: how the sheet would be read, as a mapping file; no row is judged. */
export async function printMapping(options: SheetRunOptions, log: Logger): Promise<MappingFile> {
  const sheet = await readSheet(resolve(options.cwd, options.file), options.read);
  await sheet.close();
  const { input, header } = sheet;
  const text = input.text;
  log.info(`${input.file}${input.sheet ? ` (sheet "${input.sheet}")` : ''}: header on row ${header.row}${text ? `, read as ${text.decoding.encoding} with delimiter ${JSON.stringify(text.delimiter)}` : ''}`);
  const { mappingFileOf } = await import('../read/column-map.js'); // zod, only for mapping files
  return mappingFileOf(header, {
    ...(input.sheet !== undefined ? { sheet: input.sheet } : {}),
    ...(text ? { encoding: text.decoding.encoding, delimiter: text.delimiter } : {}),
  });
}

export async function runValidate(options: ValidateOptions, log: Logger): Promise<RunOutcome> {
  const startedAt = new Date();
  const path = resolve(options.cwd, options.file);
  const sheet = await readSheet(path, options.read);
  log.debug(`read ${sheet.input.file} as ${sheet.input.format}, header on row ${sheet.header.row}`);
  const fixedCopy = options.writeFixed === undefined ? undefined : fixedCopySource(path, sheet, options.read.limits);
  if (fixedCopy) await checkFixedCopy(fixedCopy, resolve(options.cwd, options.writeFixed!));
  const fixes: RowFixes = new Map();

  const reportDir = await createReportDir(options.cwd, options.file, options.reportDir, startedAt);
  const report = await ReportWriter.create(reportDir);
  await attachLogFile(log, join(reportDir, REPORT_FILES.log));

  const judge = new RowJudge({
    site: options.site,
    room: options.contactLimit,
    limit: options.contactLimit,
    columnOf: columnNamer(sheet.header),
  });
  const counts = new StatusCounts();
  const problems = new ProblemPrinter(log, options.maxProblemLines ?? 50);
  /** Set once the report is closed: a failure after that (the fixed copy) does not close it again. */
  let finished = false;
  const finish = async (exitCode: number): Promise<Summary> => {
    finished = true;
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
    await report.close(summary, 'validate');
    return summary;
  };
  /** The disk is full, or the folder went read-only: validate stops (exit 2) with the rows written so far. */
  const stopIfReportFailed = (): void => {
    if (report.failure) throw new InputError(`cannot write the report in ${displayPath(options.cwd, reportDir)}: ${report.failure}`);
  };

  const progress = options.progress;
  try {
    progress?.start('reading');
    for await (const batch of sheet.batches) {
      for (const row of batch) {
        const { result } = judge.judge(row);
        if (fixedCopy) collectFixes(fixes, row, result, sheet.header);
        counts.add(result.status);
        report.append(result);
        problems.print(result);
      }
      progress?.tick(batch.at(-1)?.row, batch.length);
      // Once a batch: the report files are written as fast as the disk takes them, no faster.
      await report.drained();
      stopIfReportFailed();
    }
    progress?.stop();
    problems.printHidden();
    const exitCode = counts.get('valid') === counts.rows ? EXIT.ok : EXIT.rowsNotImported;
    const summary = await finish(exitCode);
    stopIfReportFailed();
    const source = sheetSourceOf(path, summary, options.read.limits);
    await report.annotate(fixedCopy?.checked ? { ...source, checked: fixedCopy.checked } : source, sheet.header, log);
    for (const line of humanSummary(summary, displayPath(options.cwd, reportDir))) log.info(line);
    if (fixedCopy) {
      Object.assign(fixedCopy, source);
      const target = resolve(options.cwd, options.writeFixed!);
      await writeFixedCopy(fixedCopy, target, fixes);
      const cells = [...fixes.values()].reduce((n, row) => n + row.length, 0);
      log.info(`  fixed copy: ${cells} cell${cells === 1 ? '' : 's'} in ${fixes.size} row${fixes.size === 1 ? '' : 's'} fixed: ${displayFile(options.cwd, target)}`);
    }
    return { exitCode, summary, reportDir };
  } catch (error) {
    progress?.stop();
    if (!finished) {
      // The sheet broke part-way (a bad quote, bytes that are not UTF-8): keep what was read.
      await finish(error instanceof ExitError ? error.exitCode : EXIT.internal);
      log.info(`report of the rows read so far: ${displayPath(options.cwd, reportDir)}`);
    }
    throw error;
  } finally {
    await closeLogFile(log);
  }
}

function fixedCopySource(path: string, sheet: ReadSheet, limits: Partial<InputLimits> | undefined): FixedCopySource {
  const { format, sheet: name } = sheet.input;
  return { path, format, ...(name !== undefined ? { sheet: name } : {}), ...(limits ? { limits } : {}), headerRow: sheet.header.row, headerWidth: sheet.header.headers.length };
}

/** The row's unambiguous fixes (a guess is never applied), with the cell text they replace. */
function collectFixes(fixes: RowFixes, row: DataRow, result: RowResult, header: HeaderMapping): void {
  const fixed = result.errors.flatMap((error) => {
    const column = error.field === null ? undefined : header.columns[error.field];
    if (!error.unambiguous || error.suggestion === undefined || column === undefined || error.field === null) return [];
    return [{ field: error.field, column, from: cellDisplay(row.cells[error.field]).trim(), to: error.suggestion }];
  });
  // One fix per field: a field with two problems (length and letters) carries the same suggestion twice.
  const unique = fixed.filter((fix, i) => fixed.findIndex((other) => other.field === fix.field) === i);
  if (unique.length > 0) fixes.set(row.row, unique);
}
