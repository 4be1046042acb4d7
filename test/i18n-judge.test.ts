/**
 * Judging and reading in Chinese (issue 22): problem details, notes and read
 * errors come from the catalogue in the run's language, while the codes beside
 * them, the statuses and every JSON key stay as they are in English.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalEncoding } from '../src/read/decode.js';
import { detectFormat } from '../src/read/detect.js';
import { mapHeader } from '../src/read/header.js';
import { readColumnMap } from '../src/read/column-map.js';
import { readSheet } from '../src/read/index.js';
import { parseByteSize } from '../src/read/limits.js';
import { AREAS } from '../src/i18n/catalogue.js';
import { useLanguage } from '../src/i18n/text.js';
import { RowJudge } from '../src/judge/judge.js';
import { normaliseRow } from '../src/judge/normalise.js';
import { checkContact, type ApiContactInput } from '../src/judge/schema.js';
import { validateRow } from '../src/judge/validate.js';
import { Room } from '../src/plan/quota.js';
import { attempt, sdkFor, useEmulator } from './helpers/emulator.js';
import { runCli, ROOT } from './helpers/cli.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir();
const emulator = useEmulator();

afterEach(() => useLanguage('en'));

const good: ApiContactInput = { Name: 'AliceWang', EmailAddress: 'alice@example.com', Title: 'CEO', MessageTypes: ['ServiceMessage'] };

/** Contacts that break each rule of the table, some more than one. */
const BROKEN: ApiContactInput[] = [
  {},
  { ...good, Name: 'A' },
  { ...good, Name: 'Zhang San' },
  { ...good, Name: '张伟' },
  { ...good, EmailAddress: 'bob@' },
  { ...good, EmailAddress: 'bob smith@example.com' },
  { ...good, EmailAddress: '-bob@example.com' },
  { ...good, EmailAddress: `${'a'.repeat(250)}@example.com` },
  { ...good, PhoneNumber: '13912345678' },
  { ...good, PhoneNumber: '1-4155550100' },
  { ...good, PhoneNumber: '86-12345' },
  { ...good, Title: 'Boss' },
  { ...good, MessageTypes: ['Billing'] },
  { ...good, MessageTypes: ['Billing', 'Security'] },
  { ...good, Members: ['rd-abc', 'nope'] },
  { ...good, Members: Array.from({ length: 11 }, (_, i) => String(100 + i)) },
];

describe('the judge and read catalogues', () => {
  const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

  it.each(['judge', 'read'])('%s: every key has an English and a Chinese text with the same placeholders', (area) => {
    const entries = Object.entries(AREAS[area]!);
    expect(entries.length).toBeGreaterThan(20);
    for (const [key, { en, 'zh-CN': zh }] of entries) {
      expect(key.startsWith(`${area}.`)).toBe(true);
      const english = typeof en === 'string' ? [en] : [en.one, en.other];
      for (const text of english) expect({ key, placeholders: placeholders(text) }).toEqual({ key, placeholders: placeholders(zh) });
      expect(zh).toMatch(/[\u4e00-\u9fff]|^\{\w+\}：\{\w+\}$/);
      // Chinese text takes full-width punctuation: no ASCII comma, semicolon or bracket between Chinese words.
      expect({ key, zh: /[\u4e00-\u9fff][,;()]|[,;()][\u4e00-\u9fff]/.test(zh) }).toEqual({ key, zh: false });
    }
  });
});

