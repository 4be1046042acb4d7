/**
 * AddMessageContact is not idempotent. After an add that may have been carried
 * out (a timeout, a 5xx, a dropped connection) the next request is a look-up of
 * the name, never the add: the add is sent again only once a look-up has
 * answered that the name is not there. The add and its look-ups are one call
 * with one budget, never a retry loop inside a retry loop: at most `maxTries`
 * adds, and at most `maxTries` look-ups that fail. The look-up after an
 * unanswered add is always made, so a row is never reported failed when its
 * contact exists: an add is sent only with room left for the pause and the
 * look-up after it, its timeout cut short if need be.
 */
import { say } from '../i18n/text.js';
import { nameKey } from '../judge/dedupe.js';
import { MASK_PII, shown, SHOW_PII, worded, type Mask } from '../pii.js';
import type { ApiContact } from '../judge/schema.js';
import { classify, DirectoryError, RETRYABLE, type CallFailure } from './errors.js';
import type { Query, RawResponse } from './openapi.js';
import type { CreatedContact, DirectoryContact } from './port.js';
import { startCall, type CallClock, type CallPolicy, type RetryHooks } from './retry.js';

const ADD = 'AddMessageContact';
const ALREADY_USED = 'InvalidParameter.Name.AlreadyUsed';

export interface AddRequests {
  /** One AddMessageContact request, given up after `timeoutMs`; `attempt` counts the adds. */
  add(query: Query, timeoutMs: number, attempt: number): Promise<RawResponse>;
  /** One listing of the directory, each page asked once; `attempt` counts the look-ups. */
  listOnce(attempt: number): Promise<DirectoryContact[]>;
  policy: CallPolicy;
  hooks: RetryHooks;
}

export async function addContactOnce(contact: ApiContact, requests: AddRequests): Promise<CreatedContact> {
  const { policy } = requests;
  const call = startCall(ADD, policy, requests.hooks);
  let adds = 0;
  let failedLookUps = 0;
  let lastAdd: CallFailure | undefined;
  let mayExist = false;
  let lookUpNext = false;
  let timeoutMs = policy.timeoutMs;
  for (;;) {
    let failure: CallFailure;
    let tries: number;
    if (!lookUpNext) {
      adds++;
      try {
        const response = await requests.add(addQuery(contact), timeoutMs, adds);
        const added = response.body.Contact as { ContactId?: string } | undefined;
        return { contactId: String(added?.ContactId ?? ''), requestId: requestIdOf(response), attempts: adds, confirmedByLookup: false };
      } catch (error) {
        failure = lastAdd = classify(error);
      }
      // A re-send refused because the name is taken: most likely by an earlier try that landed late.
      if (failure.kind === 'uncertain' || (mayExist && failure.code === ALREADY_USED)) {
        mayExist = true;
        lookUpNext = true;
        // Always made: the add was sent only while this wait and the look-up fit the budget.
        const delayMs = Math.min(call.delayAfter(failure, adds), policy.pauseAfterTimeoutMs);
        if (!(await call.wait(delayMs, failure, adds, say('directory.next.lookUp')))) throw undecided(lastAdd, adds, failure);
        continue;
      }
      tries = adds;
    } else {
      const listed = await listOrFailure(requests, failedLookUps + 1);
      if (Array.isArray(listed)) {
        const found = listed.find((c) => nameKey(c.name) === nameKey(contact.Name));
        if (found) return confirmed(found, contact, adds);
        // Not there: the add may be sent again at once, the look-up having been answered.
        lookUpNext = false;
        timeoutMs = adds < policy.maxTries ? addTimeout(call, policy, 0) : 0;
        if (timeoutMs === 0) throw new DirectoryError(lastAdd!, adds, ADD, 'absent');
        continue;
      }
      failure = listed;
      if (!RETRYABLE.has(failure.kind)) throw new DirectoryError(failure, adds, 'ListMessageContacts');
      tries = ++failedLookUps;
    }
    // A refused add (throttled) may be sent again; a look-up that failed is asked again.
    const delayMs = call.delayAfter(failure, tries);
    const again = RETRYABLE.has(failure.kind) && tries < policy.maxTries;
    if (lookUpNext) {
      if (!again || !call.fits(delayMs) || !(await call.wait(delayMs, failure, tries, say('directory.next.lookUp')))) throw undecided(lastAdd!, adds, failure);
    } else {
      timeoutMs = again ? addTimeout(call, policy, delayMs) : 0;
      if (timeoutMs === 0 || !(await call.wait(delayMs, failure, tries, say('directory.next.try', { n: adds + 1, max: policy.maxTries })))) throw new DirectoryError(failure, adds, ADD);
    }
  }
}

/**
 * The timeout of an add sent after `waitMs`: the usual one, or less so that the
 * pause and look-up that may follow it still end within the budget. 0 (send no
 * more) below half the usual: an add given up that soon is more likely to be
 * still running when the next request arrives.
 */
function addTimeout(call: CallClock, policy: CallPolicy, waitMs: number): number {
  const room = call.leftMs() - waitMs - policy.pauseAfterTimeoutMs - policy.timeoutMs;
  return room >= policy.timeoutMs / 2 ? Math.min(policy.timeoutMs, room) : 0;
}

async function listOrFailure(requests: AddRequests, attempt: number): Promise<DirectoryContact[] | CallFailure> {
  try {
    return await requests.listOnce(attempt);
  } catch (error) {
    return classify(error);
  }
}

/** The look-up found the name: created by an earlier try if the email is ours, else taken by someone else. */
function confirmed(found: DirectoryContact, contact: ApiContact, adds: number): CreatedContact {
  if (found.email.toLowerCase() !== contact.EmailAddress.toLowerCase()) {
    const text = worded('email', found.email, (email) => say('directory.add.appeared', { name: found.name, email }));
    throw new DirectoryError({ kind: 'final', code: ALREADY_USED, ...text }, adds, ADD);
  }
  return { contactId: found.contactId, attempts: adds, confirmedByLookup: true };
}

/** An add that may have been carried out, and no look-up that could say whether it was. */
function undecided(add: CallFailure, adds: number, lookUp: CallFailure): DirectoryError {
  if (lookUp === add) return new DirectoryError(add, adds, ADD, 'unknown');
  const said = (mask: Mask) => say('directory.add.lookUpFailed', { failure: shown(mask, add), code: lookUp.code, lookUp: shown(mask, lookUp) });
  const masked = add.masked !== undefined || lookUp.masked !== undefined ? { masked: said(MASK_PII) } : {};
  return new DirectoryError({ ...add, message: said(SHOW_PII), ...masked }, adds, ADD, 'unknown');
}

function addQuery(contact: ApiContact): Query {
  return {
    Name: contact.Name,
    EmailAddress: contact.EmailAddress,
    ...(contact.PhoneNumber ? { PhoneNumber: contact.PhoneNumber } : {}),
    Title: contact.Title,
    MessageTypes: contact.MessageTypes,
  };
}

export function requestIdOf(response: RawResponse): string | undefined {
  const id = response.body.RequestId;
  return typeof id === 'string' ? id : undefined;
}
