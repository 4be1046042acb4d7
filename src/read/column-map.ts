/**
 * `--map mapping.json`: which header means which field, for sheets whose headers
 * we cannot guess ("Full name (as in passport)", "Notify by mail"). The file has
 * the shape `validate --print-mapping` prints, so a mapping can be printed,
 * edited and given back:
 *
 *   {"sheet": "Contacts", "headerRow": 3, "encoding": "gb18030", "delimiter": ";",
 *    "columns": {"Full name": "Name", "Mail": "EmailAddress", "Remarks": null}}
 *
 * Only `columns` is needed. A field may be named as the API does or by any
 * accepted header (`email`); null means "ignore this column". The other keys pin
 * what would otherwise be detected; options given on the command line win.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { FIELDS, type Field } from '../judge/fields.js';
import { matchKey } from '../judge/suggest.js';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import { fieldForHeader, type HeaderMapping } from './header.js';

export interface ColumnMap {
  /** The mapping file's name, for messages. */
  file: string;
  /** matchKey(header text) → field, or null to ignore the column. */
  columns: Map<string, Field | null>;
  /** matchKey → the header as the mapping file writes it, for messages. */
  written: Map<string, string>;
  sheet?: string;
  headerRow?: number;
  encoding?: string;
  delimiter?: string;
}

const MAPPING_FILE = z
  .object({
    columns: z.record(z.string(), z.string().nullable()),
    sheet: z.union([z.string(), z.number().int().positive()]).optional(),
    headerRow: z.number().int().positive().optional(),
    encoding: z.string().optional(),
    delimiter: z.string().optional(),
  })
  .strict();

/** `file` is the mapping file as messages call it: as the user typed it. */
export async function readColumnMap(path: string, file = basename(path)): Promise<ColumnMap> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? say('read.map.notFound', { file }) : say('read.map.cannotRead', { file, code: String(code) }), { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(say('read.map.notJson', { file, reason: (error as Error).message }), { cause: error });
  }
  const parsed = MAPPING_FILE.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : say('read.map.theFile');
    // not for people: the file's JSON shape
    throw new InputError(say('read.map.shape', { file, where, reason: issue.message, shape: '{"columns": {"<header>": "<field>" or null}}' }));
  }
  const columns = new Map<string, Field | null>();
  const written = new Map<string, string>();
  for (const [header, name] of Object.entries(parsed.data.columns)) {
    const key = matchKey(header);
    if (key === '') throw new InputError(say('read.map.emptyHeader', { file }));
    if (written.has(key)) {
      throw new InputError(say('read.map.sameHeader', { file, first: written.get(key)!, second: header }));
    }
    const field = name === null ? null : fieldForHeader(name);
    if (field === undefined) {
      throw new InputError(say('read.map.notAField', { file, header, name: String(name), fields: FIELDS.join(', ') }));
    }
    columns.set(key, field);
    written.set(key, header);
  }
  const { sheet, headerRow, encoding, delimiter } = parsed.data;
  return {
    file,
    columns,
    written,
    ...(sheet !== undefined ? { sheet: String(sheet) } : {}),
    ...(headerRow !== undefined ? { headerRow } : {}),
    ...(encoding !== undefined ? { encoding } : {}),
    ...(delimiter !== undefined ? { delimiter } : {}),
  };
}

/** The mapping file's shape, as `validate --print-mapping` prints it. */
export interface MappingFile {
  sheet?: string;
  headerRow: number;
  encoding?: string;
  delimiter?: string;
  columns: Record<string, Field | null>;
}

/** The mapping a read chose, as a mapping file: print it, edit it, give it back with --map. */
export function mappingFileOf(header: HeaderMapping, where: { sheet?: string; encoding?: string; delimiter?: string }): MappingFile {
  const fieldAt = new Map<number, Field>();
  for (const [field, index] of Object.entries(header.columns) as [Field, number][]) fieldAt.set(index, field);
  const columns: Record<string, Field | null> = {};
  header.headers.forEach((text, index) => {
    if (text !== '') columns[text] = fieldAt.get(index) ?? null;
  });
  return { ...where, headerRow: header.row, columns };
}
