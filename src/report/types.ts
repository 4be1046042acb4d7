/** The report's vocabulary (docs/contract.md, Row statuses and Report files). */
import type { Field } from '../judge/fields.js';

export const ROW_STATUSES = [
  'valid',
  'invalid',
  'duplicate',
  'exists',
  'over_quota',
  'would_create',
  'created',
  'failed',
  'not_attempted',
  'would_update',
  'updated',
  'unchanged',
  'would_delete',
  'deleted',
  'kept',
  'would_restore',
  'restored',
] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

/** Statuses that mean the row was not imported (exit code 1 when any row has one). */
const BAD_STATUSES: ReadonlySet<RowStatus> = new Set(['invalid', 'duplicate', 'over_quota', 'failed', 'not_attempted']);

/** Statuses that mean the row ended well (exit code 0 when every row has one): all the others. */
export const GOOD_STATUSES: ReadonlySet<RowStatus> = new Set(ROW_STATUSES.filter((status) => !BAD_STATUSES.has(status)));

export interface ReportError {
  /** The column the problem is in; null for a problem of the whole row (the contact limit). */
  field: Field | null;
  code: string;
  message: string;
  /** The message with the emails and phones it quotes masked, for the console and log.jsonl (see pii.ts); absent when it quotes none. Never in results.json. */
  masked?: string;
  suggestion?: string;
  /** The suggestion is the one obvious fix (spaces out of a name), which `validate --write-fixed` applies; else a guess for a person to confirm. */
  unambiguous?: true;
}

export interface RowResult {
  /** The sheet's row number; null for a directory contact the sheet does not have (sync). */
  row: number | null;
  name: string;
  email: string;
  status: RowStatus;
  errors: ReportError[];
  notes?: string[];
  contactId?: string;
  requestId?: string;
  attempts?: number;
  /** A written row: the values it replaced (updated), or the contact as it was (deleted); what `undo` puts back. */
  previous?: ContactValues;
  /** A written row: the values the contact has after the row (created, updated); `undo` touches it only if it still has them. */
  after?: ContactValues;
}

/** A contact's values as undo compares and restores them (docs/contract.md, Report files). */
export interface ContactValues {
  name: string;
  email: string;
  /** null: no phone. */
  phone: string | null;
  title: string;
  messageTypes: string[];
  members: string[];
}

/** The contact limit and the room under it: counts the planner and the run keep. */
export interface QuotaCounts {
  limit: number;
  existing: number;
  planned: number;
  remaining: number;
}

/** A row that ended well but carries an error (a member binding refused after the contact was created). */
export interface GoodRowWithError {
  row: number | null;
  name: string;
  status: RowStatus;
  codes: string[];
}

/** How many such rows summary.json names; `count` has them all. */
export const GOOD_WITH_ERRORS_NAMED = 10;

export interface Summary {
  version: 1;
  command: 'validate' | 'import' | 'undo';
  /** The directory's endpoint (`https://host`); null for `validate`, which works offline. */
  endpoint: string | null;
  /**
   * Which directory, as the lock names it: the endpoint spelled one way and a digest of
   * whose credentials (never the key); null for `validate`. `undo` refuses a report of another.
   */
  directory: { endpoint: string; credentials: string } | null;
  /** undo: the report it reversed (its folder, and when that run started). */
  undoes?: { report: string; startedAt: string };
  site: string;
  input: {
    file: string;
    format: string;
    sheet: string | null;
    /** CSV: the encoding the text was read in (`utf-8`, `gb18030`, `utf-16le`…); null for XLSX. */
    encoding: string | null;
    /** CSV: the field delimiter; null for XLSX. */
    delimiter: string | null;
    /** The sheet's data rows in the report (blank rows excluded; directory-only contacts are `directoryOnly`). */
    rows: number;
    blankRows: number;
    headerRow: number;
    /** Which header each field was read from. */
    columns: Partial<Record<Field, string>>;
    ignoredColumns: string[];
    sha256: string;
  };
  counts: Partial<Record<RowStatus, number>>;
  /** sync: directory contacts the sheet does not have (their rows have `row: null`, and are in `counts`). */
  directoryOnly: number;
  /**
   * `listed`: counted from the directory as listed (import); `assumed-empty`: validate's
   * assumption of an empty directory. null: the directory was never read (the run stopped first).
   */
  quota: (QuotaCounts & { basis: 'listed' | 'assumed-empty' }) | null;
  goodWithErrors: { count: number; rows: GoodRowWithError[] };
  dryRun: boolean;
  exitCode: number;
  startedAt: string;
  finishedAt: string;
}
