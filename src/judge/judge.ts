/**
 * The sheet-level verdict of each row, in sheet order: invalid, duplicate of an
 * earlier valid row, past the contact limit, or valid. Pure apart from the
 * running state it needs (claimed names, contacts counted so far).
 */
import { say } from '../i18n/text.js';
import type { DataRow } from '../read/index.js';
import { cellDisplay } from '../read/types.js';
import type { Room } from '../plan/quota.js';
import type { RowResult } from '../report/types.js';
import { NameClaims } from './dedupe.js';
import type { Site } from './rules.js';
import type { ApiContact } from './schema.js';
import { validateRow, type ColumnNamer } from './validate.js';

export interface JudgeOptions {
  site: Site;
  /** validate: the room valid unique contacts take in sheet order; the rest are over_quota. Without it (import), the planner counts. */
  room?: Room;
  columnOf: ColumnNamer;
}

export interface JudgedRow {
  result: RowResult;
  /** The contact in API form, for rows that are valid and unique. */
  contact?: ApiContact;
}

export class RowJudge {
  private readonly names = new NameClaims();

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
          message: say('judge.name.alreadyUsed', { column: columnOf('Name'), name: contact.Name, row: claimedBy }),
        },
      ];
      return { result };
    }
    if (room && !room.take()) return { result: room.overQuota(result), contact };
    result.email = contact.EmailAddress;
    return { result, contact };
  }
}

