/** What the console says about a run: the closing summary, and each row's problems. */
import type { Field } from '../judge/fields.js';
import { say } from '../i18n/text.js';
import { shown, type Mask, type PersonalField } from '../pii.js';
import { suggestionText } from '../report/summary.js';
import type { RowResult, Summary } from '../report/types.js';

/** The few lines a person reads at the end of a run: only what the run measured. */
export function humanSummary(summary: Summary, reportDir: string): string[] {
  // undo reads a report, not a sheet: its rows are the ones that run wrote (sync's deletions among them).
  const undo = summary.command === 'undo';
  const lines = [undo ? say('undo.summary.rows', { count: summary.input.rows + summary.directoryOnly, path: summary.input.file }) : inputLine(summary)];
  if (!undo && summary.directoryOnly > 0) lines.push(`  ${say('run.summary.directoryOnly', { count: summary.directoryOnly })}`);
  // Statuses are stable keys, shown as they are in every language.
  const counts = Object.entries(summary.counts).map(([status, n]) => `${status} ${n}`);
  lines.push(`  ${counts.length > 0 ? counts.join(' · ') : say('run.summary.noDataRows')}`);
  const { ignoredColumns } = summary.input;
  if (ignoredColumns.length > 0) lines.push(`  ${say('run.summary.ignoredColumns', { columns: listOf(ignoredColumns.map((c) => `"${c}"`)) })}`);
  lines.push(`  ${quotaLine(summary)}`);
  const { goodWithErrors } = summary;
  if (goodWithErrors.count > 0) {
    const named = goodWithErrors.rows.map((r) => {
      const facts = { name: r.name, status: r.status, codes: r.codes.join(', ') };
      return r.row !== null ? say('run.summary.goodRow', { row: r.row, ...facts }) : say('run.summary.goodDirectoryContact', facts);
    });
    const about = { exitCode: summary.exitCode, count: goodWithErrors.count, rows: listOf(named) };
    const more = goodWithErrors.count - named.length;
    lines.push(`  ${more > 0 ? say('run.summary.goodWithErrorsMore', { ...about, more }) : say('run.summary.goodWithErrors', about)}`);
  }
  lines.push(`  ${say('run.summary.report', { dir: reportDir })}`);
  return lines;
}

/** Where the rows came from, how many, and how the text was read: one whole sentence per case. */
function inputLine({ input }: Summary): string {
  const where = input.sheet ? say('run.summary.sheetOf', { file: input.file, sheet: input.sheet }) : input.file;
  const facts = { where, rows: input.rows, headerRow: input.headerRow };
  const blank = input.blankRows;
  if (input.encoding === null) {
    return blank > 0 ? say('run.summary.inputBlank', { ...facts, blank }) : say('run.summary.input', facts);
  }
  const text = { encoding: input.encoding, delimiter: delimiterName(input.delimiter ?? ',') };
  return blank > 0 ? say('run.summary.inputBlankText', { ...facts, blank, ...text }) : say('run.summary.inputText', { ...facts, ...text });
}

/** The quota as measured: the directory as listed, validate's assumed empty directory, or unknown. */
function quotaLine(summary: Summary): string {
  const { quota, counts } = summary;
  if (quota === null) return say('run.summary.quotaUnknown');
  const { limit, existing, planned, remaining } = quota;
  if (quota.basis === 'assumed-empty') return say('run.summary.quotaAssumed', { planned, limit, remaining });
  // A dry run's room is the plan's (its deletions included); a real run's, what it added and deleted.
  if (summary.dryRun) return say('run.summary.quotaDryRun', { existing, limit, planned, remaining });
  const added = counts.created ?? 0;
  if (counts.deleted) return say('run.summary.quotaDoneDeleted', { existing, limit, added, deleted: counts.deleted, remaining });
  return say('run.summary.quotaDone', { existing, limit, added, remaining });
}

/** Values (names, columns) listed in the run's language's way. */
export function listOf(items: readonly string[]): string {
  return items.join(say('run.list.separator'));
}

function delimiterName(delimiter: string): string {
  switch (delimiter) {
    case ',':
      return say('run.delimiter.comma');
    case ';':
      return say('run.delimiter.semicolon');
    case '\t':
      return say('run.delimiter.tab');
    case '|':
      return say('run.delimiter.pipe');
    default:
      return say('run.delimiter.other', { delimiter: JSON.stringify(delimiter) });
  }
}

/** A row as the console shows it (a row the report could not take): its email and messages as `mask` shows them. */
export function shownRow(result: RowResult, mask: Mask): RowResult {
  const errors = result.errors.map((error) => {
    const { masked: _, ...rest } = error;
    return { ...rest, message: shown(mask, error) };
  });
  return { ...result, email: mask.email(result.email), errors };
}

/** The fields whose values are personal: a suggestion for one is masked like the value. */
const PERSONAL: Partial<Record<Field, PersonalField>> = { EmailAddress: 'email', PhoneNumber: 'phone' };

/** One line per problem: where it is, the API code, what is wrong, and the suggested fix; emails and phones as `mask` shows them. */
export function problemLines(result: RowResult, mask: Mask): string[] {
  return result.errors.map((error) => {
    const personal = error.field ? PERSONAL[error.field] : undefined;
    const fix = suggestionText(personal && error.suggestion !== undefined ? { ...error, suggestion: mask[personal](error.suggestion) } : error);
    const said = { code: error.code, message: shown(mask, error), fix };
    return `  ${result.row !== null ? say('run.problem.row', { row: result.row, ...said }) : say('run.problem.directoryContact', { name: result.name, ...said })}`;
  });
}
