/** What every command that reads a sheet takes, and what it gives back. */
import type { Site } from '../judge/rules.js';
import type { Progress } from '../terminal/progress.js';
import type { SheetSource } from '../report/copy.js';
import type { ReadOptions } from '../read/index.js';
import type { InputLimits } from '../read/limits.js';
import type { Summary } from '../report/types.js';

export interface SheetRunOptions {
  /** Path of the sheet, relative to cwd. */
  file: string;
  /** How to read it: sheet, encoding, delimiter, mapping file, limits. */
  read: ReadOptions;
  /** @default 'intl' */
  site: Site;
  /** Contacts a directory may hold. @default 20 */
  contactLimit: number;
  /** @default reports/<yyyymmdd-hhmmss>-<sheet name>/ */
  reportDir?: string;
  cwd: string;
  /** Rows read (and, for import, written) so far, for the person waiting. */
  progress?: Progress;
}

export interface RunOutcome {
  exitCode: number;
  summary: Summary;
  reportDir: string;
}

/** The sheet as the summary says it was read: to read it again for a copy (annotated.xlsx, --write-fixed). */
export function sheetSourceOf(path: string, summary: Summary, limits: Partial<InputLimits> | undefined): SheetSource {
  const { format, sheet, encoding, delimiter } = summary.input;
  return {
    path,
    format: format as SheetSource['format'],
    ...(limits ? { limits } : {}),
    ...(sheet !== null ? { sheet } : {}),
    ...(encoding !== null ? { text: { encoding, delimiter: delimiter ?? ',' } } : {}),
  };
}
