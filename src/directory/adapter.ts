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
import type { CallReceipt, CreatedContact, DirectoryApi, DirectoryContact } from './port.js';
import { withRetry, type RetryHooks, type RetryPolicy } from './retry.js';

/** ListMessageContacts pages: the largest page the API allows. */
const PAGE_SIZE = 100;

export interface AdapterOptions {
  retry: RetryPolicy;
  hooks?: RetryHooks;
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

  async function listContacts(): Promise<DirectoryContact[]> {
    const contacts: DirectoryContact[] = [];
    for (let page = 1; ; page++) {
      const { body } = await retried('ListMessageContacts', () => send('ListMessageContacts', { PageNumber: page, PageSize: PAGE_SIZE }));
      const found = (body.Contacts as Record<string, unknown>[] | undefined) ?? [];
      contacts.push(...found.map(toDirectoryContact));
      const total = Number(body.TotalCount ?? 0);
      if (found.length === 0 || contacts.length >= total) return contacts;
    }
  }

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

  return {
    listContacts,
    addContact,
    associateMembers: (contactId, members) => write('AssociateMembers', { ContactId: contactId, Members: members }),
    sendEmailVerification: (contactId, email) => write('SendEmailVerificationForMessageContact', { ContactId: contactId, EmailAddress: email }),
    sendPhoneVerification: (contactId, phone) => write('SendPhoneVerificationForMessageContact', { ContactId: contactId, PhoneNumber: phone }),
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
