/** The console lines of the directory side: each row the applier carries out, each wait before a retry, each request (--verbose). */
import type { RowDone } from '../apply/apply.js';
import { describeFailure, type CallFailure } from '../directory/errors.js';
import type { RetryHooks } from '../directory/retry.js';
import type { CallTrace } from '../directory/adapter.js';
import { say } from '../i18n/text.js';
import type { Logger } from './log.js';
import type { Mask } from '../pii.js';

/** Info when a row was done, a warning when it failed. */
export function logRowDone(log: Logger, event: RowDone): void {
  switch (event.outcome) {
    case 'created':
      log.info(`  ${say('run.row.created', { row: String(event.row), name: event.name, id: event.contactId })}`);
      return;
    case 'updated':
      if (event.fields && event.fields.length > 0) log.info(`  ${say('run.row.updatedFields', { row: String(event.row), name: event.name, fields: event.fields.join(', ') })}`);
      else log.info(`  ${say('run.row.updated', { row: String(event.row), name: event.name })}`);
      return;
    case 'deleted':
      log.info(`  ${say('run.row.deleted', { name: event.name, id: event.contactId })}`);
      return;
    case 'failed':
      log.warn(notDone(event, log.mask));
      logClientText(log, event.failure);
      return;
  }
}

/** A row (or a directory contact) the directory refused: one whole sentence per action. */
function notDone(event: Extract<RowDone, { outcome: 'failed' }>, mask: Mask): string {
  const { row, name } = event;
  const failure = describeFailure(event.failure, mask);
  if (row === null) {
    if (event.action === 'create') return say('run.contact.notCreated', { name, failure });
    return event.action === 'update' ? say('run.contact.notUpdated', { name, failure }) : say('run.contact.notDeleted', { name, failure });
  }
  if (event.action === 'create') return say('run.row.notCreated', { row, name, failure });
  return event.action === 'update' ? say('run.row.notUpdated', { row, name, failure }) : say('run.row.notDeleted', { row, name, failure });
}

/** The console line for each wait before a retry; the progress line shows the wait too. */
export function retryLogger(log: Logger, onWait?: (text: string) => void): NonNullable<RetryHooks['onRetry']> {
  return (failure, { action, delayMs, next }) => {
    const seconds = (delayMs / 1000).toFixed(1);
    log.warn(say('run.retry.wait', { action, failure: describeFailure(failure, log.mask), next, seconds }));
    logClientText(log, failure);
    onWait?.(say('run.retry.note', { action, next, seconds }));
  };
}

/** With --verbose (and in log.jsonl): the client's own text behind a failure put in our words. */
export function logClientText(log: Logger, failure: CallFailure): void {
  if (failure.detail) log.debug(say('run.clientSaidIndented', { detail: failure.detail }));
}

/**
 * A debug line per request (the console shows it with --verbose; log.jsonl always
 * has it, with the same facts as fields): action, try, HTTP status or error code,
 * RequestId, milliseconds, contact name. The trace quotes no email or phone.
 */
export function callTracer(log: Logger): (call: CallTrace) => void {
  return (call) => {
    const ended = [call.status !== undefined ? `HTTP ${call.status}` : '', call.code ?? ''].filter(Boolean).join(' ');
    const facts = { action: call.action, attempt: call.attempt, ended, requestId: call.requestId ?? say('run.trace.noRequest'), ms: call.ms };
    const line = call.name !== undefined ? say('run.trace.callContact', { ...facts, name: call.name }) : say('run.trace.call', facts);
    log.debug(line, { event: 'call', ...call });
  };
}
