/**
 * The sheet formats, one reader each: how a file of that format is opened and
 * where its header row is looked for. A CSV has one table; a workbook has
 * worksheets, tried in tab order.
 */
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { currentLanguage, say } from '../i18n/text.js';
import type { ColumnMap } from './column-map.js';
import { openCsv } from './csv.js';
import { headerScore } from './header.js';
import { searchHeader, type FoundHeader } from './header-search.js';
import { maxRecordLength, maxUnzipped as unzippedLimit, type InputLimits } from './limits.js';
import { parseDelimiter } from './sniff.js';
import type { OpenedSheet, SheetFormat } from './types.js';

/** What `readSheet` knows when it hands a file to the reader of its format. */
export interface OpenRequest {
  path: string;
  /** The first bytes of the file, read to detect its format. */
  head: Buffer;
  size: number;
  /** XLSX: the worksheet asked for. CSV: the encoding and delimiter asked for. */
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  map?: ColumnMap;
  limits: InputLimits;
}

export interface SheetReader {
  /** Opens the file and finds its header row; throws InputError when there is none. */
  findHeader(request: OpenRequest): Promise<FoundHeader>;
}

export const SHEET_READERS = {
  csv: { findHeader: findHeaderInCsv },
  xlsx: { findHeader: findHeaderInWorkbook },
} satisfies Record<SheetFormat, SheetReader>;

async function findHeaderInCsv({ path, head, size, encoding, delimiter, map, limits }: OpenRequest): Promise<FoundHeader> {
  const opened = openCsv(path, head, size, {
    encoding,
    ...(delimiter !== undefined ? { delimiter: parseDelimiter(delimiter) } : {}),
    headerScore: (cells) => headerScore(cells, map),
    maxRecordLength: maxRecordLength(limits),
  });
  return findHeader(basename(path), opened, map, limits);
}

async function findHeader(file: string, opened: OpenedSheet, map: ColumnMap | undefined, limits: InputLimits): Promise<FoundHeader> {
  const search = await searchHeader(opened, map, limits, file);
  if ('problem' in search) throw new InputError(say('read.inFile', { file, problem: search.problem }));
  return search.found;
}

/** Without --sheet, the first worksheet (in tab order) whose top rows hold a header: instructions often come first. */
async function findHeaderInWorkbook({ path, sheet, map, limits }: OpenRequest): Promise<FoundHeader> {
  const file = basename(path);
  const maxUnzipped = unzippedLimit(limits);
  // The XLSX reader only when a workbook is read: CSV runs start without it.
  const { openXlsx } = await import('./xlsx.js');
  const first = await openXlsx(path, { sheet, maxUnzipped });
  const sheets = [first.sheet!, ...(first.otherSheets ?? [])];
  const problems: string[] = [];
  for (const [i, name] of sheets.entries()) {
    const opened = i === 0 ? first : await openXlsx(path, { sheet: name, maxUnzipped });
    const search = await searchHeader(opened, map, limits, file);
    if ('found' in search) return search.found;
    problems.push(say('read.inSheet', { sheet: JSON.stringify(name), problem: search.problem }));
  }
  if (problems.length === 1) throw new InputError(say('read.inFile', { file, problem: problems[0]! }));
  // Each sheet's problem is a clause of one sentence: separated as each language punctuates clauses.
  throw new InputError(say('read.sheet.noHeaderAnywhere', { file, problems: problems.join(currentLanguage() === 'zh-CN' ? '；' : '; ') }));
}
