/**
 * Saved plans: `import --dry-run --plan-out plan.json` writes the plan with the
 * directory it was made against; `import --plan plan.json` applies exactly that
 * plan, unless the directory has changed since in a way that touches it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { nameKey } from '../contact/dedupe.js';
import type { DirectoryContact } from '../directory/port.js';
import { InputError } from '../errors.js';
import type { HeaderMapping } from '../sheet/header.js';
import type { Mode } from '../cli-defaults.js';
import type { Plan } from './plan.js';

export const PLAN_VERSION = 1;

/** What the report needs to know of the sheet the plan came from. */
export interface PlannedSheet {
  input: { file: string; format: string; sheet?: string; encoding?: string; delimiter?: string };
  sha256: string;
  header: HeaderMapping;
  blankRows: number;
}

export interface SavedPlan {
  version: typeof PLAN_VERSION;
  createdAt: string;
  /** The endpoint the plan was made against; it applies there only. */
  endpoint: string;
  mode: Mode;
  retainInMembers: boolean;
  sheet: PlannedSheet;
  /** The directory as it was when planned. */
  snapshot: DirectoryContact[];
  plan: Plan;
}

export async function writePlan(path: string, saved: SavedPlan): Promise<void> {
  await writeFile(path, JSON.stringify(saved, null, 2) + '\n', { mode: 0o600 });
}

export async function readPlan(path: string): Promise<SavedPlan> {
  let saved: SavedPlan;
  try {
    saved = JSON.parse(await readFile(path, 'utf8')) as SavedPlan;
  } catch (error) {
    throw new InputError(`${path}: not a plan file (${(error as Error).message}); make one with import --dry-run --plan-out`, { cause: error });
  }
  if (saved?.version !== PLAN_VERSION || !Array.isArray(saved.plan?.rows) || !Array.isArray(saved.snapshot)) {
    throw new InputError(`${path}: not a plan of version ${PLAN_VERSION}; make a new one with import --dry-run --plan-out`);
  }
  if (saved.plan.stop) throw new InputError(`${path}: this plan stopped at its gates (${saved.plan.stop.reasons.join('; ')}); there is nothing to apply`);
  return saved;
}

/** The ways the directory changed since the plan that touch it; empty when the plan still holds. Pure. */
export function driftOf(saved: SavedPlan, endpoint: string, now: readonly DirectoryContact[]): string[] {
  if (endpoint !== saved.endpoint) return [`the plan was made for ${saved.endpoint}, not ${endpoint}`];
  const reasons: string[] = [];
  const byId = new Map(now.map((c) => [c.contactId, c]));
  const byName = new Map(now.map((c) => [nameKey(c.name), c]));
  const then = new Map(saved.snapshot.map((c) => [c.contactId, c]));
  const creates = saved.plan.rows.filter((row) => row.action === 'create');
  for (const row of creates) {
    const taken = byName.get(nameKey(row.contact!.Name));
    if (taken) reasons.push(`"${taken.name}" is in the directory now (${taken.contactId})`);
  }
  const room = saved.plan.quota.limit - now.length;
  if (creates.length > room) reasons.push(`the directory holds ${now.length} contacts now, ${saved.snapshot.length} when planned: no room for ${creates.length} new ones`);
  for (const row of saved.plan.rows) {
    if (row.action !== 'update' && row.action !== 'delete') continue;
    const current = byId.get(row.contactId!);
    if (!current) reasons.push(`"${row.result.name}" (${row.contactId}) is gone`);
    else if (JSON.stringify(comparable(current)) !== JSON.stringify(comparable(then.get(row.contactId!)))) {
      reasons.push(`"${current.name}" (${current.contactId}) changed since`);
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
