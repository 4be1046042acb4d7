/**
 * `-` as the sheet: standard input (a cron job's `curl … | contact-import import -`).
 * A workbook is read through its zip directory at the end of the file, and a
 * copy of the sheet (annotated.xlsx, --write-fixed) reads it again, so the bytes
 * are kept first in a file named `stdin` in a private folder made for this run
 * (0700, the file 0600), at most --max-bytes of them, and removed when the run ends.
 * The sheet is then judged from its bytes like any file; the report names it `stdin`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import { newFileStream } from '../own-files.js';
import { formatBytes } from './limits.js';

export const STDIN_NAME = 'stdin';

export interface StagedInput {
  /** The file holding what was read. */
  path: string;
  /** Removes it and its folder. */
  remove(): Promise<void>;
}

export async function stageStdin(maxBytes: number, input: Readable & { isTTY?: boolean } = process.stdin): Promise<StagedInput> {
  if (input.isTTY) throw new InputError(say('read.stdin.terminal'));
  const folder = await mkdtemp(join(tmpdir(), 'contact-import-stdin-'));
  const remove = () => rm(folder, { recursive: true, force: true });
  const path = join(folder, STDIN_NAME);
  let read = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      read += chunk.length;
      if (read > maxBytes) done(new InputError(say('read.limit.stdinTooBig', { file: STDIN_NAME, max: formatBytes(maxBytes) })));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(input, limit, await newFileStream(path));
  } catch (error) {
    await remove();
    throw error;
  }
  return { path, remove };
}
