/**
 * The steps of `import` that are not wiring: where the rows come from (a sheet
 * read and judged now, or a saved plan checked again), saving a plan, listing
 * the directory, taking the lock, planning, and the gates, dry run or apply.
 */
import { resolve } from 'node:path';
import { applyPlan } from '../apply/apply.js';
import { RowJudge, type JudgedRow } from '../judge/judge.js';
import { lockKey } from '../directory/connect.js';
import { endpointUrl } from '../directory/endpoint.js';
import { acquireLock, logBroken, type HeldLock } from '../directory/lock.js';
import { say } from '../i18n/text.js';
import { describeStop, DirectoryError } from '../directory/errors.js';
import type { DirectoryApi, DirectoryContact } from '../directory/port.js';
import { EXIT, ExitError } from '../errors.js';
import { type Logger } from '../terminal/log.js';
import { logClientText, logRowDone } from '../terminal/directory-lines.js';
import { DEFAULT_MAX_DELETE } from '../defaults.js';
import { planImport, type Plan } from '../plan/plan.js';
import type { CheckedPlan } from '../plan/plan-file.js';
import { driftOf, PLAN_VERSION, writePlan, type PlannedSheet } from '../plan/saved.js';
import { displayPath } from '../report/dir.js';
import { sheetFacts, type SheetFacts } from '../report/summary.js';
import { type RowResult } from '../report/types.js';
import { columnNamer, readSheet } from '../read/index.js';
import { checkWorkbookCopy, type CopyCheck } from '../read/copy-check.js';
import { DEFAULT_LIMITS, maxUnzipped } from '../read/limits.js';
import { ANNOTATED_MAX_ROWS } from '../report/annotated.js';

import type { ImportOptions } from './import.js';
import type { ApplyingOptions, DirectoryRunOptions } from './on-directory.js';

/** Where the rows come from: a sheet read and judged now, or a saved plan. */
export interface RowSource {
  /** What the rows were read from: named in the report folder's name; a sheet is read again for annotated.xlsx. */
  origin: { kind: 'sheet' | 'plan' | 'report'; path: string };
  facts: SheetFacts;
  /** The report's first view of each row; `sendable` rows become not_attempted if the run stops before writing. */
  rows: { result: RowResult; sendable: boolean }[];
  judged: JudgedRow[];
  saved?: CheckedPlan;
  /** The sheet has a Members column. */
  manageMembers: boolean;
  /** XLSX: whether annotated.xlsx may load it whole, found before anything is sent. */
  copyCheck?: CopyCheck;
}

export async function sheetSource(options: ImportOptions, log: Logger): Promise<RowSource> {
  const path = resolve(options.cwd, options.file);
  const sheet = await readSheet(path, options.read);
  log.debug(say('run.read.debug', { file: sheet.input.file, format: sheet.input.format, row: sheet.header.row }));
  // The contact limit is applied by the planner, against the directory's own count.
  const judge = new RowJudge({ site: options.site, columnOf: columnNamer(sheet.header) });
  const judged: JudgedRow[] = [];
  options.progress?.start('reading');
  for await (const batch of sheet.batches) {
    for (const row of batch) judged.push(judge.judge(row));
    options.progress?.tick(batch.at(-1)?.row, batch.length);
  }
  options.progress?.stop();
  // Whether annotated.xlsx can be made is known before any call (it costs about what reading the sheet did).
  const wanted = sheet.input.format === 'xlsx' && judged.length <= ANNOTATED_MAX_ROWS;
  const copyCheck = wanted ? await checkWorkbookCopy(path, maxUnzipped({ ...DEFAULT_LIMITS, ...options.read.limits })) : undefined;
  return {
    origin: { kind: 'sheet', path: options.file },
    facts: await sheetFacts(sheet),
    ...(copyCheck ? { copyCheck } : {}),
    rows: judged.map(({ result, contact }) => ({ result, sendable: contact !== undefined })),
    judged,
    manageMembers: sheet.header.columns.Members !== undefined,
  };
}

export async function savedSource(options: ImportOptions): Promise<RowSource> {
  const { readSavedPlan } = await import('../plan/plan-file.js');
  const saved = await readSavedPlan(resolve(options.cwd, options.planFile!), options.planFile!, options.read.limits?.maxBytes ?? DEFAULT_LIMITS.maxBytes, {
    limit: options.contactLimit,
    maxDelete: options.maxDelete ?? DEFAULT_MAX_DELETE,
    skipInvalid: options.skipInvalid,
    allowPartial: options.allowPartial,
  });
  const { input, sha256, header, blankRows } = saved.file.sheet;
  const { encoding, delimiter, ...rest } = input;
  return {
    origin: { kind: 'plan', path: options.planFile! },
    facts: {
      input: { ...rest, size: 0, sha256: Promise.resolve(sha256) },
      sha256,
      header,
      blankRows,
      ...(encoding !== undefined ? { text: { encoding, delimiter: delimiter ?? ',' } } : {}),
    },
    rows: saved.plan.rows.map(({ result, action }) => ({ result, sendable: action !== 'none' })),
    judged: [],
    saved,
    manageMembers: false,
  };
}

