/** `validate --print-mapping`: how the sheet would be read, as a mapping file; no row is judged. */
import { say } from '../i18n/text.js';
import { resolve } from 'node:path';
import type { MappingFile } from '../read/column-map.js';
import { readSheet } from '../read/index.js';
import type { Logger } from '../terminal/log.js';
import type { SheetRunOptions } from './run.js';

export async function printMapping(options: SheetRunOptions, log: Logger): Promise<MappingFile> {
  const sheet = await readSheet(resolve(options.cwd, options.file), options.read);
  await sheet.close();
  const { input, header } = sheet;
  const text = input.text;
  const where = input.sheet ? say('run.summary.sheetOf', { file: input.file, sheet: input.sheet }) : input.file;
  log.info(
    text
      ? say('run.mapping.headerText', { where, row: header.row, encoding: text.decoding.encoding, delimiter: JSON.stringify(text.delimiter) })
      : say('run.mapping.header', { where, row: header.row }),
  );
  const { mappingFileOf } = await import('../read/column-map.js'); // zod, only for mapping files
  return mappingFileOf(header, {
    ...(input.sheet !== undefined ? { sheet: input.sheet } : {}),
    ...(text ? { encoding: text.decoding.encoding, delimiter: text.delimiter } : {}),
  });
}
