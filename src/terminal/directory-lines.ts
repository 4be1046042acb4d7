/** The console lines of the directory side: each row the applier carries out, each wait before a retry, each request (--verbose). */
import type { RowDone } from '../apply/apply.js';
import { describeFailure, type CallFailure } from '../directory/errors.js';
import type { RetryHooks } from '../directory/retry.js';
import type { CallTrace } from '../directory/adapter.js';
import type { Logger } from './log.js';

const PAST = { create: 'created', update: 'updated', delete: 'deleted' } as const;

/** Info when a row was done, a warning when it failed. */
export function logRowDone(log: Logger, event: RowDone): void {
  switch (event.outcome) {
    case 'created':
      log.info(`  row ${event.row}: created ${event.name} (${event.contactId})`);
      return;
    case 'updated':
      log.info(`  row ${event.row}: updated ${event.name}${event.fields && event.fields.length > 0 ? ` (${event.fields.join(', ')})` : ''}`);
      return;
    case 'deleted':
      log.info(`  deleted ${event.name} (${event.contactId})`);
      return;
    case 'failed':
      log.warn(`${event.row !== null ? `row ${event.row}` : 'directory contact'}: ${event.name} not ${PAST[event.action]}: ${describeFailure(event.failure, log.mask)}`);
      logClientText(log, event.failure);
      return;
  }
}

/** The console line for each wait before a retry; the progress line shows the wait too. */
export function retryLogger(log: Logger, onWait?: (text: string) => void): NonNullable<RetryHooks['onRetry']> {
  return (failure, { action, delayMs, next }) => {
    const wait = `${next} in ${(delayMs / 1000).toFixed(1)} s`;
    log.warn(`${action}: ${describeFailure(failure, log.mask)}; ${wait}`);
    logClientText(log, failure);
    onWait?.(`${action}: ${wait}`);
  };
}

/** With --verbose (and in log.jsonl): the client's own text behind a failure put in our words. */
export function logClientText(log: Logger, failure: CallFailure): void {
  if (failure.detail) log.debug(`  the client said: ${failure.detail}`);
}

/**
 * A debug line per request (the console shows it with --verbose; log.jsonl always
 * has it, with the same facts as fields): action, try, HTTP status or error code,
 * RequestId, milliseconds, contact name. The trace quotes no email or phone.
 */
export function callTracer(log: Logger): (call: CallTrace) => void {
  return (call) => {
    const ended = [call.status !== undefined ? `HTTP ${call.status}` : '', call.code ?? ''].filter(Boolean).join(' ');
    const about = call.name !== undefined ? `, contact ${call.name}` : '';
    log.debug(`call ${call.action} try ${call.attempt}: ${ended}, request ${call.requestId ?? '(none)'}, ${call.ms} ms${about}`, { event: 'call', ...call });
  };
}
