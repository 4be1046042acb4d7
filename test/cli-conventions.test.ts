/**
 * Command-line conventions (issue 20, part 4), through the built CLI: `--` ends
 * the options; a typo in an option or a command gets one line that helps;
 * only the CONTACT_IMPORT_<FLAG> variables a command knows are read; paths are
 * named as typed; `$0` is never shown; a reader that closes the pipe early
 * ends the run quietly; results.csv opens right in Excel.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectOneErrorLine, runCli, type CliRun } from './helpers/cli.js';
import { CREDENTIALS } from './helpers/import-run.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir('contact-import-conventions-');
const GOOD = 'Name,Email,Title,MessageTypes\r\nAnn,ann@example.com,CEO,ServiceMessage\r\n';
/** Nothing is sent: every import here is refused before it lists the directory. */
const CLOSED = ['--endpoint', 'http://127.0.0.1:9', '--max-tries', '1'];

let runs = 0;
const reportDir = () => join(tmp(), `report-${++runs}`);

/** `contact-import …` run in the temporary folder, where ok.csv and -x.csv are good sheets. */
function cli(args: string[], options: { env?: Record<string, string>; closeStdout?: boolean } = {}): Promise<CliRun> {
  writeFileSync(join(tmp(), 'ok.csv'), GOOD);
  writeFileSync(join(tmp(), '-x.csv'), GOOD);
  return runCli(args, { cwd: tmp(), ...options, env: { ...CREDENTIALS, ...options.env } });
}

function summaryIn(dir: string): any {
  return JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
}

function expectUsageError(run: CliRun, line: string): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toBe(`error: ${line}\n`);
}

describe('`--` ends the options', () => {
  it('validate -- ok.csv reads ok.csv', async () => {
    const out = reportDir();
    const run = await cli(['validate', '--report-dir', out, '--', 'ok.csv']);
    expect(run.code).toBe(0);
    expect(summaryIn(out).input.file).toBe('ok.csv');
  });

  it('a sheet whose name starts with a dash is a file after `--`, not a flag', async () => {
    const out = reportDir();
    const run = await cli(['validate', '--report-dir', out, '--', '-x.csv']);
    expect(run.code).toBe(0);
    expect(summaryIn(out).input.file).toBe('-x.csv');
  });

  it('import takes its sheet after `--` too', async () => {
    const run = await cli(['import', ...CLOSED, '--dry-run', '--report-dir', reportDir(), '--', '-x.csv']);
    // The sheet was read: the run got as far as the (closed) endpoint.
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/-x\.csv: 1 rows/);
  });

  it('a second name after the sheet is refused, named', async () => {
    expectUsageError(await cli(['validate', 'ok.csv', '--report-dir', reportDir(), '--', 'other.csv']), 'unexpected argument "other.csv" (see contact-import validate --help)');
  });

  it('a command that takes no file refuses one after `--`', async () => {
    expectUsageError(await cli(['status', ...CLOSED, '--', 'ok.csv']), 'unexpected argument "ok.csv" (see contact-import status --help)');
  });
});

describe('unknown options and commands', () => {
  it.each([
    [['--dryrun'], 'unknown option --dryrun; did you mean --dry-run? (see contact-import import --help)'],
    [['--skip-invalids'], 'unknown option --skip-invalids; did you mean --skip-invalid? (see contact-import import --help)'],
    [['--dry-run', '--alow-partial'], 'unknown option --alow-partial; did you mean --allow-partial? (see contact-import import --help)'],
    [['--frobnicate'], 'unknown option --frobnicate (see contact-import import --help)'],
    [['--dryrun', '--frobnicate'], 'unknown options --dryrun (did you mean --dry-run?), --frobnicate (see contact-import import --help)'],
  ])('import ok.csv %j: one line, exit 2', async (flags, line) => {
    expectUsageError(await cli(['import', 'ok.csv', ...CLOSED, ...flags]), line);
  });

  it('an unknown command says so and lists the commands', async () => {
    expectUsageError(await cli(['rollback']), 'unknown command "rollback"; the commands are template, validate, import, export, undo, status, demo, emulator (see contact-import --help)');
  });

  it('a command with a typo gets a "did you mean"', async () => {
    expectUsageError(
      await cli(['valdate', 'ok.csv']),
      'unknown command "valdate"; did you mean validate? The commands are template, validate, import, export, undo, status, demo, emulator (see contact-import --help)',
    );
  });

  it('an extra name after the sheet is refused', async () => {
    expectUsageError(await cli(['validate', 'ok.csv', 'other.csv', '--report-dir', reportDir()]), 'unexpected argument "other.csv" (see contact-import validate --help)');
  });
});

