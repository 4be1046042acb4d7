/**
 * `contact-import import <sheet>`: read and judge every row, list the directory,
 * plan, check the gates, then apply one call at a time and report every row.
 * Nothing is written before the plan has passed the gates (run rule 1).
 */
import { join, resolve } from 'node:path';
import { type VerificationChoice } from '../apply/apply.js';
import { connectDirectory, lockKey, type DirectoryOptions } from '../directory/connect.js';
import { endpointUrl } from '../directory/endpoint.js';
import { EXIT, ExitError } from '../errors.js';
import { attachLogFile, closeLogFile, type Logger } from '../terminal/log.js';
import { retryLogger } from '../terminal/directory-lines.js';
import { DEFAULT_MAX_DELETE, type Mode } from '../defaults.js';
import { notAttempted, planImport, type Plan } from '../plan/plan.js';
import { driftOf } from '../plan/saved.js';
import { createReportDir, displayPath } from '../report/dir.js';
import { EventLog } from '../report/events.js';
import { ProblemPrinter } from '../terminal/problems.js';
import { humanSummary } from '../terminal/summary-lines.js';
import { buildSummary, StatusCounts } from '../report/summary.js';
import { GOOD_STATUSES, type RowResult, type RowStatus } from '../report/types.js';
import { ReportWriter } from '../report/writer.js';
import { acquireLock, type HeldLock } from '../directory/lock.js';
import { sheetSourceOf, type RunOutcome, type SheetRunOptions } from './run.js';
import { carryOut, listDirectory, savedSource, savePlan, sheetSource } from './import-steps.js';

/** Statuses of rows that were sent: flushed to disk at once. */
const WRITTEN: ReadonlySet<RowStatus> = new Set(['created', 'updated', 'deleted', 'failed']);

export interface ImportOptions extends SheetRunOptions, DirectoryOptions {
  skipInvalid: boolean;
  allowPartial: boolean;
  dryRun: boolean;
  /** @default 'create' */
  mode?: Mode;
  /** sync: delete contacts that are not in the sheet, unbind members it does not list. */
  prune?: boolean;
  maxDelete?: number;
  /** Deleted contacts stay with the members that have them. @default true */
  retainInMembers?: boolean;
  /** Where the one-run-at-a-time lock files live. */
  lockDir?: string;
  /** --dry-run: write the plan here. */
  planOut?: string;
  /** Apply this saved plan instead of reading a sheet. */
  planFile?: string;
  sendVerification: VerificationChoice;
}

