/**
 * events.jsonl in the report folder, for schedulers and log shippers: one JSON
 * object per line, one per phase and one per row, each with the schema version.
 * Rows carry no contact details beyond name and status; those are in results.json.
 * A write that fails (the disk is full) stops the lines quietly: results.json
 * is what the run reports its failure on (see writer.ts).
 */
import type { WriteStream } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import { fileProblem, newFileStream } from '../own-files.js';
import type { RowResult } from './types.js';

export const EVENTS_FILE = 'events.jsonl';
export const EVENTS_VERSION = 1;

export type Phase = 'read' | 'list' | 'plan' | 'finish';

export class EventLog {
  private failed = false;

  private constructor(private readonly stream: WriteStream) {
    stream.on('error', () => (this.failed = true));
  }

  static async open(dir: string): Promise<EventLog> {
    try {
      return new EventLog(await newFileStream(join(dir, EVENTS_FILE)));
    } catch (error) {
      throw new InputError(say('report.dir.cannotWrite', { dir, reason: fileProblem(error) }), { cause: error });
    }
  }

  phase(phase: Phase, facts: Record<string, unknown> = {}): void {
    this.write({ type: 'phase', phase, ...facts });
  }

  row(result: RowResult): void {
    const { row, name, status, contactId, attempts, errors } = result;
    this.write({ type: 'row', row, name, status, ...(contactId ? { contactId } : {}), ...(attempts ? { attempts } : {}), ...(errors.length > 0 ? { codes: errors.map((e) => e.code) } : {}) });
  }

  async close(): Promise<void> {
    this.stream.end();
    await finished(this.stream).catch(() => undefined);
  }

  private write(event: Record<string, unknown>): void {
    if (this.failed) return;
    this.stream.write(JSON.stringify({ v: EVENTS_VERSION, at: new Date().toISOString(), ...event }) + '\n');
  }
}
