import { HEADER_ALIASES, FIELDS } from '../src/judge/fields.js';
import { InputError } from '../src/errors.js';
import { columnLetter, fieldForHeader, mapHeader } from '../src/read/header.js';

describe('header aliases', () => {
  const cases = FIELDS.flatMap((field) => [field, ...HEADER_ALIASES[field]].map((alias) => [alias, field] as const));

  it.each(cases)('"%s" → %s', (alias, field) => {
    expect(fieldForHeader(alias)).toBe(field);
  });

  it.each([
    ['E-Mail', 'EmailAddress'],
    ['EMAIL_ADDRESS', 'EmailAddress'],
    ['  Phone Number ', 'PhoneNumber'],
    ['message-types', 'MessageTypes'],
    ['Job_Title', 'Title'],
    ['ＮＡＭＥ', 'Name'],
    ['Bind To', 'Members'],
    ['手机 号码', 'PhoneNumber'],
  ])('ignores case, spaces, _ and -: "%s" → %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it.each(['Department', 'Email 2', 'Notes'])('"%s" maps to nothing', (header) => {
    expect(fieldForHeader(header)).toBeUndefined();
  });
});

describe('mapHeader', () => {
  it('maps columns and lists the ignored ones', () => {
    const mapping = mapHeader('s.csv', 1, ['姓名', 'Department', '邮箱', '职位', '消息类型', '', 'Notes']);
    expect(mapping.columns).toEqual({ Name: 0, EmailAddress: 2, Title: 3, MessageTypes: 4 });
    expect(mapping.ignored).toEqual(['Department', 'Notes']);
  });

  it('names the headers found when a required column is missing', () => {
    expect(() => mapHeader('s.csv', 1, ['Name', 'Email', 'Phone'])).toThrow(
      /s\.csv: row 1: no Title, MessageTypes column; the headers found are "Name", "Email", "Phone"/,
    );
  });

  it('refuses a row that maps nothing as no recognisable header', () => {
    const attempt = () => mapHeader('s.csv', 1, ['alice', 'alice@example.com']);
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(/no recognisable header row; row 1 reads "alice", "alice@example.com"/);
  });

  it('refuses two columns for one field', () => {
    expect(() => mapHeader('s.csv', 1, ['Name', 'Email', 'Mail', 'Title', 'Types'])).toThrow(
      /columns B \("Email"\) and C \("Mail"\) both mean EmailAddress/,
    );
  });
});

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%i → %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
  });
});
