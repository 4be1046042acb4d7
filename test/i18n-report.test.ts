/**
 * Issue 22, area B: the report files people open, in Chinese. report.html
 * (pure, from a summary and rows), annotated.xlsx's headers and comments, and
 * the template's instructions; the stable parts (status keys, codes, headers
 * read on input, the page's script and its CSP) are the same as in English.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runValidate } from '../src/commands/validate.js';
import { templateXlsx } from '../src/contact-sheet/write-template.js';
import { REPORT_MESSAGES } from '../src/i18n/messages/report.js';
import { SHEET_MESSAGES } from '../src/i18n/messages/sheet.js';
import { useLanguage } from '../src/i18n/text.js';
import { renderHtmlReport } from '../src/report/html.js';
import type { RowResult, Summary } from '../src/report/types.js';
import { createLogger } from '../src/terminal/log.js';
import { ROOT, runCli } from './helpers/cli.js';
import { useImportRuns } from './helpers/import-run.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir('contact-import-i18n-report-');
afterEach(() => useLanguage('en'));
const { emulator, sheet, importSheet } = useImportRuns('contact-import-i18n-import-');

/** An import that wrote most rows, one failed after tries, and too many rows to show them all. */
const SUMMARY: Summary = {
  version: 1,
  command: 'import',
  directory: { endpoint: 'https://resourcedirectory.aliyuncs.com', credentials: '0123456789abcdef' },
  endpoint: 'https://resourcedirectory.aliyuncs.com',
  site: 'cn',
  input: {
    file: 'contacts.xlsx',
    format: 'xlsx',
    sheet: '联系人',
    encoding: null,
    delimiter: null,
    rows: 12346,
    blankRows: 0,
    headerRow: 1,
    columns: {},
    ignoredColumns: [],
    sha256: 'ab'.repeat(32),
  },
  counts: { created: 12345, failed: 1 },
  directoryOnly: 0,
  quota: { limit: 20000, existing: 0, planned: 12345, remaining: 7655, basis: 'listed' },
  goodWithErrors: { count: 0, rows: [] },
  dryRun: false,
  exitCode: 1,
  startedAt: '2026-03-04T05:06:07.000Z',
  finishedAt: '2026-03-04T05:16:07.000Z',
};

const ROWS: RowResult[] = [
  { row: 2, name: 'ZhangWei', email: 'zhang.wei@example.com', status: 'created', errors: [], contactId: 'c-1' },
  {
    row: 3,
    name: 'Li Na',
    email: 'li.na@example.com',
    status: 'failed',
    errors: [{ field: 'Name', code: 'InvalidParameter.Name', message: 'Name (column A): "Li Na" has a space', suggestion: 'LiNa', unambiguous: true }],
    requestId: 'req-9',
    attempts: 3,
  },
];

const page = (language: 'en' | 'zh-CN') => {
  useLanguage(language);
  return renderHtmlReport(SUMMARY, { rows: ROWS, omitted: 12344 });
};
const textOf = (html: string, id: string) => new RegExp(`id="${id}"[^>]*>([^<]*)<`).exec(html)?.[1];
const cspOf = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];

describe('the report and sheet catalogue', () => {
  const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
  it.each(Object.entries({ ...REPORT_MESSAGES, ...SHEET_MESSAGES }))('%s: both texts, not empty, with the same placeholders', (_key, entry) => {
    const english: string[] = typeof entry.en === 'string' ? [entry.en] : [entry.en.one, entry.en.other];
    for (const text of [...english, entry['zh-CN']]) expect(text.trim()).not.toBe('');
    for (const text of english) expect(placeholders(text)).toEqual(placeholders(entry['zh-CN']));
    // Chinese text is punctuated full-width: no ASCII comma, colon or semicolon right after a Chinese character.
    expect(entry['zh-CN']).not.toMatch(/[\u4e00-\u9fff][,:;]/);
  });
});

