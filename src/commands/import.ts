/**
 * `contact-import import <sheet>`: read and judge every row, list the directory,
 * plan, check the gates, then apply one call at a time and report every row.
 * Nothing is written before the plan has passed the gates.
 */
import { type VerificationChoice } from '../apply/apply.js';
import { connectDirectory, type DirectoryOptions } from '../directory/connect.js';
import { endpointUrl } from '../directory/endpoint.js';
import type { HeldLock } from '../directory/lock.js';
import { EXIT } from '../errors.js';
import { say } from '../i18n/text.js';
import { GAVE_UP, stopExitCode, unlessGivenUp } from '../interrupt.js';
import { type Logger } from '../terminal/log.js';
import { callTracer, retryLogger } from '../terminal/directory-lines.js';
import { type Mode } from '../defaults.js';
import { roomLeft } from '../plan/quota.js';
import { type RunOutcome, type SheetRunOptions } from './run.js';
import { carryOut, listDirectory, planFor, savedSource, sheetSource, takeLock } from './import-steps.js';
import { ImportReport } from './import-report.js';

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
  /** Remove the lock another run left, and say whose it was. */
  breakLock?: boolean;
  /** --dry-run: write the plan here. */
  planOut?: string;
  /** Apply this saved plan instead of reading a sheet. */
  planFile?: string;
  sendVerification: VerificationChoice;
}

export async function runImport(options: ImportOptions, log: Logger): Promise<RunOutcome> {
  const startedAt = new Date();
  const source = options.planFile ? await savedSource(options) : await sheetSource(options, log);
  const run = await ImportReport.open(options, source, startedAt, log);
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

    const planned = await planFor(source, snapshot.contacts, { startedAt, where }, options, log);
    if ('stop' in planned) return await run.stopBeforeWrite(planned.stop);
    const { plan } = planned;
    run.quota = plan.quota;
    run.events.phase('plan', { quota: plan.quota, ...(plan.stop ? { stop: plan.stop.reasons } : {}), dryRun: options.dryRun });

    // A saved plan is applied as it was made, deletions included.
    const applying = source.saved ? { ...options, retainInMembers: source.saved.file.retainInMembers } : options;
    options.progress?.start(options.dryRun || plan.stop ? 'reporting' : 'importing', plan.rows.length);
    const exitCode = await carryOut(plan, directory, run.record, { ...applying, stopBeforeRow: () => lock?.lost() ?? run.stopBeforeRow() }, log);
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

