/**
 * From sheet cells to API values. Only unambiguous rewrites are made (a phone's
 * spacing, a title's case, a `mailto:` prefix), each leaving a note; anything that
 * would be a guess stays as written and the rule table refuses it.
 */
import { say } from '../i18n/text.js';
import { isOddCell, type Cell } from '../read/types.js';
import { countryCallingCode } from './country-codes.js';
import type { Field } from './fields.js';
import { checkEmail, checkName, MAINLAND_MOBILE, MESSAGE_TYPES, quoting, TITLES, type RuleProblem, type Site } from './rules.js';
import type { ApiContactInput } from './schema.js';
import { matchKey, suggestMessageType, suggestTitle } from './suggest.js';

export type RowCells = Partial<Record<Field, Cell>>;

/** A problem found while reading a cell, before the rule table sees it. */
export interface CellProblem extends RuleProblem {
  field: Field;
}

export interface Normalised {
  input: ApiContactInput;
  notes: string[];
  /** Fields already judged here (a date where text belongs, a phone in scientific notation). */
  problems: CellProblem[];
  /** Suggested values for fields the rule table may refuse. */
  suggestions: Partial<Record<Field, string>>;
  /**
   * Suggestions that are the one obvious fix, not a guess: spaces taken out of a
   * name, an address cut out of `Ann <ann@example.com>`. `validate --write-fixed`
   * applies these and nothing else.
   */
  fixes: ReadonlySet<Field>;
}

const titleByKey = new Map(TITLES.map((title) => [matchKey(title), title]));
const messageTypeByKey = new Map(MESSAGE_TYPES.map((type) => [matchKey(type), type]));
/** Names as the API takes them, which need no suggestion. */
const WRITTEN_RIGHT: Record<Site, RegExp> = { intl: /^[A-Za-z]*$/, cn: /^[A-Za-z\p{Script=Han}]*$/u };

