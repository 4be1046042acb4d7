/**
 * From sheet cells to API values. Only unambiguous rewrites are made (a phone's
 * spacing, a title's case, a `mailto:` prefix), each leaving a note; anything that
 * would be a guess stays as written and the rule table refuses it.
 */
import { isOddCell, type Cell } from '../sheet/types.js';
import type { Field } from './fields.js';
import { checkName, MAINLAND_MOBILE, MESSAGE_TYPES, TITLES, type Site } from './rules.js';
import type { ApiContactInput } from './schema.js';
import { matchKey, suggestMessageType, suggestTitle } from './suggest.js';

export type RowCells = Partial<Record<Field, Cell>>;

/** A problem found while reading a cell, before the rule table sees it. */
export interface CellProblem {
  field: Field;
  code: string;
  detail: string;
}

export interface Normalised {
  input: ApiContactInput;
  notes: string[];
  /** Fields already judged here (a date where text belongs, a phone in scientific notation). */
  problems: CellProblem[];
  /** Suggested values for fields the rule table may refuse. */
  suggestions: Partial<Record<Field, string>>;
}

const titleByKey = new Map(TITLES.map((title) => [matchKey(title), title]));
const messageTypeByKey = new Map(MESSAGE_TYPES.map((type) => [matchKey(type), type]));

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
  let digits = text.replace(PHONE_PUNCTUATION, '');
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
    const countryCode = /^(1|7|[2-9]\d)/.exec(digits)?.[0] ?? digits.slice(0, 2);
    return `${countryCode}-${digits.slice(countryCode.length)}`;
  }
  return text;
}

function oddCellDetail(cell: Exclude<Cell, string>): string {
  return cell.kind === 'date'
    ? `holds a date (${cell.shown}), not text; format the column as Text and type the value again`
    : `holds the spreadsheet error ${cell.shown}; fix the formula or type the value`;
}

const CODE_FOR_ODD_CELL: Record<Field, string> = {
  Name: 'InvalidParameter.Name',
  EmailAddress: 'InvalidParameter.EmailAddress',
  PhoneNumber: 'InvalidParameter.PhoneNumber',
  Title: 'InvalidParameter.Title',
  MessageTypes: 'InvalidParameter.MessageTypes',
  Members: 'InvalidParameter.Members',
};

export function normaliseRow(cells: RowCells, site: Site): Normalised {
  const notes: string[] = [];
  const problems: CellProblem[] = [];
  const suggestions: Partial<Record<Field, string>> = {};
  const text: Partial<Record<Field, string>> = {};

  for (const [field, cell] of Object.entries(cells) as [Field, Cell | undefined][]) {
    if (isOddCell(cell)) problems.push({ field, code: CODE_FOR_ODD_CELL[field], detail: oddCellDetail(cell) });
    else if (cell !== undefined) text[field] = cell.trim();
  }

  const input: ApiContactInput = {};

  if (text.Name !== undefined) {
    input.Name = text.Name;
    const letters = site === 'cn' ? /[^A-Za-z\p{Script=Han}]/gu : /[^A-Za-z]/g;
    const stripped = text.Name.normalize('NFKC').replace(letters, '');
    if (stripped !== text.Name && checkName(stripped, site).length === 0) suggestions.Name = stripped;
  }

  if (text.EmailAddress !== undefined) {
    let email = text.EmailAddress;
    if (/^mailto:/i.test(email)) {
      email = email.slice('mailto:'.length).split('?')[0]!.trim();
      notes.push(`EmailAddress: "mailto:" prefix dropped`);
    }
    input.EmailAddress = email;
  }

  if (text.PhoneNumber !== undefined && text.PhoneNumber !== '') {
    const written = text.PhoneNumber;
    if (SCIENTIFIC.test(written)) {
      problems.push({
        field: 'PhoneNumber',
        code: 'InvalidParameter.PhoneNumber',
        detail: `"${written}" is a number in scientific notation, so digits are already lost; format the column as Text and type the full number`,
      });
    } else {
      const phone = normalisePhone(written);
      if (phone !== written && MAINLAND_MOBILE.test(phone.slice(3))) {
        notes.push(`PhoneNumber: "${written}" written as "${phone}"`);
      }
      input.PhoneNumber = phone;
    }
  }

  if (text.Title !== undefined) {
    const title = titleByKey.get(matchKey(text.Title));
    if (title) {
      if (title !== text.Title) notes.push(`Title: "${text.Title}" written as "${title}"`);
      input.Title = title;
    } else {
      input.Title = text.Title;
      const suggestion = suggestTitle(text.Title);
      if (suggestion) suggestions.Title = suggestion;
    }
  }

  if (text.MessageTypes !== undefined) {
    const items = splitList(text.MessageTypes);
    const types: string[] = [];
    const suggested: string[] = [];
    let everyUnknownHasSuggestion = true;
    for (const item of items) {
      const type = messageTypeByKey.get(matchKey(item));
      if (type && type !== item) notes.push(`MessageTypes: "${item}" written as "${type}"`);
      const value = type ?? item;
      const suggestion = type ?? suggestMessageType(item);
      if (!suggestion) everyUnknownHasSuggestion = false;
      if (types.includes(value)) {
        notes.push(`MessageTypes: "${value}" repeated; sent once`);
        continue;
      }
      types.push(value);
      if (suggestion && !suggested.includes(suggestion)) suggested.push(suggestion);
    }
    input.MessageTypes = types;
    if (everyUnknownHasSuggestion && suggested.join() !== types.join()) suggestions.MessageTypes = suggested.join(',');
  }

  if (text.Members !== undefined) {
    const members: string[] = [];
    for (const id of splitList(text.Members)) {
      if (members.includes(id)) notes.push(`Members: "${id}" repeated; bound once`);
      else members.push(id);
    }
    input.Members = members;
  }

  return { input, notes, problems, suggestions };
}
