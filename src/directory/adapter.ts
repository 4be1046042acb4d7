/**
 * The DirectoryApi over the official client. Every request, retries and
 * lookups included, passes one p-limit(1) gate, so no caller can put two calls
 * in flight (the API answers 429 ConcurrentCallNotSupported to the second).
 */
import pLimit from 'p-limit';
import { nameKey } from '../contact/dedupe.js';
import type { ApiContact } from '../contact/schema.js';
import { classify, DirectoryError } from './errors.js';
import type { Query, RawCaller, RawResponse } from './openapi.js';
import type { CallReceipt, CreatedContact, DeletedContact, DirectoryApi, DirectoryContact } from './port.js';
import { withRetry, type RetryHooks, type RetryPolicy } from './retry.js';

/** ListMessageContacts pages: the largest page the API allows. */
const PAGE_SIZE = 100;

export interface AdapterOptions {
  retry: RetryPolicy;
  hooks?: RetryHooks;
  /** How often to ask how an asynchronous deletion is going. @default 1000 */
  deletionPollMs?: number;
  /** How long to follow one. @default 120000 */
  deletionWaitMs?: number;
}

export function createDirectory(caller: RawCaller, options: AdapterOptions): DirectoryApi {
  const gate = pLimit(1);
  const hooks = options.hooks ?? {};
  const send = (action: string, query: Query): Promise<RawResponse> => gate(() => caller.call(action, query));
  const retried = <T>(action: string, attempt: (tries: number) => Promise<T>) => withRetry(action, options.retry, hooks, attempt);
  const write = async (action: string, query: Query): Promise<CallReceipt> => {
    let attempts = 0;
    const response = await retried(action, () => {
      attempts++;
      return send(action, query);
    });
    return { requestId: requestIdOf(response), attempts };
  };

  /** Every page of a list operation, 100 a page (the most the API gives). */
  async function listAll<T>(action: string, key: string, map: (raw: Record<string, unknown>) => T): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; ; page++) {
      const { body } = await retried(action, () => send(action, { PageNumber: page, PageSize: PAGE_SIZE }));
      const found = (body[key] as Record<string, unknown>[] | undefined) ?? [];
      items.push(...found.map(map));
      if (found.length === 0 || items.length >= Number(body.TotalCount ?? 0)) return items;
    }
  }

  const listContacts = () => listAll('ListMessageContacts', 'Contacts', toDirectoryContact);

  async function findByName(name: string): Promise<DirectoryContact | undefined> {
    const key = nameKey(name);
    return (await listContacts()).find((contact) => nameKey(contact.name) === key);
  }

  async function addContact(contact: ApiContact): Promise<CreatedContact> {
    let attempts = 0;
    let unanswered = false;
    // Run rule 4: after a try that may have been carried out, look before sending again.
    const lookUp = async (): Promise<CreatedContact | undefined> => {
      const found = await findByName(contact.Name);
      if (!found) return undefined;
      if (found.email.toLowerCase() !== contact.EmailAddress.toLowerCase()) {
        throw new DirectoryError(
          {
            kind: 'final',
            code: 'InvalidParameter.Name.AlreadyUsed',
            message: `a contact named "${found.name}" with another email (${found.email}) appeared in the directory during the run`,
          },
          attempts,
          'AddMessageContact',
        );
      }
      return { contactId: found.contactId, attempts, confirmedByLookup: true };
    };
    try {
      return await retried('AddMessageContact', async () => {
        if (unanswered) {
          const created = await lookUp();
          if (created) return created;
        }
        attempts++;
        try {
          const response = await send('AddMessageContact', addQuery(contact));
          const added = response.body.Contact as { ContactId?: string } | undefined;
          return { contactId: String(added?.ContactId ?? ''), requestId: requestIdOf(response), attempts, confirmedByLookup: false };
        } catch (error) {
          if (classify(error).kind === 'uncertain') unanswered = true;
          throw error;
        }
      });
    } catch (error) {
      // The re-send after an unanswered try was refused because the name is taken: most likely by that try.
      if (unanswered && error instanceof DirectoryError && error.code === 'InvalidParameter.Name.AlreadyUsed') {
        const created = await retried('ListMessageContacts', lookUp);
        if (created) return created;
      }
      if (error instanceof DirectoryError) throw new DirectoryError(error.failure, attempts, 'AddMessageContact');
      throw error;
    }
  }

  async function deleteContact(contactId: string, retainInMembers: boolean): Promise<DeletedContact> {
    let attempts = 0;
    let unanswered = false;
    let status: string;
    let requestId: string | undefined;
    try {
      const response = await retried('DeleteMessageContact', async () => {
        attempts++;
        try {
          return await send('DeleteMessageContact', { ContactId: contactId, RetainContactInMembers: retainInMembers });
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
    if (status !== 'Deleting') return { ...receipt, outcome: 'deleted', failures: [] };
    return { ...receipt, ...(await followDeletion(contactId)) };
  }

  /** Polls GetMessageContactDeletionStatus until the contact is gone or the deletion failed. */
  async function followDeletion(contactId: string): Promise<Pick<DeletedContact, 'outcome' | 'failures'>> {
    const deadline = Date.now() + (options.deletionWaitMs ?? 120_000);
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, options.deletionPollMs ?? 1000));
      try {
        const { body } = await retried('GetMessageContactDeletionStatus', () => send('GetMessageContactDeletionStatus', { ContactId: contactId }));
        const deletion = (body.ContactDeletionStatus ?? {}) as { Status?: string; FailReasonList?: { AccountId?: string; MessageTypes?: string[] }[] };
        if (deletion.Status === 'Failed') {
          const failures = (deletion.FailReasonList ?? []).map((f) => ({ accountId: String(f.AccountId ?? ''), messageTypes: (f.MessageTypes ?? []).map(String) }));
          return { outcome: 'failed', failures };
        }
      } catch (error) {
        if (error instanceof DirectoryError && error.code === 'EntityNotExists.Contact') return { outcome: 'deleted', failures: [] };
        throw error;
      }
      if (Date.now() > deadline) return { outcome: 'deleting', failures: [] };
    }
  }

  return {
    listContacts,
    addContact,
    associateMembers: (contactId, members) => write('AssociateMembers', { ContactId: contactId, Members: members }),
    disassociateMembers: (contactId, members) => write('DisassociateMembers', { ContactId: contactId, Members: members }),
    updateContact: (contactId, changes) => write('UpdateMessageContact', { ContactId: contactId, ...changes }),
    deleteContact,
    sendEmailVerification: (contactId, email) => write('SendEmailVerificationForMessageContact', { ContactId: contactId, EmailAddress: email }),
    sendPhoneVerification: (contactId, phone) => write('SendPhoneVerificationForMessageContact', { ContactId: contactId, PhoneNumber: phone }),
    listVerifications: () =>
      listAll('ListMessageContactVerifications', 'ContactVerifications', (raw) => ({ contactId: String(raw.ContactId ?? ''), target: String(raw.Target ?? '') })),
  };
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

function requestIdOf(response: RawResponse): string | undefined {
  const id = response.body.RequestId;
  return typeof id === 'string' ? id : undefined;
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
  };
}
