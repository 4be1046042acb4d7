/**
 * events.jsonl in the report folder, for schedulers and log shippers: one JSON
 * object per line, one per phase and one per row, each with the schema version.
 * Rows carry no contact details beyond name and status; those are in results.json.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { RowResult } from './types.js';

export const EVENTS_FILE = 'events.jsonl';
export const EVENTS_VERSION = 1;

export type Phase = 'read' | 'list' | 'plan' | 'finish';

export class EventLog {
  private constructor(private readonly stream: WriteStream) {}

  static async open(dir: string): Promise<EventLog> {
    const stream = createWriteStream(join(dir, EVENTS_FILE), { mode: 0o600 });
    await once(stream, 'open');
    return new EventLog(stream);
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
    await once(this.stream, 'close');
  }

  private write(event: Record<string, unknown>): void {
    this.stream.write(JSON.stringify({ v: EVENTS_VERSION, at: new Date().toISOString(), ...event }) + '\n');
  }
}