describe('report.html in Chinese', () => {
  it('says lang="zh-CN", and its title, verdict, exit code and headings in Chinese', () => {
    const html = page('zh-CN');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>导入：contacts.xlsx</title>');
    expect(html).toContain('<small>工作表“联系人”</small>');
    expect(textOf(html, 'verdict')).toBe('已写入：新增 12,345 个；1 个失败。');
    expect(textOf(html, 'exit')).toBe('退出码 1：部分行未能导入');
    expect(textOf(html, 'directory-title')).toBe('资源目录');
    expect(textOf(html, 'input-title')).toBe('输入');
    expect(textOf(html, 'rows-title')).toBe('各行（有问题的在前）');
    expect(textOf(html, 'site')).toBe('中国站 cn');
    expect([...html.matchAll(/<th>([^<]*)<\/th>/g)].map((m) => m[1])).toEqual(['行', '状态', '姓名', '邮箱', '问题', '联系人']);
    expect(html).toContain('<footer>contact-import · 同一文件夹中的 results.json 和 results.csv 包含相同的行</footer>');
  });

  it('shows each status by its Chinese name beside the stable key, which the filter and rows still carry', () => {
    const html = page('zh-CN');
    expect(html).toContain('<input type="checkbox" name="status" value="created" checked> <span class="status good">已创建 created</span> 12,345</label>');
    expect(html).toContain('<input type="checkbox" name="status" value="failed" checked> <span class="status bad">失败 failed</span> 1</label>');
    expect([...html.matchAll(/<tr data-status="(\w+)"/g)].map((m) => m[1])).toEqual(['failed', 'created']);
    expect(html).toContain('<g class="bar good" data-status="created"><text x="0" y="16">已创建 created</text>');
    // English shows the key alone: there it is the name.
    expect(page('en')).toContain('<span class="status good">created</span> 12,345</label>');
  });

  it('formats numbers and times with Intl for the language, keeping the exact time in datetime', () => {
    const html = page('zh-CN');
    expect(textOf(html, 'counts-title')).toBe('共 12,346 行');
    expect(textOf(html, 'quota-limit')).toBe('20,000');
    expect(html).toContain('data-shown="显示 {count} 行；另有 12,344 行见 results.csv" id="shown">显示 2 行；另有 12,344 行见 results.csv</p>');
    const started = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'long' }).format(new Date(SUMMARY.startedAt));
    expect(started).toContain('2026年3月4日');
    expect(html).toContain(`<time datetime="2026-03-04T05:06:07.000Z">${started}</time>`);
    const english = page('en');
    expect(english).toContain(`<time datetime="2026-03-04T05:06:07.000Z">${new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'long' }).format(new Date(SUMMARY.startedAt))}</time>`);
    expect(english).not.toContain('2026年');
  });

  it("a row's problem keeps its code, with the fix and the request said in Chinese; values still escaped", () => {
    useLanguage('zh-CN');
    const hostile: RowResult = { ...ROWS[1]!, errors: [{ ...ROWS[1]!.errors[0]!, suggestion: '<b>$&</b>' }] };
    const html = renderHtmlReport(SUMMARY, { rows: [hostile], omitted: 0 });
    expect(html).toContain('<code>InvalidParameter.Name</code> Name (column A): &#34;Li Na&#34; has a space <span class="fix">修正为：<q>&#60;b&#62;$&#38;&#60;/b&#62;</q></span>');
    expect(html).toContain('请求 req-9<br>尝试 3 次');
    expect(html).not.toContain('<b>');
  });

  it('runs the same script under the same Content-Security-Policy in both languages: the script holds no words', () => {
    const chinese = page('zh-CN');
    const english = page('en');
    expect(cspOf(chinese)).toBeDefined();
    expect(cspOf(chinese)).toBe(cspOf(english));
    const script = (html: string) => /<script>([\s\S]*)<\/script>/.exec(html)?.[1];
    expect(script(chinese)).toBe(script(english));
    expect(script(chinese)).not.toMatch(/rows shown|显示/);
  });

  it('leaves no English heading or label on the Chinese page', () => {
    const html = page('zh-CN');
    for (const english of ['Directory', 'Input', 'Rows, problems first', 'contact limit', 'room left after', 'exit code', 'Written', 'rows shown', 'request req-9', '3 tries', 'fix:']) {
      expect(html).not.toContain(english);
    }
  });
});

