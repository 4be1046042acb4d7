/**
 * The DirectoryApi over the official client. Every request, retries and
 * lookups included, passes one p-limit(1) gate, so no caller can put two calls
 * in flight (the API answers 429 ConcurrentCallNotSupported to the second),
 * and each is told to `onCall` as it ends (the terminal draws it; this logs nothing).
 */
import { say } from '../i18n/text.js';
import pLimit from 'p-limit';
import { DEFAULT_DELETION_POLL } from '../defaults.js';
import type { ApiContact } from '../judge/schema.js';
import { addContactOnce, requestIdOf } from './add-contact.js';
import { classify } from './errors.js';
import { deleteContactOnce } from './delete-contact.js';
import { DirectoryError } from './errors.js';
import type { Query, RawCaller, RawResponse } from './openapi.js';
import type { CallReceipt, DirectoryApi, DirectoryContact } from './port.js';
import { withRetry, type CallPolicy, type RetryHooks } from './retry.js';

/** ListMessageContacts pages: the largest page the API allows. */
const PAGE_SIZE = 100;

export interface AdapterOptions {
  /** The caller's timeout, the tries and the budget of each call. */
  policy: CallPolicy;
  hooks?: RetryHooks;
  /** How often to ask how an asynchronous deletion is going. @default 1000 */
  deletionPollMs?: number;
  /** How long to follow one. @default 120000 */
  deletionWaitMs?: number;
  /** Told of every request as it ends, answered or not (--verbose traces them). */
  onCall?: (call: CallTrace) => void;
}

/** One request to the API: what was asked, its try within the call, how it ended, for which contact. */
export interface CallTrace {
  action: string;
  /** 1 for the first request of a call, 2 for its first retry…; a look-up after an unanswered add counts its own. */
  attempt: number;
  /** The HTTP status, when an answer came. */
  status?: number;
  /** The API's error code, or the network's (`ECONNRESET`); absent on success. */
  code?: string;
  requestId?: string;
  ms: number;
  /** The contact's name, when the request is about one the run knows. */
  name?: string;
}

export function createDirectory(caller: RawCaller, options: AdapterOptions): DirectoryApi {
  const { policy } = options;
  const hooks = options.hooks ?? {};
  const send = gatedSender(caller, options.onCall);
  const retried = <T>(action: string, attempt: (tries: number) => Promise<T>) => withRetry(action, policy, hooks, attempt);
  const write = async (action: string, query: Query): Promise<CallReceipt> => {
    let attempts = 0;
    const response = await retried(action, (tries) => {
      attempts++;
      return send(action, query, tries);
    });
    return { requestId: requestIdOf(response), attempts };
  };

  /** Every page of a list operation, 100 a page (the most the API gives), each page sent by `page`. */
  async function listAll<T>(
    action: string,
    key: string,
    map: (raw: Record<string, unknown>) => T,
    page = (query: Query) => retried(action, (tries) => send(action, query, tries)),
  ): Promise<T[]> {
    const items: T[] = [];
    for (let number = 1; ; number++) {
      // A stop signal: no page more is asked for (the caller sees the signal and says so).
      if (hooks.signal?.aborted) throw new DirectoryError({ kind: 'final', code: 'Interrupted', message: say('directory.stoppedBySignal') }, 0, action);
      const { body } = await page({ PageNumber: number, PageSize: PAGE_SIZE });
      const found = (body[key] as Record<string, unknown>[] | undefined) ?? [];
      items.push(...found.map(map));
      if (found.length === 0 || items.length >= Number(body.TotalCount ?? 0)) return items;
    }
  }

  const listContacts = () => listAll('ListMessageContacts', 'Contacts', toDirectoryContact);

  const addContact = (contact: ApiContact) =>
    addContactOnce(contact, {
      add: (query, timeoutMs, attempt) => send('AddMessageContact', query, attempt, timeoutMs),
      // A look-up is a request of the add's call: its tries are the add's, never a retry loop of its own.
      listOnce: (attempt) => listAll('ListMessageContacts', 'Contacts', toDirectoryContact, (query) => send('ListMessageContacts', query, attempt)),
      policy,
      hooks,
    });

  return {
    listContacts,
    addContact,
    associateMembers: (contactId, members) => write('AssociateMembers', { ContactId: contactId, Members: members }),
    disassociateMembers: (contactId, members) => write('DisassociateMembers', { ContactId: contactId, Members: members }),
    updateContact: (contactId, changes) => write('UpdateMessageContact', { ContactId: contactId, ...changes }),
    deleteContact: (contactId, retainInMembers) =>
      deleteContactOnce(contactId, retainInMembers, {
        send,
        retried,
        hooks,
        pollMs: options.deletionPollMs ?? DEFAULT_DELETION_POLL.intervalMs,
        waitMs: options.deletionWaitMs ?? DEFAULT_DELETION_POLL.waitMs,
      }),
    sendEmailVerification: (contactId, email) => write('SendEmailVerificationForMessageContact', { ContactId: contactId, EmailAddress: email }),
    sendPhoneVerification: (contactId, phone) => write('SendPhoneVerificationForMessageContact', { ContactId: contactId, PhoneNumber: phone }),
    listVerifications: () =>
      listAll('ListMessageContactVerifications', 'ContactVerifications', (raw) => ({ contactId: String(raw.ContactId ?? ''), target: String(raw.Target ?? '') })),
  };
}

