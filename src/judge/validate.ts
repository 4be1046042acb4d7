/**
 * Judge one sheet row as the API will: normalise the cells, then run the rule
 * table (via the zod contact schema). Pure: no I/O, returns data.
 */
import { say } from '../i18n/text.js';
import type { Field } from './fields.js';
import { normaliseRow, type RowCells } from './normalise.js';
import type { Site } from './rules.js';
import { checkContact, type ApiContact } from './schema.js';

export interface RowProblem {
  field: Field;
  code: string;
  message: string;
  /** The message with the email or phone it quotes masked (see pii.ts); absent when it quotes none. */
  masked?: string;
  suggestion?: string;
  /** The suggestion is the one obvious fix, not a guess (see Normalised.fixes). */
  unambiguous?: true;
}

export type RowVerdict =
  | { ok: true; contact: ApiContact; notes: string[] }
  | { ok: false; problems: RowProblem[]; notes: string[] };

/** Names a field's column in messages, e.g. `E-mail (column B)`. */
export type ColumnNamer = (field: Field) => string;

export function validateRow(cells: RowCells, site: Site, columnOf: ColumnNamer = (field) => field): RowVerdict {
  const { input, notes, problems: cellProblems, suggestions, fixes } = normaliseRow(cells, site);
  const checked = checkContact(input, site);
  if (checked.ok && cellProblems.length === 0) return { ok: true, contact: checked.contact, notes }; // most rows
  const prejudged = new Set(cellProblems.map((p) => p.field));
  const issues = [...cellProblems, ...(checked.ok ? [] : checked.issues.filter((i) => !prejudged.has(i.field)))];

  const problems = issues.map((issue): RowProblem => {
    const suggestion = suggestions[issue.field];
    return {
      field: issue.field,
      code: issue.code,
      message: say('judge.problem.inColumn', { column: columnOf(issue.field), detail: issue.detail }),
      ...(issue.masked !== undefined ? { masked: say('judge.problem.inColumn', { column: columnOf(issue.field), detail: issue.masked }) } : {}),
      ...(suggestion !== undefined && !issue.code.startsWith('MissingParameter')
        ? { suggestion, ...(fixes.has(issue.field) ? { unambiguous: true as const } : {}) }
        : {}),
    };
  });
  return { ok: false, problems, notes };
}