function plannedSheet(facts: SheetFacts): PlannedSheet {
  const { file, format, sheet } = facts.input;
  // Only import plans, and only from a sheet (--plan-out goes with a sheet, not --plan).
  if (format === 'report') throw new Error('a plan is saved from a sheet only'); // not for people: a bug if it shows
  return { input: { file, format, ...(sheet ? { sheet } : {}), ...facts.text }, sha256: facts.sha256, header: facts.header, blankRows: facts.blankRows };
}

/** --plan-out: the plan, with what it was made from, for `import --plan` to check and apply later. */
export async function savePlan(
  options: ImportOptions,
  made: { startedAt: Date; where: string; source: RowSource; snapshot: DirectoryContact[]; plan: Plan },
  log: Logger,
): Promise<void> {
  const { startedAt, where, source, snapshot, plan } = made;
  await writePlan(resolve(options.cwd, options.planOut!), {
    version: PLAN_VERSION,
    createdAt: startedAt.toISOString(),
    endpoint: where,
    site: options.site,
    mode: options.mode ?? 'create',
    prune: options.prune ?? false,
    manageMembers: source.manageMembers,
    retainInMembers: options.retainInMembers ?? true,
    sheet: plannedSheet(source.facts),
    judged: source.judged,
    snapshot,
    plan,
  });
  log.info(say('run.plan.written', { file: displayPath(options.cwd, resolve(options.cwd, options.planOut!)).replace(/\/$/, '') }));
}

/** Gates, dry run, or the serial apply; returns the exit code. */
export async function carryOut(
  plan: Plan,
  directory: DirectoryApi,
  record: (result: RowResult) => Promise<void>,
  options: ApplyingOptions & { stopBeforeRow: () => string | undefined },
  log: Logger,
): Promise<number> {
  if (plan.stop) {
    for (const reason of plan.stop.reasons) log.error(say('run.nothingWritten', { reason }));
    for (const { result } of plan.rows) await record(result);
    return plan.stop.exitCode;
  }
  if (options.dryRun) {
    for (const { result } of plan.rows) await record(result);
    log.info(say('run.dryRun.done'));
    return EXIT.ok;
  }
  const outcome = await applyPlan(plan.rows, directory, record, {
    sendVerification: options.sendVerification,
    retainInMembers: options.retainInMembers ?? true,
    signal: options.signal,
    stopBeforeRow: options.stopBeforeRow,
    onRowDone: (event) => logRowDone(log, event),
    endpoint: endpointUrl(options.endpoint),
  });
  if (outcome.stop) log.error(say('run.stopped', { reason: outcome.stop.reason }));
  return outcome.stop?.exitCode ?? EXIT.ok;
}

export async function listDirectory(directory: DirectoryApi, where: string, log: Logger): Promise<{ ok: true; contacts: DirectoryContact[] } | { ok: false; message: string }> {
  try {
    const contacts = await directory.listContacts();
    log.debug(`listed ${contacts.length} contacts`);
    return { ok: true, contacts };
  } catch (error) {
    if (!(error instanceof DirectoryError)) throw error;
    logClientText(log, error.failure);
    return { ok: false, message: say('run.cannotList', { where, failure: describeStop(error, log.mask) }) };
  }
}

/** The one-run-at-a-time lock, or why the run cannot take it (the directory side, or a lock folder it cannot use). */
export async function takeLock(options: Pick<DirectoryRunOptions, 'lockDir' | 'breakLock' | 'endpoint' | 'credentials'>, log: Logger): Promise<{ lock: HeldLock } | { stop: ExitError }> {
  let lock: HeldLock;
  try {
    lock = await acquireLock(options.lockDir, lockKey(options), { breakLock: options.breakLock });
  } catch (error) {
    if (error instanceof ExitError) return { stop: error };
    throw error;
  }
  if (lock.tookOver) log.warn(say('run.lock.tookOver', { pid: lock.tookOver.pid, startedAt: lock.tookOver.startedAt }));
  logBroken(lock, log);
  return { lock };
}

/** The plan for this directory: the saved one if the directory has not changed since, else one made now (and saved with --plan-out). */
export async function planFor(
  source: RowSource,
  snapshot: DirectoryContact[],
  made: { startedAt: Date; where: string },
  options: ImportOptions,
  log: Logger,
): Promise<{ plan: Plan } | { stop: string }> {
  const { saved } = source;
  if (saved) {
    const drift = driftOf(saved.file, saved.plan, made.where, snapshot);
    if (drift.length > 0) return { stop: say('run.plan.drift', { changes: drift.join(say('run.clauseSeparator')) }) };
    return { plan: saved.plan };
  }
  const plan = planImport(source.judged, snapshot, {
    limit: options.contactLimit,
    skipInvalid: options.skipInvalid,
    allowPartial: options.allowPartial,
    mode: options.mode ?? 'create',
    prune: options.prune ?? false,
    maxDelete: options.maxDelete ?? DEFAULT_MAX_DELETE,
    manageMembers: source.manageMembers,
  });
  if (options.planOut) await savePlan(options, { ...made, source, snapshot, plan }, log);
  return { plan };
}
