/**
 * A report folder read back, for `undo`. It is input, whoever left it there: the
 * folder must be ours (not a link, not another user's), hold only report files
 * with results.json begun as we begin it (dir.ts), and its summary.json and
 * results.json must parse against row-schema.ts. Anything else is one line,
 * exit 2, before the directory is called. The files are opened without
 * following links, within a size limit.
 */
import { createHash } from 'node:crypto';
import { lstat, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import { fileProblem, notOurFolder, READ_OWN_FILE } from '../own-files.js';
import { whyNotAReport } from './dir.js';
import { resultsFile, undoableSummary, type ReportRow, type UndoableSummary } from './row-schema.js';
import { REPORT_FILES } from './writer.js';

/** results.json of a run at the contact limit is far smaller; a bigger file is not one of ours. */
const MAX_REPORT_BYTES = 256 * 1024 * 1024;

export interface ReadReport {
  summary: UndoableSummary;
  rows: ReportRow[];
  /** results.json: its size and sha256, as the undo's summary names its input. */
  bytes: number;
  sha256: string;
}

/** `shown`: the folder as the person typed it, for the refusals. */
export async function readReport(dir: string, shown: string): Promise<ReadReport> {
  const notAReport = (why: string) => new InputError(say('undo.refuse.notAReport', { path: shown, why }));
  let entries: string[];
  try {
    const why = notOurFolder(await lstat(dir));
    if (why) throw notAReport(why);
    entries = await readdir(dir);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(say('undo.refuse.unreadable', { path: shown, why: fileProblem(error) }), { cause: error });
  }
  for (const file of [REPORT_FILES.summary, REPORT_FILES.json]) if (!entries.includes(file)) throw notAReport(say('report.dir.missingFile', { file }));
  const why = await whyNotAReport(dir, entries).catch((error: unknown) => fileProblem(error));
  if (why) throw notAReport(why);
  const summary = parsed(undoableSummary, parseJson(await readText(dir, REPORT_FILES.summary, shown), REPORT_FILES.summary, shown), REPORT_FILES.summary, shown);
  const results = await readText(dir, REPORT_FILES.json, shown);
  const { rows } = parsed(resultsFile, parseJson(results, REPORT_FILES.json, shown), REPORT_FILES.json, shown);
  return { summary, rows, bytes: Buffer.byteLength(results), sha256: createHash('sha256').update(results).digest('hex') };
}

async function readText(dir: string, file: string, shown: string): Promise<string> {
  let text: string;
  try {
    const handle = await open(join(dir, file), READ_OWN_FILE);
    try {
      const stats = await handle.stat();
      if (stats.size > MAX_REPORT_BYTES) throw new InputError(say('undo.refuse.unreadable', { path: shown, why: say('undo.refuse.tooLarge', { file, limit: MAX_REPORT_BYTES }) }));
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(say('undo.refuse.unreadable', { path: shown, why: `${file}: ${fileProblem(error)}` }), { cause: error });
  }
  return text;
}

function parseJson(text: string, file: string, shown: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(say('undo.refuse.invalid', { path: shown, file, why: (error as Error).message }), { cause: error });
  }
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, file: string, shown: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new InputError(say('undo.refuse.invalid', { path: shown, file, why: `${where}${issue.message}` }));
}

/** Refuses a report that wrote nothing, or wrote to another directory (as the lock names it: endpoint and credentials digest). */
export function checkUndoable(summary: UndoableSummary, ours: { endpoint: string; credentials: string }, shown: string): void {
  if (summary.command === 'validate') throw new InputError(say('undo.refuse.validate', { path: shown }));
  if (summary.dryRun) throw new InputError(say('undo.refuse.dryRun', { path: shown }));
  const theirs = summary.directory;
  if (!theirs) throw new InputError(say('undo.refuse.noDirectory', { path: shown }));
  if (theirs.endpoint !== ours.endpoint) throw new InputError(say('undo.refuse.otherEndpoint', { path: shown, theirs: theirs.endpoint, ours: ours.endpoint }));
  if (theirs.credentials !== ours.credentials) throw new InputError(say('undo.refuse.otherCredentials', { path: shown }));
}
