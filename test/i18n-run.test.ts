/**
 * The run in Chinese (issue 22): the closing summary, the error line and what
 * to check come from the catalogue in the run's language, chosen by --lang, else
 * the locale; exit codes, statuses, codes and the --json summary's keys never
 * change with it. End to end with the built CLI against the emulator, and the
 * lines' builders in process.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockKey } from '../src/directory/connect.js';
import { parseEndpoint } from '../src/directory/endpoint.js';
import { describeFailure, type CallFailure } from '../src/directory/errors.js';
import { whatToCheck } from '../src/directory/explain.js';
import { lockFileName } from '../src/directory/lock.js';
import { useLanguage } from '../src/i18n/text.js';
import { fileProblem } from '../src/own-files.js';
import { MASK_PII } from '../src/pii.js';
import type { Summary } from '../src/report/types.js';
import { humanSummary } from '../src/terminal/summary-lines.js';
import { expectOneErrorLine, runCli } from './helpers/cli.js';
import { admin } from './helpers/emulator.js';
import { contactsCsv } from './helpers/generate.js';
import { CREDENTIALS, statuses, useImportRuns } from './helpers/import-run.js';

const { tmp, emulator, sheet, importSheet } = useImportRuns('contact-import-i18n-run-');

const ZH_LOCALE = { LANG: 'zh_CN.UTF-8' };
/** Any Han character: the line is in Chinese. */
const HAN = /\p{Script=Han}/u;

/** Every key path of a JSON value, arrays by their first item: the shape, whatever the words. */
function shape(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return [path + '[]', ...(value.length > 0 ? shape(value[0], path + '[]') : [])];
  if (value === null || typeof value !== 'object') return [path];
  return Object.entries(value).flatMap(([key, inner]) => shape(inner, `${path}.${key}`));
}

