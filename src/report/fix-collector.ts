/**
 * `validate --write-fixed`: the target is checked before any row is judged,
 * each row's unambiguous fixes are collected as it is judged, and the copy is
 * written once the report is closed.
 */
import { say } from '../i18n/text.js';
import type { HeaderMapping } from '../read/header.js';
import type { DataRow, ReadSheet } from '../read/index.js';
import type { InputLimits } from '../read/limits.js';
import { cellDisplay } from '../read/types.js';
import type { SheetSource } from './copy.js';
import { displayFile } from './dir.js';
import { checkFixedCopy, writeFixedCopy, type FixedCopySource, type RowFixes } from './fixed-copy.js';
import type { RowResult } from './types.js';

export class FixCollector {
  private readonly fixes: RowFixes = new Map();

  private constructor(
    readonly source: FixedCopySource,
    private readonly target: string,
    private readonly header: HeaderMapping,
  ) {}

  /** Fails (one clear line) before anything is read if the copy could not be written. */
  static async prepare(path: string, sheet: ReadSheet, target: string, limits: Partial<InputLimits> | undefined): Promise<FixCollector> {
    const { format, sheet: name } = sheet.input;
    const source: FixedCopySource = { path, format, ...(name !== undefined ? { sheet: name } : {}), ...(limits ? { limits } : {}), headerRow: sheet.header.row, headerWidth: sheet.header.headers.length };
    await checkFixedCopy(source, target);
    return new FixCollector(source, target, sheet.header);
  }

  /** The row's unambiguous fixes (a guess is never applied), with the cell text they replace. */
  collect(row: DataRow, result: RowResult): void {
    const fixed = result.errors.flatMap((error) => {
      const column = error.field === null ? undefined : this.header.columns[error.field];
      if (!error.unambiguous || error.suggestion === undefined || column === undefined || error.field === null) return [];
      return [{ field: error.field, column, from: cellDisplay(row.cells[error.field]).trim(), to: error.suggestion }];
    });
    // One fix per field: a field with two problems (length and letters) carries the same suggestion twice.
    const unique = fixed.filter((fix, i) => fixed.findIndex((other) => other.field === fix.field) === i);
    if (unique.length > 0) this.fixes.set(row.row, unique);
  }

  /** Writes the copy, the sheet read as the summary says it was; returns the line that says how much it fixed. */
  async write(read: SheetSource, cwd: string): Promise<string> {
    Object.assign(this.source, read);
    await writeFixedCopy(this.source, this.target, this.fixes);
    const cells = [...this.fixes.values()].reduce((n, row) => n + row.length, 0);
    const rows = this.fixes.size;
    const said = { count: cells, rows, file: displayFile(cwd, this.target) };
    return `  ${rows === 1 ? say('report.fixed.lineOneRow', said) : say('report.fixed.line', said)}`;
  }

  /** Where the copy goes. */
  get path(): string {
    return this.target;
  }
}
