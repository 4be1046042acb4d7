/**
 * A saved plan is input, like a sheet: its rows are judged again by the rules
 * every sheet row goes through, the plan is made again from them and the saved
 * snapshot by the same planner with the gates of the run that applies it, and
 * that plan must be the one the file shows. What is applied is the plan made
 * here, never the file's own rows. Pure.
 */
import { isDeepStrictEqual } from 'node:util';
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
  if (saved.plan.stop) return { ok: false, problem: `this plan stopped at its gates when it was made (${saved.plan.stop.reasons.join('; ')}): there is nothing to apply` };
  const judged = judgeAgain(saved);
  if (typeof judged === 'string') return { ok: false, problem: judged };
  const plan = planImport(judged, saved.snapshot, { ...gates, mode: saved.mode, prune: saved.prune, manageMembers: saved.manageMembers });
  if (plan.stop) return { ok: false, problem: `nothing was sent: ${plan.stop.reasons.join('; ')}` };
  const difference = firstDifference(saved.plan.rows, plan.rows);
  if (difference) {
    return {
      ok: false,
      problem:
        `its plan is not what its rows and snapshot plan with this command's flags (${difference}): ` +
        'make a new plan, or apply it with the --contact-limit, --max-delete, --skip-invalid and --allow-partial it was made with',
    };
  }
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
    if (row <= previous) return `row ${row} comes after row ${previous}: the rows must be in sheet order, each once`;
    previous = row;
    if (!contact) {
      again.push({ result });
      continue;
    }
    const verdict = judge.judge({ row, cells: cellsOf(contact) });
    if (!verdict.contact) return `row ${row}: ${verdict.result.errors.map((error) => shown(MASK_PII, error)).join('; ')}`;
    if (!isDeepStrictEqual(verdict.contact, contact) || verdict.result.name !== result.name || verdict.result.email !== result.email) {
      return `row ${row}: its contact is not what its own values are judged to be (was the file edited?)`;
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

/** Where the file's rows and the plan made again part, in words; undefined when they are the same. */
function firstDifference(saved: readonly PlannedRow[], made: readonly PlannedRow[]): string | undefined {
  // As the file would hold them: JSON leaves out keys whose value is undefined.
  const fresh = JSON.parse(JSON.stringify(made)) as PlannedRow[];
  for (let i = 0; i < Math.max(saved.length, fresh.length); i++) {
    if (!isDeepStrictEqual(saved[i], fresh[i])) return `its row ${i + 1} is ${describe(saved[i])}, made again ${describe(fresh[i])}`;
  }
  return undefined;
}

function describe(planned: PlannedRow | undefined): string {
  if (!planned) return 'not there';
  const { action, result } = planned;
  const name = JSON.stringify(result.name.length > 40 ? `${result.name.slice(0, 40)}…` : result.name);
  return `${action === 'none' ? 'nothing' : action} for ${result.row === null ? 'the directory contact' : `row ${result.row}`} ${name} (${result.status})`;
}
