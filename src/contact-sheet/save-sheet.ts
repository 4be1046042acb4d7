/**
 * Where `template` and `export` put the sheet they make: the format from the
 * file's extension, the file new (0600), an existing one kept unless --force.
 */
import { extname, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import { fileProblem, writeFileAtomically, writeNewFile } from '../own-files.js';

export type SheetKind = 'xlsx' | 'csv';

/** The format `file` names by its extension, or one line saying what to name it. */
export function sheetKindOf(file: string): SheetKind {
  const extension = extname(file).toLowerCase();
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.csv') return 'csv';
  throw new InputError(say('sheet.save.extension', { file }));
}

export async function saveSheet(file: string, options: { cwd: string; force: boolean }, content: string | Uint8Array): Promise<void> {
  const path = resolve(options.cwd, file);
  try {
    if (options.force) await writeFileAtomically(path, content);
    else await writeNewFile(path, content);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new InputError(say('sheet.save.exists', { file }));
    }
    throw new InputError(say('sheet.save.cannotWrite', { file, reason: fileProblem(error) }), { cause: error });
  }
}
