/**
 * `contact-import import <sheet>`: read and judge every row, list the directory,
 * plan, check the gates, then apply one call at a time and report every row.
 * Nothing is written before the plan has passed the gates.
 */
import { type VerificationChoice } from '../apply/apply.js';
import { type DirectoryOptions } from '../directory/connect.js';
import { type Logger } from '../terminal/log.js';
import { type Mode } from '../defaults.js';
import { type RunOutcome, type SheetRunOptions } from './run.js';
import { planFor, savedSource, sheetSource } from './import-steps.js';
import { runOnDirectory } from './on-directory.js';

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
  // A saved plan is applied as it was made, deletions included.
  const applying = source.saved ? { ...options, retainInMembers: source.saved.file.retainInMembers } : options;
  return runOnDirectory(applying, source, { command: 'import', startedAt }, async (snapshot, where) => planFor(source, snapshot, { startedAt, where }, options, log), log);
}
