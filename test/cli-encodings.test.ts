/**
 * Issue 20, part 2, through the built CLI: a CSV in Big5 or GB18030 (Excel's
 * plain "CSV" on traditional- and simplified-Chinese Windows) is read with the
 * right encoding, names intact, with Chinese and with English headers; bytes
 * that read as plausible names in both are refused with one line asking for
 * --encoding, which then decides. Never garbled text judged valid.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { expectOneErrorLine, runCli } from './helpers/cli.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir();

function sheet(name: string, lines: string[][], encoding: string): string {
  const path = join(tmp(), name);
  writeFileSync(path, iconv.encode(lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n', encoding));
  return path;
}

const contacts = (names: string[]) => names.map((name, i) => [name, `person${i}@example.com`, 'CEO', 'ServiceMessage']);
const HONG_KONG = ['張國榮', '陳奕迅', '王菲', '梁朝偉'];
const MAINLAND = ['张伟', '王芳', '李娜', '刘洋'];
const ENGLISH_HEADER = ['Name', 'Email', 'Title', 'MessageTypes'];

async function validate(path: string, extra: string[] = []) {
  const out = join(tmp(), `report-${Math.random().toString(36).slice(2)}`);
  const run = await runCli(['validate', path, '--site', 'cn', '--report-dir', out, ...extra]);
  const read = (file: string) => JSON.parse(readFileSync(join(out, file), 'utf8'));
  return { run, read };
}

describe('Chinese legacy encodings', () => {
  it.each([
    ['Big5, English headers', 'big5', ENGLISH_HEADER, HONG_KONG],
    ['Big5, Chinese headers', 'big5', ['姓名', '電子郵件', '職位', '訊息類型'], HONG_KONG],
    ['GB18030, English headers', 'gb18030', ENGLISH_HEADER, MAINLAND],
    ['GB18030, Chinese headers', 'gb18030', ['姓名', '邮箱', '职位', '消息类型'], MAINLAND],
  ])('%s: read with the right encoding, the names intact and valid', async (label, encoding, header, names) => {
    const path = sheet(`${label.replace(/\W+/g, '-')}.csv`, [header, ...contacts(names)], encoding);
    const { run, read } = await validate(path);
    expect(run.stderr).toContain(`4 rows (header on row 1; ${encoding}, comma-separated)`);
    expect(run.code).toBe(0);
    expect(read('summary.json').input.encoding).toBe(encoding);
    expect(read('results.json').rows.map((row: { name: string; status: string }) => [row.name, row.status])).toEqual(names.map((name) => [name, 'valid']));
  });

  // GB18030 bytes of 郭立 read in Big5 as 廖蕾, 常惠 as 都需, 柳朝 as 霞陳: names either way.
  const AMBIGUOUS = ['郭立', '常惠', '柳朝'];

  it('bytes that read as plausible names in both are refused with exit 2 and one line asking for --encoding', async () => {
    const path = sheet('either.csv', [ENGLISH_HEADER, ...contacts(AMBIGUOUS)], 'gb18030');
    const { run } = await validate(path);
    expect(run.code).toBe(2);
    expectOneErrorLine(run, /error: either\.csv: its bytes read as both GB18030 .* and Big5 .*; give --encoding gb18030 or --encoding big5$/m);
  });

  it('--encoding decides for such a file, either way', async () => {
    const path = sheet('chosen.csv', [ENGLISH_HEADER, ...contacts(AMBIGUOUS)], 'gb18030');
    const asGb = await validate(path, ['--encoding', 'gb18030']);
    expect(asGb.run.code).toBe(0);
    expect(asGb.read('results.json').rows.map((row: { name: string }) => row.name)).toEqual(AMBIGUOUS);
    const asBig5 = await validate(path, ['--encoding', 'big5']);
    expect(asBig5.run.code).toBe(0);
    expect(asBig5.read('summary.json').input.encoding).toBe('big5');
    expect(asBig5.read('results.json').rows.map((row: { name: string }) => row.name)).toEqual(['廖蕾', '都需', '霞陳']);
  });

  it('--encoding overrides detection of a Big5 file', async () => {
    const path = sheet('forced.csv', [ENGLISH_HEADER, ...contacts(HONG_KONG)], 'big5');
    const { run, read } = await validate(path, ['--encoding', 'gb18030']);
    expect(run.stderr).toContain('gb18030, comma-separated');
    expect(read('results.json').rows[0].name).toBe('眎瓣篴');
  });
});
