/**
 * The DirectoryApi over the official client. Every request, retries and
 * lookups included, passes one p-limit(1) gate, so no caller can put two calls
 * in flight (the API answers 429 ConcurrentCallNotSupported to the second).
 */
import pLimit from 'p-limit';
import { DEFAULT_DELETION_POLL } from '../defaults.js';
import type { ApiContact } from '../judge/schema.js';
import { addContactOnce, requestIdOf } from './add-contact.js';
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
}

export function createDirectory(caller: RawCaller, options: AdapterOptions): DirectoryApi {
  const gate = pLimit(1);
  const { policy } = options;
  const hooks = options.hooks ?? {};
  const send = (action: string, query: Query): Promise<RawResponse> => gate(() => caller.call(action, query));
  const retried = <T>(action: string, attempt: (tries: number) => Promise<T>) => withRetry(action, policy, hooks, attempt);
  const write = async (action: string, query: Query): Promise<CallReceipt> => {
    let attempts = 0;
    const response = await retried(action, () => {
      attempts++;
      return send(action, query);
    });
    return { requestId: requestIdOf(response), attempts };
  };

  /** Every page of a list operation, 100 a page (the most the API gives), each page sent by `page`. */
  async function listAll<T>(action: string, key: string, map: (raw: Record<string, unknown>) => T, page = (query: Query) => retried(action, () => send(action, query))): Promise<T[]> {
    const items: T[] = [];
    for (let number = 1; ; number++) {
      // A stop signal: no page more is asked for (the caller sees the signal and says so).
      if (hooks.signal?.aborted) throw new DirectoryError({ kind: 'final', code: 'Interrupted', message: 'stopped by a signal' }, 0, action);
      const { body } = await page({ PageNumber: number, PageSize: PAGE_SIZE });
      const found = (body[key] as Record<string, unknown>[] | undefined) ?? [];
      items.push(...found.map(map));
      if (found.length === 0 || items.length >= Number(body.TotalCount ?? 0)) return items;
    }
  }

  const listContacts = () => listAll('ListMessageContacts', 'Contacts', toDirectoryContact);

  const addContact = (contact: ApiContact) =>
    addContactOnce(contact, {
      add: (query, timeoutMs) => gate(() => caller.call('AddMessageContact', query, timeoutMs)),
      // A look-up is a request of the add's call: its tries are the add's, never a retry loop of its own.
      listOnce: () => listAll('ListMessageContacts', 'Contacts', toDirectoryContact, (query) => send('ListMessageContacts', query)),
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
