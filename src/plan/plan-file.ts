/**
 * `import --plan FILE`: a saved plan read back. The file is input, whoever wrote
 * it: read only if it is a regular file within --max-bytes, parsed with a
 * schema (a field missing, of the wrong type or unknown is one line, exit 2),
 * then made again from its own rows with this run's gates (replan.ts). Nothing
 * of it reaches the directory before all of that passed.
 * zod loads with this module, only when a plan is applied.
 */
import { say } from '../i18n/text.js';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { z } from 'zod';
import { FIELDS } from '../judge/fields.js';
import { InputError } from '../errors.js';
import { MODES, SITES } from '../defaults.js';
import { ROW_STATUSES } from '../report/types.js';
import { contactValues } from '../report/row-schema.js';
import type { Plan } from './plan.js';
import { replan, type PlanGates } from './replan.js';
import { PLAN_VERSION, type SavedPlan } from './saved.js';

const row = z.number().int().positive();
const count = z.number().int().nonnegative();
const texts = z.array(z.string());

const reportError = z.strictObject({
  field: z.enum(FIELDS).nullable(),
  code: z.string(),
  message: z.string(),
  masked: z.string().optional(),
  suggestion: z.string().optional(),
  unambiguous: z.literal(true).optional(),
});

const rowResult = z.strictObject({
  row: row.nullable(),
  name: z.string(),
  email: z.string(),
  status: z.enum(ROW_STATUSES),
  errors: z.array(reportError),
  notes: texts.optional(),
  contactId: z.string().optional(),
  requestId: z.string().optional(),
  attempts: count.optional(),
  previous: contactValues.optional(),
  after: contactValues.optional(),
});

/** Its values are judged by the row rules afterwards; here only their shape. */
const contact = z.strictObject({
  Name: z.string(),
  EmailAddress: z.string(),
  PhoneNumber: z.string().optional(),
  Title: z.string(),
  MessageTypes: texts,
  Members: texts,
});

/**
 * A sheet row as judged: valid with its contact, or invalid or duplicate with what is wrong and no contact.
 * Not for people: the refinement's words are a detail of a hand-edited plan's shape, in English like zod's own.
 */
const judgedRow = z
  .strictObject({ result: rowResult.extend({ row, status: z.enum(['valid', 'invalid', 'duplicate']) }), contact: contact.optional() })
  .refine(({ result, contact }) => (result.status === 'valid') === (contact !== undefined && result.errors.length === 0), {
    message: 'a valid row has a contact and no errors; an invalid or duplicate row has errors and no contact',
  });

const directoryContact = z.strictObject({
  contactId: z.string().min(1),
  name: z.string(),
  email: z.string(),
  phone: z.string().optional(),
  title: z.string(),
  messageTypes: texts,
  members: texts,
  status: z.string(),
  created: z.string().optional(),
});

const plannedRow = z.strictObject({
  action: z.enum(['none', 'create', 'update', 'delete']),
  result: rowResult,
  contact: contact.optional(),
  contactId: z.string().optional(),
  changes: z
    .strictObject({ EmailAddress: z.string().optional(), PhoneNumber: z.string().optional(), Title: z.string().optional(), MessageTypes: texts.optional() })
    .optional(),
  bind: texts.optional(),
  unbind: texts.optional(),
});

const SAVED_PLAN = z
  .strictObject({
    version: z.literal(PLAN_VERSION),
    createdAt: z.string(),
    endpoint: z.string(),
    site: z.enum(SITES),
    mode: z.enum(MODES),
    prune: z.boolean(),
    manageMembers: z.boolean(),
    retainInMembers: z.boolean(),
    sheet: z.strictObject({
      input: z.strictObject({
        file: z.string(),
        format: z.enum(['csv', 'xlsx']),
        sheet: z.string().optional(),
        encoding: z.string().optional(),
        delimiter: z.string().optional(),
      }),
      sha256: z.string().regex(/^(?:[0-9a-f]{64})?$/),
      header: z.strictObject({ row, columns: z.partialRecord(z.enum(FIELDS), count), headers: texts, ignored: texts }),
      blankRows: count,
    }),
    judged: z.array(judgedRow),
    snapshot: z.array(directoryContact),
    plan: z.strictObject({
      rows: z.array(plannedRow),
      quota: z.strictObject({ limit: count, existing: count, planned: count, remaining: count }),
      stop: z.strictObject({ exitCode: z.number().int(), reasons: texts }).optional(),
    }),
  })
  // not for people: a detail of a hand-edited plan's shape, said like zod's own English details
  .refine(({ mode, prune }) => mode === 'sync' || !prune, { message: 'prune goes with mode "sync"', path: ['prune'] });

/** A saved plan read back: the file, and the plan made again from it, which is the one applied. */
export interface CheckedPlan {
  file: SavedPlan;
  plan: Plan;
}

/** The saved plan at `path` (named `name` in messages), checked. */
export async function readSavedPlan(path: string, name: string, maxBytes: number, gates: PlanGates): Promise<CheckedPlan> {
  let json: unknown;
  try {
    json = JSON.parse(await readText(path, name, maxBytes));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(say('run.planFile.notAPlan', { name, problem: (error as Error).message }), { cause: error });
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (version !== PLAN_VERSION) {
    throw new InputError(say('run.planFile.version', { name, expected: PLAN_VERSION, version: JSON.stringify(version) ?? say('run.planFile.missingVersion') }));
  }
  const parsed = SAVED_PLAN.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : say('run.planFile.theFile');
    const more = parsed.error.issues.length - 1;
    const facts = { name, where, problem: issue.message };
    throw new InputError(more > 0 ? say('run.planFile.shapeMore', { ...facts, more }) : say('run.planFile.shape', facts));
  }
  // The shapes are checked; the values are judged by replan, whose plan is the one applied.
  const saved = parsed.data as SavedPlan;
  const made = replan(saved, gates);
  if (!made.ok) throw new InputError(say('run.planFile.refused', { name, problem: made.problem }));
  return { file: saved, plan: made.plan };
}

/** The file's text; a pipe, a device or a folder is refused without waiting on it. */
async function readText(path: string, name: string, maxBytes: number): Promise<string> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(error.code === 'ENOENT' ? say('run.planFile.noSuchFile', { name }) : say('run.planFile.unreadable', { name, code: error.code ?? error.message }), { cause: error });
  });
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new InputError(say('run.planFile.notFile', { name }));
    if (stats.size > maxBytes) throw new InputError(say('run.planFile.tooBig', { name, size: stats.size, max: maxBytes }));
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
