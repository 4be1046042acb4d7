/**
 * Telling GB18030 from Big5 (issue 20): real files of Chinese names, made with
 * iconv-lite, read with the encoding they were written in, or refused when the
 * bytes read as plausible names in both.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { InputError } from '../src/errors.js';
import { tellChineseEncoding } from '../src/read/chinese-encodings.js';
import { chooseEncoding } from '../src/read/decode.js';
import { readSheet } from '../src/read/index.js';
import { eachRow } from '../src/read/types.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir();
const csv = (names: string[], header = 'Name,Email,Title,MessageTypes') =>
  [header, ...names.map((name, i) => `${name},p${i}@example.com,CEO,ServiceMessage`), ''].join('\r\n');

describe('tellChineseEncoding', () => {
  it.each([
    ['Hong Kong names', ['張國榮', '陳奕迅', '王菲', '梁朝偉']],
    ['Taiwan names', ['劉德華', '周杰倫', '林志玲', '蔡英文']],
    ['one short name', ['黎明']],
    ['names and a department', ['陳大文,資訊科技部', '黃嘉欣,市場推廣部']],
  ])('Big5: %s', (_label, names) => {
    expect(tellChineseEncoding(iconv.encode(csv(names), 'big5'))).toBe('big5');
  });

  it.each([
    ['mainland names', ['张伟', '王芳', '李娜', '刘洋']],
    ['a four-character name', ['欧阳娜娜']],
    ['names only partly among the common characters', ['马化腾', '雷军', '张一鸣']],
    ['Chinese headers and values', ['张伟,技术总监', '李娜,服务消息']],
  ])('GB18030: %s', (_label, names) => {
    expect(tellChineseEncoding(iconv.encode(csv(names), 'gb18030'))).toBe('gb18030');
  });

  it('bytes that Big5 cannot decode decide for GB18030, rare characters or not', () => {
    // 喆 and 彧 are GBK characters whose second byte Big5 never uses.
    expect(tellChineseEncoding(iconv.encode(csv(['王喆', '李彧']), 'gb18030'))).toBe('gb18030');
  });

  it('bytes that read as plausible names in both are not guessed', () => {
    // In Big5 these GB18030 bytes read 廖蕾, 都需, 霞陳.
    expect(tellChineseEncoding(iconv.encode(csv(['郭立', '常惠', '柳朝']), 'gb18030'))).toBeUndefined();
  });

  it('a character cut off at the end of the sample is not counted against either', () => {
    const bytes = iconv.encode(csv(['張國榮', '陳奕迅']), 'big5');
    expect(tellChineseEncoding(Buffer.concat([bytes, Buffer.from([0xb1])]))).toBe('big5');
  });
});

describe('chooseEncoding and the reader', () => {
  it('refuses an undecidable file with one line naming both candidates', () => {
    const bytes = iconv.encode(csv(['郭立', '常惠']), 'gb18030');
    const refusal = (() => {
      try {
        chooseEncoding('either.csv', bytes, true);
      } catch (error) {
        return error as InputError;
      }
      throw new Error('not refused');
    })();
    expect(refusal).toBeInstanceOf(InputError);
    expect(refusal.message).toMatch(/^either\.csv: its bytes read as both GB18030 .* and Big5 .*; give --encoding gb18030 or --encoding big5$/);
    expect(chooseEncoding('either.csv', bytes, true, 'big5')).toMatchObject({ encoding: 'big5', source: 'option' });
  });

  it('Latin text still reads as windows-1252', () => {
    expect(chooseEncoding('latin.csv', iconv.encode(csv(['Müller', 'José']), 'windows-1252'), true).encoding).toBe('windows-1252');
  });

  /** A sheet of 2,000 plain-ASCII rows (more than the 64 KiB head), then rows of these names in this encoding. */
  function lateNames(file: string, names: string[], encoding: string): string {
    const ascii = Array.from({ length: 2000 }, (_, i) => `Person${String.fromCharCode(97 + (i % 26))}x${i}`);
    const late = csv(names).split('\r\n').slice(1).join('\r\n');
    const path = join(tmp(), file);
    writeFileSync(path, Buffer.concat([Buffer.from(csv(ascii)), iconv.encode(late, encoding)]));
    return path;
  }

  it('Big5 that starts after 64 KiB of plain ASCII is told apart where it starts', async () => {
    const sheet = await readSheet(lateNames('late-big5.csv', ['張國榮', '陳奕迅'], 'big5'));
    const names: string[] = [];
    for await (const row of eachRow(sheet.batches)) names.push(row.cells.Name as string);
    expect(names.slice(-2)).toEqual(['張國榮', '陳奕迅']);
    expect(sheet.input.text?.decoding.encoding).toBe('big5');
  });

  it('bytes that read as both, after 64 KiB of plain ASCII, are refused there with the same line', async () => {
    const sheet = await readSheet(lateNames('late-either.csv', ['郭立', '常惠'], 'gb18030'));
    const reading = (async () => {
      for await (const _ of eachRow(sheet.batches));
    })();
    await expect(reading).rejects.toThrow(/^late-either\.csv: its bytes read as both GB18030 .*; give --encoding gb18030 or --encoding big5$/);
    await expect(reading).rejects.toBeInstanceOf(InputError);
  });
});

describe('tellChineseEncoding on names of random characters (the hardest case: no help from common names)', () => {
  /** A seeded generator: the same cases every run. */
  function seeded(seed: number): () => number {
    let state = seed;
    return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  }
  /** Every character of a block of an encoding: GB2312 level 1, Big5's frequently used characters. */
  function block(encoding: string, leads: [number, number], trails: [number, number][], end: number): string[] {
    const bytes: number[] = [];
    for (let lead = leads[0]; lead <= leads[1]; lead++) {
      for (const [first, last] of trails) for (let trail = first; trail <= last && (lead << 8) + trail <= end; trail++) bytes.push(lead, trail);
    }
    return [...iconv.decode(Buffer.from(bytes), encoding)].filter((c) => c !== '\ufffd');
  }
  const pools = {
    gb18030: block('gb18030', [0xb0, 0xd7], [[0xa1, 0xfe]], 0xd7f9),
    big5: block('big5', [0xa4, 0xc6], [[0x40, 0x7e], [0xa1, 0xfe]], 0xc67e),
  };

  it.each([1, 2, 3, 5])('%d random names: never the wrong encoding; five names are mostly told apart', (rows) => {
    const next = seeded(rows);
    for (const [encoding, pool] of Object.entries(pools)) {
      const told = { right: 0, refused: 0, wrong: [] as string[] };
      for (let trial = 0; trial < 1000; trial++) {
        const names = Array.from({ length: rows }, () => Array.from({ length: 1 + Math.floor(next() * 3) }, () => pool[Math.floor(next() * pool.length)]).join(''));
        const verdict = tellChineseEncoding(iconv.encode(csv(names), encoding));
        if (verdict === encoding) told.right++;
        else if (verdict === undefined) told.refused++;
        else told.wrong.push(names.join(' '));
      }
      expect(told.wrong).toEqual([]);
      if (rows === 5) expect(told.right).toBeGreaterThan(700);
    }
  });
});
