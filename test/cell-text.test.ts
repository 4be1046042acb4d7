import type { CellValue } from 'exceljs';
import { cellToText, mailtoAddress, numberToText } from '../src/sheet/cell-text.js';
import type { Cell } from '../src/sheet/types.js';

/** exceljs's types demand fields (date1904…) that real cell values do not always carry. */
const value = (v: unknown): CellValue => v as CellValue;
const utc = (...parts: [number, number, number, number?, number?, number?, number?]) =>
  new Date(Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3] ?? 0, parts[4] ?? 0, parts[5] ?? 0, parts[6] ?? 0));

const cases: [string, CellValue, Cell][] = [
  ['null', null, ''],
  ['undefined', undefined, ''],
  ['a string, as is', '  Alice Wang ', '  Alice Wang '],
  ['Chinese text', '张伟', '张伟'],
  ['an empty string', '', ''],

  ['a mobile number: the exact digits', 13912345678, '13912345678'],
  ['a mobile with country code', 8613912345678, '8613912345678'],
  ['an account id', 1234567890123456, '1234567890123456'],
  ['zero', 0, '0'],
  ['negative zero', -0, '0'],
  ['a negative integer', -42, '-42'],
  ['a decimal', 3.14, '3.14'],
  ['0.1', 0.1, '0.1'],
  ['a small decimal, without exponent', 1.5e-7, '0.00000015'],
  ['a small negative decimal', -2.5e-7, '-0.00000025'],
  ['1e20 (String has no exponent yet)', 1e20, '100000000000000000000'],
  ['1e21, in full digits', 1e21, '1000000000000000000000'],
  ['a big number, significant digits then zeros', 1.2345e25, '12345000000000000000000000'],
  ['a big negative number', -4.5e22, '-45000000000000000000000'],
  ['NaN (an empty <v>)', Number.NaN, ''],

  ['true', true, 'TRUE'],
  ['false', false, 'FALSE'],

  ['rich text: runs joined', value({ richText: [{ text: '张', font: { bold: true } }, { text: '伟' }] }), '张伟'],
  ['rich text without runs', value({ richText: [] }), ''],
  ['rich text with a run without text', value({ richText: [{ font: {} }, { text: 'x' }] }), 'x'],

  ['hyperlink: the shown text', value({ text: 'alice@example.com', hyperlink: 'mailto:alice@example.com' }), 'alice@example.com'],
  ['hyperlink: shown text wins over the target', value({ text: 'Alice', hyperlink: 'mailto:alice@example.com' }), 'Alice'],
  ['hyperlink with empty text: the mailto address', value({ text: '', hyperlink: 'mailto:bob@example.com' }), 'bob@example.com'],
  ['hyperlink with empty text: query dropped', value({ text: '', hyperlink: 'mailto:bob@example.com?subject=Hi' }), 'bob@example.com'],
  ['hyperlink with blank text: MAILTO and %40', value({ text: ' ', hyperlink: 'MAILTO:carol%40example.com' }), 'carol@example.com'],
  ['hyperlink with empty text, not mailto', value({ text: '', hyperlink: 'https://example.com' }), ''],
  ['hyperlink with rich text', value({ text: { richText: [{ text: 'Dan' }] }, hyperlink: 'mailto:dan@example.com' }), 'Dan'],
  ['hyperlink without text', value({ hyperlink: 'mailto:eve@example.com' }), 'eve@example.com'],

  ['formula: its cached text', value({ formula: 'A1&B1', result: '张伟' }), '张伟'],
  ['formula: its cached number, exact digits', value({ formula: 'A1', result: 13912345678 }), '13912345678'],
  ['formula: its cached boolean', value({ formula: 'TRUE()', result: true }), 'TRUE'],
  ['formula without a result', value({ formula: 'A1' }), ''],
  ['formula with an undefined result', value({ formula: 'A1', result: undefined }), ''],
  ['shared formula: its cached result', value({ sharedFormula: 'A2', result: 'x' }), 'x'],
  ['formula with an error result', value({ formula: 'NA()', result: { error: '#N/A' } }), { kind: 'error', shown: '#N/A' }],
  ['formula with a date result', value({ formula: 'TODAY()', result: utc(2024, 3, 1) }), { kind: 'date', shown: '2024-03-01' }],

  ['an error value', value({ error: '#N/A' }), { kind: 'error', shown: '#N/A' }],
  ['#REF!', value({ error: '#REF!' }), { kind: 'error', shown: '#REF!' }],

  ['a date', utc(2024, 1, 15), { kind: 'date', shown: '2024-01-15' }],
  ['a date with a time', utc(2024, 1, 15, 9, 30), { kind: 'date', shown: '2024-01-15 09:30' }],
  ['a date with seconds', utc(2024, 1, 15, 9, 30, 5), { kind: 'date', shown: '2024-01-15 09:30:05' }],
  ['a date with float noise', utc(2024, 1, 15, 9, 29, 59, 999), { kind: 'date', shown: '2024-01-15 09:30' }],
  ['an old date', utc(900, 12, 31), { kind: 'date', shown: '0900-12-31' }],
  ['an invalid date', new Date(Number.NaN), { kind: 'date', shown: 'an invalid date' }],

  ['an unknown object with a text', value({ text: 'x', other: 1 }), 'x'],
  ['an unknown object', value({ sharedString: 3 }), ''],
];

describe('cellToText', () => {
  test.each(cases)('%s', (_label, input, expected) => {
    expect(cellToText(input)).toEqual(expected);
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