describe('annotated.xlsx in Chinese', () => {
  it('heads the added columns 状态 and 问题 and writes the comments in Chinese; statuses and codes stay the keys', async () => {
    useLanguage('zh-CN');
    const reportDir = join(tmp(), 'annotated-zh');
    await runValidate({ file: join(ROOT, 'fixtures', 'problems.csv'), read: {}, site: 'intl', contactLimit: 20, reportDir, cwd: ROOT }, createLogger('quiet'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(reportDir, 'annotated.xlsx'));
    const sheet = book.worksheets[0]!;
    const header = sheet.getRow(1).values as unknown[];
    expect(header.slice(-2)).toEqual(['状态', '问题']);
    const statusColumn = header.length - 2;
    const rows = (JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')) as { rows: RowResult[] }).rows;
    for (const row of rows) expect(sheet.getRow(row.row!).getCell(statusColumn).value).toBe(row.status);

    // Row 3: "Zhang San", whose one obvious fix is ZhangSan.
    const zhang = rows.find((row) => row.name === 'Zhang San')!;
    const problems = String(sheet.getRow(zhang.row!).getCell(statusColumn + 1).value);
    expect(problems).toMatch(/^InvalidParameter\.Name：.*（修正为：“ZhangSan”）$/);
    const note = sheet.getRow(zhang.row!).getCell(1).note;
    const noteText = typeof note === 'string' ? note : note!.texts!.map((t) => t.text).join('');
    expect(noteText).toMatch(/^contact-import: InvalidParameter\.Name\n.*（修正为：“ZhangSan”）$/);
    expect(noteText).not.toContain('(fix:');
  });
});

describe('the template in Chinese', () => {
  it('writes the instructions and the prompts in Chinese, the sheet names, headers and example row as import reads them', async () => {
    useLanguage('zh-CN');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await templateXlsx('cn', 50)) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Contacts', 'Instructions']);
    const contacts = book.getWorksheet('Contacts')!;
    expect(contacts.getRow(1).values).toEqual([undefined, 'Name', 'Email', 'Phone', 'Title', 'Message Types', 'Members']);

    const instructions = book.getWorksheet('Instructions')!;
    expect(instructions.getRow(1).getCell(1).value).toBe('如何填写 Contacts 工作表');
    // The rules, [what, rule], from row 2 until the blank row before the example.
    const lines = new Map<string, string>();
    for (let n = 2; instructions.getRow(n).getCell(1).value; n++) lines.set(String(instructions.getRow(n).getCell(1).value), String(instructions.getRow(n).getCell(2).value));
    expect(lines.get('Name')).toBe('必填；2–12 个英文字母（A–Z）或汉字，不能含空格、数字或标点；在资源目录中唯一（不区分大小写）');
    expect(lines.get('联系人上限')).toBe('资源目录最多可有 50 个消息联系人（可在配额中心提升，然后使用 --contact-limit）');
    expect(lines.get('站点')).toBe('中国站（--site cn）');
    expect(lines.get('校验表格')).toBe('contact-import validate <本文件> --site cn');
    expect(instructions.getRow(instructions.rowCount - 1).values).toEqual([undefined, 'Name', 'Email', 'Phone', 'Title', 'Message Types', 'Members']);

    const validations = (contacts as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(validations.D2!.error).toBe('请选择以下之一：FinanceDirector, TechnicalDirector, MaintenanceDirector, CEO, ProjectDirector, Other');
    expect(validations.E2!.prompt).toBe('以下一项或多项：ServiceMessage, FaultMessage, AccountExpenses, SecurityMessage, ActivityMessage, ProductMessage，用 ; 或 , 分隔');
    expect(validations.A2!.error).toContain('汉字');
  });
});

describe('the built CLI in Chinese (--lang zh-CN)', () => {
  it('--write-fixed: the line that says what it fixed, and the copy\'s added column, in Chinese; the copy reads back', async () => {
    const fixed = join(tmp(), 'fixed-zh.csv');
    const run = await runCli(['validate', join(ROOT, 'fixtures', 'problems.csv'), '--lang', 'zh-CN', '--report-dir', join(tmp(), 'fixed-report'), '--write-fixed', fixed]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`修正后的副本：已修正 1 行中的 1 个单元格：${fixed}`);
    const copy = readFileSync(fixed, 'utf8').split('\r\n');
    expect(copy[0]).toBe('\uFEFFName,Email,Phone,Title,MessageTypes,contact-import 所做的修正');
    expect(copy).toContain('ZhangSan,zhang.san@example.com,,CEO,ServiceMessage,Name：“Zhang San” → “ZhangSan”');
    const again = await runCli(['validate', fixed, '--report-dir', join(tmp(), 'fixed-again')]);
    expect(JSON.parse(readFileSync(join(tmp(), 'fixed-again', 'summary.json'), 'utf8')).input.ignoredColumns).toEqual(['contact-import 所做的修正']);
    expect(again.code).toBe(1);
  });

  it('results.csv carries the suggestion in Chinese beside the same code as in English', async () => {
    const results = async (lang: string) => {
      const reportDir = join(tmp(), `results-${lang}`);
      await runCli(['validate', join(ROOT, 'fixtures', 'problems.csv'), '--lang', lang, '--report-dir', reportDir]);
      return readFileSync(join(reportDir, 'results.csv'), 'utf8');
    };
    const [zh, en] = [await results('zh-CN'), await results('en')];
    expect(zh).toContain('（修正为：“ZhangSan”）');
    expect(en).toContain('(fix: ""ZhangSan"")');
    const codes = (csv: string) => csv.match(/InvalidParameter\.[\w.]+/g);
    expect(codes(zh)).toEqual(codes(en));
  });

  it('refuses a --report-dir that is not a report of ours in Chinese, with the same exit code as in English', async () => {
    const taken = join(tmp(), 'taken');
    mkdirSync(taken);
    writeFileSync(join(taken, 'notes.txt'), 'mine');
    const args = ['validate', join(ROOT, 'fixtures', 'problems.csv'), '--report-dir', taken];
    const [zh, en] = [await runCli([...args, '--lang', 'zh-CN']), await runCli([...args, '--lang', 'en'])];
    expect(zh.code).toBe(en.code);
    expect(zh.stderr).toContain('其中有 "notes.txt"，这不是 contact-import 报告中的文件；请指定一个新文件夹');
    expect(en.stderr).toContain('it holds "notes.txt", which no report of contact-import has; name a new folder');
    expect(readFileSync(join(taken, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('template --lang zh-CN writes Chinese instructions under the English headers', async () => {
    const path = join(tmp(), 'template-zh.xlsx');
    const run = await runCli(['template', path, '--lang', 'zh-CN']);
    expect(run.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.getWorksheet('Instructions')!.getRow(1).getCell(1).value).toBe('如何填写 Contacts 工作表');
    expect(book.getWorksheet('Contacts')!.getRow(1).values).toEqual([undefined, 'Name', 'Email', 'Phone', 'Title', 'Message Types', 'Members']);
  });
});

describe('report.html of an import in Chinese, against the emulator', () => {
  const CLEAN = 'Name,Email,Title,MessageTypes\nAlice,alice@example.com,CEO,ServiceMessage\nBob,bob@example.com,CEO,ServiceMessage\n';
  const html = (reportDir: string) => readFileSync(join(reportDir, 'report.html'), 'utf8');

  it('a dry run says planned, nothing written; the import says what it wrote; statuses and summary keys as in English', async () => {
    const e = await emulator();
    const dry = await importSheet(e, sheet(CLEAN), ['--dry-run', '--lang', 'zh-CN']);
    expect(dry.code).toBe(0);
    expect(textOf(html(dry.reportDir), 'verdict')).toBe('已生成计划，未写入任何内容：新增 2 个。');
    expect(textOf(html(dry.reportDir), 'exit')).toBe('退出码 0：所有行均可顺利完成');
    expect(html(dry.reportDir)).toContain('<span class="status plan">将创建 would_create</span> 2</label>');

    const done = await importSheet(e, sheet(CLEAN), ['--lang', 'zh-CN']);
    expect(done.code).toBe(0);
    const page = html(done.reportDir);
    expect(textOf(page, 'verdict')).toBe('已写入：新增 2 个。');
    expect([...page.matchAll(/<tr data-status="(\w+)"/g)].map((m) => m[1])).toEqual(['created', 'created']);
    for (const contact of e.state.all()) expect(page).toContain(contact.ContactId);
    expect(done.summary.counts).toEqual({ created: 2 });
    expect(done.rows.map((row: RowResult) => row.status)).toEqual(['created', 'created']);
  });
});
