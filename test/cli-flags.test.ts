/**
 * Flags yargs lets through (issue 17, break 9): a single-value flag given twice
 * (`--site cn --site intl` was exit 70), and numbers out of range
 * (`--timeout 3000000` made every call time out in 1 ms). Each is one line
 * naming the flag, exit 2, before anything is read or sent.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';
import { CREDENTIALS } from './helpers/import-run.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir('contact-import-flags-');

let runs = 0;
/** Runs the CLI on a good sheet; nothing may be written (no report folder) and nothing sent (the endpoint is closed). */
async function refused(command: 'validate' | 'import', flags: string[]) {
  const sheet = join(tmp(), 'ok.csv');
  writeFileSync(sheet, 'Name,Email,Title,MessageTypes\r\nAnn,ann@example.com,CEO,ServiceMessage\r\n');
  const reportDir = join(tmp(), `report-${++runs}`);
  const extra = command === 'import' ? ['--dry-run', '--endpoint', 'http://127.0.0.1:9'] : [];
  const run = await runCli([command, sheet, '--report-dir', reportDir, ...extra, ...flags], { env: CREDENTIALS });
  expect(run.code).toBe(2);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(existsSync(reportDir)).toBe(false);
  return lines[0]!;
}

describe('a single-value flag given twice', () => {
  it.each([
    ['validate', ['--site', 'cn', '--site', 'intl'], '--site is given 2 times (cn, intl)'],
    ['validate', ['--sheet', '1', '--sheet', 'Contacts'], '--sheet is given 2 times (1, Contacts)'],
    ['validate', ['--report-dir', 'a', '--report-dir', 'b'], '--report-dir is given 3 times'],
    ['validate', ['--max-rows', '5', '--max-rows', '6'], '--max-rows is given 2 times (5, 6)'],
    ['import', ['--timeout', '5', '--timeout', '6'], '--timeout is given 2 times (5, 6)'],
    ['import', ['--mode', 'sync', '--mode', 'create'], '--mode is given 2 times (sync, create)'],
    ['import', ['--max-delete', '1', '--max-delete', '9'], '--max-delete is given 2 times (1, 9)'],
  ] as const)('%s %j: exit 2, one line naming it', async (command, flags, message) => {
    expect(await refused(command, [...flags])).toMatch(new RegExp(`^error: ${message.replace(/[()]/g, '\\$&')}.*; give it once$`));
  });
});

describe('numbers out of range', () => {
  it.each([
    [['--timeout', '3000000'], '--timeout must be a number of seconds from 1 to 600, got 3,000,000'],
    [['--timeout', '0.5'], '--timeout must be a number of seconds from 1 to 600, got 0.5'],
    [['--timeout', '601'], '--timeout must be a number of seconds from 1 to 600, got 601'],
    [['--timeout', 'soon'], '--timeout must be a number of seconds from 1 to 600, got something that is not a number'],
    [['--max-tries', '0'], '--max-tries must be a whole number from 1 to 100, got 0'],
    [['--max-delete', '-1'], '--max-delete must be a whole number ≥ 0, got -1'],
    [['--max-rows', '0'], '--max-rows must be a whole number ≥ 1, got 0'],
    [['--contact-limit', '2.5'], '--contact-limit must be a whole number ≥ 0, got 2.5'],
  ])('import %j: exit 2 and the range', async (flags, message) => {
    expect(await refused('import', flags)).toBe(`error: ${message}`);
  });

  it('the range is in --help', async () => {
    const help = await runCli(['import', '--help']);
    expect(help.stdout).toMatch(/--timeout +seconds to wait for one API call \(1–600\)/);
  });

  it('--help and -h list every command; <command> -h shows that command\'s options', async () => {
    for (const flag of ['--help', '-h']) {
      const help = await runCli([flag]);
      expect(help.code).toBe(0);
      for (const command of ['validate', 'import', 'status', 'demo', 'emulator']) expect(help.stdout).toMatch(new RegExp(`^  contact-import ${command}\\b`, 'm'));
    }
    const validate = await runCli(['validate', '-h']);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toMatch(/--write-fixed/);
  });

  it('the emulator checks its numbers too', async () => {
    for (const [flags, message] of [
      [['--port', '70000'], '--port must be a whole number from 0 to 65535, got 70000'],
      [['--fault-rate', '2'], '--fault-rate must be a number from 0 to 1, got 2'],
      [['--latency', '-5'], '--latency must be a whole number of milliseconds from 0 to 600000, got -5'],
    ] as const) {
      const run = await runCli(['emulator', ...flags]);
      expect([run.code, run.stderr.trim()]).toEqual([2, `error: ${message}`]);
    }
  });
});
