import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, ROOT } from './helpers/cli.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir();
const fixture = (name: string) => join(ROOT, 'fixtures', name);

function readJson(path: string): any {
  return JSON.parse(readFileSync(path, 'utf8'));
}

describe('contact-import validate', () => {
  it('passes fixtures/contacts.csv: exit 0, every row valid', async () => {
    const out = join(tmp(), 'ok-csv');
    const run = await runCli(['validate', fixture('contacts.csv'), '--report-dir', out]);
    expect(run.stderr).toMatch(/contacts\.csv: 10 rows/);
    expect(run.code).toBe(0);
    const summary = readJson(join(out, 'summary.json'));
    expect(summary.counts).toEqual({ valid: 10 });
    expect(summary.exitCode).toBe(0);
  });

  it('passes fixtures/contacts.xlsx with the same contacts as the CSV', async () => {
    const xlsxOut = join(tmp(), 'ok-xlsx');
    const csvOut = join(tmp(), 'ok-csv-again');
    const run = await runCli(['validate', fixture('contacts.xlsx'), '--report-dir', xlsxOut]);
    await runCli(['validate', fixture('contacts.csv'), '--report-dir', csvOut]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/contacts\.xlsx \(sheet "Contacts"\): 10 rows/);
    const summary = readJson(join(xlsxOut, 'summary.json'));
    expect(summary.input).toMatchObject({ format: 'xlsx', sheet: 'Contacts', encoding: null });
    expect(summary.counts).toEqual({ valid: 10 });
    const rowsOf = (dir: string) => readJson(join(dir, 'results.json')).rows;
    expect(rowsOf(xlsxOut)).toEqual(rowsOf(csvOut));
  });

  it('names the sheets there are when --sheet is wrong', async () => {
    const run = await runCli(['validate', fixture('contacts.xlsx'), '--sheet', 'People', '--report-dir', join(tmp(), 'no-sheet')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^error: contacts\.xlsx: no sheet "People"; the workbook has one sheet: "Contacts" \(use --sheet NAME or --sheet 1\)$/);
  });

  it('lists every problem of fixtures/invalid.csv with row, column, code and message, and exits 1', async () => {
    const out = join(tmp(), 'invalid');
    const run = await runCli(['validate', fixture('invalid.csv'), '--report-dir', out]);
    expect(run.code).toBe(1);
    const results = readJson(join(out, 'results.json'));
    const problems = results.rows.flatMap((r: any) => r.errors.map((e: any) => ({ row: r.row, ...e })));
    // every problem in the report is on the console, with its row, column, code and message
    // (contact details masked there: the report has them in full)
    for (const problem of problems) {
      const personal = problem.field === 'EmailAddress' || problem.field === 'PhoneNumber';
      const [column] = problem.message.split(': ');
      expect(run.stderr).toContain(`row ${problem.row}: ${problem.code}: ${personal ? `${column}: ` : problem.message}`);
      expect(problem.message).toMatch(/\(column [A-F]/);
    }
    // each row's Notes column says which problem it holds: the report agrees
    const expected = readFileSync(fixture('invalid.csv'), 'utf8')
      .split('\r\n')
      .slice(2, -1)
      .map((line) => /((?:Missing|Invalid)Parameter[.\w]*|LimitExceeded\.\w+|duplicate)/.exec(line)?.[1]);
    const codes = results.rows.slice(1).map((r: any) => (r.status === 'duplicate' ? 'duplicate' : r.errors.map((e: any) => e.code)));
    expected.forEach((code, i) => expect(codes[i]).toContain(code));
    expect(run.stderr).toMatch(/valid 1 · invalid 18 · duplicate 1/);
    expect(run.stderr).toMatch(/ignored columns: "Notes"/);
  });

  it('writes results.json in the documented shape', async () => {
    const out = join(tmp(), 'shape');
    await runCli(['validate', fixture('invalid.csv'), '--report-dir', out]);
    const results = readJson(join(out, 'results.json'));
    expect(results.version).toBe(1);
    expect(results.rows[0]).toEqual({ row: 2, name: 'AliceWang', email: 'alice.wang@example.com', status: 'valid', errors: [] });
    const title = results.rows.find((r: any) => r.name === 'BadTitle');
    expect(title).toEqual({
      row: 16,
      name: 'BadTitle',
      email: 'bad.title@example.com',
      status: 'invalid',
      errors: [
        {
          field: 'Title',
          code: 'InvalidParameter.Title',
          message: expect.stringMatching(/^Title \(column D\): "CTO" is not one of/),
          suggestion: 'TechnicalDirector',
        },
      ],
    });
    const summary = readJson(join(out, 'summary.json'));
    expect(Object.keys(summary)).toEqual(['version', 'command', 'endpoint', 'directory', 'site', 'input', 'counts', 'directoryOnly', 'quota', 'goodWithErrors', 'dryRun', 'exitCode', 'startedAt', 'finishedAt']);
    expect(summary.input).toMatchObject({ file: 'invalid.csv', format: 'csv', rows: 20, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(summary.quota).toEqual({ limit: 20, existing: 0, planned: 1, remaining: 19, basis: 'assumed-empty' });
  });

  it('writes a results.csv where no cell can start a formula', async () => {
    const out = join(tmp(), 'csv-safe');
    await runCli(['validate', fixture('invalid.csv'), '--report-dir', out]);
    const csv = readFileSync(join(out, 'results.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFrow,name,email,status,code,message,contactId,requestId');
    expect(csv).toContain(`8,"'=HYPERLINK(""http://x"")",formula@example.com,invalid,`);
    // no cell (after a separator or at a line start, quoted or not) begins with = + - @
    expect(csv).not.toMatch(/(^|,|\r\n)"?[=+\-@]/);
  });

  it('marks valid rows past --contact-limit as over_quota and exits 1', async () => {
    const out = join(tmp(), 'quota');
    const run = await runCli(['validate', fixture('contacts.csv'), '--contact-limit', '6', '--report-dir', out]);
    expect(run.code).toBe(1);
    const results = readJson(join(out, 'results.json'));
    expect(results.rows.map((r: any) => r.status)).toEqual([...Array(6).fill('valid'), ...Array(4).fill('over_quota')]);
  });

  it('accepts Chinese names with --site cn only', async () => {
    const sheet = join(tmp(), 'cn.csv');
    writeFileSync(sheet, '姓名,邮箱,职位,消息类型\n张伟,zhang.wei@example.com,技术总监,ServiceMessage\n王芳,wang.fang@example.com,CEO,ServiceMessage\n');
    const intl = await runCli(['validate', sheet, '--report-dir', join(tmp(), 'cn-intl')]);
    expect(intl.code).toBe(1);
    const cn = await runCli(['validate', sheet, '--site', 'cn', '--report-dir', join(tmp(), 'cn-cn')]);
    // 技术总监 is not a Title value: suggested, not applied
    expect(cn.stderr).toMatch(/row 2: InvalidParameter\.Title: .*did you mean "TechnicalDirector"/);
    expect(cn.stderr).not.toMatch(/row 3/);
    expect(cn.code).toBe(1);
  });

  it('prints only the summary JSON on stdout with --json', async () => {
    const out = join(tmp(), 'json');
    const run = await runCli(['validate', fixture('contacts.csv'), '--json', '--report-dir', out]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(readJson(join(out, 'summary.json')));
    expect(run.stderr).toBe('');
  });

  it('writes the report under reports/<yyyymmdd-hhmmss>-<sheet name>/ by default, with a JSON log', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'team list.csv'), readFileSync(fixture('contacts.csv')));
    const run = await runCli(['validate', 'team list.csv'], { cwd });
    expect(run.code).toBe(0);
    const [folder] = readdirSync(join(cwd, 'reports'));
    expect(folder).toMatch(/^\d{8}-\d{6}-team_list$/);
    expect(run.stderr).toContain(`report: reports/${folder}/`);
    const log = readFileSync(join(cwd, 'reports', folder!, 'log.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(log.some((entry) => entry.level === 'info' && /valid 10/.test(entry.message))).toBe(true);
  });

  it('refuses a bad file with one line and exit 2, a stack trace only with --verbose', async () => {
    const sheet = join(tmp(), 'old.xls');
    writeFileSync(sheet, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    const run = await runCli(['validate', sheet, '--report-dir', join(tmp(), 'xls')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: \/.*\/old\.xls: is an Excel 97-2003 workbook .*save it as \.xlsx/)]);
    expect(existsSync(join(tmp(), 'xls'))).toBe(false);
  });

  it('with --verbose adds the stack trace, in src/ files and lines although dist/ is a bundle', async () => {
    const map = join(tmp(), 'map.json');
    writeFileSync(map, '{not json');
    const args = ['validate', fixture('contacts.csv'), '--map', map, '--report-dir', join(tmp(), 'map')];
    const plain = await runCli(args);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/^error: --map .*map\.json: not valid JSON/);
    expect(plain.stderr).not.toMatch(/\n\s+at /);

    const verbose = await runCli([...args, '--verbose']);
    expect(verbose.code).toBe(2);
    expect(verbose.stderr).toMatch(/\n\s+at .*readColumnMap .*src\/read\/column-map\.ts:\d+:\d+/);
    expect(verbose.stderr).toMatch(/\n\s+at .*src\/cli\/sheet-commands\.ts:\d+:\d+/);
  });

  it.each([
    [['validate'], /name the sheet to check: contact-import validate FILE/],
    [['frobnicate', 'x.csv'], /unknown command "frobnicate"; the commands are/],
    [['validate', 'x.csv', '--site', 'mars'], /Invalid values/],
    [['validate', 'x.csv', '--contact-limit', '-1'], /--contact-limit must be a whole number/],
    [['validate', 'x.csv', '--max-bytes', 'lots'], /--max-bytes lots: give a size such as 50MB/],
    [['validate', 'x.csv', '--delimiter', ';;'], /--delimiter ";;": give one character/],
  ])('a usage error %j exits 2 with one line', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('keeps the rows read before a malformed line and exits 2', async () => {
    const sheet = join(tmp(), 'broken.csv');
    writeFileSync(sheet, 'Name,Email,Title,MessageTypes\nAlice,a@example.com,CEO,ServiceMessage\nBob,"b@example.com,CEO,ServiceMessage\n');
    const out = join(tmp(), 'broken');
    const run = await runCli(['validate', sheet, '--report-dir', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/broken\.csv: malformed CSV: the quoted field that starts on line 3 is never closed/);
    expect(readJson(join(out, 'results.json')).rows).toHaveLength(1);
    expect(readJson(join(out, 'summary.json')).exitCode).toBe(2);
  });

  it('--print-mapping prints a mapping file that --map reads back; the summary records how the text was read', async () => {
    const sheet = join(tmp(), 'export.csv');
    // A title, then a semicolon header with one header we cannot guess, in GBK.
    const text = 'Export 2026;;;;\r\n姓名;Notify by;职位;消息类型;备注\r\n张伟;zw@example.com;CEO;ServiceMessage;x\r\n';
    writeFileSync(sheet, (await import('iconv-lite')).default.encode(text, 'gb18030'));
    const refused = await runCli(['validate', sheet, '--print-mapping']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/export\.csv: row 2: no EmailAddress column; the headers found are "姓名", "Notify by", "职位", "消息类型", "备注" .*--map/);

    const mapping = join(tmp(), 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ columns: { 'Notify by': 'EmailAddress' } }));
    const printed = await runCli(['validate', sheet, '--map', mapping, '--site', 'cn', '--print-mapping']);
    expect(printed.code).toBe(0);
    const file = JSON.parse(printed.stdout);
    expect(file).toEqual({
      encoding: 'gb18030',
      delimiter: ';',
      headerRow: 2,
      columns: { 姓名: 'Name', 'Notify by': 'EmailAddress', 职位: 'Title', 消息类型: 'MessageTypes', 备注: null },
    });
    // The printed mapping is a mapping file: given back, it reads the sheet the same way.
    writeFileSync(mapping, printed.stdout);
    const out = join(tmp(), 'mapped');
    const run = await runCli(['validate', sheet, '--map', mapping, '--site', 'cn', '--report-dir', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/export\.csv: 1 rows \(header on row 2; gb18030, semicolon-separated\)/);
    expect(readJson(join(out, 'summary.json')).input).toMatchObject({
      encoding: 'gb18030',
      delimiter: ';',
      headerRow: 2,
      columns: { Name: '姓名', EmailAddress: 'Notify by', Title: '职位', MessageTypes: '消息类型' },
      ignoredColumns: ['备注'],
    });
    expect(readJson(join(out, 'results.json')).rows[0]).toMatchObject({ row: 3, name: '张伟', status: 'valid' });
  });

  it('--max-bytes takes sizes with units and refuses a larger sheet with exit 2', async () => {
    const size = readFileSync(fixture('contacts.csv')).length;
    const run = await runCli(['validate', fixture('contacts.csv'), '--max-bytes', '0.5KB', '--report-dir', join(tmp(), 'too-big')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`error: ${fixture('contacts.csv')}: the file is ${size} bytes, more than the 512 bytes a sheet may be; raise --max-bytes if it really is a contact sheet`);
  });
});
