/**
 * `contact-import undo <report-dir>`: reverses an import from its report folder.
 * The folder is read back as hostile input and checked to be a real run on this
 * directory (report/read-report.ts) before anything is called; then the same
 * steps as import (on-directory.ts): lock, list, plan (plan/undo-plan.ts),
 * gates, dry run or the serial apply, and a report folder like any other.
 */
import { resolve } from 'node:path';
import { directoryIdentity } from '../directory/connect.js';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import { planUndo } from '../plan/undo-plan.js';
import type { RowResult } from '../report/types.js';
import type { Logger } from '../terminal/log.js';
import type { RowSource } from './import-steps.js';
import { runOnDirectory, type DirectoryRunOptions } from './on-directory.js';
import type { RunOutcome } from './run.js';

export interface UndoOptions extends DirectoryRunOptions {
  /** The report folder of the run to undo, as typed (relative to cwd). */
  reportFolder: string;
  maxDelete: number;
}

export async function runUndo(options: UndoOptions, log: Logger): Promise<RunOutcome> {
  const startedAt = new Date();
  const shown = options.reportFolder;
  const path = resolve(options.cwd, shown);
  // The undo's own report would replace the one it reads.
  if (options.reportDir !== undefined && resolve(options.cwd, options.reportDir) === path) throw new InputError(say('undo.refuse.sameFolder', { path: shown }));
  const { readReport, checkUndoable } = await import('../report/read-report.js');
  const report = await readReport(path, shown);
  checkUndoable(report.summary, directoryIdentity(options), shown);
  log.info(say('undo.planned', { path: shown, startedAt: report.summary.startedAt }));

  const written = report.rows.filter((row) => ['created', 'updated', 'deleted', 'restored'].includes(row.status));
  const source: RowSource = {
    origin: { kind: 'report', path: shown },
    facts: {
      input: { file: shown, format: 'report', size: report.bytes, sha256: Promise.resolve(report.sha256) },
      sha256: report.sha256,
      header: { row: 0, columns: {}, headers: [], ignored: [] },
      blankRows: 0,
    },
    // If the undo stops before its first write, each row it would have reversed is not_attempted.
    rows: written.map((row): { result: RowResult; sendable: boolean } => ({
      result: { row: row.row, name: row.name, email: row.email, status: row.status, errors: [], ...(row.contactId ? { contactId: row.contactId } : {}) },
      sendable: true,
    })),
    judged: [],
    manageMembers: true,
  };
  return runOnDirectory(
    // A contact the run added is removed from its members too: the directory as it was.
    { ...options, retainInMembers: false },
    source,
    { command: 'undo', startedAt, undoes: { report: shown, startedAt: report.summary.startedAt } },
    async (snapshot) => ({ plan: planUndo(written, snapshot, { limit: options.contactLimit, maxDelete: options.maxDelete }) }),
    log,
  );
}
