/**
 * The directory as the importer sees it: the few operations it needs, in the
 * project's own words. The adapter (directory/adapter.ts) implements it over the
 * official client; the planner and the executor depend only on this.
 */
import type { ApiContact } from '../judge/schema.js';

/** A contact as ListMessageContacts returns it. */
export interface DirectoryContact {
  contactId: string;
  name: string;
  email: string;
  phone?: string;
  title: string;
  messageTypes: string[];
  members: string[];
  /** `Verifying`, `Active` or `Deleting`. */
  status: string;
  /** CreateDate as the API writes it (`yyyy-MM-dd HH:mm:ss`). */
  created?: string;
}

/** What a successful write tells the report. */
export interface CallReceipt {
  requestId?: string;
  /** Requests sent for this write, retries included. */
  attempts: number;
}

export interface CreatedContact extends CallReceipt {
  contactId: string;
  /**
   * An earlier try went unanswered and the lookup that followed found the
   * contact: it was created by that try, not by a second request.
   */
  confirmedByLookup: boolean;
}

/** The fields UpdateMessageContact changes; the others keep their values. */
export interface ContactChanges {
  EmailAddress?: string;
  PhoneNumber?: string;
  Title?: string;
  MessageTypes?: string[];
}

export interface DeletedContact extends CallReceipt {
  /** `deleted` once gone; `failed` when members could not drop it; `deleting` if still running when we stopped waiting. */
  outcome: 'deleted' | 'failed' | 'deleting';
  /** Member accounts where the removal failed, with the message types it kept. */
  failures: { accountId: string; messageTypes: string[] }[];
}

export interface PendingVerification {
  contactId: string;
  /** The email address or phone number waiting to be verified. */
  target: string;
}

export interface DirectoryApi {
  /** Every contact, all pages. */
  listContacts(): Promise<DirectoryContact[]>;
  /** AddMessageContact, never twice for one contact (docs/contract.md, Look up before re-sending). */
  addContact(contact: ApiContact): Promise<CreatedContact>;
  /** AssociateMembers: 1–5 member IDs per call. */
  associateMembers(contactId: string, members: string[]): Promise<CallReceipt>;
  sendEmailVerification(contactId: string, email: string): Promise<CallReceipt>;
  sendPhoneVerification(contactId: string, phone: string): Promise<CallReceipt>;
  /** UpdateMessageContact with only the fields that change. */
  updateContact(contactId: string, changes: ContactChanges): Promise<CallReceipt>;
  /** DisassociateMembers: 1–5 member IDs per call. */
  disassociateMembers(contactId: string, members: string[]): Promise<CallReceipt>;
  /** DeleteMessageContact, then GetMessageContactDeletionStatus until the deletion has ended. */
  deleteContact(contactId: string, retainInMembers: boolean): Promise<DeletedContact>;
  /** ListMessageContactVerifications, all pages. */
  listVerifications(): Promise<PendingVerification[]>;
}
