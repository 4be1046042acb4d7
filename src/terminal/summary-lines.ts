/** What the console says about a run: the closing summary, and each row's problems. */
import type { Field } from '../judge/fields.js';
import { shown, type Mask, type PersonalField } from '../pii.js';
import { suggestionText } from '../report/summary.js';
import type { RowResult, Summary } from '../report/types.js';
import { say } from '../i18n/text.js';

/** The few lines a person reads at the end of a run: only what the run measured. */
export function humanSummary(summary: Summary, reportDir: string): string[] {
  const { input } = summary;
  const where = input.sheet ? `${input.file} (sheet "${input.sheet}")` : input.file;
  const blank = input.blankRows > 0 ? `, ${input.blankRows} blank skipped` : '';
  const text = input.encoding !== null ? `; ${input.encoding}, ${delimiterName(input.delimiter ?? ',')}` : '';
  // undo reads a report, not a sheet: its rows are the ones that run wrote (sync's deletions among them).
  const undo = summary.command === 'undo';
  const lines = [undo ? say('undo.summary.rows', { count: input.rows + summary.directoryOnly, path: input.file }) : `${where}: ${input.rows} rows (header on row ${input.headerRow}${blank}${text})`];
  if (!undo && summary.directoryOnly > 0) lines.push(`  and ${plural(summary.directoryOnly, 'directory contact')} not in the sheet`);
  const counts = Object.entries(summary.counts).map(([status, n]) => `${status} ${n}`);
  lines.push(`  ${counts.length > 0 ? counts.join(' · ') : 'no data rows'}`);
  if (input.ignoredColumns.length > 0) {
    lines.push(`  ignored columns: ${input.ignoredColumns.map((c) => `"${c}"`).join(', ')}`);
  }
  lines.push(`  ${quotaLine(summary)}`);
  const { goodWithErrors } = summary;
  if (goodWithErrors.count > 0) {
    const named = goodWithErrors.rows.map((r) => `${r.row !== null ? `row ${r.row}` : 'directory contact'} "${r.name}" (${r.status}; ${r.codes.join(', ')})`);
    const more = goodWithErrors.count > named.length ? ` and ${goodWithErrors.count - named.length} more` : '';
    const carries = goodWithErrors.count === 1 ? 'row ended well but carries an error' : 'rows ended well but carry an error';
    lines.push(`  exit code ${summary.exitCode}: ${goodWithErrors.count} ${carries}: ${named.join(', ')}${more}`);
  }
  lines.push(`  report: ${reportDir}`);
  return lines;
}

/** The quota as measured: the directory as listed, validate's assumed empty directory, or unknown. */
function quotaLine(summary: Summary): string {
  const { quota, counts } = summary;
  if (quota === null) return 'quota: unknown, the directory was not read';
  const { limit, existing, planned, remaining } = quota;
  if (quota.basis === 'assumed-empty') {
    return `quota: assuming an empty directory (validate reads none): ${planned} of ${limit} would fit, room for ${remaining} more`;
  }
  // A dry run's room is the plan's (its deletions included); a real run's, what it added and deleted.
  const done = summary.dryRun ? `${planned} would be added` : `${counts.created ?? 0} added${counts.deleted ? `, ${counts.deleted} deleted` : ''}`;
  return `quota: ${existing} of ${limit} contacts before the run, ${done}, room for ${remaining} more`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function delimiterName(delimiter: string): string {
  const names: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
  return `${names[delimiter] ?? JSON.stringify(delimiter)}-separated`;
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
    const where = result.row !== null ? `row ${result.row}` : `directory contact "${result.name}"`;
    return `  ${where}: ${error.code}: ${shown(mask, error)}${fix}`;
  });
}
