/**
 * Whether a workbook may be loaded whole by exceljs, to copy it (annotated.xlsx,
 * `--write-fixed`). exceljs unpacks every part into memory, images included,
 * and trusts the sizes the zip declares; the reader never unpacks an image, so
 * a workbook it read within its limits may still hold gigabytes in xl/media,
 * and loading that ended an import, after its contacts were created, with no
 * word. So every part is unpacked here first, counted as it streams against
 * the reader's limit (xlsx-zip.ts), and thrown away.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import { reasonOf, UnreadableXlsx, XlsxZip } from './xlsx-zip.js';

export interface CopyCheck {
  /** Why the workbook must not be loaded whole; undefined when it may. */
  problem?: string;
  /** The file as it was checked: one changed since is not loaded. */
  stamp: string;
}

/** Never throws: what goes wrong is the `problem`. */
export async function checkWorkbookCopy(path: string, maxUnzipped: number): Promise<CopyCheck> {
  let stamp = '';
  try {
    stamp = await stampOf(path);
    const zip = await XlsxZip.open(path, basename(path), maxUnzipped);
    await zip.unpackAll();
    return { stamp };
  } catch (error) {
    const problem = error instanceof UnreadableXlsx ? error.reason : error instanceof InputError ? error.message : reasonOf(error);
    return { problem, stamp };
  }
}

/** Why the workbook checked as `check` must not be loaded now: what the check found, or a change since. */
export async function copyProblem(path: string, check: CopyCheck): Promise<string | undefined> {
  if (check.problem !== undefined) return check.problem;
  const now = await stampOf(path).catch(() => 'gone');
  return now === check.stamp ? undefined : say('read.copy.changed');
}

async function stampOf(path: string): Promise<string> {
  const { dev, ino, size, mtimeMs } = await stat(path);
  return `${dev}:${ino}:${size}:${mtimeMs}`;
}
