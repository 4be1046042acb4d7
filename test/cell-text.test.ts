import { cellText, exportedFormulaError, mailtoAddress, numberToText } from '../src/read/cell-text.js';
import { isDateFormat, type NumberFormat } from '../src/read/number-formats.js';
import type { Cell } from '../src/read/types.js';

const GENERAL: NumberFormat = { date: false };
const DATE: NumberFormat = { code: 'yyyy-mm-dd', date: true };
const SCIENTIFIC: NumberFormat = { code: '0.00E+00', date: false };

/** [label, t="…", what the cell stores, its number format, a 1904 workbook?, the text] */
const cases: [string, string | undefined, string, NumberFormat, boolean, Cell][] = [
  ['a string, as is', 'str', '  Alice Wang ', GENERAL, false, '  Alice Wang '],
  ['Chinese text', 'inlineStr', '张伟', GENERAL, false, '张伟'],
  ['an empty string', 's', '', GENERAL, false, ''],

  ['a mobile number: the exact digits', undefined, '13912345678', GENERAL, false, '13912345678'],
  ['a mobile with country code', 'n', '8613912345678', GENERAL, false, '8613912345678'],
  ['an account id', undefined, '1234567890123456', GENERAL, false, '1234567890123456'],
  ['zero', undefined, '0', GENERAL, false, '0'],
  ['negative zero', undefined, '-0', GENERAL, false, '0'],
  ['a negative integer', undefined, '-42', GENERAL, false, '-42'],
  ['a decimal', undefined, '3.14', GENERAL, false, '3.14'],
  ['0.1', undefined, '0.1', GENERAL, false, '0.1'],
  ['a small decimal, without exponent', undefined, '1.5E-7', GENERAL, false, '0.00000015'],
  ['a small negative decimal', undefined, '-2.5e-7', GENERAL, false, '-0.00000025'],
  ['1e20 (String has no exponent yet)', undefined, '1E+20', GENERAL, false, '100000000000000000000'],
  ['1e21, in full digits', undefined, '1E+21', GENERAL, false, '1000000000000000000000'],
  ['a big number, significant digits then zeros', undefined, '1.2345E+25', GENERAL, false, '12345000000000000000000000'],
  ['a big negative number', undefined, '-4.5E+22', GENERAL, false, '-45000000000000000000000'],
  ['an empty <v>', undefined, '', GENERAL, false, ''],
  ['a garbled <v>', undefined, '12abc', GENERAL, false, ''],
  ['a number in scientific format: the digits shown', undefined, '13912345678', SCIENTIFIC, false, '1.39E+10'],

  ['true', 'b', '1', GENERAL, false, 'TRUE'],
  ['false', 'b', '0', GENERAL, false, 'FALSE'],

  ['an error value', 'e', '#N/A', GENERAL, false, { kind: 'error', shown: '#N/A' }],
  ['#REF!', 'e', '#REF!', GENERAL, false, { kind: 'error', shown: '#REF!' }],

  ['a date', undefined, '45306', DATE, false, { kind: 'date', shown: '2024-01-15' }],
  ['a date with a time', undefined, '45306.395833333336', DATE, false, { kind: 'date', shown: '2024-01-15 09:30' }],
  ['a date with seconds', undefined, '45306.39589120370', DATE, false, { kind: 'date', shown: '2024-01-15 09:30:05' }],
  ['a date with float noise', undefined, '45306.39583332', DATE, false, { kind: 'date', shown: '2024-01-15 09:30' }],
  ['a date in a 1904 workbook', undefined, '43844', DATE, true, { kind: 'date', shown: '2024-01-15' }],
  ['an old date', undefined, '-365', DATE, false, { kind: 'date', shown: '1898-12-30' }],
  ['an ISO date (t="d")', 'd', '2024-01-15T09:30:00', GENERAL, false, { kind: 'date', shown: '2024-01-15 09:30' }],
  ['an ISO date that is not one', 'd', 'soon', GENERAL, false, { kind: 'date', shown: 'an invalid date' }],
];

describe('cellText', () => {
  test.each(cases)('%s', (_label, type, stored, format, date1904, expected) => {
    expect(cellText(type, stored, format, date1904)).toEqual(expected);
  });
});

describe('isDateFormat', () => {
  test.each([
    ['yyyy-mm-dd', true],
    ['YYYY/MM/DD', true],
    ['h:mm AM/PM', true],
    ['[$-804]yyyy"年"m"月"d"日"', true],
    ['General', false],
    ['0.00E+00', false],
    ['#,##0 "days"', false],
    ['[Red]0.00', false],
    ['@', false],
    ['0\\h', false],
  ])('%p → %p', (code, expected) => {
    expect(isDateFormat(code)).toBe(expected);
  });
});

describe('numberToText', () => {
  test.each([
    [13912345678, '13912345678'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
    [1.7976931348623157e308, `17976931348623157${'0'.repeat(292)}`],
    [5e-324, `0.${'0'.repeat(323)}5`],
    [Number.POSITIVE_INFINITY, ''],
  ])('%p → %p', (input, expected) => {
    expect(numberToText(input)).toBe(expected);
  });

  test('never writes an exponent, and reads back as the same number', () => {
    for (const n of [1e21, 1.5e-7, 123456789e15, 9.87654321e-10, -3e30, 2 ** 80, 1 / 3]) {
      const text = numberToText(n);
      expect(text).not.toMatch(/e/i);
      expect(Number(text)).toBe(n);
    }
  });
});

describe('mailtoAddress', () => {
  test.each([
    ['mailto:ann@example.com', 'ann@example.com'],
    ['mailto:ann@example.com?subject=Hi&body=x', 'ann@example.com'],
    ['  MailTo:ann@example.com#frag', 'ann@example.com'],
    ['mailto:ann%40example.com', 'ann@example.com'],
    ['mailto:100%-sure@example.com', '100%-sure@example.com'],
    ['mailto:', ''],
    ['https://example.com', undefined],
    ['ann@example.com', undefined],
    [undefined, undefined],
  ])('%p → %p', (input, expected) => {
    expect(mailtoAddress(input)).toBe(expected);
  });
});

describe('exportedFormulaError', () => {
  it.each(['#DIV/0!', '#N/A', '#REF!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', ' #N/A '])('%j is a formula error exported as text', (text) => {
    expect(exportedFormulaError(text)).toEqual({ kind: 'error-text', shown: text.trim() });
  });

  it.each(['', 'Ann', '#1 fan', '#n/a', 'N/A', '#DIV/0! and more', 'ann#x@example.com'])('%j is just text', (text) => {
    expect(exportedFormulaError(text)).toBeUndefined();
  });
});