describe('the run on the console in Chinese (built CLI, emulator)', () => {
  it('--lang zh-CN: a Chinese closing summary; statuses, exit code and the directory the same as in English', async () => {
    const english = await importSheet(await emulator(), sheet(contactsCsv(3)), ['--dry-run']);
    const chinese = await importSheet(await emulator(), sheet(contactsCsv(3)), ['--dry-run', '--lang', 'zh-CN']);
    expect(chinese.code).toBe(english.code);
    expect(statuses(chinese.rows)).toEqual(statuses(english.rows));
    expect(english.stderr).toMatch(/^ {2}quota: 0 of \d+ contacts before the run, 3 would be added, room for \d+ more$/m);
    expect(english.stderr).toMatch(/^ {2}report: /m);
    expect(chinese.stderr).toMatch(/：共 3 行（表头在第 1 行；/);
    expect(chinese.stderr).toMatch(/^ {2}联系人上限：运行前已有 0 个（上限 \d+ 个），将添加 3 个，还可再添加 \d+ 个$/m);
    expect(chinese.stderr).toMatch(/^ {2}报告：/m);
    expect(chinese.stderr).toMatch(/^试运行：未写入任何内容$/m);
    // Statuses are stable keys, shown as they are.
    expect(chinese.stderr).toMatch(/^ {2}would_create 3$/m);
    expect(chinese.stderr).not.toMatch(/quota:|report:|dry run:/);
  });

  it('LANG=zh_CN.UTF-8 alone gives the Chinese summary; --lang en overrides it', async () => {
    const e = await emulator();
    const file = sheet(contactsCsv(2));
    const byLocale = await importSheet(e, file, ['--dry-run'], { ...CREDENTIALS, ...ZH_LOCALE });
    const overridden = await importSheet(e, file, ['--dry-run', '--lang', 'en'], { ...CREDENTIALS, ...ZH_LOCALE });
    expect(byLocale.code).toBe(0);
    expect(overridden.code).toBe(0);
    expect(byLocale.stderr).toMatch(/^ {2}联系人上限：运行前已有 0 个/m);
    expect(overridden.stderr).toMatch(/^ {2}quota: 0 of \d+ contacts before the run, 2 would be added/m);
    expect(overridden.stderr).not.toMatch(HAN);
  });

  it('--json: the summary on stdout has the same keys, counts, codes and exit code in both languages', async () => {
    const run = async (lang: string) => {
      const e = await emulator();
      // A duplicate row: a code in the summary and the results, beside a message in the run's language.
      const text = contactsCsv(2) + contactsCsv(1).split('\n').slice(1).join('\n');
      const done = await importSheet(e, sheet(text), ['--json', '--skip-invalid', '--lang', lang]);
      return { ...done, json: JSON.parse(done.stdout) };
    };
    const english = await run('en');
    const chinese = await run('zh-CN');
    expect(chinese.code).toBe(english.code);
    expect(shape(chinese.json).sort()).toEqual(shape(english.json).sort());
    expect(chinese.json.counts).toEqual(english.json.counts);
    expect(chinese.json.exitCode).toBe(english.json.exitCode);
    const codes = (rows: any[]) => rows.map((row) => row.errors.map((error: any) => error.code));
    expect(codes(chinese.rows)).toEqual(codes(english.rows));
    expect(codes(english.rows).flat()).not.toEqual([]);
  });

  it('a wrong AccessKey secret: one Chinese error line with what to check, exit 3 as in English', async () => {
    const e = await emulator();
    const file = sheet(contactsCsv(1));
    const wrong = { ...CREDENTIALS, ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'not-the-secret' };
    const english = await importSheet(e, file, [], wrong);
    const chinese = await importSheet(e, file, ['--lang', 'zh-CN'], wrong);
    expect(english.code).toBe(3);
    expect(chinese.code).toBe(3);
    expectOneErrorLine(english, /the service refused the signature of the request \(SignatureDoesNotMatch/);
    // The `error: ` prefix stays English: scripts grep for it. The code stays as it is.
    expectOneErrorLine(chinese, /^error: .*服务拒绝了请求的签名（SignatureDoesNotMatch，HTTP 400.*请检查 AccessKey Secret/m);
    expect(statuses(chinese.rows)).toEqual(statuses(english.rows));
  });

  it('no credentials anywhere: the Chinese line names what was tried, exit 3', async () => {
    const e = await emulator();
    const env = { HOME: join(tmp(), 'empty-home'), ...ZH_LOCALE };
    const run = await importSheet(e, sheet(contactsCsv(1)), [], env);
    expect(run.code).toBe(3);
    expectOneErrorLine(run, /在 环境变量、OIDC、~\/\.aliyun\/config\.json 和 ~\/\.alibabacloud\/credentials 中都没有找到凭据（加 --verbose 可查看原因）/);
    expect(e.requests).toEqual([]);
  });

  it("another host's lock: the Chinese refusal with the way out, exit 3, nothing sent", async () => {
    const e = await emulator();
    const lockDir = join(tmp(), 'locks-zh');
    mkdirSync(lockDir, { mode: 0o700 });
    const key = lockKey({ endpoint: parseEndpoint(e.url, 'intl'), credentials: { kind: 'chain', profiles: [], tried: [] } }, CREDENTIALS);
    const path = join(lockDir, lockFileName(key));
    writeFileSync(path, JSON.stringify({ pid: process.pid, host: 'build-host-2', startedAt: '2026-01-02T03:04:05.000Z', key }) + '\n', { mode: 0o600 });
    const run = await importSheet(e, sheet(contactsCsv(2)), ['--lock-dir', lockDir, '--lang', 'zh-CN']);
    expect(run.code).toBe(3);
    expectOneErrorLine(
      run,
      /^error: 另一个运行自 2026-01-02T03:04:05\.000Z 起持有锁（另一台主机 build-host-2 上的 pid \d+，本机无法判断它是否仍在运行）；未发送任何请求。如果没有正在进行的运行，请加 --break-lock 重新运行/m,
    );
    expect(statuses(run.rows)).toEqual(['not_attempted', 'not_attempted']);
    expect(e.requests).toEqual([]);
  });

  it('a plan made in Chinese applies in English: its notes are words, its actions and statuses are what must match', async () => {
    const e = await emulator();
    await admin(e, 'POST', 'preload', {
      contacts: [{ Name: 'Zed', EmailAddress: 'zed@example.com', Title: 'CEO', MessageTypes: ['ServiceMessage'] }],
    });
    const file = sheet('Name,Email,Title,MessageTypes\nBob,bob@example.com,CEO,ServiceMessage\n');
    const planFile = join(tmp(), 'plan-zh.json');
    const dry = await importSheet(e, file, ['--mode', 'sync', '--dry-run', '--plan-out', planFile, '--lang', 'zh-CN']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toMatch(/^计划已写入 .*plan-zh\.json：用 --plan 执行它$/m);
    const saved = JSON.parse(readFileSync(planFile, 'utf8'));
    expect(saved.plan.rows.map((r: any) => [r.action, r.result.status, r.result.notes])).toEqual([
      ['create', 'would_create', undefined],
      ['none', 'would_delete', ['不在表格中；加 --prune 会删除它']],
    ]);
    const applied = await importSheet(e, `--plan=${planFile}`, ['--lang', 'en']);
    expect(applied.code).toBe(0);
    expect(statuses(applied.rows)).toEqual(['created', 'would_delete']);
    expect(applied.rows[1].notes).toEqual(['not in the sheet; --prune deletes it']);
  });

  it('a --report-dir that is not a report of ours: the Chinese refusal, exit 2 as in English', async () => {
    const folder = join(tmp(), 'not-a-report');
    mkdirSync(folder);
    writeFileSync(join(folder, 'notes.txt'), 'mine\n');
    const file = sheet(contactsCsv(1));
    const english = await runCli(['validate', file, '--report-dir', folder]);
    const chinese = await runCli(['validate', file, '--report-dir', folder], { env: ZH_LOCALE });
    expect(english.code).toBe(2);
    expect(chinese.code).toBe(2);
    expectOneErrorLine(english, /--report-dir .*not-a-report\/: it holds "notes\.txt", which no report of contact-import has/);
    expectOneErrorLine(chinese, /--report-dir .*not-a-report\/：其中有 "notes\.txt"，这不是 contact-import 报告中的文件；请指定一个新文件夹/);
  });
});

describe('the lines in process, with useLanguage', () => {
  afterEach(() => useLanguage('en'));

  const summary = (over: Partial<Summary> = {}): Summary =>
    ({
      input: { file: 'contacts.xlsx', sheet: '联系人', rows: 4, headerRow: 2, blankRows: 1, encoding: null, delimiter: null, ignoredColumns: ['备注'] },
      directoryOnly: 1,
      counts: { created: 2, invalid: 1, duplicate: 1 },
      quota: { limit: 50, existing: 10, planned: 2, remaining: 38, basis: 'listed' },
      dryRun: false,
      exitCode: 1,
      goodWithErrors: { count: 0, rows: [] },
      ...over,
    }) as unknown as Summary;

  it('the closing summary, every line in Chinese but the statuses and the values', () => {
    useLanguage('zh-CN');
    expect(humanSummary(summary(), 'reports/x')).toEqual([
      'contacts.xlsx（工作表“联系人”）：共 4 行（表头在第 2 行，跳过 1 个空行）',
      '  另有 1 个资源目录中的消息联系人不在表格中',
      '  created 2 · invalid 1 · duplicate 1',
      '  已忽略的列："备注"',
      '  联系人上限：运行前已有 10 个（上限 50 个），已添加 2 个，还可再添加 38 个',
      '  报告：reports/x',
    ]);
  });

  it('in English the summary reads as it always did', () => {
    expect(humanSummary(summary(), 'reports/x')).toEqual([
      'contacts.xlsx (sheet "联系人"): 4 rows (header on row 2, 1 blank skipped)',
      '  and 1 directory contact not in the sheet',
      '  created 2 · invalid 1 · duplicate 1',
      '  ignored columns: "备注"',
      '  quota: 10 of 50 contacts before the run, 2 added, room for 38 more',
      '  report: reports/x',
    ]);
  });

  it('rows that ended well but carry an error: one Chinese sentence, the codes as they are', () => {
    useLanguage('zh-CN');
    const goodWithErrors = { count: 3, rows: [{ row: 4, name: 'ops', status: 'created', codes: ['MemberBindingFailed'] }] };
    const lines = humanSummary(summary({ goodWithErrors } as Partial<Summary>), 'r');
    expect(lines).toContain('  退出码 1：3 行结果正常但带有错误：第 4 行“ops”（created；MemberBindingFailed），另有 2 行');
  });

  it('a failure and what to check, in Chinese; the code and HTTP status as they are', () => {
    const failure: CallFailure = { kind: 'refused', code: 'NoPermission', statusCode: 403, message: 'ignored', requestId: 'R-1', detail: 'sdk' };
    useLanguage('zh-CN');
    expect(describeFailure({ ...failure, message: '该 AccessKey 无权调用此操作' }, MASK_PII, 3)).toBe(
      '该 AccessKey 无权调用此操作（NoPermission，HTTP 403，尝试 3 次）（请求 ID：R-1）',
    );
    expect(whatToCheck(failure)).toMatch(/^请检查该 AccessKey 的 RAM 权限（AliyunResourceDirectoryFullAccess/);
    expect(fileProblem(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe('磁盘已满（ENOSPC）');
    useLanguage('en');
    expect(describeFailure({ ...failure, message: 'the AccessKey may not call this operation' }, MASK_PII, 3)).toBe(
      'the AccessKey may not call this operation (NoPermission, HTTP 403, 3 tries) [request R-1]',
    );
    expect(fileProblem(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe('the disk is full (ENOSPC)');
  });
});
