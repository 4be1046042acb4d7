/**
 * A contact's values as the report records them for `undo` (`previous`, `after`):
 * made from the directory's contact or from what a row sends, compared field by
 * field. Pure.
 */
import type { ApiContact } from '../judge/schema.js';
import type { MessageType, Title } from '../judge/rules.js';
import type { ContactChanges, DirectoryContact } from '../directory/port.js';
import type { ContactValues } from '../report/types.js';

/** The fields compared, in the order a note names them. */
export const VALUE_FIELDS = ['name', 'email', 'phone', 'title', 'messageTypes', 'members'] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

export function valuesOf(contact: DirectoryContact): ContactValues {
  return {
    name: contact.name,
    email: contact.email,
    phone: contact.phone ?? null,
    title: contact.title,
    messageTypes: [...contact.messageTypes],
    members: [...contact.members],
  };
}

/** What an add leaves: the contact sent, bound to its members. */
export function valuesAdded(contact: ApiContact): ContactValues {
  return {
    name: contact.Name,
    email: contact.EmailAddress,
    phone: contact.PhoneNumber ?? null,
    title: contact.Title,
    messageTypes: [...contact.MessageTypes],
    members: [...contact.Members],
  };
}

/** What an update leaves: the directory's contact with the changes sent and the members bound and unbound. */
export function valuesUpdated(existing: DirectoryContact, changes: ContactChanges, bind: readonly string[], unbind: readonly string[]): ContactValues {
  const before = valuesOf(existing);
  const unbound = new Set(unbind);
  return {
    ...before,
    email: changes.EmailAddress ?? before.email,
    phone: changes.PhoneNumber ?? before.phone,
    title: changes.Title ?? before.title,
    messageTypes: changes.MessageTypes ? [...changes.MessageTypes] : before.messageTypes,
    members: [...before.members.filter((m) => !unbound.has(m)), ...bind.filter((m) => !before.members.includes(m))],
  };
}

/** The fields where two contacts differ; lists compared as sets, names ignoring case (as the directory claims them). */
export function differingFields(a: ContactValues, b: ContactValues): ValueField[] {
  const sameList = (x: string[], y: string[]) => [...new Set(x)].sort().join('\n') === [...new Set(y)].sort().join('\n');
  return VALUE_FIELDS.filter((field) => {
    if (field === 'name') return a.name.toLowerCase() !== b.name.toLowerCase();
    if (field === 'messageTypes' || field === 'members') return !sameList(a[field], b[field]);
    return a[field] !== b[field];
  });
}

/** The contact to add again from recorded values. */
export function apiContactOf(values: ContactValues): ApiContact {
  return {
    Name: values.name,
    EmailAddress: values.email,
    ...(values.phone !== null ? { PhoneNumber: values.phone } : {}),
    Title: values.title as Title,
    MessageTypes: values.messageTypes as MessageType[],
    Members: [...values.members],
  };
}
