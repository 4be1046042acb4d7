/**
 * `contact-import import <sheet>`: read and judge every row, list the directory,
 * plan, check the gates, then apply one call at a time and report every row.
 * Nothing is written before the plan has passed the gates (run rule 1).
 */
import { join, resolve } from 'node:path';
import { applyPlan, type VerificationChoice } from '../apply/apply.js';
import { RowJudge, type JudgedRow } from '../contact/judge.js';
import { connectDirectory, lockKey, whatToCheck, type DirectoryOptions } from '../directory/connect.js';
import { endpointUrl } from '../directory/endpoint.js';
import { describeFailure, DirectoryError } from '../directory/errors.js';
import type { DirectoryApi, DirectoryContact } from '../directory/port.js';
import { EXIT, ExitError } from '../errors.js';
import { attachLogFile, closeLogFile, type Logger } from '../log.js';
import { DEFAULT_MAX_DELETE, notAttempted, planImport, type Mode, type Plan } from '../plan/plan.js';
import { chooseReportDir, displayPath } from '../report/dir.js';
import { ProblemPrinter } from '../report/problems.js';
import { buildSummary, humanSummary, sheetFacts, StatusCounts } from '../report/summary.js';
import { GOOD_STATUSES, type RowResult, type RowStatus } from '../report/types.js';
import { ReportWriter } from '../report/writer.js';
import { acquireLock, DEFAULT_LOCK_DIR, type HeldLock } from '../run/lock.js';
import { columnNamer, readSheet } from '../sheet/index.js';
import type { RunOutcome, SheetRunOptions } from './run.js';

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
  sendVerification: VerificationChoice;
}

export async function runImport(options: ImportOptions, log: Logger): Promise<RunOutcome> {
  const startedAt = new Date();
  const sheet = await readSheet(resolve(options.cwd, options.file), { sheet: options.sheet });
  log.debug(`read ${sheet.input.file} as ${sheet.input.format}, header on row ${sheet.header.row}`);
  // The contact limit is applied by the planner, against the directory's own count.
  const judge = new RowJudge({ site: options.site, room: Infinity, limit: options.contactLimit, columnOf: columnNamer(sheet.header) });
  const judged: JudgedRow[] = [];
  for await (const row of sheet.rows) judged.push(judge.judge(row));

  const reportDir = chooseReportDir(options.cwd, options.file, options.reportDir, startedAt);
  const report = await ReportWriter.create(reportDir);
  attachLogFile(log, join(reportDir, 'log.jsonl'));
  const counts = new StatusCounts();
  const problems = new ProblemPrinter(log, 50);
  let allGood = true;
  const record = async (result: RowResult): Promise<void> => {
    counts.add(result.status);
    if (!GOOD_STATUSES.has(result.status) || result.errors.length > 0) allGood = false;
    await report.append(result);
    // A row that was sent goes to disk at once: a run that is killed still leaves it in the report.
    if (WRITTEN.has(result.status)) await report.flush();
    if (result.status !== 'failed' && result.status !== 'not_attempted') problems.print(result);
  };

  let quota = { limit: options.contactLimit, existing: 0, planned: 0, remaining: options.contactLimit };
  const finish = async (exitCode: number): Promise<RunOutcome> => {
    problems.printHidden();
    if (!options.dryRun) quota = { ...quota, remaining: Math.max(0, quota.limit - quota.existing - counts.get('created')) };
    const summary = buildSummary({
      ...(await sheetFacts(sheet)),
      counts,
      quota,
      dryRun: options.dryRun,
      exitCode,
      startedAt,
      finishedAt: new Date(),
    });
    await report.close(summary);
    for (const line of humanSummary(summary, displayPath(options.cwd, reportDir), true)) log.info(line);
    return { exitCode, summary, reportDir };
  };

  /** The directory side stopped the run before its first write (exit 3): every valid row is not_attempted. */
  const stopBeforeWrite = async (message: string): Promise<RunOutcome> => {
    log.error(message);
    for (const row of judged) await record(row.contact ? notAttempted(row.result, message) : row.result);
    return finish(EXIT.directory);
  };

  let lock: HeldLock | undefined;
  try {
    const where = endpointUrl(options.endpoint);
    if (!options.dryRun) {
      try {
        lock = await acquireLock(options.lockDir ?? DEFAULT_LOCK_DIR, lockKey(options));
      } catch (error) {
        if (error instanceof ExitError) return await stopBeforeWrite(error.message);
        throw error;
      }
      if (lock.tookOver) log.warn(`took over the lock of pid ${lock.tookOver.pid} (since ${lock.tookOver.startedAt}), which is no longer running`);
    }
    const directory = connectDirectory(options, log);
    const snapshot = await listDirectory(directory, where, log);
    if (!snapshot.ok) return await stopBeforeWrite(snapshot.message);
    log.info(`${where}: the directory holds ${snapshot.contacts.length} of ${options.contactLimit} contacts`);
    const plan = planImport(judged, snapshot.contacts, {
      limit: options.contactLimit,
      skipInvalid: options.skipInvalid,
      allowPartial: options.allowPartial,
      mode: options.mode ?? 'create',
      prune: options.prune ?? false,
      maxDelete: options.maxDelete ?? DEFAULT_MAX_DELETE,
      manageMembers: sheet.header.columns.Members !== undefined,
    });
    quota = plan.quota;
    const exitCode = await carryOut(plan, directory, record, options, log);
    return await finish(exitCode === EXIT.ok && !allGood ? EXIT.rowsNotImported : exitCode);
  } catch (error) {
    // A bug: still leave the rows known so far on disk.
    await finish(EXIT.internal).catch(() => undefined);
    throw error;
  } finally {
    await lock?.release();
    await closeLogFile(log);
  }
}

/** Gates, dry run, or the serial apply; returns the exit code. */
async function carryOut(plan: Plan, directory: DirectoryApi, record: (result: RowResult) => Promise<void>, options: ImportOptions, log: Logger): Promise<number> {
  if (plan.stop) {
    for (const reason of plan.stop.reasons) log.error(`nothing was written: ${reason}`);
    for (const { result } of plan.rows) await record(result);
    return plan.stop.exitCode;
  }
  if (options.dryRun) {
    for (const { result } of plan.rows) await record(result);
    log.info('dry run: nothing was written');
    return EXIT.ok;
  }
  const outcome = await applyPlan(plan.rows, directory, record, {
    sendVerification: options.sendVerification,
    retainInMembers: options.retainInMembers ?? true,
    signal: options.signal,
    log,
  });
  if (outcome.stop) log.error(`the run stopped: ${outcome.stop.reason}`);
  return outcome.stop?.exitCode ?? EXIT.ok;
}

async function listDirectory(directory: DirectoryApi, where: string, log: Logger): Promise<{ ok: true; contacts: DirectoryContact[] } | { ok: false; message: string }> {
  try {
    const contacts = await directory.listContacts();
    log.debug(`listed ${contacts.length} contacts`);
    return { ok: true, contacts };
  } catch (error) {
    if (!(error instanceof DirectoryError)) throw error;
    return { ok: false, message: `cannot list the directory at ${where}: ${describeFailure(error.failure)}; nothing was written (${whatToCheck(error)})` };
  }
}
