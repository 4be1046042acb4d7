/**
 * Files and folders the tool writes (the report, the lock): made fresh by us,
 * private to the user, and never reached through a link someone else planted.
 */
import { constants, type Stats, type WriteStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { say, type PlainKey } from './i18n/text.js';

/**
 * A file created here and now: O_EXCL fails on any existing name, a planted
 * symbolic link included, and O_NOFOLLOW says so again for systems that would follow it.
 */
export const NEW_FILE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/** Reading without following a link, and without waiting on a FIFO someone put in the file's place. */
export const READ_OWN_FILE = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** Files and folders hold contact details: readable by the user only. */
export const FILE_MODE = 0o600;
export const FOLDER_MODE = 0o700;

/** A stream writing a new file at `path` (see NEW_FILE), 0600; `flags` other than a new file's are for tests (/dev/full). */
export async function newFileStream(path: string, options: { flags?: number | string } = {}): Promise<WriteStream> {
  return (await openNewFile(path, options.flags)).createWriteStream();
}

/** A new file at `path` (see NEW_FILE), 0600, open for writing; `flags` other than a new file's are for tests (/dev/full). */
export function openNewFile(path: string, flags?: number | string): Promise<FileHandle> {
  return open(path, flags ?? NEW_FILE, FILE_MODE);
}

/** Writes `data` to a new file at `path` (see NEW_FILE), 0600; a write that fails leaves no part of it. */
export async function writeNewFile(path: string, data: string | Uint8Array): Promise<void> {
  const file = await open(path, NEW_FILE, FILE_MODE);
  try {
    await file.writeFile(data);
  } catch (error) {
    await unlink(path).catch(() => undefined);
    throw error;
  } finally {
    await file.close();
  }
}

/**
 * Writes `data` whole at `path`, or not at all: into a new temporary file
 * beside it (see NEW_FILE, 0600; the same folder, so the rename cannot cross
 * file systems), flushed to disk, then renamed over `path`. A reader, or a run
 * killed at any moment, sees the old file or the new one, never half of it;
 * a link at `path` is replaced, never followed.
 */
export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const file = await open(temporary, NEW_FILE, FILE_MODE);
  try {
    await file.writeFile(data);
    await file.sync();
    await file.close();
    await rename(temporary, path);
  } catch (error) {
    await file.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** Our user id; undefined where there is none (Windows), and then nothing is checked against it. */
export function ourUid(): number | undefined {
  return process.getuid?.();
}

/** Why `stats` is not a folder of ours, if it is not: a link (it may point anywhere), not a folder, or another user's. */
export function notOurFolder(stats: Stats, uid = ourUid()): string | undefined {
  if (stats.isSymbolicLink()) return say('run.file.symbolicLink');
  if (!stats.isDirectory()) return say('run.file.notFolder');
  if (uid !== undefined && stats.uid !== uid) return say('run.file.otherUser', { uid: stats.uid });
  return undefined;
}

/** Why a folder we keep files in cannot be trusted with them: not ours, or others can write in it. */
export function untrustedFolder(stats: Stats, uid = ourUid()): string | undefined {
  const notOurs = notOurFolder(stats, uid);
  if (notOurs) return notOurs;
  if ((stats.mode & 0o022) !== 0) return say('run.file.othersWrite', { mode: (stats.mode & 0o777).toString(8) });
  return undefined;
}

const PROBLEMS: Record<string, PlainKey> = {
  ENOSPC: 'run.file.diskFull',
  EDQUOT: 'run.file.quotaUsed',
  EACCES: 'run.file.permissionDenied',
  EPERM: 'run.file.permissionDenied',
  EROFS: 'run.file.readOnly',
  ENOTDIR: 'run.file.notDirInPath',
  EEXIST: 'run.file.nameTaken',
  ELOOP: 'run.file.symbolicLink',
  ENOENT: 'run.file.missing',
  EISDIR: 'run.file.isFolder',
  EIO: 'run.file.io',
};

/** A failed file operation in a few words, for a one-line message: "the disk is full (ENOSPC)". */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const problem = code ? PROBLEMS[code] : undefined;
  if (code && problem) return say('run.file.problem', { problem: say(problem), code });
  return code ?? (error instanceof Error ? error.message : String(error));
}
