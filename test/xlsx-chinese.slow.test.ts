// Chinese text read whole from sheets large enough for the reader's chunk boundaries to cut characters.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadSheetCopy } from '../src/report/copy.js';
import { openXlsx } from '../src/read/xlsx.js';
import { XlsxZip } from '../src/read/xlsx-zip.js';
import { eachRow } from '../src/read/types.js';
import { inline, shared, sharedStringsPart, workbookParts, worksheetXml, zipParts } from './helpers/xlsx-parts.js';

/** Generous: exceljs is slow to load and to write on a busy CI machine. */
const SLOW = 240_000;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xlsx-chinese-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const SURNAMES = ['张', '王', '李', '赵', '欧阳', '司马', '诸葛', '上官', '𠮷', '刘', '陈', '杨', '慕容'];
const GIVEN = ['伟', '娜娜', '秀英', '建国', '子涵', '一鸣', '思远', '婷', '浩然', '雨桐', '𠮷祥', '晓明', '静怡'];
const TITLES = ['首席技术官', '财务总监', '运维总监', '项目经理', '高级工程师', '市场专员', '人力资源主管', '董事长助理'];

/** Row i of the Chinese sheet: a name, a title and a note. */
function chineseRow(i: number): [string, string, string] {
  const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}第${i}号`;
  const title = `${TITLES[i % TITLES.length]}（${SURNAMES[(i * 7) % SURNAMES.length]}组）`;
  return [name, title, `${name}的备注：负责华东区域客户关系，电话联系优先`];
}

const ROWS = 20_000;
const HEADER: [string, string, string] = ['姓名', '职位', '备注'];

/** How many times a boundary between the chunks the reader inflates falls inside a character (the next chunk starts with a continuation byte). */
async function charactersCut(file: string): Promise<number> {
  const zip = await XlsxZip.open(file, basename(file), 1e9);
  let cut = 0;
  for (const part of ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']) {
    let first = true;
    for await (const chunk of zip.chunks(part)) {
      if (!first && (chunk[0]! & 0xc0) === 0x80) cut++;
      first = false;
    }
  }
  return cut;
}

describe('Chinese text across zip chunk boundaries', () => {
  let written: string;
  let inPlace: string;

  beforeAll(async () => {
    // 1. exceljs's streaming writer: every other row through shared strings
    //    (sharedStrings.xml ≈ 1 MB), the others inline (t="str" and t="inlineStr").
    //    Its worksheets precede the shared strings.
    written = join(dir, 'chinese.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: written, useSharedStrings: true });
    workbook.created = workbook.modified = new Date(Date.UTC(2024, 0, 1)); // the same bytes every run
    const sheet = workbook.addWorksheet('通讯录');
    sheet.addRow(HEADER).commit();
    for (let i = 0; i < ROWS; i++) {
      const [name, title, note] = chineseRow(i);
      const viaSharedStrings = i % 2 === 0;
      (sheet as unknown as { useSharedStrings: boolean }).useSharedStrings = viaSharedStrings;
      sheet.addRow(viaSharedStrings ? [name, title, note] : [name, { richText: [{ text: title }] }, { richText: [{ text: note }] }]).commit();
    }
    sheet.commit();
    await workbook.commit();
    expect(readFileSync(written).length).toBeGreaterThan(100_000);

    // 2. Shared strings before the worksheet, as other writers store them.
    inPlace = join(dir, 'chinese-in-place.xlsx');
    const strings = [...HEADER];
    const rows = [`<row r="1">${shared('A1', 0)}${shared('B1', 1)}${shared('C1', 2)}</row>`];
    for (let i = 0; i < 4000; i++) {
      const [name, title, note] = chineseRow(i);
      strings.push(name);
      rows.push(`<row r="${i + 2}">${shared(`A${i + 2}`, strings.length - 1)}${inline(`B${i + 2}`, title)}${inline(`C${i + 2}`, note)}</row>`);
    }
    writeFileSync(
      inPlace,
      zipParts([
        ...workbookParts([{ name: '通讯录', target: 'worksheets/sheet1.xml' }]),
        sharedStringsPart(strings),
        ['xl/worksheets/sheet1.xml', worksheetXml(rows.join(''))],
      ]),
    );
  }, SLOW);

  test.each([
    ['written by exceljs, 20,000 rows', () => written, ROWS],
    ['shared strings first, 4,000 rows', () => inPlace, 4000],
  ])('openXlsx reads every cell as written: %s', async (_label, file, count) => {
    const opened = await openXlsx(file(), {});
    expect(opened.sheet).toBe('通讯录');
    let rows = 0;
    let broken = 0;
    const wrong: unknown[] = [];
    for await (const { row, cells } of eachRow(opened.batches)) {
      const expected = row === 1 ? HEADER : chineseRow(row - 2);
      rows++;
      broken += cells.filter((cell) => typeof cell === 'string' && cell.includes('\uFFFD')).length;
      if (wrong.length < 5 && JSON.stringify(cells) !== JSON.stringify(expected)) wrong.push({ row, cells, expected });
    }
    expect(wrong).toEqual([]);
    expect(broken).toBe(0);
    expect(rows).toBe(count + 1);
  }, SLOW);

  test('the files do cut characters between the chunks the reader gets', async () => {
    expect(await charactersCut(written)).toBeGreaterThan(0);
    expect(await charactersCut(inPlace)).toBeGreaterThan(0);
  }, SLOW);

  test('a copy of the workbook (annotated.xlsx, --write-fixed) loads every cell as written', async () => {
    const { worksheet } = await loadSheetCopy({ path: written, format: 'xlsx', sheet: '通讯录' });
    let wrong = 0;
    worksheet.eachRow((row, number) => {
      const expected = number === 1 ? HEADER : chineseRow(number - 2);
      const cells = expected.map((_, i) => {
        const value = row.getCell(i + 1).value as string | { richText: { text: string }[] };
        return typeof value === 'string' ? value : value.richText.map((run) => run.text).join('');
      });
      if (JSON.stringify(cells) !== JSON.stringify(expected)) wrong++;
    });
    expect(worksheet.rowCount).toBe(ROWS + 1);
    expect(wrong).toBe(0);
  }, SLOW);
});