export async function runImport(options: ImportOptions, log: Logger): Promise<RunOutcome> {
  const startedAt = new Date();
  const source = options.planFile ? await savedSource(options) : await sheetSource(options, log);
  const { facts, judged, saved } = source;

  const reportDir = await createReportDir(options.cwd, options.planFile ?? options.file, options.reportDir, startedAt);
  const report = await ReportWriter.create(reportDir);
  const events = await EventLog.open(reportDir);
  events.phase('read', { file: facts.input.file, rows: source.rows.length, ...(saved ? { plan: options.planFile } : {}) });
  await attachLogFile(log, join(reportDir, 'log.jsonl'));
  const counts = new StatusCounts();
  const problems = new ProblemPrinter(log, 50);
  let allGood = true;
  const record = async (result: RowResult): Promise<void> => {
    counts.add(result.status);
    events.row(result);
    if (!GOOD_STATUSES.has(result.status) || result.errors.length > 0) allGood = false;
    report.append(result);
    options.progress?.tick(result.row);
    // A row that was sent is on disk before the next call: a run that is killed still leaves it in the report,
    // and one the disk cannot take is printed, so no contact that was created goes unrecorded.
    if (!WRITTEN.has(result.status)) await report.drained();
    else if (!(await report.save())) log.error(`not saved in the report: ${JSON.stringify(result)}`);
    if (result.status !== 'failed' && result.status !== 'not_attempted') problems.print(result);
  };

  /** The report could not be written: the run stops before its next row (apply's stop line says why). */
  let stoppedByReport = false;
  const reportStop = (): string | undefined => {
    if (!report.failure) return undefined;
    stoppedByReport = true;
    return `cannot write the report in ${displayPath(options.cwd, reportDir)}: ${report.failure}; nothing more was sent`;
  };
  /** A report that could not be written: exit 2 if nothing was sent, else 3; a graver code stands. */
  const withReportFailure = (exitCode: number): number => {
    if (!report.failure || (exitCode !== EXIT.ok && exitCode !== EXIT.rowsNotImported)) return exitCode;
    return [...WRITTEN].some((status) => counts.get(status) > 0) ? EXIT.directory : EXIT.usage;
  };

  let quota = { limit: options.contactLimit, existing: 0, planned: 0, remaining: options.contactLimit };
  /** Set once the run has been reported: a failure after that does not report it again. */
  let finished = false;
  const finish = async (exitCode: number): Promise<RunOutcome> => {
    finished = true;
    problems.printHidden();
    exitCode = withReportFailure(exitCode);
    if (!options.dryRun) quota = { ...quota, remaining: Math.max(0, quota.limit - quota.existing - counts.get('created')) };
    const summary = buildSummary({
      ...facts,
      counts,
      quota,
      dryRun: options.dryRun,
      exitCode,
      startedAt,
      finishedAt: new Date(),
    });
    await report.close(summary, options.dryRun ? 'import (dry run)' : 'import');
    if (report.failure && !stoppedByReport) log.error(`cannot write the report in ${displayPath(options.cwd, reportDir)}: ${report.failure}; it is incomplete`);
    exitCode = withReportFailure(exitCode);
    if (!saved && !report.failure) {
      const copy = sheetSourceOf(resolve(options.cwd, options.file), summary, options.read.limits);
      await report.annotate({ ...copy, ...(source.copyCheck ? { checked: source.copyCheck } : {}) }, facts.header, log);
    }
    events.phase('finish', { exitCode, counts: summary.counts, quota: summary.quota });
    for (const line of humanSummary(summary, displayPath(options.cwd, reportDir), true)) log.info(line);
    return { exitCode, summary, reportDir };
  };

  /** The run stopped before its first write (the directory side: exit 3; a lock folder it cannot use: 2): every valid row is not_attempted. */
  const stopBeforeWrite = async (message: string, exitCode: number = EXIT.directory): Promise<RunOutcome> => {
    log.error(message);
    for (const { result, sendable } of source.rows) await record(sendable ? notAttempted(result, message) : result);
    return finish(exitCode);
  };

  let lock: HeldLock | undefined;
  try {
    const where = endpointUrl(options.endpoint);
    if (!options.dryRun) {
      try {
        lock = await acquireLock(options.lockDir, lockKey(options));
      } catch (error) {
        if (error instanceof ExitError) return await stopBeforeWrite(error.message, error.exitCode);
        throw error;
      }
      if (lock.tookOver) log.warn(`took over the lock of pid ${lock.tookOver.pid} (since ${lock.tookOver.startedAt}), which is no longer running`);
    }
    const directory = connectDirectory({ ...options, onRetry: retryLogger(log, (text) => options.progress?.note(text)) });
    const snapshot = await listDirectory(directory, where, log);
    if (!snapshot.ok) return await stopBeforeWrite(snapshot.message);
    log.info(`${where}: the directory holds ${snapshot.contacts.length} of ${options.contactLimit} contacts`);
    events.phase('list', { endpoint: where, existing: snapshot.contacts.length });
    let plan: Plan;
    if (saved) {
      const drift = driftOf(saved.file, saved.plan, where, snapshot.contacts);
      if (drift.length > 0) return await stopBeforeWrite(`the directory changed since the plan was made: ${drift.join('; ')}; make a new plan`);
      plan = saved.plan;
    } else {
      plan = planImport(judged, snapshot.contacts, {
        limit: options.contactLimit,
        skipInvalid: options.skipInvalid,
        allowPartial: options.allowPartial,
        mode: options.mode ?? 'create',
        prune: options.prune ?? false,
        maxDelete: options.maxDelete ?? DEFAULT_MAX_DELETE,
        manageMembers: source.manageMembers,
      });
      if (options.planOut) await savePlan(options, { startedAt, where, source, snapshot: snapshot.contacts, plan }, log);
    }
    quota = plan.quota;
    // A saved plan is applied as it was made, deletions included.
    const applying = saved ? { ...options, retainInMembers: saved.file.retainInMembers } : options;
    events.phase('plan', { quota: plan.quota, ...(plan.stop ? { stop: plan.stop.reasons } : {}), dryRun: options.dryRun });
    options.progress?.start(options.dryRun || plan.stop ? 'reporting' : 'importing', plan.rows.length);
    const exitCode = await carryOut(plan, directory, record, { ...applying, stopBeforeRow: () => lock?.lost() ?? reportStop() }, log);
    options.progress?.stop();
    return await finish(exitCode === EXIT.ok && !allGood ? EXIT.rowsNotImported : exitCode);
  } catch (error) {
    // A bug: still leave the rows known so far on disk.
    if (!finished) await finish(EXIT.internal).catch(() => undefined);
    throw error;
  } finally {
    await lock?.release();
    await events.close();
    await closeLogFile(log);
  }
}
