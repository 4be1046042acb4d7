/**
 * What report.html says, in each command's own words: validate checked and sent
 * nothing, a dry run planned and wrote nothing, an import says what it wrote.
 * Also the allowed values a problem refers to, listed once in a legend rather
 * than in every problem. Summary in, plain text in the run's language out
 * (html.ts escapes it).
 */
import { EXIT } from '../errors.js';
import type { Field } from '../judge/fields.js';
import { MESSAGE_TYPES, TITLES } from '../judge/rules.js';
import { currentLanguage, say } from '../i18n/text.js';
import { ROW_STATUSES, type RowStatus, type Summary } from './types.js';

/** What an exit code means; 0 and 1 are said in the command's words (`exitMeaning`). One line per code: add new codes here. */
const EXIT_MEANING: Record<number, 'report.exit.usage' | 'report.exit.directory' | 'report.exit.internal' | 'report.exit.interrupted' | 'report.exit.terminated'> = {
  [EXIT.usage]: 'report.exit.usage',
  [EXIT.directory]: 'report.exit.directory',
  [EXIT.internal]: 'report.exit.internal',
  [EXIT.interrupted]: 'report.exit.interrupted',
  [EXIT.terminated]: 'report.exit.terminated',
};

type Kind = 'validate' | 'dryRun' | 'import' | 'undoDryRun' | 'undo';

function kindOf(summary: Summary): Kind {
  if (summary.command === 'validate') return 'validate';
  if (summary.command === 'undo') return summary.dryRun ? 'undoDryRun' : 'undo';
  return summary.dryRun ? 'dryRun' : 'import';
}

/** The page's title: `validate`, `import (dry run)`, `import`, `undo (dry run)`, `undo`. */
export function pageTitle(summary: Summary): string {
  return say(`report.title.${kindOf(summary)}`);
}

/** Exit codes 0 and 1, per command. */
export function exitMeaning(summary: Summary): string {
  const { exitCode } = summary;
  if (exitCode === EXIT.ok) return say(`report.exit.${kindOf(summary)}.ok`);
  if (exitCode === EXIT.rowsNotImported) return say(`report.exit.${kindOf(summary)}.rows`);
  return say(EXIT_MEANING[exitCode] ?? 'report.exit.unknown');
}

type PartKey =
  | 'report.verdict.toAdd' | 'report.verdict.toUpdate' | 'report.verdict.notInSheet' | 'report.verdict.added' | 'report.verdict.updated' | 'report.verdict.deleted'
  | 'report.verdict.failed' | 'report.verdict.notAttempted' | 'report.verdict.toDelete' | 'report.verdict.toRestore' | 'report.verdict.restored'
  | 'report.verdict.changedKept' | 'report.verdict.nothingToUndo';

/** The counts that are not zero, each said whole (`2 to add`), as a list. */
function listed(parts: [number, PartKey][]): string {
  return parts
    .filter(([count]) => count > 0)
    .map(([count, key]) => say(key, { count: formatNumber(count) }))
    .join(say('report.list.separator'));
}

/** The run in one sentence: what it did, from its counts. */
export function verdict(summary: Summary): string {
  const n = (status: keyof Summary['counts']): number => summary.counts[status] ?? 0;
  switch (kindOf(summary)) {
    case 'validate': {
      const toFix = summary.input.rows - n('valid');
      const counts = { valid: formatNumber(n('valid')), rows: formatNumber(summary.input.rows) };
      return toFix > 0 ? say('report.verdict.validateToFix', { ...counts, toFix: formatNumber(toFix) }) : say('report.verdict.validate', counts);
    }
    case 'dryRun': {
      const parts = listed([[n('would_create'), 'report.verdict.toAdd'], [n('would_update'), 'report.verdict.toUpdate'], [n('would_delete'), 'report.verdict.notInSheet']]);
      return parts ? say('report.verdict.dryRun', { parts }) : say('report.verdict.dryRunNothing');
    }
    case 'undoDryRun': {
      const parts = listed([[n('would_delete'), 'report.verdict.toDelete'], [n('would_restore'), 'report.verdict.toRestore'], [n('kept'), 'report.verdict.changedKept'], [n('unchanged'), 'report.verdict.nothingToUndo']]);
      return parts ? say('report.verdict.dryRun', { parts }) : say('report.verdict.dryRunNothing');
    }
    case 'undo': {
      const parts = listed([[n('deleted'), 'report.verdict.deleted'], [n('restored'), 'report.verdict.restored']]);
      const left = listed([[n('kept'), 'report.verdict.changedKept'], [n('unchanged'), 'report.verdict.nothingToUndo'], [n('failed'), 'report.verdict.failed'], [n('not_attempted'), 'report.verdict.notAttempted']]);
      if (parts) return left ? say('report.verdict.undoneLeft', { parts, left }) : say('report.verdict.undone', { parts });
      return left ? say('report.verdict.nothingUndoneLeft', { left }) : say('report.verdict.nothingUndone');
    }
    case 'import': {
      const parts = listed([[n('created'), 'report.verdict.added'], [n('updated'), 'report.verdict.updated'], [n('deleted'), 'report.verdict.deleted']]);
      const notDone = listed([[n('failed'), 'report.verdict.failed'], [n('not_attempted'), 'report.verdict.notAttempted']]);
      if (parts) return notDone ? say('report.verdict.writtenNotDone', { parts, notDone }) : say('report.verdict.written', { parts });
      return notDone ? say('report.verdict.nothingWrittenNotDone', { notDone }) : say('report.verdict.nothingWritten');
    }
  }
}

/** A status as a person reads it: its name in the run's language beside the stable key (`已创建 created`); in English they are one. */
export function statusName(status: RowStatus): string {
  if (!ROW_STATUSES.includes(status)) return status; // a hand-edited plan can hold anything
  const name = say(`report.status.${status}`);
  return name === status ? status : `${name} ${status}`;
}

/** The site the same way: `中国站 cn`, or `cn` in English. */
export function siteName(site: string): string {
  const name = site === 'intl' || site === 'cn' ? say(`report.site.${site}`) : site;
  return name === site ? site : `${name} ${site}`;
}

/** A number as the run's language writes it; anything else (a hand-edited summary) as it is. */
export function formatNumber(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
  return new Intl.NumberFormat(currentLanguage()).format(value);
}

/** A moment (an ISO string) as the run's language writes it, with its time zone. */
export function formatTime(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeStyle: 'long' }).format(time);
}

/** The values a column accepts, where a problem's message would otherwise list them all. */
const ALLOWED: Partial<Record<Field, { values: readonly string[]; instead: 'report.allowed.titles' | 'report.allowed.messageTypes' }>> = {
  Title: { values: TITLES, instead: 'report.allowed.titles' },
  MessageTypes: { values: MESSAGE_TYPES, instead: 'report.allowed.messageTypes' },
};

/** The message without the list of allowed values, and the column whose list it pointed to (for the legend). */
export function withoutAllowedList(field: Field | null, message: string): { message: string; legend?: Field } {
  const allowed = field === null ? undefined : ALLOWED[field];
  const list = allowed?.values.join(', ');
  if (!allowed || !list || !message.includes(list)) return { message };
  return { message: message.replace(list, say(allowed.instead)), legend: field! };
}

/** The legend's entries: each column named once, with its allowed values. */
export function allowedValues(fields: ReadonlySet<Field>): { field: Field; values: readonly string[] }[] {
  return [...fields].flatMap((field) => {
    const allowed = ALLOWED[field];
    return allowed ? [{ field, values: allowed.values }] : [];
  });
}
