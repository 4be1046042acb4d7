/**
 * Reports people look at (issue 7): report.html, annotated.xlsx, progress
 * lines, and contact details kept out of logs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { runValidate } from '../src/commands/validate.js';
import { createLogger } from '../src/terminal/log.js';
import { renderHtmlReport } from '../src/report/html.js';
import { cleanSdkText } from '../src/directory/sdk-failure.js';
import { maskEmail, maskPhone, maskSent } from '../src/pii.js';
import { createProgress } from '../src/terminal/progress.js';
import type { RowResult, Summary } from '../src/report/types.js';
import { ROOT } from './helpers/cli.js';
import { CREDENTIALS, useImportRuns } from './helpers/import-run.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir();
const log = createLogger('quiet');

async function validateFixture(name: string, dir: string) {
  const reportDir = join(tmp(), dir);
  const outcome = await runValidate({ file: join(ROOT, 'fixtures', name), read: {}, site: 'intl', contactLimit: 20, reportDir, cwd: ROOT }, log);
  const rows = (JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')) as { rows: RowResult[] }).rows;
  return { ...outcome, rows };
}

describe('report.html', () => {
  it('is one self-contained page: counts, quota, input, and the rows with problems first', async () => {
    const { reportDir, summary, rows } = await validateFixture('invalid.csv', 'html');
    const html = readFileSync(join(reportDir, 'report.html'), 'utf8');
    // Nothing fetched from anywhere: no src, links only to the files beside it, a CSP that forbids the rest.
    expect(html).not.toMatch(/\bsrc\s*=/i);
    expect([...html.matchAll(/\bhref\s*=\s*"([^"]*)"/gi)].map((m) => m[1])).toEqual(['results.csv', 'results.json', 'annotated.xlsx']);
    expect(html).toContain(`default-src 'none'`);
    for (const [status, n] of Object.entries(summary.counts)) expect(html).toMatch(new RegExp(`value="${status}" checked> <span[^>]*>${status}</span> ${n}<`));
    expect(html).toContain(summary.input.sha256);
    const order = [...html.matchAll(/<tr data-status="(\w+)"/g)].map((m) => m[1]);
    expect(order).toHaveLength(rows.length);
    const firstGood = order.indexOf('valid');
    expect(order.slice(firstGood).every((status) => status === 'valid')).toBe(true);
    expect(statSync(join(reportDir, 'report.html')).mode & 0o777).toBe(0o600);
  });

  it('escapes what the sheet holds: a name cannot become markup', () => {
    const summary = {
      version: 1,
      command: 'validate',
      endpoint: null,
      directory: null,
      site: 'intl',
      input: { file: '<b>.csv', format: 'csv', sheet: null, encoding: 'utf-8', delimiter: ',', rows: 1, blankRows: 0, headerRow: 1, columns: {}, ignoredColumns: [], sha256: 'x' },
      counts: { invalid: 1 },
      directoryOnly: 0,
      quota: { limit: 20, existing: 0, planned: 0, remaining: 20, basis: 'assumed-empty' },
      goodWithErrors: { count: 0, rows: [] },
      dryRun: true,
      exitCode: 1,
      startedAt: 'a',
      finishedAt: 'b',
    } as Summary;
    const row: RowResult = { row: 2, name: '<script>alert(1)</script>', email: '"x"@y', status: 'invalid', errors: [{ field: 'Name', code: 'InvalidParameter.Name', message: '<img>', suggestion: 'a&b' }] };
    const html = renderHtmlReport(summary, { rows: [row], omitted: 0 });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });

  it('escapes every value, whoever wrote it: numbers and statuses too (a hand-edited plan or summary can hold anything)', () => {
    const evil = '<x-evil onclick=alert(1)>"\'';
    const any = evil as any;
    const summary = {
      version: 1,
      command: any,
      directory: null,
      endpoint: evil,
      site: evil,
      input: { file: evil, format: evil, sheet: evil, encoding: evil, delimiter: evil, rows: any, blankRows: any, headerRow: any, columns: {}, ignoredColumns: [evil], sha256: evil },
      counts: { invalid: any },
      directoryOnly: any,
      quota: { limit: any, existing: any, planned: any, remaining: any, basis: any },
      goodWithErrors: { count: any, rows: [] },
      dryRun: false,
      exitCode: any,
      startedAt: evil,
      finishedAt: evil,
    } as Summary;
    const row: RowResult = { row: any, name: evil, email: evil, status: any, errors: [{ field: null, code: evil, message: evil, suggestion: evil }], notes: [evil], contactId: evil, requestId: evil, attempts: any };
    const html = renderHtmlReport(summary, { rows: [row], omitted: 0 }, { annotated: true, fixedCopy: evil });
    expect(html).not.toContain('<x-evil');
    expect(html).not.toMatch(/onclick=alert\(1\)"/);
    expect(html.match(/&#60;x-evil onclick=alert\(1\)&#62;&#34;&#39;/g)!.length).toBeGreaterThanOrEqual(32); // every place a value is shown
    expect(html.match(/<script/g)).toHaveLength(1);
  });
});

describe('annotated.xlsx', () => {
  it('a copy of the sheet with Status and Problems, red fills and comments on exactly the invalid cells', async () => {
    const { reportDir, rows } = await validateFixture('invalid.csv', 'annotated');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(reportDir, 'annotated.xlsx'));
    const sheet = book.worksheets[0]!;
    const header = sheet.getRow(1).values as unknown[];
    const width = header.length - 1;
    expect(header.slice(-2)).toEqual(['Status', 'Problems']);
    const columnOf: Record<string, number> = {};
    header.forEach((text, i) => {
      const field = { Name: 'Name', Email: 'EmailAddress', Phone: 'PhoneNumber', Title: 'Title', MessageTypes: 'MessageTypes', Members: 'Members' }[String(text)];
      if (field) columnOf[field] = i;
    });
    const expected = new Set<string>();
    for (const result of rows) {
      for (const error of result.errors) if (error.field && columnOf[error.field]) expected.add(`${result.row}:${columnOf[error.field]}`);
    }
    const marked = new Set<string>();
    sheet.eachRow((row, rowNumber) => {
      for (let column = 1; column <= width - 2; column++) {
        const cell = row.getCell(column);
        const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
        if (fill?.fgColor?.argb && cell.note) marked.add(`${rowNumber}:${column}`);
      }
    });
    expect(marked).toEqual(expected);
    expect(expected.size).toBeGreaterThan(10);
    // Each row's status, as in the report.
    for (const result of rows) expect(sheet.getRow(result.row!).getCell(width - 1).value).toBe(result.status);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
  });
});

describe('privacy', () => {
  it('masks an email or phone value: first letter and domain, first and last digits; the full-width ＠ too', () => {
    expect(maskEmail('bob@example.com')).toBe('b***@example.com');
    expect(maskEmail('Bob <bob@example.com>')).toBe('B***@example.com>');
    expect(maskEmail('ann＠example.com')).toBe('a***＠example.com');
    expect(maskEmail('not an address')).toBe('n***');
    expect(maskPhone('86-13912345678')).toBe('86-139****5678');
    expect(maskPhone('+86 139 1234 5678')).toBe('+86 139 **** 5678');
    expect(maskPhone('1391234567')).toBe('13****4567');
  });

  it('masks the values a request carried in the text answered to it, as sent and URL-encoded', () => {
    const sent = [{ field: 'email' as const, value: 'ann.lee@example.com' }, { field: 'phone' as const, value: '86-13912345678' }];
    expect(maskSent('EmailAddress: "ann.lee@example.com", ann.lee%40example.com, 86-13912345678', sent)).toBe('EmailAddress: "a***@example.com", a***@example.com, 86-139****5678');
    expect(maskSent('nothing personal here', sent)).toBeUndefined();
  });

  it('keeps neither the request URL nor a string to sign from the SDK\'s error text', () => {
    expect(cleanSdkText('socket hang upPOST http://127.0.0.1:1/?EmailAddress=ann%40example.com&Name=Ann failed.')).toBe('socket hang up');
    expect(cleanSdkText('ReadTimeout: 10000. POST /?EmailAddress=ann%40example.com failed.')).toBe('ReadTimeout: 10000.');
    expect(cleanSdkText('ConnectTimeout: Connect http://h:1/?a=b failed.')).toBe('ConnectTimeout:');
    expect(cleanSdkText('Specified signature is not matched with our calculation. Server string to sign is: ACS3-HMAC-SHA256\nabc')).toBe(
      'Specified signature is not matched with our calculation.',
    );
    expect(cleanSdkText('see https://api.example.com/x?AccessKeyId=k&Signature=s')).toBe('see https://api.example.com/x');
  });
});

/** A stream that keeps what is written to it, as progress would write to stderr. */
function collected() {
  let written = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      written += String(chunk);
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  return { stream, text: () => written };
}

