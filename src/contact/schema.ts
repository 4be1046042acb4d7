/**
 * The contact as the API receives it, as a zod schema built on the rule table.
 * The validator runs it on normalised sheet rows; the emulator runs it on request
 * parameters. Every issue carries the API's error code in `params.code`.
 */
import { z } from 'zod';
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

export interface ContactIssue {
  field: Field;
  code: string;
  detail: string;
}

function ruled<T>(check: (value: T) => RuleProblem[]) {
  return (value: T, ctx: z.RefinementCtx) => {
    for (const problem of check(value)) {
      ctx.addIssue({ code: 'custom', message: problem.detail, params: { code: problem.code } });
    }
  };
}

const optionalText = z.string().optional();
const optionalList = z.array(z.string()).optional();

function buildSchema(site: Site) {
  return z.object({
    Name: optionalText.superRefine(ruled((v: string | undefined) => checkName(v, site))),
    EmailAddress: optionalText.superRefine(ruled(checkEmail)),
    PhoneNumber: optionalText.superRefine(ruled(checkPhone)),
    Title: optionalText.superRefine(ruled(checkTitle)),
    MessageTypes: optionalList.superRefine(ruled(checkMessageTypes)),
    Members: optionalList.superRefine(ruled((v: string[] | undefined) => checkMembers(v ?? []))),
  });
}

const schemas: Record<Site, ReturnType<typeof buildSchema>> = { intl: buildSchema('intl'), cn: buildSchema('cn') };

export type ContactCheck = { ok: true; contact: ApiContact } | { ok: false; issues: ContactIssue[] };

/** Judge a contact exactly as AddMessageContact would; every problem, not just the first. */
export function checkContact(input: ApiContactInput, site: Site): ContactCheck {
  const result = schemas[site].safeParse(input);
  if (result.success) {
    const { Name, EmailAddress, PhoneNumber, Title, MessageTypes, Members } = result.data;
    return {
      ok: true,
      contact: {
        Name: Name!,
        EmailAddress: EmailAddress!,
        ...(PhoneNumber ? { PhoneNumber } : {}),
        Title: Title as Title,
        MessageTypes: MessageTypes as MessageType[],
        Members: Members ?? [],
      },
    };
  }
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      field: issue.path[0] as Field,
      code: (issue as { params?: { code?: string } }).params?.code ?? 'InvalidParameter',
      detail: issue.message,
    })),
  };
}
