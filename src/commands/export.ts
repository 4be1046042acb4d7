/**
 * `contact-import export <file.xlsx|file.csv|->`: the directory's contacts, all
 * pages, as a sheet in the import format (see contact-sheet/export-sheet.ts),
 * to start a sync from or to keep. Read-only: no lock, no write to the
 * directory. The file holds personal data, so it is written 0600.
 */
import { say } from '../i18n/text.js';
import { exportCsv, exportXlsx } from '../contact-sheet/export-sheet.js';
import { saveSheet, sheetKindOf } from '../contact-sheet/save-sheet.js';
import { connectDirectory, readOrStop, type DirectoryOptions } from '../directory/connect.js';
import { endpointUrl } from '../directory/endpoint.js';
import type { DirectoryContact } from '../directory/port.js';
import type { Logger } from '../terminal/log.js';
import { retryLogger } from '../terminal/directory-lines.js';

export interface ExportOptions extends DirectoryOptions {
  /** Where to write the sheet, relative to cwd; `-`: CSV on stdout; none: the contacts are only returned (--json). */
  file?: string;
  /** Replace an existing file. */
  force: boolean;
  cwd: string;
}

export interface Exported {
  contacts: DirectoryContact[];
  /** The sheet, when it goes to stdout (`-`). */
  stdout?: string;
}

export async function runExport(options: ExportOptions, log: Logger): Promise<Exported> {
  const { file } = options;
  const kind = file === undefined || file === '-' ? undefined : sheetKindOf(file);
  const where = endpointUrl(options.endpoint);
  const directory = connectDirectory({ ...options, onRetry: retryLogger(log) });
  const contacts = await readOrStop(where, () => directory.listContacts());
  if (file === '-') return { contacts, stdout: exportCsv(contacts) };
  if (file !== undefined) {
    await saveSheet(file, options, kind === 'xlsx' ? await exportXlsx(contacts) : exportCsv(contacts));
    log.info(say('run.export.done', { count: contacts.length, where, file }));
  }
  return { contacts };
}