describe('progress', () => {
  it('writes a plain line now and then when stderr is not a terminal (here: every tick)', () => {
    const { stream, text } = collected();
    const progress = createProgress('lines', stream, 0);
    progress.start('reading');
    progress.tick(2);
    progress.start('applying', 3);
    progress.tick(2);
    progress.note('throttled: trying again in 2 s');
    progress.tick(3);
    progress.stop();
    progress.tick(4); // after stop: nothing
    expect(text().split('\n')).toEqual([
      'reading: 1 row (row 2)',
      'applying: 1 of 3 rows (row 2)',
      'applying: 2 of 3 rows (row 3)',
      '',
    ]);
  });

  it('a batch of rows ticks once, counting all of them, and names its last row', () => {
    const { stream, text } = collected();
    const progress = createProgress('lines', stream, 0);
    progress.start('reading');
    progress.tick(501, 500);
    progress.tick(1001, 500);
    expect(text()).toBe('reading: 500 rows (row 501)\nreading: 1000 rows (row 1001)\n');
  });

  it('plain lines are spaced by the interval: a run shorter than it prints none', () => {
    const { stream, text } = collected();
    let clock = 1_000_000;
    const progress = createProgress('lines', stream, 5000, () => clock);
    progress.start('reading');
    for (let row = 2; row < 1000; row++) {
      clock += 4; // 998 rows in just under 4 s
      progress.tick(row);
    }
    expect(text()).toBe('');
    clock += 1010;
    progress.tick(1000);
    clock += 4999;
    progress.tick(1001); // within 5 s of the last line: nothing
    expect(text()).toBe('reading: 999 rows (row 1000)\n');
  });
});

