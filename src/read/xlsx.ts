/**
 * Rows of one worksheet of an XLSX workbook, streamed.
 *
 * The zip's central directory (read from the end of the file) gives each part
 * wherever the zip stores it, so everything a row needs is read before the
 * first row: the list of sheets in tab order (xl/workbook.xml and its rels),
 * so a wrong `--sheet` fails at once; the shared strings and number formats;
 * and a first pass over the chosen sheet's XML finds its merged cells and
 * mailto: links, both listed after the rows. Then the sheet's rows stream, in
 * bounded memory. Other worksheets, images and the rest are never inflated.
 */
import { basename, posix } from 'node:path';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import { findCellMarks } from './cell-marks.js';
import { DEFAULT_LIMITS, UNZIPPED_PER_BYTE } from './limits.js';
import { readNumberFormats } from './number-formats.js';
import { readSharedStrings } from './shared-strings.js';
import type { OpenedSheet } from './types.js';
import { worksheetRows } from './worksheet-rows.js';
import { relationshipId, unreadable, XlsxZip } from './xlsx-zip.js';

export interface XlsxOptions {
  /** Worksheet name or 1-based position; without it, the first visible worksheet. */
  sheet?: string;
  /** Bytes the zip may unpack to (a zip bomb stops here). */
  maxUnzipped?: number;
}

export async function openXlsx(path: string, options: XlsxOptions): Promise<OpenedSheet> {
  const file = basename(path);
  const zip = await XlsxZip.open(path, file, options.maxUnzipped ?? DEFAULT_LIMITS.maxBytes * UNZIPPED_PER_BYTE);
  const workbook = await readWorkbook(zip);
  const { sheet, others } = chooseSheet(zip, workbook.sheets, options.sheet);
  const context = {
    sheet: sheet.name,
    sharedStrings: await readSharedStrings(zip, workbook.sharedStrings),
    formats: await readNumberFormats(zip, workbook.styles),
    date1904: workbook.date1904,
    marks: await findCellMarks(zip, sheet.part, sheet.name),
  };
  return {
    format: 'xlsx',
    sheet: sheet.name,
    ...(others.length > 0 ? { otherSheets: others.map((s) => s.name) } : {}),
    batches: worksheetRows(zip, sheet.part, context),
  };
}

// ---------------------------------------------------------------------------
// The workbook: its sheets, and where its shared parts are.

interface Workbook {
  sheets: SheetInfo[];
  /** Dates count from 1904-01-01 (old Mac workbooks), not 1899-12-30. */
  date1904: boolean;
  /** Where the shared strings and the styles are, when the workbook has them. */
  sharedStrings: string | undefined;
  styles: string | undefined;
}

async function readWorkbook(zip: XlsxZip): Promise<Workbook> {
  const part = 'xl/workbook.xml';
  if (!zip.has(part)) throw unreadable(zip.file, say('read.xlsx.noPart', { part }));
  const rels = new Map<string, { target: string; type: string }>();
  for (const rel of await zip.elements('xl/_rels/workbook.xml.rels', 'Relationship')) {
    if (rel.Id !== undefined && rel.Target !== undefined) rels.set(rel.Id, { target: partPath('xl', rel.Target), type: rel.Type?.split('/').pop() ?? '' });
  }
  const sheets = (await zip.elements(part, 'sheet')).map((sheet): SheetInfo => {
    const rel = rels.get(relationshipId(sheet) ?? '');
    return {
      name: sheet.name ?? '',
      hidden: sheet.state === 'hidden' || sheet.state === 'veryHidden',
      part: rel?.target ?? '',
      type: rel?.type ?? '',
    };
  });
  const [properties] = await zip.elements(part, 'workbookPr');
  const related = (type: string, usual: string) => [...rels.values()].find((rel) => rel.type === type)?.target ?? (zip.has(usual) ? usual : undefined);
  return {
    sheets,
    date1904: ['1', 'true'].includes(properties?.date1904?.trim() ?? ''),
    sharedStrings: related('sharedStrings', 'xl/sharedStrings.xml'),
    styles: related('styles', 'xl/styles.xml'),
  };
}

/** A rels Target, relative to the folder of the part that owns the rels, as a zip path. */
function partPath(folder: string, target: string): string {
  return target.startsWith('/') ? posix.normalize(target).slice(1) : posix.normalize(posix.join(folder, target));
}

// ---------------------------------------------------------------------------
// Which sheet.

interface SheetInfo {
  name: string;
  hidden: boolean;
  /** Path of its part in the zip, e.g. `xl/worksheets/sheet3.xml` (the number is not the tab order). */
  part: string;
  /** `worksheet`, `chartsheet`, `dialogsheet`, `xlMacrosheet`, or '' when its rels do not say. */
  type: string;
}

/**
 * The sheet asked for; or, without --sheet, the first sheet a person sees (hidden
 * sheets and charts are not it) and the visible worksheets after it, to look for
 * the header in when the first has none.
 */
function chooseSheet(zip: XlsxZip, sheets: SheetInfo[], requested: string | undefined): { sheet: SheetInfo; others: SheetInfo[] } {
  const { file } = zip;
  if (sheets.length === 0) throw unreadable(file, say('read.xlsx.noSheets'));
  const wanted = requested?.trim() ?? '';
  let sheet: SheetInfo | undefined;
  let others: SheetInfo[] = [];
  if (wanted === '') {
    const visible = sheets.filter((s) => !s.hidden && isWorksheet(s) && zip.has(s.part));
    sheet = visible[0] ?? sheets.find((s) => isWorksheet(s)) ?? sheets[0];
    others = visible.slice(1);
  } else {
    sheet =
      sheets.find((s) => s.name === wanted) ??
      sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase()) ??
      (/^\d+$/.test(wanted) ? sheets[Number(wanted) - 1] : undefined);
    if (!sheet) {
      const asked = /^\d+$/.test(wanted) ? wanted : JSON.stringify(wanted);
      throw new InputError(say('read.sheet.notFound', { file, asked, choices: sheetChoices(sheets) }));
    }
  }
  if (!sheet) throw unreadable(file, say('read.xlsx.noSheets'));
  if (!isWorksheet(sheet)) {
    const key = sheet.type === 'chartsheet' ? 'read.sheet.chart' : 'read.sheet.notWorksheet';
    throw new InputError(say(key, { file, sheet: JSON.stringify(sheet.name), choices: sheetChoices(sheets) }));
  }
  if (!zip.has(sheet.part)) {
    throw unreadable(file, say('read.xlsx.sheetPartMissing', { sheet: JSON.stringify(sheet.name), part: JSON.stringify(sheet.part) }));
  }
  return { sheet, others };
}

function isWorksheet(sheet: SheetInfo): boolean {
  return sheet.type === 'worksheet' || (sheet.type === '' && sheet.part.startsWith('xl/worksheets/'));
}

/** `the workbook has sheets: "Contacts", "Notes" (use --sheet NAME or --sheet 1..2)` */
function sheetChoices(sheets: SheetInfo[]): string {
  const shown = 20;
  const names = sheets.slice(0, shown).map((s) => (s.hidden ? say('read.sheet.hidden', { name: JSON.stringify(s.name) }) : JSON.stringify(s.name)));
  if (sheets.length > shown) names.push(say('read.sheet.more', { count: sheets.length - shown }));
  if (sheets.length === 1) return say('read.sheet.choicesOne', { names: names.join(', ') });
  return say('read.sheet.choices', { names: names.join(', '), range: `1..${sheets.length}` });
}