type Send = (action: string, query: Query, attempt: number, timeoutMs?: number) => Promise<RawResponse>;

/** Requests one at a time through the gate, each told to `onCall` as it ends, answered or not. */
function gatedSender(caller: RawCaller, onCall: AdapterOptions['onCall']): Send {
  const gate = pLimit(1);
  const names = namesSeen();
  return (action, query, attempt, timeoutMs) =>
    gate(async () => {
      const started = Date.now();
      const name = names.of(query);
      const told = (ended: Pick<CallTrace, 'status' | 'code' | 'requestId'>) =>
        onCall?.({ action, attempt, ...ended, ms: Date.now() - started, ...(name !== undefined ? { name } : {}) });
      try {
        const response = await caller.call(action, query, timeoutMs);
        const requestId = requestIdOf(response);
        told({ status: response.statusCode, ...(requestId !== undefined ? { requestId } : {}) });
        names.learn(query, response.body);
        return response;
      } catch (error) {
        const { statusCode, code, requestId } = classify(error);
        told({ ...(statusCode !== undefined ? { status: statusCode } : {}), code, ...(requestId !== undefined ? { requestId } : {}) });
        throw error;
      }
    });
}

/** The names of the contacts the run has listed or added, by id: a request about a contact names it in the trace. */
function namesSeen() {
  const byId = new Map<string, string>();
  return {
    of(query: Query): string | undefined {
      if (typeof query.Name === 'string') return query.Name;
      return typeof query.ContactId === 'string' ? byId.get(query.ContactId) : undefined;
    },
    /** From a listing's contacts, or an add's answer (its id) and request (its name). */
    learn(query: Query, body: Record<string, unknown>): void {
      const added = body.Contact ? [{ Name: query.Name, ...(body.Contact as object) }] : [];
      const contacts = [...(Array.isArray(body.Contacts) ? body.Contacts : []), ...added] as Record<string, unknown>[];
      for (const contact of contacts) if (typeof contact.ContactId === 'string' && typeof contact.Name === 'string') byId.set(contact.ContactId, contact.Name);
    },
  };
}

function toDirectoryContact(raw: Record<string, unknown>): DirectoryContact {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  return {
    contactId: text(raw.ContactId),
    name: text(raw.Name),
    email: text(raw.EmailAddress),
    ...(text(raw.PhoneNumber) ? { phone: text(raw.PhoneNumber) } : {}),
    title: text(raw.Title),
    messageTypes: list(raw.MessageTypes),
    members: list(raw.Members),
    status: text(raw.Status),
    ...(text(raw.CreateDate) ? { created: text(raw.CreateDate) } : {}),
  };
}
