/**
 * One run at a time per directory: a lock file holding the holder's pid, host
 * and start time, created with O_EXCL so two runs cannot both take it. A lock
 * left by a process that is no longer running on this host is taken over; one
 * of another host cannot be judged, and only --break-lock removes it.
 *
 * The lock folder is the user's own (see `lockFolder`): in a folder others can
 * write in, another user could hold every run off with a lock of their own, or
 * remove ours under a running job and start a second one. The job checks
 * before each row it sends that its lock is still there and still its own.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, unlinkSync } from 'node:fs';
import { lstat, mkdir, open, rename, unlink } from 'node:fs/promises';
import { homedir, hostname } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { EXIT, ExitError } from '../errors.js';
import { say } from '../i18n/text.js';
import { fileProblem, FILE_MODE, FOLDER_MODE, NEW_FILE, ourUid, READ_OWN_FILE, untrustedFolder } from '../own-files.js';

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  /** What is locked, for people reading the file. */
  key: string;
}

export interface HeldLock {
  path: string;
  /** Took over a lock left by a process that died. */
  tookOver?: LockHolder;
  /** Removed a lock that was held, as --break-lock asked. */
  broke?: LockHolder;
  /** Why the lock is no longer this run's (removed or replaced since it was taken), or undefined while it is. */
  lost(): string | undefined;
  release(): Promise<void>;
}

/** The user's own place for locks: `$XDG_RUNTIME_DIR/contact-import`, or `~/.cache/contact-import/locks`. */
export function defaultLockDir(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const runtime = env.XDG_RUNTIME_DIR;
  return runtime && isAbsolute(runtime) ? join(runtime, 'contact-import') : join(home, '.cache', 'contact-import', 'locks');
}

/** A lock is a line of JSON; anything longer is not one of ours. */
const MAX_LOCK_BYTES = 4096;
/** A lock file younger than this with no lock in it yet is being written by a run starting now. */
const BEING_WRITTEN_MS = 5000;
/** The holder of such a file: not known yet. */
const BEING_WRITTEN: LockHolder = { pid: 0, host: '?', startedAt: '' /* said as a moment ago: see startedAt() */, key: '?' };

/**
 * Takes the lock for `key` (an endpoint and whose directory) in `dir` (default:
 * `defaultLockDir()`); `breakLock` first removes a lock that is held (once: a
 * lock taken after that is refused as usual). Throws ExitError 3 naming its
 * holder, or 2 when the lock folder cannot be used.
 */
export async function acquireLock(dir: string | undefined, key: string, options: { breakLock?: boolean } = {}): Promise<HeldLock> {
  const path = join(await lockFolder(dir), lockFileName(key));
  const me: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), key };
  const removed: Pick<HeldLock, 'tookOver' | 'broke'> = {};
  for (let tries = 0; tries < 3; tries++) {
    const taken = await create(path, JSON.stringify(me) + '\n');
    if (taken) return heldLock(path, taken, removed);
    const found = readLock(path);
    if (found.state === 'gone') continue; // released in the meantime
    if (found.state === 'foreign') throw foreignLock(path, found.why);
    const stale = isStale(found.holder);
    if (!stale && (!options.breakLock || removed.broke)) throw heldBy(found.holder, path);
    if (await removeAside(path, found.holder)) removed[stale ? 'tookOver' : 'broke'] = found.holder;
  }
  throw new ExitError(EXIT.directory, say('directory.lock.contended', { path }));
}

/** The lock file of `key` in the lock folder. */
export function lockFileName(key: string): string {
  return `${createHash('sha256').update(key).digest('hex').slice(0, 16)}.lock`;
}

/** --break-lock: the line that says whose lock was removed. */
export function logBroken(lock: HeldLock, log: { warn(text: string): void }): void {
  const { broke } = lock;
  if (broke) log.warn(say('directory.lock.broke', { pid: broke.pid, host: broke.host, startedAt: startedAt(broke), path: lock.path }));
}

