/**
 * `contact-import template <file.xlsx|file.csv>`: writes a blank contact sheet
 * that the tool reads without a mapping (see template/). Offline. An existing
 * file is kept unless --force; then the new one replaces it whole (written
 * beside it, then renamed over it, so a link in its place is replaced, never followed).
 */
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { EXIT, InputError } from '../errors.js';
import type { Site } from '../judge/rules.js';
import { fileProblem, writeNewFile } from '../own-files.js';
import type { Logger } from '../terminal/log.js';
import { templateCsv, templateXlsx } from '../template/write-template.js';

export interface TemplateOptions {
  /** Where to write it, relative to cwd: its extension says the format. */
  file: string;
  site: Site;
  contactLimit: number;
  /** Replace an existing file. */
  force: boolean;
  cwd: string;
}

export async function runTemplate(options: TemplateOptions, log: Logger): Promise<number> {
  const { file, site, contactLimit, force, cwd } = options;
  const format = extname(file).toLowerCase();
  if (format !== '.xlsx' && format !== '.csv') {
    throw new InputError(`"${file}": name the template .xlsx or .csv (its extension says which to write)`);
  }
  const content = format === '.xlsx' ? await templateXlsx(site, contactLimit) : templateCsv();
  const path = resolve(cwd, file);
  try {
    if (force) await replaceFile(path, content);
    else await writeNewFile(path, content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new InputError(`"${file}" already exists: choose another name, or give --force to replace it`);
    throw new InputError(`cannot write "${file}": ${fileProblem(error)}`, { cause: error });
  }
  log.info(`wrote ${file}: a blank contact sheet for the ${site} site; fill it in, then: contact-import validate ${file}${site === 'cn' ? ' --site cn' : ''}`);
  return EXIT.ok;
}

async function replaceFile(path: string, content: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeNewFile(temporary, content);
  try {
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
