/** What every command that reads a sheet takes, and what it gives back. */
import type { Site } from '../contact/rules.js';
import type { Summary } from '../report/types.js';

export interface SheetRunOptions {
  /** Path of the sheet, relative to cwd. */
  file: string;
  /** XLSX worksheet name or 1-based index. */
  sheet?: string;
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