describe('the rule table in Chinese', () => {
  it('gives the same codes, in the same order, in both languages, with a Chinese detail for each', () => {
    for (const input of BROKEN) {
      const en = checkContact(input, 'intl', 'en');
      const zh = checkContact(input, 'intl', 'zh-CN');
      expect(en.ok).toBe(false);
      if (en.ok || zh.ok) continue;
      expect(zh.issues.map((i) => [i.field, i.code])).toEqual(en.issues.map((i) => [i.field, i.code]));
      for (const issue of zh.issues) expect(issue.detail).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('says each problem as a Chinese admin reads it, values and codes kept as written', () => {
    const details = (input: ApiContactInput, site: 'intl' | 'cn' = 'intl') => {
      const checked = checkContact(input, site, 'zh-CN');
      return checked.ok ? [] : checked.issues.map((i) => i.detail);
    };
    expect(details({ ...good, Name: 'A' })).toEqual(['“A”有 1 个字符，姓名须为 2–12 个字符']);
    expect(details({ ...good, Name: '张伟' })).toEqual(['“张伟”含有汉字，只有中国站（--site cn）接受汉字姓名；国际站的姓名只能由英文字母 A–Z 组成']);
    expect(details({ ...good, Name: 'Zhang San' }, 'cn')).toEqual(['“Zhang San”只能由英文字母（A–Z）或汉字组成，不能有空格、数字或标点']);
    expect(details({ ...good, EmailAddress: 'bob smith@example.com' })).toEqual(['“bob smith@example.com”不是有效的邮箱地址：邮箱地址中不能有空格']);
    expect(details({ ...good, PhoneNumber: '1-4155550100' })).toEqual(['不支持国家/地区代码 1，只支持中国内地手机号（86-）']);
    expect(details({ ...good, Title: 'Boss' })).toEqual([
      '“Boss”不是可选的职位，可选：FinanceDirector, TechnicalDirector, MaintenanceDirector, CEO, ProjectDirector, Other',
    ]);
    expect(details({ ...good, MessageTypes: ['Billing', 'Security'] })[0]).toMatch(/^“Billing”、“Security” 不是有效的消息类型，可选：ServiceMessage, /);
    expect(details({ ...good, Members: ['nope'] })).toEqual(['“nope” 不是资源目录（rd-…）、资源夹（r-…、fd-…）或数字账号 ID']);
    expect(details({})).toEqual(['姓名为必填项', '邮箱地址为必填项', '职位为必填项', '至少需要一种消息类型']);
  });

  it('follows the run language by default, and English stays word for word as it was', () => {
    const zh = (useLanguage('zh-CN'), checkContact({ ...good, Title: '' }, 'intl'));
    useLanguage('en');
    const en = checkContact({ ...good, Title: '' }, 'intl');
    expect(!zh.ok && zh.issues[0]!.detail).toBe('职位为必填项');
    expect(!en.ok && en.issues[0]!.detail).toBe('a title is required');
    const name = checkContact({ ...good, Name: 'A' }, 'intl');
    expect(!name.ok && name.issues[0]!.detail).toBe('"A" has 1 character; a name must have 2–12');
  });
});

describe('a row judged in Chinese', () => {
  it('names the column with full-width punctuation and keeps the email masked for the console', () => {
    useLanguage('zh-CN');
    const verdict = validateRow({ Name: 'BobLi', EmailAddress: 'bob@', Title: 'CEO', MessageTypes: 'FaultMessage' }, 'intl', () => 'Email（B 列）');
    expect(verdict).toMatchObject({
      ok: false,
      problems: [
        {
          field: 'EmailAddress',
          code: 'InvalidParameter.EmailAddress',
          message: 'Email（B 列）：“bob@”不是有效的邮箱地址',
          masked: 'Email（B 列）：“b***@”不是有效的邮箱地址',
        },
      ],
    });
  });

  it('writes the notes of rewrites in Chinese, the API field first', () => {
    useLanguage('zh-CN');
    const { notes } = normaliseRow(
      { EmailAddress: 'mailto:ann@example.com', PhoneNumber: '+86 139 1234 5678', Title: 'ceo', MessageTypes: 'service message, ServiceMessage', Members: 'rd-a, rd-a' },
      'intl',
    );
    expect(notes).toEqual([
      'EmailAddress：已去掉“mailto:”前缀',
      'PhoneNumber：“+86 139 1234 5678”已改写为“86-13912345678”',
      'Title：“ceo”已改写为“CEO”',
      'MessageTypes：“service message”已改写为“ServiceMessage”',
      'MessageTypes：“ServiceMessage”重复，只提交一次',
      'Members：“rd-a”重复，只关联一次',
    ]);
  });

  it('explains a cell that holds no text, with and without its reference', () => {
    useLanguage('zh-CN');
    const at = normaliseRow({ PhoneNumber: { kind: 'date', shown: '2024-01-01', ref: 'C2' } }, 'intl');
    const somewhere = normaliseRow({ Title: { kind: 'merged', shown: 'D2:D3' } }, 'intl');
    expect(at.problems).toEqual([
      { field: 'PhoneNumber', code: 'InvalidParameter.PhoneNumber', detail: '单元格 C2 是日期（2024-01-01），不是文本；请将该列设为“文本”格式后重新输入' },
    ]);
    expect(somewhere.problems[0]!.detail).toBe('该单元格位于合并单元格 D2:D3 中，读出为空；请取消合并，并填写每一行');
  });

  it('says duplicates and rows past the contact limit in Chinese, with the codes and statuses of English', () => {
    useLanguage('zh-CN');
    const judge = new RowJudge({ site: 'intl', room: new Room(1, null), columnOf: (field) => field });
    const row = (n: number, name: string) => ({ row: n, cells: { Name: name, EmailAddress: `${name}@example.com`, Title: 'CEO', MessageTypes: 'ServiceMessage' } });
    const [, duplicate, over] = [row(2, 'Alice'), row(3, 'ALICE'), row(4, 'Bob')].map((r) => judge.judge(r).result);
    expect(duplicate).toMatchObject({
      status: 'duplicate',
      errors: [{ code: 'InvalidParameter.Name.AlreadyUsed', message: 'Name：“ALICE”已被第 2 行使用（比较姓名时不区分大小写）' }],
    });
    expect(over).toMatchObject({
      status: 'over_quota',
      errors: [{ code: 'LimitExceeded.Contacts', message: '已达联系人上限：前面的行已用完 1 个联系人名额（validate 按空的资源目录计算）' }],
    });
    expect(new Room(3, 3).overQuota(over!).errors[0]!.message).toBe('已达联系人上限：资源目录已有 3 个联系人（上限 3 个），剩余名额已被前面的行占用');
  });
});

describe('the emulator answers in English whatever the CLI speaks', () => {
  it('refuses a bad name with the service’s own English words while the run is in Chinese', async () => {
    useLanguage('zh-CN');
    const refused = await attempt(sdkFor(emulator()), 'AddMessageContact', { ...good, Name: 'Zhang San' } as never);
    expect(refused).toMatchObject({ ok: false, code: 'InvalidParameter.Name' });
    expect(!refused.ok && refused.message).toContain('"Zhang San" may contain only letters A–Z');
    expect(!refused.ok && refused.message).not.toMatch(/[\u4e00-\u9fff]{2}/);
  });
});

describe('read errors in Chinese', () => {
  const refusal = async (promise: Promise<unknown>) => ((await promise.then(() => undefined, (error: Error) => error)) as Error).message;

  it('names the file and what is wrong with it', async () => {
    useLanguage('zh-CN');
    const empty = join(tmp(), 'empty.csv');
    writeFileSync(empty, '');
    expect(await refusal(detectFormat(empty))).toBe('empty.csv：文件是空的；请重新将表格导出为 .xlsx 或“CSV UTF-8”');
    expect(await refusal(detectFormat(join(tmp(), 'missing.csv')))).toBe('missing.csv：文件不存在');
    const pdf = join(tmp(), 'sheet.csv');
    writeFileSync(pdf, '%PDF-1.7\n');
    expect(await refusal(detectFormat(pdf))).toBe('sheet.csv：这是 PDF 文档，不是联系人表格；请指定 .xlsx 或 .csv 文件');
  });

  it('says which header is missing and which headers it takes, row and file as parameters', () => {
    useLanguage('zh-CN');
    expect(() => mapHeader('a.csv', 1, ['Name', 'Email', 'Title'])).toThrow(
      /^a\.csv：第 1 行：没有 MessageTypes 列；找到的表头是 "Name", "Email", "Title"（可用的表头：MessageTypes: .*；也可在映射文件 --map 中指定）$/,
    );
    expect(() => mapHeader('a.csv', 2, ['Name', '姓名', 'Email', 'Title', 'MessageTypes'])).toThrow(
      'a.csv：第 2 行：A 列（"Name"）和 B 列（"姓名"）都表示 Name；请重命名或删除其中一列',
    );
  });

  it('refuses a sheet that is not there, naming the sheets there are', async () => {
    useLanguage('zh-CN');
    expect(await refusal(readSheet(join(ROOT, 'fixtures', 'contacts.xlsx'), { sheet: 'People' }))).toBe(
      'contacts.xlsx：没有工作表 "People"；工作簿只有一个工作表："Contacts"（请用 --sheet 名称 或 --sheet 1）',
    );
  });

  it('says why a workbook cannot be read, inside the one line of an unreadable XLSX', async () => {
    useLanguage('zh-CN');
    const broken = join(tmp(), 'broken.xlsx');
    writeFileSync(broken, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    expect(await refusal(readSheet(broken))).toBe(
      'broken.xlsx：不是可读取的 XLSX 工作簿（文件末尾没有 zip 目录：不是 zip 压缩包，或者文件不完整）；请用 Excel 打开，重新保存为 .xlsx',
    );
  });

  it('refuses flags and mapping files in Chinese, the flag as typed', async () => {
    useLanguage('zh-CN');
    expect(() => canonicalEncoding('klingon')).toThrow(/^--encoding klingon：不支持的编码；/);
    expect(() => parseByteSize('max-bytes', 'lots')).toThrow('--max-bytes lots：请给出大小，例如 50MB、200MB 或 1GB');
    const map = join(tmp(), 'map.json');
    writeFileSync(map, JSON.stringify({ columns: { 电邮: 'Emial' } }));
    expect(await refusal(readColumnMap(map))).toBe(
      '--map map.json：columns：“电邮”：“Emial”不是字段；请使用 Name, EmailAddress, PhoneNumber, Title, MessageTypes, Members，或用 null 忽略该列',
    );
  });
});

describe('validate --lang zh-CN, end to end', () => {
  const fixture = join(ROOT, 'fixtures', 'problems.csv');
  const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
  /** The shape of a results.json with its words taken out: what must not change with the language. */
  const wordless = (results: any) => JSON.parse(JSON.stringify(results, (key, value) => (key === 'message' || key === 'masked' || key === 'notes' ? '' : value)));

  it('writes Chinese messages beside the same codes, statuses and keys as the English run', async () => {
    const enDir = join(tmp(), 'en');
    const zhDir = join(tmp(), 'zh');
    const en = await runCli(['validate', fixture, '--json', '--report-dir', enDir]);
    const zh = await runCli(['validate', fixture, '--lang', 'zh-CN', '--json', '--report-dir', zhDir]);
    expect(zh.code).toBe(en.code);
    expect(zh.code).toBe(1);

    const enResults = json(join(enDir, 'results.json'));
    const zhResults = json(join(zhDir, 'results.json'));
    expect(wordless(zhResults)).toEqual(wordless(enResults));
    const messages = zhResults.rows.flatMap((row: any) => row.errors.map((error: any) => `${error.code} ${error.message}`));
    expect(messages).toEqual(
      expect.arrayContaining([
        'InvalidParameter.Name Name（A 列）：“Zhang San”只能由英文字母 A–Z 组成，不能有空格、数字或标点',
        'InvalidParameter.EmailAddress EmailAddress（B 列“Email”）：“bob@”不是有效的邮箱地址',
        'InvalidParameter.Name.AlreadyUsed Name（A 列）：“alicewang”已被第 2 行使用（比较姓名时不区分大小写）',
      ]),
    );
    for (const row of zhResults.rows) for (const error of row.errors) expect(error.message).toMatch(/[\u4e00-\u9fff]/);

    // The summary on stdout keeps its keys and counts.
    expect(Object.keys(JSON.parse(zh.stdout))).toEqual(Object.keys(JSON.parse(en.stdout)));
    expect(JSON.parse(zh.stdout).counts).toEqual(JSON.parse(en.stdout).counts);
  });

  it('shows the problems on the console in Chinese, beside their codes, the email masked', async () => {
    const zh = await runCli(['validate', fixture, '--lang', 'zh-CN', '--report-dir', join(tmp(), 'zh-console')]);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toMatch(/InvalidParameter\.EmailAddress：EmailAddress（B 列“Email”）：“b\*\*\*@”不是有效的邮箱地址/);
    expect(zh.stderr).not.toContain('“bob@”');
  });

  it('says a read error in Chinese with exit code 2, as in English', async () => {
    const en = await runCli(['validate', join(tmp(), 'nowhere.csv'), '--report-dir', join(tmp(), 'no-en')]);
    const zh = await runCli(['validate', join(tmp(), 'nowhere.csv'), '--lang', 'zh-CN', '--report-dir', join(tmp(), 'no-zh')]);
    expect(en.code).toBe(2);
    expect(zh.code).toBe(2);
    expect(en.stderr).toContain('nowhere.csv: no such file');
    expect(zh.stderr).toContain('nowhere.csv：文件不存在');
  });
});
