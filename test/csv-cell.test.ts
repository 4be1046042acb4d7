import { csvCell, csvLine } from '../src/report/csv-cell.js';

describe('formula-safe CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+86 139', "'+86 139"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tleading tab', "'\tleading tab"],
    ['\rleading cr', `"'\rleading cr"`],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['86-13912345678', '86-13912345678'],
  ])('%j → %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes numbers and blanks', () => {
    expect(csvLine([2, undefined, 'x'])).toBe('2,,x\r\n');
  });
});
