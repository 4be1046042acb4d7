/**
 * `validate --write-fixed FILE`: a copy of the sheet with the unambiguous fixes
 * applied (spaces out of a name, an address cut out of `Ann <ann@…>`), and one
 * more column saying what changed in each row. Everything else is copied as it
 * was: rows above the header, blank rows, columns we do not read. A guess (a
 * job title, a typo) is never applied; the report lists those for a person.
 *
 * CSV is written as UTF-8 with a BOM (Excel opens it right; any other tool
 * too), with the sheet's own delimiter; a cell that would start a formula
 * starts with `'`. XLSX is the whole workbook, loaded and written by exceljs:
 * other sheets and the styles of the original are kept as far as exceljs keeps
 * them, its formulas become their values (see copy.ts).
 */
import { say } from '../i18n/text.js';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Field } from '../judge/fields.js';
import { InputError } from '../errors.js';
import type { SheetFormat } from '../read/types.js';
import { notFormula } from './csv-cell.js';
import { checkSafeToLoad, loadSheetCopy, rereadCsv, type SheetSource } from './copy.js';

export interface CellFix {
  field: Field;
  /** 0-based column. */
  column: number;
  from: string;
  to: string;
}

/** Row number → the fixes in it. */
export type RowFixes = Map<number, CellFix[]>;

export interface FixedCopySource extends SheetSource {
  headerRow: number;
  /** Cells in the header row: the new column goes after them. */
  headerWidth: number;
}


/** The column's text for one row: `Name: "Zhang San" → "ZhangSan"; …` */
export function describeFixes(fixes: CellFix[]): string {
  return fixes.map(({ field, from, to }) => say('report.fixed.cell', { column: field, from, to })).join(say('report.fixed.separator'));
}

/** Refuses a target that would overwrite the sheet, or is named as the other format. */
export function checkFixedCopyTarget(source: FixedCopySource, target: string): void {
  if (resolve(target) === resolve(source.path)) {
    throw new InputError(say('report.fixed.isTheSheet', { file: basename(target) }));
  }
  const { extension, misnamed } = COPY_WRITERS[source.format];
  if (extname(target).toLowerCase() !== extension) {
    throw new InputError(say(misnamed, { file: basename(target) }));
  }
}

/** Refuses, before anything is written, what checkFixedCopyTarget refuses and a workbook not safe to load whole (see copy-check.ts). */
export async function checkFixedCopy(source: FixedCopySource, target: string): Promise<void> {
  checkFixedCopyTarget(source, target);
  const folder = dirname(resolve(target));
  if (!(await stat(folder).then((stats) => stats.isDirectory(), () => false))) {
    throw new InputError(say('report.fixed.noFolder', { file: basename(target), folder }));
  }
  if (source.format !== 'xlsx') return;
  try {
    source.checked = await checkSafeToLoad(source);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(say('report.fixed.notSafe', { file: basename(target), reason: error.message }), { cause: error });
  }
}

export async function writeFixedCopy(source: FixedCopySource, target: string, fixes: RowFixes): Promise<void> {
  checkFixedCopyTarget(source, target);
  await COPY_WRITERS[source.format].write(source, target, fixes);
}

interface CopyWriter {
  /** The copy is of the sheet's own format, and named so. */
  extension: string;
  /** The refusal of a copy named as the other format. */
  misnamed: 'report.fixed.notCsv' | 'report.fixed.notXlsx';
  write(source: FixedCopySource, target: string, fixes: RowFixes): Promise<void>;
}

const COPY_WRITERS = {
  csv: { extension: '.csv', misnamed: 'report.fixed.notCsv', write: writeCsvCopy },
  xlsx: { extension: '.xlsx', misnamed: 'report.fixed.notXlsx', write: writeXlsxCopy },
} satisfies Record<SheetFormat, CopyWriter>;

async function writeCsvCopy(source: FixedCopySource, target: string, fixes: RowFixes): Promise<void> {
  const delimiter = source.text?.delimiter ?? ',';
  const rows = await rereadCsv(source);
  const out = createWriteStream(target);
  // A file that cannot be made is an error here, not an unhandled one from the stream.
  await once(out, 'open');
  const done = finished(out);
  const put = async (cells: string[], extra?: string) => {
    const line = [...cells, ...(extra === undefined ? [] : [extra])].map((cell) => csvField(cell, delimiter));
    if (!out.write(line.join(delimiter) + '\r\n')) await once(out, 'drain');
  };
  out.write('\uFEFF');
  for await (const { row, cells } of rows) {
    const values = cells.map((cell) => (typeof cell === 'string' ? cell : cell.shown));
    const fixed = fixes.get(row);
    if (row === source.headerRow) await put(padded(values, source.headerWidth), say('report.fixed.header'));
    else if (!fixed) await put(values);
    else {
      for (const { column, to } of fixed) values[column] = to;
      await put(padded(values, source.headerWidth), describeFixes(fixed));
    }
  }
  out.end();
  await done;
}

/** The row's cells, with empty ones up to `width`, so the added column lines up under its header. */
function padded(values: string[], width: number): string[] {
  return Array.from({ length: Math.max(values.length, width) }, (_, i) => values[i] ?? '');
}

/**
 * Quoted when it must be; written as it is otherwise (this is the person's data, not a report),
 * except that a cell that would start a formula starts with `'`, as in results.csv.
 */
function csvField(cell: string, delimiter: string): string {
  const value = notFormula(cell);
  return value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim()
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

async function writeXlsxCopy(source: FixedCopySource, target: string, fixes: RowFixes): Promise<void> {
  const { workbook, worksheet } = await loadSheetCopy(source);
  const fixesColumn = source.headerWidth + 1;
  const header = worksheet.getRow(source.headerRow).getCell(fixesColumn);
  header.value = say('report.fixed.header');
  header.font = { bold: true };
  for (const [row, fixed] of fixes) {
    const cells = worksheet.getRow(row);
    for (const { column, to } of fixed) cells.getCell(column + 1).value = to;
    cells.getCell(fixesColumn).value = describeFixes(fixed);
  }
  await workbook.xlsx.writeFile(target);
}
