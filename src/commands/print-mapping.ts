/** `validate --print-mapping`: how the sheet would be read, as a mapping file; no row is judged. */
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
  log.info(`${input.file}${input.sheet ? ` (sheet "${input.sheet}")` : ''}: header on row ${header.row}${text ? `, read as ${text.decoding.encoding} with delimiter ${JSON.stringify(text.delimiter)}` : ''}`);
  const { mappingFileOf } = await import('../read/column-map.js'); // zod, only for mapping files
  return mappingFileOf(header, {
    ...(input.sheet !== undefined ? { sheet: input.sheet } : {}),
    ...(text ? { encoding: text.decoding.encoding, delimiter: text.delimiter } : {}),
  });
}
