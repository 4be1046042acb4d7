/**
 * The sheet read once more, to write a copy of it: the corrected copy
 * (`--write-fixed`) and annotated.xlsx. A CSV is read again exactly as it was
 * the first time (same encoding, same delimiter) and within the same limits; a
 * workbook is loaded whole by exceljs, other sheets and styles included, so the
 * copy keeps them, once it is known to be safe to (see copy-check.ts), and its
 * formulas are replaced by their values (see no-formulas.ts).
 */
import { say } from '../i18n/text.js';
import { basename } from 'node:path';
import type { Workbook, Worksheet } from 'exceljs';
import { InputError } from '../errors.js';
import { checkWorkbookCopy, copyProblem, type CopyCheck } from '../read/copy-check.js';
import { openCsv } from '../read/csv.js';
import { detectFormat } from '../read/detect.js';
import { loadExcelJS } from '../read/exceljs.js';
import { DEFAULT_LIMITS, maxRecordLength, maxUnzipped, type InputLimits } from '../read/limits.js';
import { removeFormulas } from './no-formulas.js';
import { reasonOf } from '../read/xlsx-zip.js';
import { eachRow, type SheetFormat, type SheetRow } from '../read/types.js';

/** The sheet as it was read: enough to read it again the same way. */
export interface SheetSource {
  path: string;
  format: SheetFormat;
  /** XLSX: the worksheet read. */
  sheet?: string;
  /** CSV: as it was read. */
  text?: { encoding: string; delimiter: string };
  /** The limits it was read within (the defaults where not given): a copy keeps to them too. */
  limits?: Partial<InputLimits>;
  /** XLSX: checked already, before the run wrote anything; checked when it is loaded otherwise. */
  checked?: CopyCheck;
}

/** A CSV's rows again, decoded as the first read decoded them. */
export async function rereadCsv(source: SheetSource): Promise<AsyncIterable<SheetRow>> {
  const { head, size } = await detectFormat(source.path);
  const text = source.text ?? { encoding: 'utf-8', delimiter: ',' };
  return eachRow(openCsv(source.path, head, size, {
    encoding: text.encoding,
    delimiter: text.delimiter,
    headerScore: () => 0,
    maxRecordLength: maxRecordLength(limitsOf(source)),
  }).batches);
}

/**
 * Throws (one line, exit 2) unless the workbook may be loaded whole: as found
 * when it was checked, if it was, and unchanged since; else checked now.
 * Returns the check, to carry to the next copy.
 */
export async function checkSafeToLoad(source: SheetSource): Promise<CopyCheck> {
  const check = source.checked ?? (await checkWorkbookCopy(source.path, maxUnzipped(limitsOf(source))));
  const problem = await copyProblem(source.path, check);
  if (problem !== undefined) throw new InputError(say('report.copy.notSafe', { file: basename(source.path), reason: problem }));
  return check;
}

/** The sheet as a workbook to change and save: the workbook itself, or a CSV's rows as text cells. */
export async function loadSheetCopy(source: SheetSource): Promise<{ workbook: Workbook; worksheet: Worksheet }> {
  const excel = loadExcelJS();
  const workbook = new excel.Workbook();
  if (source.format === 'xlsx') {
    await checkSafeToLoad(source);
    await workbook.xlsx.readFile(source.path).catch((error: unknown) => {
      throw new InputError(say('report.copy.notLoaded', { file: basename(source.path), reason: reasonOf(error) }), { cause: error });
    });
    removeFormulas(workbook);
    const worksheet = workbook.getWorksheet(source.sheet);
    if (!worksheet) throw new InputError(say('report.copy.noSheet', { sheet: String(source.sheet), file: basename(source.path) }));
    return { workbook, worksheet };
  }
  const worksheet = workbook.addWorksheet(basename(source.path).replace(/\.[^.]*$/, '').slice(0, 31) || 'Sheet1');
  for await (const { row, cells } of await rereadCsv(source)) {
    // As text: a phone stays "13912345678", not a number Excel would show as 1.39E+10.
    // A dense array: element 0 is column A.
    worksheet.getRow(row).values = cells.map((cell) => (typeof cell === 'string' ? cell : cell.shown));
  }
  return { workbook, worksheet };
}

function limitsOf(source: SheetSource): InputLimits {
  return { ...DEFAULT_LIMITS, ...source.limits };
}
