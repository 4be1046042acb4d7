/**
 * The sheet-level verdict of each row, in sheet order: invalid, duplicate of an
 * earlier valid row, past the contact limit, or valid. Pure apart from the
 * running state it needs (claimed names, contacts counted so far).
 */
import type { DataRow } from '../read/index.js';
import { cellDisplay } from '../read/types.js';
import type { ReportError, RowResult } from '../report/types.js';
import { NameClaims } from './dedupe.js';
import type { Site } from './rules.js';
import type { ApiContact } from './schema.js';
import { validateRow, type ColumnNamer } from './validate.js';

export interface JudgeOptions {
  site: Site;
  /** How many valid unique contacts fit; the rest, in sheet order, are over_quota. */
  room: number;
  limit: number;
  columnOf: ColumnNamer;
}

export interface JudgedRow {
  result: RowResult;
  /** The contact in API form, for rows that are valid and unique. */
  contact?: ApiContact;
}

export class RowJudge {
  private readonly names = new NameClaims();
  private accepted = 0;

  constructor(private readonly options: JudgeOptions) {}

  judge({ row, cells }: DataRow): JudgedRow {
    const { site, room, columnOf } = this.options;
    const verdict = validateRow(cells, site, columnOf);
    const { notes } = verdict;
    const result: RowResult = {
      row,
      name: cellDisplay(cells.Name).trim(),
      email: cellDisplay(cells.EmailAddress).trim(),
      ...(notes.length > 0 ? { notes } : {}),
      status: 'valid',
      errors: [],
    };
    if (!verdict.ok) {
      result.status = 'invalid';
      result.errors = verdict.problems;
      return { result };
    }

    const { contact } = verdict;
    const claimedBy = this.names.claim(contact.Name, row);
    if (claimedBy !== undefined) {
      result.status = 'duplicate';
      result.errors = [
        {
          field: 'Name',
          code: 'InvalidParameter.Name.AlreadyUsed',
          message: `${columnOf('Name')}: "${contact.Name}" is already used by row ${claimedBy} (names are compared ignoring case)`,
        },
      ];
      return { result };
    }
    this.accepted++;
    if (this.accepted > room) {
      result.status = 'over_quota';
      result.errors = [overQuota(this.options.limit)];
      return { result, contact };
    }
    result.email = contact.EmailAddress;
    return { result, contact };
  }
}

function overQuota(limit: number): ReportError {
  return {
    field: null,
    code: 'LimitExceeded.Contacts',
    message: `the contact limit (${limit}) is used up by earlier rows; raise it in Quota Center or split the sheet`,
  };
}