describe('CONTACT_IMPORT_<FLAG> variables', () => {
  it('one that names no flag is ignored', async () => {
    const run = await cli(['validate', 'ok.csv', '--report-dir', reportDir()], { env: { CONTACT_IMPORT_SHEET_URL: 'https://example.com/sheet' } });
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
  });

  it("one that names another command's flag is ignored", async () => {
    const run = await cli(['validate', 'ok.csv', '--report-dir', reportDir()], { env: { CONTACT_IMPORT_DRY_RUN: 'true' } });
    expect(run.code).toBe(0);
  });

  it("one that names the command's flag is read", async () => {
    const out = reportDir();
    const run = await cli(['validate', 'ok.csv', '--report-dir', out], { env: { CONTACT_IMPORT_CONTACT_LIMIT: '0', CONTACT_IMPORT_SHEET_URL: 'x' } });
    expect(run.code).toBe(1);
    expect(summaryIn(out).counts).toEqual({ over_quota: 1 });
  });

  it('a known flag with a bad value is still refused', async () => {
    const run = await cli(['validate', 'ok.csv', '--report-dir', reportDir()], { env: { CONTACT_IMPORT_SITE: 'mars' } });
    expect(run.code).toBe(2);
    expectOneErrorLine(run, /site/);
  });
});

describe('paths are named as typed', () => {
  it('a missing sheet', async () => {
    expectUsageError(await cli(['validate', 'no/such/sheet.csv', '--report-dir', reportDir()]), 'no/such/sheet.csv: no such file');
  });

  it('a folder', async () => {
    mkdirSync(join(tmp(), 'sheets', 'march'), { recursive: true });
    expectUsageError(
      await cli(['validate', 'sheets/march', '--report-dir', reportDir()]),
      'sheets/march: is a folder, not a file; save the sheet to a file and give that file',
    );
  });

  it('`-` is standard input (here, nothing), never the current folder', async () => {
    const run = await cli(['validate', '-', '--report-dir', reportDir()]);
    expectUsageError(run, 'stdin: the file is empty; export the sheet again as .xlsx or CSV UTF-8');
  });

  it('--write-fixed into a folder that does not exist: one line, exit 2, nothing written (it was a crash)', async () => {
    const out = reportDir();
    const run = await cli(['validate', 'ok.csv', '--write-fixed', 'no/such/fixed.csv', '--report-dir', out]);
    expectUsageError(run, `--write-fixed fixed.csv: there is no folder ${join(tmp(), 'no', 'such')} to write it in; nothing was written`);
    expect(existsSync(out)).toBe(false);
  });

  it('a missing mapping file', async () => {
    expectUsageError(await cli(['validate', 'ok.csv', '--map', 'maps/none.json', '--report-dir', reportDir()]), '--map maps/none.json: no such file');
  });
});

describe('$0', () => {
  it.each([[[]], [['validate']], [['import']], [['status']], [['demo']], [['emulator']]])('never in %j --help', async (command) => {
    const run = await cli([...command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/contact-import/);
    expect(run.stdout).not.toContain('$0');
  });
});

describe('a reader that closes the pipe early (`--json | head -c 10`)', () => {
  it.each([
    ['ok.csv', GOOD, 0],
    ['bad.csv', 'Name,Email,Title,MessageTypes\r\nAnn,not-an-email,CEO,ServiceMessage\r\n', 1],
  ] as const)('%s: no trace, the exit code of the run', async (name, text, code) => {
    writeFileSync(join(tmp(), name), text);
    const run = await cli(['validate', name, '--json', '--report-dir', reportDir()], { closeStdout: true });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(code);
  });

  it('--print-mapping too', async () => {
    const run = await cli(['validate', 'ok.csv', '--print-mapping', '--quiet'], { closeStdout: true });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('results.csv', () => {
  it('starts with a UTF-8 BOM, so Excel reads Chinese names right; the folder is still known as a report', async () => {
    const out = reportDir();
    writeFileSync(join(tmp(), 'zh.csv'), 'Name,Email,Title,MessageTypes\r\n张伟,zhang@example.com,CEO,ServiceMessage\r\n');
    expect((await cli(['validate', 'zh.csv', '--site', 'cn', '--report-dir', out])).code).toBe(0);
    const bytes = readFileSync(join(out, 'results.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1).split('\r\n')[1]).toBe('2,张伟,zhang@example.com,valid,,,,');
    // A second run may replace it: the folder is recognised as an earlier report.
    expect((await cli(['validate', 'zh.csv', '--site', 'cn', '--report-dir', out])).code).toBe(0);
  });
});
