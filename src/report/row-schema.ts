/**
 * A report folder read back (by `undo`) is input, whoever wrote it: results.json
 * rows and the summary fields undo relies on are parsed with these schemas, and
 * what does not fit is refused before anything is sent. Unknown keys are allowed
 * (a newer report may say more); the ones undo acts on must have their shape.
 */
import { z } from 'zod';
import { ROW_STATUSES } from './types.js';

const texts = z.array(z.string());

export const contactValues = z.strictObject({
  name: z.string().min(1),
  email: z.string(),
  phone: z.string().nullable(),
  title: z.string(),
  messageTypes: texts,
  members: texts,
});

export const reportRow = z.object({
  row: z.number().int().positive().nullable(),
  name: z.string(),
  email: z.string(),
  status: z.enum(ROW_STATUSES),
  contactId: z.string().min(1).optional(),
  previous: contactValues.optional(),
  after: contactValues.optional(),
});
export type ReportRow = z.infer<typeof reportRow>;

export const resultsFile = z.object({ version: z.literal(1), rows: z.array(reportRow) });

/** What undo needs of summary.json: which command, whether it wrote, which directory, when. */
export const undoableSummary = z.object({
  version: z.literal(1),
  command: z.enum(['validate', 'import', 'undo']),
  endpoint: z.string().nullable(),
  directory: z.strictObject({ endpoint: z.string(), credentials: z.string() }).nullable().optional(),
  dryRun: z.boolean(),
  startedAt: z.string(),
});
export type UndoableSummary = z.infer<typeof undoableSummary>;
