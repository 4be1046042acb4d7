/**
 * DeleteMessageContact, and the following of an asynchronous deletion
 * (RetainContactInMembers=false) through GetMessageContactDeletionStatus until
 * the contact is gone, the deletion failed, the wait ran out or a stop signal came.
 */
import { requestIdOf } from './add-contact.js';
import { classify, DirectoryError } from './errors.js';
import type { Query, RawResponse } from './openapi.js';
import type { DeletedContact } from './port.js';
import { pollUntil, type RetryHooks } from './retry.js';

export interface DeleteRequests {
  /** One request through the adapter's gate; `attempt` is its try within the call. */
  send(action: string, query: Query, attempt: number): Promise<RawResponse>;
  /** A call retried under the run's policy and budget. */
  retried<T>(action: string, attempt: (tries: number) => Promise<T>): Promise<T>;
  hooks: RetryHooks;
  /** How often to ask how an asynchronous deletion is going. */
  pollMs: number;
  /** How long to follow one. */
  waitMs: number;
}

type Ending = Pick<DeletedContact, 'outcome' | 'failures'>;
const DELETED: Ending = { outcome: 'deleted', failures: [] };
/** Still running when we stopped asking: it ends on its own. */
const STILL_DELETING: Ending = { outcome: 'deleting', failures: [] };

export async function deleteContactOnce(contactId: string, retainInMembers: boolean, requests: DeleteRequests): Promise<DeletedContact> {
  const { send, retried } = requests;
  let attempts = 0;
  let unanswered = false;
  let status: string;
  let requestId: string | undefined;
  try {
    const response = await retried('DeleteMessageContact', async (tries) => {
      attempts++;
      try {
        return await send('DeleteMessageContact', { ContactId: contactId, RetainContactInMembers: retainInMembers }, tries);
      } catch (error) {
        if (classify(error).kind === 'uncertain') unanswered = true;
        throw error;
      }
    });
    status = String(response.body.Status ?? 'Deleted');
    requestId = requestIdOf(response);
  } catch (error) {
    if (!(error instanceof DirectoryError)) throw error;
    // A re-send after an unanswered try finds the contact gone, or already deleting: that try did it.
    if (unanswered && error.code === 'EntityNotExists.Contact') status = 'Deleted';
    else if (unanswered && error.code === 'ContactStatusMismatchAction') status = 'Deleting';
    else throw new DirectoryError(error.failure, attempts, 'DeleteMessageContact');
  }
  const receipt = { attempts, ...(requestId ? { requestId } : {}) };
  if (status !== 'Deleting') return { ...receipt, ...DELETED };
  return { ...receipt, ...(await followDeletion(contactId, requests)) };
}

/** Polls the deletion's status; each poll is retried like any call, and a stop signal ends the wait at once. */
async function followDeletion(contactId: string, { send, retried, hooks, pollMs, waitMs }: DeleteRequests): Promise<Ending> {
  const action = 'GetMessageContactDeletionStatus';
  const ask = async (): Promise<Ending | undefined> => {
    try {
      const { body } = await retried(action, (tries) => send(action, { ContactId: contactId }, tries));
      return endingOf(body.ContactDeletionStatus);
    } catch (error) {
      if (error instanceof DirectoryError && error.code === 'EntityNotExists.Contact') return DELETED;
      // A stop signal during a retry's wait: the delete was accepted, how it ends is unknown.
      if (error instanceof DirectoryError && hooks.signal?.aborted) return STILL_DELETING;
      throw error;
    }
  };
  return (await pollUntil(pollMs, waitMs, hooks, ask)) ?? STILL_DELETING;
}

/** `failed` with the members that kept the contact; undefined while it is still running. */
function endingOf(raw: unknown): Ending | undefined {
  const deletion = (raw ?? {}) as { Status?: string; FailReasonList?: { AccountId?: string; MessageTypes?: string[] }[] };
  if (deletion.Status !== 'Failed') return undefined;
  const failures = (deletion.FailReasonList ?? []).map((f) => ({ accountId: String(f.AccountId ?? ''), messageTypes: (f.MessageTypes ?? []).map(String) }));
  return { outcome: 'failed', failures };
}
