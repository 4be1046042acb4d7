/**
 * One run at a time per directory: a lock file holding the holder's pid, host
 * and start time, created with O_EXCL so two runs cannot both take it. A lock
 * left by a process that is no longer running on this host is taken over.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, ExitError } from '../errors.js';

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
  release(): Promise<void>;
}

export const DEFAULT_LOCK_DIR = join(tmpdir(), 'contact-import-locks');

/** Takes the lock for `key` (an endpoint and whose directory), or throws ExitError 3 naming its holder. */
export async function acquireLock(dir: string, key: string): Promise<HeldLock> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `${createHash('sha256').update(key).digest('hex').slice(0, 16)}.lock`);
  const me: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), key };
  let tookOver: LockHolder | undefined;
  for (let tries = 0; tries < 3; tries++) {
    try {
      const file = await open(path, 'wx', 0o600);
      await file.writeFile(JSON.stringify(me) + '\n');
      await file.close();
      return { path, ...(tookOver ? { tookOver } : {}), release: () => release(path, me) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(path);
    if (!holder) continue; // released in the meantime
    if (!isStale(holder)) throw heldBy(holder, path);
    if (await removeStale(path, holder)) tookOver = holder;
  }
  throw new ExitError(EXIT.directory, `could not take the lock ${path}: other runs keep taking it`);
}

async function readHolder(path: string): Promise<LockHolder | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockHolder;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // Half written by a run that is starting this very moment: treat it as held.
    return { pid: 0, host: '?', startedAt: 'a moment ago', key: '?' };
  }
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
 * Moves the stale lock aside (atomic: of two runs taking over, one wins) and
 * checks it moved the lock it judged stale, not a fresh one taken meanwhile.
 */
async function removeStale(path: string, stale: LockHolder): Promise<boolean> {
  const aside = `${path}.${process.pid}.stale`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  const moved = await readHolder(aside);
  if (moved && (moved.pid !== stale.pid || moved.startedAt !== stale.startedAt)) {
    await rename(aside, path);
    throw heldBy(moved, path);
  }
  await unlink(aside).catch(() => undefined);
  return true;
}

async function release(path: string, me: LockHolder): Promise<void> {
  const holder = await readHolder(path);
  if (holder && holder.pid === me.pid && holder.startedAt === me.startedAt) await unlink(path).catch(() => undefined);
}

function heldBy(holder: LockHolder, path: string): ExitError {
  return new ExitError(
    EXIT.directory,
    `another run holds the lock since ${holder.startedAt} (pid ${holder.pid} on ${holder.host}); nothing was sent. ` +
      `If no run is going, remove ${path}`,
  );
}
