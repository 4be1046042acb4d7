/** What the console says about a run: the closing summary, and each row's problems. */
import type { Field } from '../judge/fields.js';
import { shown, type Mask, type PersonalField } from '../pii.js';
import { suggestionText } from '../report/summary.js';
import type { RowResult, Summary } from '../report/types.js';

/** The few lines a person reads at the end of a run; `directory` adds the quota as the directory counted it. */
export function humanSummary(summary: Summary, reportDir: string, directory = false): string[] {
  const { input } = summary;
  const where = input.sheet ? `${input.file} (sheet "${input.sheet}")` : input.file;
  const blank = input.blankRows > 0 ? `, ${input.blankRows} blank skipped` : '';
  const text = input.encoding !== null ? `; ${input.encoding}, ${delimiterName(input.delimiter ?? ',')}` : '';
  const lines = [`${where}: ${input.rows} rows (header on row ${input.headerRow}${blank}${text})`];
  const counts = Object.entries(summary.counts).map(([status, n]) => `${status} ${n}`);
  lines.push(`  ${counts.length > 0 ? counts.join(' · ') : 'no data rows'}`);
  if (input.ignoredColumns.length > 0) {
    lines.push(`  ignored columns: ${input.ignoredColumns.map((c) => `"${c}"`).join(', ')}`);
  }
  if (directory) {
    const { limit, existing, planned, remaining } = summary.quota;
    const added = summary.dryRun ? `${planned} would be added` : `${(summary.counts.created ?? 0)} added`;
    lines.push(`  quota: ${existing} of ${limit} contacts before the run, ${added}, room for ${remaining} more`);
  }
  lines.push(`  report: ${reportDir}`);
  return lines;
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
