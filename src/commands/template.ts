/**
 * `contact-import template <file.xlsx|file.csv>`: writes a blank contact sheet
 * that the tool reads without a mapping (see contact-sheet/). Offline.
 */
import { say } from '../i18n/text.js';
import { saveSheet, sheetKindOf } from '../contact-sheet/save-sheet.js';
import { templateCsv, templateXlsx } from '../contact-sheet/write-template.js';
import { EXIT } from '../errors.js';
import type { Site } from '../judge/rules.js';
import type { Logger } from '../terminal/log.js';

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
  const { file, site, contactLimit } = options;
  const content = sheetKindOf(file) === 'xlsx' ? await templateXlsx(site, contactLimit) : templateCsv();
  await saveSheet(file, options, content);
  // not for people: a command line to type
  log.info(say('run.template.wrote', { file, site, command: `contact-import validate ${file}${site === 'cn' ? ' --site cn' : ''}` }));
  return EXIT.ok;
}
