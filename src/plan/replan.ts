/**
 * A saved plan is input, like a sheet: its rows are judged again by the rules
 * every sheet row goes through, the plan is made again from them and the saved
 * snapshot by the same planner with the gates of the run that applies it, and
 * that plan must be the one the file shows. What is applied is the plan made
 * here, never the file's own rows. Pure.
 */
import { isDeepStrictEqual } from 'node:util';
import { say } from '../i18n/text.js';
import { RowJudge, type JudgedRow } from '../judge/judge.js';
import type { RowCells } from '../judge/normalise.js';
import type { ApiContact } from '../judge/schema.js';
import { planImport, type Plan, type PlannedRow } from './plan.js';
import type { SavedPlan } from './saved.js';
import { MASK_PII, shown } from '../pii.js';

/** The gates of the run that applies a plan: its own command line's, whatever the file says it was made with. */
export interface PlanGates {
  limit: number;
  maxDelete: number;
  skipInvalid: boolean;
  allowPartial: boolean;
}

export type Replanned = { ok: true; plan: Plan } | { ok: false; problem: string };

export function replan(saved: SavedPlan, gates: PlanGates): Replanned {
  const reasons = (list: string[]) => list.join(say('run.clauseSeparator'));
  if (saved.plan.stop) return { ok: false, problem: say('run.replan.stoppedWhenMade', { reasons: reasons(saved.plan.stop.reasons) }) };
  const judged = judgeAgain(saved);
  if (typeof judged === 'string') return { ok: false, problem: judged };
  const plan = planImport(judged, saved.snapshot, { ...gates, mode: saved.mode, prune: saved.prune, manageMembers: saved.manageMembers });
  if (plan.stop) return { ok: false, problem: say('run.replan.nothingSent', { reasons: reasons(plan.stop.reasons) }) };
  const difference = firstDifference(saved.plan.rows, plan.rows);
  if (difference) return { ok: false, problem: say('run.replan.differs', { difference }) };
  return { ok: true, plan };
}

/**
 * The saved rows, each valid one judged again from its own values: it must
 * come out valid and unchanged (a contact edited into something the sheet
 * could not have given, or a name used twice, is refused). Invalid and
 * duplicate rows are never sent; they are kept as saved, for the report.
 */
function judgeAgain({ judged, site }: SavedPlan): JudgedRow[] | string {
  const judge = new RowJudge({ site, columnOf: (field) => field });
  const again: JudgedRow[] = [];
  let previous = 0;
  for (const { result, contact } of judged) {
    const row = result.row ?? 0;
    if (row <= previous) return say('run.replan.order', { row, previous });
    previous = row;
    if (!contact) {
      again.push({ result });
      continue;
    }
    const verdict = judge.judge({ row, cells: cellsOf(contact) });
    if (!verdict.contact) return say('run.replan.rowErrors', { row, errors: verdict.result.errors.map((error) => shown(MASK_PII, error)).join(say('run.clauseSeparator')) });
    if (!isDeepStrictEqual(verdict.contact, contact) || verdict.result.name !== result.name || verdict.result.email !== result.email) {
      return say('run.replan.edited', { row });
    }
    again.push({ result, contact: verdict.contact });
  }
  return again;
}

/** A contact as the sheet cells that give it. */
function cellsOf({ Name, EmailAddress, PhoneNumber, Title, MessageTypes, Members }: ApiContact): RowCells {
  return {
    Name,
    EmailAddress,
    ...(PhoneNumber !== undefined ? { PhoneNumber } : {}),
    Title,
    MessageTypes: MessageTypes.join(','),
    ...(Members.length > 0 ? { Members: Members.join(',') } : {}),
  };
}

/**
 * Where the file's rows and the plan made again part, in words; undefined when they are the same.
 * Compared without their words (notes, messages): those are in the language of the run that
 * wrote them, and a plan made in one language may be applied in another. Codes, statuses,
 * actions and contacts must match.
 */
function firstDifference(saved: readonly PlannedRow[], made: readonly PlannedRow[]): string | undefined {
  // As the file would hold them: JSON leaves out keys whose value is undefined.
  const fresh = JSON.parse(JSON.stringify(made)) as PlannedRow[];
  for (let i = 0; i < Math.max(saved.length, fresh.length); i++) {
    if (!isDeepStrictEqual(withoutWords(saved[i]), withoutWords(fresh[i]))) {
      return say('run.replan.rowDiffers', { index: i + 1, saved: describe(saved[i]), fresh: describe(fresh[i]) });
    }
  }
  return undefined;
}

/** A planned row without what it says in words: its notes, and each error's message (and masked form). */
function withoutWords(planned: PlannedRow | undefined): unknown {
  if (!planned) return planned;
  const { notes: _notes, errors, ...result } = planned.result;
  return { ...planned, result: { ...result, errors: errors.map(({ message: _message, masked: _masked, ...error }) => error) } };
}

function describe(planned: PlannedRow | undefined): string {
  if (!planned) return say('run.replan.notThere');
  const { action, result } = planned;
  const name = JSON.stringify(result.name.length > 40 ? `${result.name.slice(0, 40)}…` : result.name);
  // The action is a stable key (create, update, delete), as in the plan file.
  const facts = { action: action === 'none' ? say('run.replan.nothing') : action, name, status: result.status };
  return result.row === null ? say('run.replan.contactPlan', facts) : say('run.replan.rowPlan', { ...facts, row: result.row });
}
