/**
 * The rule table: how the AddMessageContact API judges each parameter
 * (ResourceDirectoryMaster 2022-04-19, see docs/api.md).
 *
 * It judges values in their API form ("86-13912345678", "TechnicalDirector").
 * The validator normalises sheet cells into that form first and then asks these
 * same functions; the emulator asks them about the parameters it receives. One
 * table, so the dry run and the service cannot drift apart.
 */
import type { Language } from '../i18n/language.js';
import { currentLanguage, sayIn } from '../i18n/text.js';
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

/**
 * One broken rule: the API's own error code and a plain explanation. The
 * explanation is in the run's language by default; the emulator asks for
 * English, since the service answers in its own words whoever calls it.
 */
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

/** Values quoted one by one in a list: `"a", "b"` in English, `“a”、“b”` in Chinese. */
export function quotedList(values: readonly string[], language: Language): string {
  return language === 'zh-CN' ? values.map((v) => `“${v}”`).join('、') : values.map((v) => `"${v}"`).join(', ');
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

export function checkName(name: string | undefined, site: Site, language: Language = currentLanguage()): RuleProblem[] {
  if (name === undefined || name === '') {
    return [{ code: 'MissingParameter.Name', detail: sayIn(language, 'judge.name.missing') }];
  }
  const problems: RuleProblem[] = [];
  const length = characterCount(name);
  if (length < LIMITS.nameMinLength || length > LIMITS.nameMaxLength) {
    problems.push({
      code: 'InvalidParameter.Name.Length',
      detail: sayIn(language, 'judge.name.length', { name, count: length, min: LIMITS.nameMinLength, max: LIMITS.nameMaxLength }),
    });
  }
  const allowed = site === 'cn' ? LETTERS_OR_HAN : LETTERS_ONLY;
  if (!allowed.test(name)) {
    problems.push({
      code: 'InvalidParameter.Name',
      detail: sayIn(
        language,
        site === 'cn' ? 'judge.name.lettersOrHan' : HAN.test(name) ? 'judge.name.hanOnIntl' : 'judge.name.letters',
        { name },
      ),
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

export function checkEmail(email: string | undefined, language: Language = currentLanguage()): RuleProblem[] {
  if (email === undefined || email === '') {
    return [{ code: 'MissingParameter.EmailAddress', detail: sayIn(language, 'judge.email.missing') }];
  }
  const problems: RuleProblem[] = [];
  if (email.length > LIMITS.emailMaxLength) {
    problems.push({
      code: 'InvalidParameter.EmailAddress.Length',
      detail: sayIn(language, 'judge.email.tooLong', { length: email.length, max: LIMITS.emailMaxLength }),
    });
  }
  if (!EMAIL.test(email)) {
    problems.push({ code: 'InvalidParameter.EmailAddress', ...quoting('email', email, (shown) => notAnAddress(email, shown, language)) });
  }
  return problems;
}

/** Why `email` is no address, quoting it as `shown`: the character that cannot be in one when one says it all, else only that the shape is wrong. */
function notAnAddress(email: string, shown: string, language: Language): string {
  const odd = NOT_IN_ADDRESS.exec(email)?.[0];
  if (odd !== undefined && odd.trim() === '') return sayIn(language, 'judge.email.invalidSpace', { value: shown });
  if (odd !== undefined) return sayIn(language, 'judge.email.invalidCharacter', { value: shown, character: odd });
  if (/^[+-]/.test(email)) return sayIn(language, 'judge.email.invalidStart', { value: shown, character: email[0]! });
  return sayIn(language, 'judge.email.invalid', { value: shown });
}

export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
const API_PHONE = /^(\d{1,4})-(\d+)$/;

/** PhoneNumber is optional; when given it is `<country code>-<number>`, and only 86 mainland mobiles are accepted. */
export function checkPhone(phone: string | undefined, language: Language = currentLanguage()): RuleProblem[] {
  if (phone === undefined || phone === '') return [];
  const match = API_PHONE.exec(phone);
  if (!match) {
    return [
      {
        code: 'InvalidParameter.PhoneNumber',
        ...quoting('phone', phone, (shown) => sayIn(language, 'judge.phone.shape', { value: shown })),
      },
    ];
  }
  const [, countryCode, number] = match;
  if (countryCode !== '86') {
    return [
      {
        code: 'InvalidParameter.MobileCountryCode',
        detail: sayIn(language, 'judge.phone.countryCode', { code: countryCode! }),
      },
    ];
  }
  if (!MAINLAND_MOBILE.test(number!)) {
    return [
      {
        code: 'InvalidParameter.PhoneNumber',
        ...quoting('phone', number!, (shown) => sayIn(language, 'judge.phone.mainland', { value: shown })),
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

export function checkTitle(title: string | undefined, language: Language = currentLanguage()): RuleProblem[] {
  if (title === undefined || title === '') {
    return [{ code: 'MissingParameter.Title', detail: sayIn(language, 'judge.title.missing') }];
  }
  if (!isTitle(title)) {
    return [{ code: 'InvalidParameter.Title', detail: sayIn(language, 'judge.title.unknown', { title, titles: TITLES.join(', ') }) }];
  }
  return [];
}

export function isMessageType(value: string): value is MessageType {
  return MESSAGE_TYPE_SET.has(value);
}

export function checkMessageTypes(types: readonly string[] | undefined, language: Language = currentLanguage()): RuleProblem[] {
  if (types === undefined || types.length === 0) {
    return [{ code: 'MissingParameter.MessageTypes', detail: sayIn(language, 'judge.messageTypes.missing') }];
  }
  if (types.every(isMessageType)) return [];
  const unknown = types.filter((type) => !isMessageType(type));
  return [
    {
      code: 'InvalidParameter.MessageTypes',
      detail: sayIn(language, unknown.length === 1 ? 'judge.messageTypes.unknownOne' : 'judge.messageTypes.unknownMany', {
        types: quotedList(unknown, language),
        known: MESSAGE_TYPES.join(', '),
      }),
    },
  ];
}

/** A resource directory (rd-…), its root folder (r-…), a folder (fd-…) or a numeric member account ID. */
const MEMBER_ID = /^(?:(?:rd|r|fd)-[A-Za-z0-9]+|\d+)$/;

export function isMemberId(id: string): boolean {
  return MEMBER_ID.test(id);
}

/** The Members a contact is bound to (checked as AssociateMembers would, over all of them). */
export function checkMembers(members: readonly string[], language: Language = currentLanguage()): RuleProblem[] {
  if (members.length === 0) return [];
  const problems: RuleProblem[] = [];
  const malformed = members.filter((id) => !isMemberId(id));
  if (malformed.length > 0) {
    problems.push({
      code: 'InvalidParameter.Members',
      detail: sayIn(language, malformed.length === 1 ? 'judge.members.malformedOne' : 'judge.members.malformedMany', { ids: quotedList(malformed, language) }),
    });
  }
  if (members.length > LIMITS.membersPerContact) {
    problems.push({
      code: 'LimitExceeded.ContactMembers',
      detail: sayIn(language, 'judge.members.tooMany', { count: members.length, max: LIMITS.membersPerContact }),
    });
  }
  return problems;
}
