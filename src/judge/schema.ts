/**
 * The contact as the API receives it, judged by the rule table. The validator
 * runs it on normalised sheet rows; the emulator runs it on request parameters.
 * Every issue carries the API's error code.
 *
 * Plain calls to the rule functions, not a zod schema: this runs once per row,
 * a million times for a big sheet, and zod's object parsing with a refinement
 * per field cost about a tenth of a validate (and 200 modules of start-up).
 * zod still checks the mapping file (column-map.ts), loaded only with --map.
 */
import type { Language } from '../i18n/language.js';
import { currentLanguage } from '../i18n/text.js';
import type { Field } from './fields.js';
import {
  checkEmail,
  checkMembers,
  checkMessageTypes,
  checkName,
  checkPhone,
  checkTitle,
  type MessageType,
  type RuleProblem,
  type Site,
  type Title,
} from './rules.js';

export interface ApiContact {
  Name: string;
  EmailAddress: string;
  PhoneNumber?: string;
  Title: Title;
  MessageTypes: MessageType[];
  Members: string[];
}

/** A parameter as it arrives: text (or a list of texts), possibly missing. */
export interface ApiContactInput {
  Name?: string;
  EmailAddress?: string;
  PhoneNumber?: string;
  Title?: string;
  MessageTypes?: string[];
  Members?: string[];
}

export interface ContactIssue extends RuleProblem {
  field: Field;
}

export type ContactCheck = { ok: true; contact: ApiContact } | { ok: false; issues: ContactIssue[] };

/** Judge a contact exactly as AddMessageContact would; every problem, not just the first, explained in `language`. */
export function checkContact(input: ApiContactInput, site: Site, language: Language = currentLanguage()): ContactCheck {
  const { Name, EmailAddress, PhoneNumber, Title, MessageTypes, Members = [] } = input;
  const issues: ContactIssue[] = [];
  const add = (field: Field, problems: RuleProblem[]) => {
    for (const problem of problems) issues.push({ field, ...problem });
  };
  add('Name', checkName(Name, site, language));
  add('EmailAddress', checkEmail(EmailAddress, language));
  add('PhoneNumber', checkPhone(PhoneNumber, language));
  add('Title', checkTitle(Title, language));
  add('MessageTypes', checkMessageTypes(MessageTypes, language));
  add('Members', checkMembers(Members, language));
  if (issues.length > 0) return { ok: false, issues };
  // Two literals rather than adding PhoneNumber afterwards: its place among the keys is the one saved plans always had.
  const contact: ApiContact = PhoneNumber
    ? { Name: Name!, EmailAddress: EmailAddress!, PhoneNumber, Title: Title as Title, MessageTypes: MessageTypes as MessageType[], Members }
    : { Name: Name!, EmailAddress: EmailAddress!, Title: Title as Title, MessageTypes: MessageTypes as MessageType[], Members };
  return { ok: true, contact };
}
