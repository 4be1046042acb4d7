import { countryCallingCode } from '../src/judge/country-codes.js';
import { normalisePhone } from '../src/judge/normalise.js';

describe('country calling codes', () => {
  it.each([
    ['14155550100', '1'],
    ['79123456789', '7'],
    ['447700900123', '44'],
    ['819012345678', '81'],
    ['6581234567', '65'],
    ['61412345678', '61'],
    ['8613912345678', '86'],
    ['85291234567', '852'],
    ['85366123456', '853'],
    ['886912345678', '886'],
    ['380501234567', '380'],
    ['35312345678', '353'],
    ['2120612345678', '212'],
  ])('%s starts with country code %s', (digits, code) => {
    expect(countryCallingCode(digits)).toBe(code);
  });

  it.each([
    ['+852 9123 4567', '852-91234567'],
    ['00886 912 345 678', '886-912345678'],
    ['+1 (415) 555-0100', '1-4155550100'],
    ['+44 7700 900123', '44-7700900123'],
    ['+86 139 1234 5678', '86-13912345678'],
  ])('normalisePhone(%j) splits at the real country code: %s', (written, api) => {
    expect(normalisePhone(written)).toBe(api);
  });
});