/** Makes (0700) or checks the lock folder: ours, a folder, not a link, nobody else can write in it. */
async function lockFolder(dir: string | undefined): Promise<string> {
  const folder = dir ?? defaultLockDir();
  const unusable = (why: string, cause?: unknown) =>
    new ExitError(EXIT.usage, say('directory.lock.folderUnusable', { folder, why }), { cause });
  try {
    // EEXIST: a file has the name; the check below says so.
    await mkdir(folder, { recursive: true, mode: FOLDER_MODE }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    const why = untrustedFolder(await lstat(folder));
    if (why) throw unusable(why);
  } catch (error) {
    if (error instanceof ExitError) throw error;
    throw unusable(fileProblem(error), error);
  }
  return folder;
}

interface Written {
  /** The lock file as this run wrote it: a lock with another inode or other text is not ours. */
  ino: number;
  text: string;
}

/** Creates the lock file with `text`; undefined if a lock file is there already. */
async function create(path: string, text: string): Promise<Written | undefined> {
  let file;
  try {
    file = await open(path, NEW_FILE, FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw cannotWrite(path, error);
  }
  try {
    await file.writeFile(text);
    return { ino: (await file.stat()).ino, text };
  } catch (error) {
    await unlink(path).catch(() => undefined);
    throw cannotWrite(path, error);
  } finally {
    await file.close();
  }
}

function heldLock(path: string, written: Written, removed: Pick<HeldLock, 'tookOver' | 'broke'>): HeldLock {
  const lost = (): string | undefined => {
    const found = readLock(path);
    if (found.state === 'gone') return say('directory.lock.removed', { path });
    if (found.state !== 'held' || found.ino !== written.ino || found.text !== written.text) {
      return say('directory.lock.replaced', { path });
    }
    return undefined;
  };
  // A process that ends without reaching `release` (a promise that never settled, an exit after a stop signal) still removes its lock.
  const releaseOnExit = () => {
    if (lost()) return;
    try {
      unlinkSync(path);
    } catch {
      // Gone already.
    }
  };
  process.on('exit', releaseOnExit);
  return {
    path,
    ...removed,
    lost,
    // Never removes a lock that is no longer ours: it may be another run's.
    release: async () => {
      process.off('exit', releaseOnExit);
      if (!lost()) await unlink(path).catch(() => undefined);
    },
  };
}

type FoundLock =
  | { state: 'gone' }
  /** Not a lock this tool wrote: a link, a FIFO, another user's file, text that is not a lock. */
  | { state: 'foreign'; why: Foreign }
  | { state: 'held'; holder: LockHolder; ino: number; text: string };

/**
 * What is at `path`, read without following a link or waiting on a FIFO.
 * Synchronous: a running job calls it before each row, and it is one small file.
 */
function readLock(path: string): FoundLock {
  let fd: number;
  try {
    fd = openSync(path, READ_OWN_FILE);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: 'gone' };
    return { state: 'foreign', why: code === 'ELOOP' ? { is: 'link' } : { is: 'unreadable', problem: fileProblem(error) } };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { state: 'foreign', why: { is: 'notFile' } };
    const uid = ourUid();
    if (uid !== undefined && stats.uid !== uid) return { state: 'foreign', why: { is: 'otherUser', uid: stats.uid } };
    const buffer = Buffer.alloc(MAX_LOCK_BYTES);
    const text = buffer.toString('utf8', 0, readSync(fd, buffer, 0, MAX_LOCK_BYTES, 0));
    const holder = holderOf(text);
    if (holder) return { state: 'held', holder, ino: stats.ino, text };
    if (Date.now() - stats.mtimeMs < BEING_WRITTEN_MS) {
      return { state: 'held', holder: BEING_WRITTEN, ino: stats.ino, text };
    }
    return { state: 'foreign', why: { is: 'notOurs' } };
  } finally {
    closeSync(fd);
  }
}

function holderOf(text: string): LockHolder | undefined {
  let value: Partial<Record<keyof LockHolder, unknown>>;
  try {
    value = JSON.parse(text) as typeof value;
  } catch {
    return undefined;
  }
  const { pid, host, startedAt, key } = value ?? {};
  if (!Number.isSafeInteger(pid) || (pid as number) <= 0 || typeof host !== 'string' || typeof startedAt !== 'string' || typeof key !== 'string') {
    return undefined;
  }
  return { pid: pid as number, host, startedAt, key };
}

/** Only a lock of this host can be judged: its process is gone. */
function isStale(holder: LockHolder): boolean {
  if (holder.host !== hostname() || holder.pid <= 0) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Moves a stale or broken lock aside (atomic: of two runs taking over, one wins)
 * and checks it moved the lock it judged, not a fresh one taken meanwhile.
 */
async function removeAside(path: string, judged: LockHolder): Promise<boolean> {
  const aside = `${path}.${process.pid}.stale`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw cannotWrite(path, error);
  }
  const moved = readLock(aside);
  if (moved.state === 'held' && (moved.holder.pid !== judged.pid || moved.holder.startedAt !== judged.startedAt)) {
    await rename(aside, path).catch(() => undefined);
    throw heldBy(moved.holder, path);
  }
  await unlink(aside).catch(() => undefined);
  return true;
}

function cannotWrite(path: string, cause: unknown): ExitError {
  return new ExitError(EXIT.usage, say('directory.lock.cannotWrite', { path, problem: fileProblem(cause) }), { cause });
}

/** Why what is at the lock's path is not a lock this tool wrote. */
type Foreign = { is: 'link' | 'notFile' | 'notOurs' } | { is: 'unreadable'; problem: string } | { is: 'otherUser'; uid: number };

function foreignLock(path: string, why: Foreign): ExitError {
  return new ExitError(EXIT.directory, foreignText(path, why));
}

function foreignText(path: string, why: Foreign): string {
  switch (why.is) {
    case 'link':
      return say('directory.lock.foreignLink', { path });
    case 'notFile':
      return say('directory.lock.foreignNotFile', { path });
    case 'notOurs':
      return say('directory.lock.foreignNotOurs', { path });
    case 'unreadable':
      return say('directory.lock.foreignUnreadable', { path, problem: why.problem });
    case 'otherUser':
      return say('directory.lock.foreignOtherUser', { path, uid: why.uid });
  }
}

/** When the holder took the lock; a lock still being written has no time yet. */
function startedAt(holder: LockHolder): string {
  return holder === BEING_WRITTEN ? say('directory.lock.momentAgo') : holder.startedAt;
}

function heldBy(holder: LockHolder, path: string): ExitError {
  // Only a lock of this host can be seen to be stale: one of another host stays until someone says it is over.
  const other = holder.host !== hostname() && holder.host !== BEING_WRITTEN.host;
  const facts = { startedAt: startedAt(holder), pid: holder.pid, host: holder.host, path };
  return new ExitError(EXIT.directory, other ? say('directory.lock.heldElsewhere', facts) : say('directory.lock.held', facts));
}
