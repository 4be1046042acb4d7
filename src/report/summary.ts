/** summary.json and the human summary on stderr, built from counts: pure functions. */
import { say } from '../i18n/text.js';
import type { Field } from '../judge/fields.js';
import type { ReadSheet, SheetInput } from '../read/index.js';
import type { HeaderMapping } from '../read/header.js';
import { GOOD_STATUSES, GOOD_WITH_ERRORS_NAMED, ROW_STATUSES, type GoodRowWithError, type ReportError, type RowResult, type RowStatus, type Summary } from './types.js';

/** What the summary counts, row by row: statuses, sheet rows apart from directory-only contacts, good rows with an error. */
export class StatusCounts {
  readonly counts: Partial<Record<RowStatus, number>> = {};
  /** Every row in the report, directory-only contacts included. */
  rows = 0;
  /** sync: directory contacts the sheet does not have (`row: null`). */
  directoryOnly = 0;
  goodWithErrors = 0;
  readonly namedGoodWithErrors: GoodRowWithError[] = [];

  add(result: RowResult): void {
    const { status } = result;
    this.counts[status] = (this.counts[status] ?? 0) + 1;
    this.rows++;
    if (result.row === null) this.directoryOnly++;
    if (GOOD_STATUSES.has(status) && result.errors.length > 0) {
      this.goodWithErrors++;
      if (this.namedGoodWithErrors.length < GOOD_WITH_ERRORS_NAMED) {
        this.namedGoodWithErrors.push({ row: result.row, name: result.name, status, codes: result.errors.map((error) => error.code) });
      }
    }
  }

  get(status: RowStatus): number {
    return this.counts[status] ?? 0;
  }
}

/** What a run's rows were read from: a sheet (or the sheet of a saved plan), or for undo the report it reverses. */
export type InputFormat = SheetInput['format'] | 'report';

/** What the summary says about the input, once the sheet has been read through. */
export interface SheetFacts {
  input: Omit<SheetInput, 'format'> & { format: InputFormat };
  sha256: string;
  header: HeaderMapping;
  blankRows: number;
  /** CSV: how its text was read (the encoding is final only once the rows have been read). */
  text?: { encoding: string; delimiter: string };
}

export async function sheetFacts(sheet: ReadSheet): Promise<SheetFacts> {
  const { text } = sheet.input;
  return {
    input: sheet.input,
    sha256: await sheet.input.sha256.catch(() => ''),
    header: sheet.header,
    blankRows: sheet.blankRows(),
    ...(text ? { text: { encoding: text.decoding.encoding, delimiter: text.delimiter } } : {}),
  };
}

export interface SummaryParts extends SheetFacts {
  command: Summary['command'];
  endpoint: string | null;
  directory?: Summary['directory'];
  undoes?: Summary['undoes'];
  site: string;
  counts: StatusCounts;
  quota: Summary['quota'];
  dryRun: boolean;
  exitCode: number;
  startedAt: Date;
  finishedAt: Date;
}

export function buildSummary(parts: SummaryParts): Summary {
  const { input, header } = parts;
  const columns: Partial<Record<Field, string>> = {};
  for (const [field, index] of Object.entries(header.columns) as [Field, number][]) {
    columns[field] = header.headers[index];
  }
  return {
    version: 1,
    command: parts.command,
    endpoint: parts.endpoint,
    directory: parts.directory ?? null,
    ...(parts.undoes ? { undoes: parts.undoes } : {}),
    site: parts.site,
    input: {
      file: input.file,
      format: input.format,
      sheet: input.sheet ?? null,
      encoding: parts.text?.encoding ?? null,
      delimiter: parts.text?.delimiter ?? null,
      rows: parts.counts.rows - parts.counts.directoryOnly,
      blankRows: parts.blankRows,
      headerRow: header.row,
      columns,
      ignoredColumns: header.ignored,
      sha256: parts.sha256,
    },
    counts: orderedCounts(parts.counts),
    directoryOnly: parts.counts.directoryOnly,
    quota: parts.quota,
    goodWithErrors: { count: parts.counts.goodWithErrors, rows: parts.counts.namedGoodWithErrors },
    dryRun: parts.dryRun,
    exitCode: parts.exitCode,
    startedAt: parts.startedAt.toISOString(),
    finishedAt: parts.finishedAt.toISOString(),
  };
}

function orderedCounts(counts: StatusCounts): Partial<Record<RowStatus, number>> {
  const ordered: Partial<Record<RowStatus, number>> = {};
  for (const status of ROW_STATUSES) if (counts.get(status) > 0) ordered[status] = counts.get(status);
  return ordered;
}

/** ` (fix: "ZhangSan")` for the one obvious fix, ` (did you mean "X"?)` for a guess, in the run's language. */
export function suggestionText(error: ReportError): string {
  if (error.suggestion === undefined) return '';
  return say(error.unambiguous ? 'report.suggestion.fix' : 'report.suggestion.guess', { value: error.suggestion });
}
