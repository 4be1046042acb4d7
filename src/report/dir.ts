/**
 * Where a run's report goes: `--report-dir`, or `reports/<yyyymmdd-hhmmss>-<sheet name>/`.
 * The folder is always made fresh, 0700: a folder we did not make may hold
 * links planted to redirect our files, or let others read contact details.
 * An existing `--report-dir` is taken only when it is empty or an earlier
 * report of this tool, and then it is removed and made again, never written into.
 */
import { say } from '../i18n/text.js';
import { lstat, mkdir, open, readdir, rm } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { fileProblem, FOLDER_MODE, notOurFolder, READ_OWN_FILE } from '../own-files.js';
import { EVENTS_FILE } from './events.js';
import { REPORT_FILES, RESULTS_JSON_START } from './writer.js';

function stamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-` +
    `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`
  );
}

/** Makes the run's report folder, fresh and private, and returns its path; a folder it cannot use is one line, exit 2. */
export async function createReportDir(cwd: string, sheetPath: string, reportDir: string | undefined, now: Date): Promise<string> {
  if (reportDir === undefined) return createStampedDir(cwd, sheetPath, now);
  const dir = resolve(cwd, reportDir);
  const shown = displayPath(cwd, dir);
  await clearEarlierReport(dir, shown);
  await makeFolder(dirname(dir), shown, { parents: true });
  await makeFolder(dir, shown);
  return dir;
}

async function createStampedDir(cwd: string, sheetPath: string, now: Date): Promise<string> {
  const sheetName = basename(sheetPath, extname(sheetPath)).replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'sheet';
  const base = resolve(cwd, 'reports', `${stamp(now)}-${sheetName}`);
  await makeFolder(dirname(base), displayPath(cwd, base), { parents: true });
  // Two runs in the same second must not share a folder: the one that makes it first has it.
  for (let n = 1; ; n++) {
    const dir = n === 1 ? base : `${base}-${n}`;
    if (await makeFolder(dir, displayPath(cwd, dir), { taken: 'next' })) return dir;
  }
}

/**
 * Makes `dir` with mode 0700; with `parents`, the missing folders above it too
 * (an existing one is fine). Returns false if `dir` exists and `taken` is 'next'.
 */
async function makeFolder(dir: string, shown: string, how: { parents?: boolean; taken?: 'next' } = {}): Promise<boolean> {
  try {
    await mkdir(dir, { recursive: how.parents ?? false, mode: FOLDER_MODE });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && how.taken === 'next') return false;
    throw new InputError(say('report.dir.cannotCreate', { dir: shown, reason: fileProblem(error) }), { cause: error });
  }
}

/** Removes `dir` if it is empty or an earlier report of ours; refuses anything else there. */
async function clearEarlierReport(dir: string, shown: string): Promise<void> {
  const refuse = (why: string, cause?: unknown) => new InputError(say('report.dir.refused', { dir: shown, reason: why }), { cause });
  try {
    const why = notOurFolder(await lstat(dir));
    if (why) throw refuse(why);
    const notAReport = await whyNotAReport(dir, await readdir(dir));
    if (notAReport) throw refuse(notAReport);
  } catch (error) {
    if (error instanceof InputError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw refuse(fileProblem(error), error);
  }
  try {
    await rm(dir, { recursive: true });
  } catch (error) {
    throw refuse(say('report.dir.cannotRemove', { reason: fileProblem(error) }), error);
  }
}

/** The names a report folder holds. */
const REPORT_NAMES: ReadonlySet<string> = new Set([...Object.values(REPORT_FILES), EVENTS_FILE]);

/**
 * Why `dir`, holding `entries`, is not an earlier report of ours, or undefined
 * if it is one or is empty. Every report starts its results.json the same way.
 */
export async function whyNotAReport(dir: string, entries: string[]): Promise<string | undefined> {
  if (entries.length === 0) return undefined;
  for (const name of entries) {
    if (!REPORT_NAMES.has(name)) return say('report.dir.holdsOther', { name: JSON.stringify(name) });
    const stats = await lstat(join(dir, name));
    if (!stats.isFile()) return say(stats.isSymbolicLink() ? 'report.dir.symbolicLink' : 'report.dir.notRegularFile', { name: JSON.stringify(name) });
  }
  if (!entries.includes(REPORT_FILES.json)) return say('report.dir.missingFile', { file: REPORT_FILES.json });
  if (!(await startsWith(join(dir, REPORT_FILES.json), RESULTS_JSON_START))) return say('report.dir.notOurResults', { file: REPORT_FILES.json });
  return undefined;
}

async function startsWith(path: string, text: string): Promise<boolean> {
  const expected = Buffer.from(text);
  const file = await open(path, READ_OWN_FILE);
  try {
    const { bytesRead, buffer } = await file.read(Buffer.alloc(expected.length), 0, expected.length, 0);
    return bytesRead === expected.length && buffer.equals(expected);
  } finally {
    await file.close();
  }
}

export function displayPath(cwd: string, path: string): string {
  const relative = displayFile(cwd, path);
  return relative.endsWith('/') ? relative : relative + '/';
}

/** A file's path as a person would type it from where they ran the command. */
export function displayFile(cwd: string, path: string): string {
  return path.startsWith(cwd + '/') ? path.slice(cwd.length + 1) : path;
}
