/**
 * Where `template` and `export` put the sheet they make: the format from the
 * file's extension, the file new (0600), an existing one kept unless --force.
 */
import { extname, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { fileProblem, writeFileAtomically, writeNewFile } from '../own-files.js';

export type SheetKind = 'xlsx' | 'csv';

/** The format `file` names by its extension, or one line saying what to name it. */
export function sheetKindOf(file: string): SheetKind {
  const extension = extname(file).toLowerCase();
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.csv') return 'csv';
  throw new InputError(`"${file}": name the sheet .xlsx or .csv (its extension says which to write)`);
}

export async function saveSheet(file: string, options: { cwd: string; force: boolean }, content: string | Uint8Array): Promise<void> {
  const path = resolve(options.cwd, file);
  try {
    if (options.force) await writeFileAtomically(path, content);
    else await writeNewFile(path, content);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new InputError(`"${file}" already exists: choose another name, or give --force to replace it`);
    }
    throw new InputError(`cannot write "${file}": ${fileProblem(error)}`, { cause: error });
  }
}