/** List cells (MessageTypes, Members) are separated by `,` `;` `|` or new lines (full-width forms too). */
export function splitList(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[,;|\r\n、]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$/;
const PHONE_PUNCTUATION = /[\s().\-\u00a0]/g;

/** `+86 139 1234 5678`, `8613912345678`, `0086…` and `13912345678` all mean `86-13912345678`. */
export function normalisePhone(text: string): string {
  if (/^\d{1,4}-\d+$/.test(text)) return text;
  // Full-width digits (１３９…) are digits; a tel: link is its number. A leading ' marks text in a
  // spreadsheet: CSV copies (ours too) write '+86… so that no spreadsheet reads a formula there.
  let digits = text.normalize('NFKC').replace(/^(?:tel:|')/i, '').replace(PHONE_PUNCTUATION, '');
  let international = false;
  if (digits.startsWith('+')) {
    digits = digits.slice(1);
    international = true;
  } else if (digits.startsWith('00')) {
    digits = digits.slice(2);
    international = true;
  }
  if (!/^\d+$/.test(digits)) return text;
  if (!international && MAINLAND_MOBILE.test(digits)) return `86-${digits}`;
  if (digits.startsWith('86') && MAINLAND_MOBILE.test(digits.slice(2))) return `86-${digits.slice(2)}`;
  if (international) {
    // Another country: keep the digits and let the rule table name the country code.
    const countryCode = countryCallingCode(digits);
    return `${countryCode}-${digits.slice(countryCode.length)}`;
  }
  return text;
}

/** Each kind of odd cell's message: without the cell's reference, and with it (`At`). */
const ODD_CELL_KEYS = {
  date: ['judge.cell.date', 'judge.cell.dateAt'],
  error: ['judge.cell.error', 'judge.cell.errorAt'],
  'error-text': ['judge.cell.errorText', 'judge.cell.errorTextAt'],
  uncalculated: ['judge.cell.uncalculated', 'judge.cell.uncalculatedAt'],
  merged: ['judge.cell.merged', 'judge.cell.mergedAt'],
} as const satisfies Record<Exclude<Cell, string>['kind'], readonly [string, string]>;

function oddCellDetail(cell: Exclude<Cell, string>): string {
  const [somewhere, at] = ODD_CELL_KEYS[cell.kind];
  return cell.ref === undefined ? say(somewhere, { shown: cell.shown }) : say(at, { ref: cell.ref, shown: cell.shown });
}

const CODE_FOR_ODD_CELL: Record<Field, string> = {
  Name: 'InvalidParameter.Name',
  EmailAddress: 'InvalidParameter.EmailAddress',
  PhoneNumber: 'InvalidParameter.PhoneNumber',
  Title: 'InvalidParameter.Title',
  MessageTypes: 'InvalidParameter.MessageTypes',
  Members: 'InvalidParameter.Members',
};

/** A row being normalised: each field's reader adds its value, notes, problems and suggestions. */
type Draft = Normalised & { fixes: Set<Field> };

export function normaliseRow(cells: RowCells, site: Site): Normalised {
  const row: Draft = { input: {}, notes: [], problems: [], suggestions: {}, fixes: new Set<Field>() };
  const text = cellTexts(cells, row.problems);
  if (text.Name !== undefined) addName(row, text.Name, site);
  if (text.EmailAddress !== undefined) addEmail(row, text.EmailAddress);
  if (text.PhoneNumber !== undefined && text.PhoneNumber !== '') addPhone(row, text.PhoneNumber);
  if (text.Title !== undefined) addTitle(row, text.Title);
  if (text.MessageTypes !== undefined) addMessageTypes(row, text.MessageTypes);
  if (text.Members !== undefined) addMembers(row, text.Members);
  return row;
}

/** Each text cell trimmed; a date, an error or a merged cell where text belongs is a problem instead. */
function cellTexts(cells: RowCells, problems: CellProblem[]): Partial<Record<Field, string>> {
  const text: Partial<Record<Field, string>> = {};
  for (const field in cells) {
    const cell = cells[field as Field];
    if (isOddCell(cell)) problems.push({ field: field as Field, code: CODE_FOR_ODD_CELL[field as Field], detail: oddCellDetail(cell) });
    else if (cell !== undefined) text[field as Field] = cell.trim();
  }
  return text;
}

function addName(row: Draft, name: string, site: Site): void {
  row.input.Name = name;
  // A name of letters only is as the API wants it; any other may hide one obvious name.
  if (WRITTEN_RIGHT[site].test(name)) return;
  const letters = site === 'cn' ? /[^A-Za-z\p{Script=Han}]/gu : /[^A-Za-z]/g;
  const folded = name.normalize('NFKC');
  const stripped = folded.replace(letters, '');
  if (stripped !== name && checkName(stripped, site).length === 0) {
    row.suggestions.Name = stripped;
    // Only spaces and the punctuation of written names went: nothing else can have been meant.
    if (folded.replace(NAME_PUNCTUATION, '') === stripped) row.fixes.add('Name');
  }
}

function addEmail(row: Draft, written: string): void {
  let email = written;
  if (/^mailto:/i.test(email)) {
    email = email.slice('mailto:'.length).split('?')[0]!.trim();
    row.notes.push(say('judge.note.mailto'));
  }
  row.input.EmailAddress = email;
  const fixed = fixEmail(email);
  if (fixed !== undefined) {
    row.suggestions.EmailAddress = fixed;
    row.fixes.add('EmailAddress');
  }
}

function addPhone(row: Draft, written: string): void {
  if (SCIENTIFIC.test(written)) {
    row.problems.push({
      field: 'PhoneNumber',
      code: 'InvalidParameter.PhoneNumber',
      ...quoting('phone', written, (shown) => say('judge.phone.scientific', { value: shown })),
    });
    return;
  }
  const phone = normalisePhone(written);
  if (phone !== written && MAINLAND_MOBILE.test(phone.slice(3))) {
    row.notes.push(say('judge.note.phoneRewritten', { written, phone }));
  }
  row.input.PhoneNumber = phone;
}

function addTitle(row: Draft, written: string): void {
  const title = titleByKey.get(matchKey(written));
  if (title) {
    if (title !== written) row.notes.push(say('judge.note.titleRewritten', { written, title }));
    row.input.Title = title;
    return;
  }
  row.input.Title = written;
  const suggestion = suggestTitle(written);
  if (suggestion) row.suggestions.Title = suggestion;
}

function addMessageTypes(row: Draft, written: string): void {
  const read = readMessageTypes(written);
  row.input.MessageTypes = read.types;
  row.notes.push(...read.notes);
  if (read.suggestion !== undefined) {
    row.suggestions.MessageTypes = read.suggestion;
    if (read.fix) row.fixes.add('MessageTypes');
  }
}

function addMembers(row: Draft, written: string): void {
  const members: string[] = [];
  for (const id of splitList(written)) {
    if (members.includes(id)) row.notes.push(say('judge.note.memberRepeated', { id }));
    else members.push(id);
  }
  row.input.Members = members;
}

/** A MessageTypes cell read: the types to send, notes on rewrites, and what to suggest if some are unknown. */
interface ReadMessageTypes {
  types: string[];
  notes: string[];
  suggestion?: string;
  /** The suggestion is the one obvious fix (`Service` for ServiceMessage), not a guess. */
  fix: boolean;
}

function readMessageTypes(text: string): ReadMessageTypes {
  const types: string[] = [];
  const notes: string[] = [];
  const suggested: string[] = [];
  let anyUnknown = false;
  let everyUnknownHasSuggestion = true;
  let everyUnknownIsFix = true;
  for (const item of splitList(text)) {
    const key = matchKey(item);
    const type = messageTypeByKey.get(key);
    if (!type) anyUnknown = true;
    if (type && type !== item) notes.push(say('judge.note.messageTypeRewritten', { written: item, type }));
    const value = type ?? item;
    // "Service" is ServiceMessage with its suffix left off; "billing" → AccountExpenses is a guess.
    const fix = type ?? messageTypeByKey.get(`${key}message`);
    const suggestion = fix ?? suggestMessageType(item);
    if (!suggestion) everyUnknownHasSuggestion = false;
    if (!fix) everyUnknownIsFix = false;
    if (types.includes(value)) {
      notes.push(say('judge.note.messageTypeRepeated', { type: value }));
      continue;
    }
    types.push(value);
    if (suggestion && !suggested.includes(suggestion)) suggested.push(suggestion);
  }
  // Every item a message type (most cells): what is sent is what would be suggested.
  const suggest = anyUnknown && everyUnknownHasSuggestion && suggested.join() !== types.join();
  return { types, notes, ...(suggest ? { suggestion: suggested.join(',') } : {}), fix: suggest && everyUnknownIsFix };
}

/** Spaces, dots, apostrophes, hyphens and middle dots: how names are written, never part of one the API takes. */
const NAME_PUNCTUATION = /[\s.'\u2019\-\u00b7\u30fb]/gu;

/**
 * The address in `Ann <ann@example.com>`, `ann @example.com`, `ann＠example.com`
 * or `ann@example.com;`, when taking out what cannot be part of it leaves a valid
 * one; undefined when the address is valid already or no such fix exists.
 */
export function fixEmail(email: string): string | undefined {
  if (checkEmail(email).length === 0) return undefined;
  let fixed = email.normalize('NFKC');
  const bracketed = /<([^<>]*)>/.exec(fixed);
  if (bracketed) fixed = bracketed[1]!;
  fixed = fixed.replace(/\s+/g, '').replace(/^[.,;:'"]+|[.,;:'"]+$/g, '');
  return fixed !== email && checkEmail(fixed).length === 0 ? fixed : undefined;
}