describe('privacy, end to end', () => {
  const { emulator, sheet, importSheet, tmp: runTmp } = useImportRuns('privacy');

  function filesUnder(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  }

  it('a whole import with --verbose: the AccessKey nowhere, emails and phones only in the report files', async () => {
    const directory = await emulator();
    const file = sheet(
      'Name,Email,Phone,Title,MessageTypes\r\nAnnLee,ann.lee@example.com,+86 139 1234 5678,CEO,ServiceMessage\r\nBobBad,Bob <bob.bad@example.com>,13912345679,cto,ServiceMessage\r\n',
    );
    const lockDir = join(runTmp(), 'locks');
    const run = await importSheet(directory, file, ['--verbose', '--skip-invalid', '--lock-dir', lockDir]);
    expect(run.code).toBe(1);
    expect(run.rows.map((r) => r.status)).toEqual(['created', 'invalid']);

    const secrets = [CREDENTIALS.ALIBABA_CLOUD_ACCESS_KEY_SECRET, CREDENTIALS.ALIBABA_CLOUD_ACCESS_KEY_ID];
    const contactDetails = ['ann.lee@example.com', 'bob.bad@example.com', '13912345678', '1234 5678', '13912345679'];
    const reportFiles = new Set(['results.json', 'results.csv', 'report.html', 'annotated.xlsx']);
    const everything = [
      ['stdout', run.stdout],
      ['stderr', run.stderr],
      ...[...filesUnder(run.reportDir), ...(existsSync(lockDir) ? filesUnder(lockDir) : [])].map((path) => [path, readFileSync(path, 'latin1')]),
    ] as [string, string][];
    expect(everything.length).toBeGreaterThan(6);
    for (const [where, text] of everything) {
      for (const secret of secrets) expect({ where, leaked: text.includes(secret) }).toEqual({ where, leaked: false });
      if (reportFiles.has(where.split('/').pop()!)) continue;
      for (const detail of contactDetails) expect({ where, detail, leaked: text.includes(detail) }).toEqual({ where, detail, leaked: false });
    }
    // Masked, not missing: the lines are there, with the details cut.
    expect(run.stderr).toContain('B***@example.com>');
    expect(readFileSync(join(run.reportDir, 'log.jsonl'), 'utf8')).toContain('B***@example.com>');
    // The report files keep full values.
    expect(readFileSync(join(run.reportDir, 'results.json'), 'utf8')).toContain('ann.lee@example.com');
    expect(statSync(run.reportDir).mode & 0o777).toBe(0o700);
    for (const name of reportFiles) expect(statSync(join(run.reportDir, name)).mode & 0o777).toBe(0o600);

    // --show-pii: the console shows them.
    const shown = await importSheet(directory, file, ['--show-pii', '--skip-invalid', '--dry-run']);
    expect(shown.stderr).toContain('Bob <bob.bad@example.com>');
  });
});
