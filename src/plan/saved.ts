/**
 * Saved plans: `import --dry-run --plan-out plan.json` writes the plan with what
 * it was made from (the sheet's judged rows, the directory it saw, the mode);
 * `import --plan plan.json` reads it back as input (plan-file.ts), makes it
 * again from those rows (replan.ts), and applies it unless the directory has
 * changed since in a way that touches it (driftOf, here).
 */
import { say } from '../i18n/text.js';
import { writeFileAtomically } from '../own-files.js';
import { nameKey } from '../judge/dedupe.js';
import type { JudgedRow } from '../judge/judge.js';
import type { Site } from '../judge/rules.js';
import type { DirectoryContact } from '../directory/port.js';
import type { HeaderMapping } from '../read/header.js';
import type { Mode } from '../defaults.js';
import type { Plan } from './plan.js';

/** Version 1 plans held the plan without the rows it was made from, so they cannot be checked: refused. */
export const PLAN_VERSION = 2;

/** What the report needs to know of the sheet the plan came from. */
export interface PlannedSheet {
  input: { file: string; format: 'csv' | 'xlsx'; sheet?: string; encoding?: string; delimiter?: string };
  sha256: string;
  header: HeaderMapping;
  blankRows: number;
}

export interface SavedPlan {
  version: typeof PLAN_VERSION;
  createdAt: string;
  /** The endpoint the plan was made against; it applies there only. */
  endpoint: string;
  site: Site;
  mode: Mode;
  prune: boolean;
  /** The sheet had a Members column: its bindings are the desired ones. */
  manageMembers: boolean;
  retainInMembers: boolean;
  sheet: PlannedSheet;
  /** The sheet's rows as judged: what the plan was made from. */
  judged: JudgedRow[];
  /** The directory as it was when planned. */
  snapshot: DirectoryContact[];
  /** What the planner made of them, for a person to review. */
  plan: Plan;
}

export async function writePlan(path: string, saved: SavedPlan): Promise<void> {
  // Whole or not at all: `import --plan` must never read half a plan.
  await writeFileAtomically(path, JSON.stringify(saved, null, 2) + '\n');
}

/**
 * The ways the directory changed since the plan was made that touch `plan`;
 * empty when the plan still holds. Pure.
 */
export function driftOf(saved: Pick<SavedPlan, 'endpoint' | 'snapshot'>, plan: Plan, endpoint: string, now: readonly DirectoryContact[]): string[] {
  if (endpoint !== saved.endpoint) return [say('run.drift.endpoint', { then: saved.endpoint, now: endpoint })];
  const reasons: string[] = [];
  const byId = new Map(now.map((c) => [c.contactId, c]));
  const byName = new Map(now.map((c) => [nameKey(c.name), c]));
  const then = new Map(saved.snapshot.map((c) => [c.contactId, c]));
  const creates = plan.rows.filter((row) => row.action === 'create');
  for (const row of creates) {
    const taken = byName.get(nameKey(row.contact!.Name));
    if (taken) reasons.push(say('run.drift.taken', { name: taken.name, id: taken.contactId }));
  }
  const room = plan.quota.limit - now.length;
  if (creates.length > room) reasons.push(say('run.drift.noRoom', { now: now.length, then: saved.snapshot.length, creates: creates.length }));
  for (const row of plan.rows) {
    if (row.action !== 'update' && row.action !== 'delete') continue;
    const current = byId.get(row.contactId!);
    if (!current) reasons.push(say('run.drift.gone', { name: row.result.name, id: row.contactId! }));
    else if (JSON.stringify(comparable(current)) !== JSON.stringify(comparable(then.get(row.contactId!)))) {
      reasons.push(say('run.drift.changed', { name: current.name, id: current.contactId }));
    }
  }
  return reasons;
}

/** The fields a plan depends on, members in a stable order. */
function comparable(contact: DirectoryContact | undefined): unknown {
  if (!contact) return undefined;
  const { name, email, phone, title, messageTypes, members } = contact;
  return { name, email, phone: phone ?? '', title, messageTypes: [...messageTypes].sort(), members: [...members].sort() };
}
