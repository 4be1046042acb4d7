/**
 * What report.html says, in each command's own words: validate checked and sent
 * nothing, a dry run planned and wrote nothing, an import says what it wrote.
 * Also the allowed values a problem refers to, listed once in a legend rather
 * than in every problem. Pure: summary in, plain text out (html.ts escapes it).
 */
import { EXIT } from '../errors.js';
import type { Field } from '../judge/fields.js';
import { MESSAGE_TYPES, TITLES } from '../judge/rules.js';
import type { Summary } from './types.js';

/** What an exit code means; 0 and 1 are said in the command's words (`rowsMeaning`). One line per code: add new codes here. */
const EXIT_MEANING: Record<number, string> = {
  [EXIT.usage]: 'the sheet could not be read, or the command line was wrong',
  [EXIT.directory]: 'the directory side stopped the run',
  [EXIT.internal]: 'an internal error',
  [EXIT.interrupted]: 'interrupted (Ctrl-C)',
  [EXIT.terminated]: 'stopped by SIGTERM or SIGHUP',
};

type Kind = 'validate' | 'dry run' | 'import' | 'undo (dry run)' | 'undo';

function kindOf(summary: Summary): Kind {
  if (summary.command === 'validate') return 'validate';
  if (summary.command === 'undo') return summary.dryRun ? 'undo (dry run)' : 'undo';
  return summary.dryRun ? 'dry run' : 'import';
}

/** The page's title: `validate`, `import (dry run)`, `import`, `undo (dry run)`, `undo`. */
export function pageTitle(summary: Summary): string {
  const kind = kindOf(summary);
  return kind === 'dry run' ? 'import (dry run)' : kind;
}

/** Exit codes 0 and 1, per command: [0, 1]. */
const ROWS_MEANING: Record<Kind, [string, string]> = {
  validate: ['every row would be accepted', 'some rows would not be imported as they are'],
  'dry run': ['every row would end well', 'some rows would not be imported'],
  import: ['every row ended well', 'some rows were not imported'],
  'undo (dry run)': ['every row would be undone or left as it is', 'some rows could not be undone'],
  undo: ['every row was undone, or left as it is for the reason its note gives', 'some rows could not be undone'],
};

export function exitMeaning(summary: Summary): string {
  const { exitCode } = summary;
  if (exitCode === EXIT.ok || exitCode === EXIT.rowsNotImported) return ROWS_MEANING[kindOf(summary)][exitCode];
  return EXIT_MEANING[exitCode] ?? 'see the contract';
}

/** The run in one sentence: what it did, from its counts. */
export function verdict(summary: Summary): string {
  const n = (status: keyof Summary['counts']): number => summary.counts[status] ?? 0;
  const listed = (parts: [number, string][]): string => parts.filter(([count]) => count > 0).map(([count, word]) => `${count} ${word}`).join(', ');
  switch (kindOf(summary)) {
    case 'validate': {
      const toFix = summary.input.rows - n('valid');
      return `Checked, nothing sent: ${n('valid')} of ${summary.input.rows} rows valid${toFix > 0 ? `, ${toFix} to fix or to leave out` : ''}.`;
    }
    case 'dry run': {
      const plan = listed([[n('would_create'), 'to add'], [n('would_update'), 'to update'], [n('would_delete'), 'not in the sheet']]);
      return `Planned, nothing written${plan ? `: ${plan}` : ''}.`;
    }
    case 'undo (dry run)': {
      const plan = listed([[n('would_delete'), 'to delete'], [n('would_restore'), 'to restore'], [n('kept'), 'changed since, kept'], [n('unchanged'), 'nothing to undo']]);
      return `Planned, nothing written${plan ? `: ${plan}` : ''}.`;
    }
    case 'undo': {
      const written = listed([[n('deleted'), 'deleted'], [n('restored'), 'restored']]);
      const left = listed([[n('kept'), 'changed since, kept'], [n('unchanged'), 'nothing to undo'], [n('failed'), 'failed'], [n('not_attempted'), 'not attempted']]);
      return `${written ? `Undone: ${written}` : 'Nothing undone'}${left ? `; ${left}` : ''}.`;
    }
    case 'import': {
      const written = listed([[n('created'), 'added'], [n('updated'), 'updated'], [n('deleted'), 'deleted']]);
      const notDone = listed([[n('failed'), 'failed'], [n('not_attempted'), 'not attempted']]);
      return `${written ? `Written: ${written}` : 'Nothing written'}${notDone ? `; ${notDone}` : ''}.`;
    }
  }
}

/** The values a column accepts, where a problem's message would otherwise list them all. */
const ALLOWED: Partial<Record<Field, { values: readonly string[]; instead: string }>> = {
  Title: { values: TITLES, instead: 'the titles under “Allowed values”' },
  MessageTypes: { values: MESSAGE_TYPES, instead: 'the message types under “Allowed values”' },
};

/** The message without the list of allowed values, and the column whose list it pointed to (for the legend). */
export function withoutAllowedList(field: Field | null, message: string): { message: string; legend?: Field } {
  const allowed = field === null ? undefined : ALLOWED[field];
  const list = allowed?.values.join(', ');
  if (!allowed || !list || !message.includes(list)) return { message };
  return { message: message.replace(list, allowed.instead), legend: field! };
}

/** The legend's entries: each column named once, with its allowed values. */
export function allowedValues(fields: ReadonlySet<Field>): { field: Field; values: readonly string[] }[] {
  return [...fields].flatMap((field) => {
    const allowed = ALLOWED[field];
    return allowed ? [{ field, values: allowed.values }] : [];
  });
}
