/**
 * The rule table: how the AddMessageContact API judges each parameter
 * (ResourceDirectoryMaster 2022-04-19, see docs/api.md).
 *
 * It judges values in their API form ("86-13912345678", "TechnicalDirector").
 * The validator normalises sheet cells into that form first and then asks these
 * same functions; the emulator asks them about the parameters it receives. One
 * table, so the dry run and the service cannot drift apart.
 */
import { worded, type PersonalField } from '../pii.js';

export type Site = 'intl' | 'cn';

export const TITLES = [
  'FinanceDirector',
  'TechnicalDirector',
  'MaintenanceDirector',
  'CEO',
  'ProjectDirector',
  'Other',
] as const;
export type Title = (typeof TITLES)[number];

export const MESSAGE_TYPES = [
  'ServiceMessage',
  'FaultMessage',
  'AccountExpenses',
  'SecurityMessage',
  'ActivityMessage',
  'ProductMessage',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const LIMITS = {
  nameMinLength: 2,
  nameMaxLength: 12,
  /**
   * The API has an undocumented maximum behind InvalidParameter.EmailAddress.Length;
   * we use the longest address SMTP can carry (RFC 5321), so we never refuse one it could take.
   */
  emailMaxLength: 254,
  /** Targets (directory, folder, member) one contact can be bound to. */
  membersPerContact: 10,
  /** Member IDs per AssociateMembers / DisassociateMembers call. */
  membersPerCall: 5,
} as const;

/** One broken rule: the API's own error code and a plain explanation. */
export interface RuleProblem {
  code: string;
  detail: string;
  /** The detail with the email or phone it quotes masked, for the console (see pii.ts); absent when it quotes none. */
  masked?: string;
}

/** A detail that quotes an email or phone: worded in full for the report and masked for the console. */
export function quoting(field: PersonalField, value: string, build: (shown: string) => string): Pick<RuleProblem, 'detail' | 'masked'> {
  const { message, masked } = worded(field, value, build);
  return { detail: message, ...(masked !== undefined ? { masked } : {}) };
}

/** Count characters as people do (code points), not UTF-16 units: "张伟" is 2. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

const LETTERS_ONLY = /^[A-Za-z]+$/;
const LETTERS_OR_HAN = /^[A-Za-z\p{Script=Han}]+$/u;
const HAN = /\p{Script=Han}/u;

export function checkName(name: string | undefined, site: Site): RuleProblem[] {
  if (name === undefined || name === '') {
    return [{ code: 'MissingParameter.Name', detail: 'a name is required' }];
  }
  const problems: RuleProblem[] = [];
  const length = characterCount(name);
  if (length < LIMITS.nameMinLength || length > LIMITS.nameMaxLength) {
    problems.push({
      code: 'InvalidParameter.Name.Length',
      detail: `"${name}" has ${length} character${length === 1 ? '' : 's'}; a name must have ${LIMITS.nameMinLength}–${LIMITS.nameMaxLength}`,
    });
  }
  const allowed = site === 'cn' ? LETTERS_OR_HAN : LETTERS_ONLY;
  if (!allowed.test(name)) {
    problems.push({
      code: 'InvalidParameter.Name',
      detail:
        site === 'intl' && HAN.test(name)
          ? `"${name}" has Chinese characters, which only the China site accepts (--site cn); on the international site a name is letters A–Z only`
          : `"${name}" may contain only letters${site === 'cn' ? ' (A–Z) or Chinese characters' : ' A–Z'}, no spaces, digits or punctuation`,
    });
  }
  return problems;
}

/**
 * An address as mail systems hand them out: a local part of letters, digits and
 * `. _ % + -` (not starting with `+` or `-`), then a domain of letter/digit/hyphen
 * labels ending in a top-level domain of at least two letters. RFC 5322 allows
 * more (`'`, `|`, `=`, `!`, quoted strings), but no one gives out such an
 * address, the service has no reason to accept one, and they are how a sheet
 * smuggles a formula (`=cmd|'/Ccalc'!A0@example.com`) into the copies we write.
 */
const EMAIL =
  /^[A-Za-z0-9_%][A-Za-z0-9_%+-]*(?:\.[A-Za-z0-9_%+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/;
/** The first character no address can hold, to name it. */
const NOT_IN_ADDRESS = /[^A-Za-z0-9._%+@-]/u;

export function checkEmail(email: string | undefined): RuleProblem[] {
  if (email === undefined || email === '') {
    return [{ code: 'MissingParameter.EmailAddress', detail: 'an email address is required' }];
  }
  const problems: RuleProblem[] = [];
  if (email.length > LIMITS.emailMaxLength) {
    problems.push({
      code: 'InvalidParameter.EmailAddress.Length',
      detail: `the address has ${email.length} characters; at most ${LIMITS.emailMaxLength} are accepted`,
    });
  }
  if (!EMAIL.test(email)) {
    problems.push({ code: 'InvalidParameter.EmailAddress', ...quoting('email', email, (shown) => `"${shown}" is not a valid email address${whyNotAnAddress(email)}`) });
  }
  return problems;
}

/** `: "<" cannot be part of one`, when a character says it all; nothing otherwise (the shape is wrong). */
function whyNotAnAddress(email: string): string {
  const odd = NOT_IN_ADDRESS.exec(email)?.[0];
  if (odd !== undefined) return `: ${odd.trim() === '' ? 'a space' : `"${odd}"`} cannot be part of one`;
  return /^[+-]/.test(email) ? `: it cannot start with "${email[0]}"` : '';
}

export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
const API_PHONE = /^(\d{1,4})-(\d+)$/;

/** PhoneNumber is optional; when given it is `<country code>-<number>`, and only 86 mainland mobiles are accepted. */
export function checkPhone(phone: string | undefined): RuleProblem[] {
  if (phone === undefined || phone === '') return [];
  const match = API_PHONE.exec(phone);
  if (!match) {
    return [
      {
        code: 'InvalidParameter.PhoneNumber',
        ...quoting('phone', phone, (shown) => `"${shown}" is not a phone number written as 86-<11-digit mainland mobile>`),
      },
    ];
  }
  const [, countryCode, number] = match;
  if (countryCode !== '86') {
    return [
      {
        code: 'InvalidParameter.MobileCountryCode',
        detail: `country code ${countryCode} is not accepted; only mainland China mobiles (86-) are`,
      },
    ];
  }
  if (!MAINLAND_MOBILE.test(number!)) {
    return [
      {
        code: 'InvalidParameter.PhoneNumber',
        ...quoting('phone', number!, (shown) => `"${shown}" is not an 11-digit mainland China mobile number (1[3-9]xxxxxxxxx)`),
      },
    ];
  }
  return [];
}

const TITLE_SET: ReadonlySet<string> = new Set(TITLES);
const MESSAGE_TYPE_SET: ReadonlySet<string> = new Set(MESSAGE_TYPES);

export function isTitle(value: string | undefined): value is Title {
  return TITLE_SET.has(value ?? '');
}

export function checkTitle(title: string | undefined): RuleProblem[] {
  if (title === undefined || title === '') {
    return [{ code: 'MissingParameter.Title', detail: 'a title is required' }];
  }
  if (!isTitle(title)) {
    return [{ code: 'InvalidParameter.Title', detail: `"${title}" is not one of ${TITLES.join(', ')}` }];
  }
  return [];
}

export function isMessageType(value: string): value is MessageType {
  return MESSAGE_TYPE_SET.has(value);
}

export function checkMessageTypes(types: readonly string[] | undefined): RuleProblem[] {
  if (types === undefined || types.length === 0) {
    return [{ code: 'MissingParameter.MessageTypes', detail: 'at least one message type is required' }];
  }
  if (types.every(isMessageType)) return [];
  const unknown = types.filter((type) => !isMessageType(type));
  return [
    {
      code: 'InvalidParameter.MessageTypes',
      detail: `${unknown.map((t) => `"${t}"`).join(', ')} ${unknown.length === 1 ? 'is not a message type' : 'are not message types'}; use ${MESSAGE_TYPES.join(', ')}`,
    },
  ];
}

/** A resource directory (rd-…), its root folder (r-…), a folder (fd-…) or a numeric member account ID. */
const MEMBER_ID = /^(?:(?:rd|r|fd)-[A-Za-z0-9]+|\d+)$/;

export function isMemberId(id: string): boolean {
  return MEMBER_ID.test(id);
}

/** The Members a contact is bound to (checked as AssociateMembers would, over all of them). */
export function checkMembers(members: readonly string[]): RuleProblem[] {
  if (members.length === 0) return [];
  const problems: RuleProblem[] = [];
  const malformed = members.filter((id) => !isMemberId(id));
  if (malformed.length > 0) {
    problems.push({
      code: 'InvalidParameter.Members',
      detail: `${malformed.map((m) => `"${m}"`).join(', ')} ${malformed.length === 1 ? 'is not' : 'are not'} a directory (rd-…), folder (r-…, fd-…) or numeric account ID`,
    });
  }
  if (members.length > LIMITS.membersPerContact) {
    problems.push({
      code: 'LimitExceeded.ContactMembers',
      detail: `${members.length} targets given; a contact can be bound to at most ${LIMITS.membersPerContact}`,
    });
  }
  return problems;
}
