/** What every command that reads a sheet takes, and what it gives back. */
import type { Site } from '../contact/rules.js';
import type { ReadOptions } from '../sheet/index.js';
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
}

export interface RunOutcome {
  exitCode: number;
  summary: Summary;
  reportDir: string;
}
