/**
 * Every API call the emulator answered, in order: tests and the admin endpoint
 * read it to see what the client really sent, and --verbose prints it live.
 */
import type { RequestLogEntry } from './options.js';

export class RequestLog {
  /** One array for the emulator's life (reset empties it in place), so a caller may hold on to it. */
  readonly entries: RequestLogEntry[] = [];
  // Not reset with the entries: a sequence number never names two calls.
  private seq = 0;

  constructor(private readonly onRequest?: (entry: RequestLogEntry) => void) {}

  record(call: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    const entry: RequestLogEntry = { seq: ++this.seq, ...call };
    this.entries.push(entry);
    this.onRequest?.(entry);
    return entry;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
