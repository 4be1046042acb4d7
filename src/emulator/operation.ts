/**
 * What every emulated operation is: a function of its request parameters and
 * the directory, and the helpers they share to read parameters and find the
 * contact a request names.
 */
import type { Site } from '../judge/rules.js';
import { ApiError } from './errors.js';
import type { DirectoryState, StoredContact } from './state.js';

export type Params = Record<string, string>;
export type ResponseBody = Record<string, unknown>;

export interface OperationContext {
  state: DirectoryState;
  site: Site;
  contactLimit: number;
  /** Member IDs that exist in the directory; undefined: any well-formed ID does. */
  members?: ReadonlySet<string>;
  /** New and changed addresses count as verified at once. */
  autoVerify: boolean;
  /** How long an asynchronous deletion (RetainContactInMembers=false) takes. */
  deletionDelayMs: number;
  /** Verification messages the account may still send today. */
  verificationsLeft: { count: number };
  now: Date;
}

export type Operation = (params: Params, context: OperationContext) => ResponseBody;

/** Values of a flat array parameter (`Name.1`, `Name.2`, …), in order. */
export function listParam(params: Params, name: string): string[] | undefined {
  const values: string[] = [];
  for (let i = 1; params[`${name}.${i}`] !== undefined; i++) values.push(params[`${name}.${i}`]!);
  return values.length > 0 ? values : undefined;
}

export function required(params: Params, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') throw new ApiError(`MissingParameter.${name}`);
  return value;
}

const CONTACT_ID = /^c-[A-Za-z0-9]+$/;

export function findContact(context: OperationContext, contactId: string): StoredContact {
  if (!CONTACT_ID.test(contactId)) throw new ApiError('InvalidParameter.ContactId', `ContactId: ${contactId}`);
  const contact = context.state.get(contactId, context.now.getTime());
  if (!contact) throw new ApiError('EntityNotExists.Contact', `ContactId: ${contactId}`);
  return contact;
}

export function notDeleting(contact: StoredContact): void {
  if (contact.Status === 'Deleting') throw new ApiError('ContactStatusMismatchAction', `the contact is ${contact.Status}`);
}
