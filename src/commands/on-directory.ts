/**
 * What `import` and `undo` share once they know their rows: the report folder,
 * the lock, the listing, the plan (each command makes its own, from the
 * snapshot), the gates, then dry run or the serial apply, and the report closed.
 * Nothing is written before the plan has passed the gates.
 */
import type { VerificationChoice } from '../apply/apply.js';
import { connectDirectory, type DirectoryOptions } from '../directory/connect.js';
import { endpointUrl } from '../directory/endpoint.js';
import type { HeldLock } from '../directory/lock.js';
import type { DirectoryContact } from '../directory/port.js';
import { EXIT } from '../errors.js';
import { say } from '../i18n/text.js';
import { GAVE_UP, stopExitCode, unlessGivenUp } from '../interrupt.js';
import type { Site } from '../judge/rules.js';
import type { Plan } from '../plan/plan.js';
import { roomLeft } from '../plan/quota.js';
import type { ReadOptions } from '../read/index.js';
import { callTracer, retryLogger } from '../terminal/directory-lines.js';
import type { Logger } from '../terminal/log.js';
import type { Progress } from '../terminal/progress.js';
import { carryOut, listDirectory, takeLock, type RowSource } from './import-steps.js';
import { ImportReport, type ReportedRun } from './import-report.js';
import type { RunOutcome } from './run.js';

/** What the applier is told: the choices that shape each call. */
export interface ApplyingOptions extends Pick<DirectoryOptions, 'endpoint' | 'signal'> {
  dryRun: boolean;
  sendVerification: VerificationChoice;
  /** Deleted contacts stay with the members that have them. @default true */
  retainInMembers?: boolean;
}

/** Every command that writes to the directory takes these. */
export interface DirectoryRunOptions extends DirectoryOptions, ApplyingOptions {
  cwd: string;
  /** @default reports/<yyyymmdd-hhmmss>-<name>/ */
  reportDir?: string;
  site: Site;
  contactLimit: number;
  progress?: Progress;
  /** How a sheet is read (for annotated.xlsx); absent for a run that reads no sheet. */
  read?: ReadOptions;
  lockDir?: string;
  breakLock?: boolean;
}

/** The command's plan for this snapshot of the directory, or why it cannot make one (exit 3, nothing written). */
export type MakePlan = (snapshot: DirectoryContact[], where: string) => Promise<{ plan: Plan } | { stop: string }>;

export async function runOnDirectory(options: DirectoryRunOptions, source: RowSource, facts: ReportedRun, makePlan: MakePlan, log: Logger): Promise<RunOutcome> {
  const run = await ImportReport.open(options, source, facts, log);
  let lock: HeldLock | undefined;
  try {
    const where = endpointUrl(options.endpoint);
    if (!options.dryRun) {
      const locked = await takeLock(options, log);
      if ('stop' in locked) return await run.stopBeforeWrite(locked.stop.message, locked.stop.exitCode);
      lock = locked.lock;
    }
    const directory = connectDirectory({ ...options, onRetry: retryLogger(log, (text) => options.progress?.note(text)), onRoute: (route) => log.debug(say('directory.route.line', { where, route })), onCall: callTracer(log) });
    const snapshot = await unlessGivenUp(listDirectory(directory, where, log), options.signal);
    // A signal during the listing (it ends the listing's waits and pages): nothing was sent, nothing will be.
    if (snapshot === GAVE_UP || options.signal?.aborted) return await run.stopBeforeWrite(say('run.interrupted.beforeWrite'), stopExitCode(options.signal));
    if (!snapshot.ok) return await run.stopBeforeWrite(snapshot.message);
    log.info(say('run.directory.holds', { where, count: snapshot.contacts.length, limit: options.contactLimit }));
    run.quota = { limit: options.contactLimit, existing: snapshot.contacts.length, planned: 0, remaining: roomLeft(options.contactLimit, snapshot.contacts.length, 0, 0) };
    run.events.phase('list', { endpoint: where, existing: snapshot.contacts.length });

    const planned = await makePlan(snapshot.contacts, where);
    if ('stop' in planned) return await run.stopBeforeWrite(planned.stop);
    const { plan } = planned;
    run.quota = plan.quota;
    run.events.phase('plan', { quota: plan.quota, ...(plan.stop ? { stop: plan.stop.reasons } : {}), dryRun: options.dryRun });

    options.progress?.start(options.dryRun || plan.stop ? 'reporting' : 'applying', plan.rows.length);
    const exitCode = await carryOut(plan, directory, run.record, { ...options, stopBeforeRow: () => lock?.lost() ?? run.stopBeforeRow() }, log);
    options.progress?.stop();
    return await run.finish(exitCode === EXIT.ok && !run.allGood ? EXIT.rowsNotImported : exitCode);
  } catch (error) {
    await run.finishAfterBug();
    throw error;
  } finally {
    await lock?.release();
    await run.close();
  }
}
