/**
 * Sheets of thousands of rows, which the readers hand on in many batches:
 * what `validate` finds far down (an encoding, a broken quote, one row too
 * many) is reported as on a short sheet, with every row before it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ROOT, runCli, type CliRun } from './helpers/cli.js';
import { contactsCsv } from './helpers/generate.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir();

interface Seen {
  code: number | null;
  stdout: string;
  stderr: string;
  results?: string;
  summary?: unknown;
}

/** What a run shows: its exit code and output, results.csv and summary.json when it wrote them. */
let runs = 0;

async function validate(file: string, extra: string[] = []): Promise<Seen> {
  const reportDir = join(tmp(), `report-${++runs}`);
  const run: CliRun = await runCli(['validate', file, '--report-dir', reportDir, ...extra], { cwd: tmp() });
  const seen: Seen = { code: run.code, stdout: run.stdout, stderr: run.stderr };
  try {
    seen.results = readFileSync(join(reportDir, 'results.csv'), 'utf8');
    const { startedAt, finishedAt, durationMs, ...summary } = JSON.parse(readFileSync(join(reportDir, 'summary.json'), 'utf8'));
    seen.summary = summary;
  } catch {
    // No report: the run stopped before it began one (a file that is not a sheet).
  }
  return seen;
}

describe('validate of a long sheet', () => {
  it('a CSV that turns out to be GB18030 past its first 64 KiB: the encoding found far down is the one recorded', async () => {
    const file = join(tmp(), 'late-gbk.csv');
    // "姓名" in GBK, on row 3,002: the head the encoding is judged from is plain ASCII.
    writeFileSync(file, Buffer.concat([Buffer.from(contactsCsv(3000)), Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]), Buffer.from(',x@example.com,,CEO,ServiceMessage\r\n')]));
    const seen = await validate(file, ['--site', 'cn']);
    expect(JSON.stringify(seen.summary)).toContain('gb18030');
    expect(seen.results).toContain('3002,姓名,x@example.com,');
  });

  it('an unclosed quote part-way: one line naming it, exit 2, and the rows before it reported', async () => {
    const file = join(tmp(), 'broken.csv');
    writeFileSync(file, contactsCsv(5000) + 'Zed,"z@example.com,,CEO,ServiceMessage\r\nYann,y@example.com,,CEO,ServiceMessage\r\n');
    const seen = await validate(file);
    expect(seen.code).toBe(2);
    expect(seen.stderr).toMatch(/broken\.csv: malformed CSV: the quoted field that starts on line 5002 is never closed/);
    expect(seen.results!.trimEnd().split('\r\n')).toHaveLength(5001);
  });

  it('more rows than --max-rows: the same refusal at the same row', async () => {
    const file = join(tmp(), 'long.csv');
    writeFileSync(file, contactsCsv(3000));
    const seen = await validate(file, ['--max-rows', '2500']);
    expect(seen.code).toBe(2);
    expect(seen.stderr).toMatch(/more than 2,500 data rows \(row 2502\)/);
    // Every row before the refused one is in the report, not only those of the batches before it.
    expect(seen.results!.trimEnd().split('\r\n')).toHaveLength(2501);
  });

  it('a CSV with no header row: refused before any row', async () => {
    const file = join(tmp(), 'no-header.csv');
    writeFileSync(file, 'a,b,c\r\n'.repeat(50));
    const seen = await validate(file);
    expect(seen.code).toBe(2);
    expect(seen.stderr).toMatch(/no-header\.csv: .*header/);
  });

  it('a run refused after the sheet is open (a bad --write-fixed name) ends at once, the reader part-way through the rows', async () => {
    const file = join(tmp(), 'big.csv');
    writeFileSync(file, contactsCsv(20_000));
    const seen = await validate(file, ['--write-fixed', 'fixed.txt']);
    expect(seen.code).toBe(2);
    expect(seen.stderr).toMatch(/--write-fixed fixed\.txt: .*name it \*\.csv/);
  }, 60_000);

  it('a workbook whose contacts are on its second sheet, with a date and merged cells', async () => {
    const file = join(tmp(), 'two-sheets.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Read me').addRow(['Fill in the Contacts sheet']);
    const contacts = workbook.addWorksheet('Contacts');
    contacts.addRow(['Name', 'Email', 'Phone', 'Title', 'MessageTypes']);
    for (const line of contactsCsv(300).split('\r\n').slice(1, -1)) contacts.addRow(line.replace(/"([^"]*)"/, (_, t: string) => t.replace(',', ';')).split(','));
    contacts.getCell('D5').value = new Date(Date.UTC(2024, 0, 2));
    contacts.mergeCells('E7:E8');
    await workbook.xlsx.writeFile(file);
    const seen = await validate(file);
    expect(seen.stdout + seen.stderr).toContain('holds a date');
    expect(JSON.stringify(seen.summary)).toContain('Contacts');
  });

  it('a worksheet that is not there: one line naming it', async () => {
    const seen = await validate(join(ROOT, 'fixtures', 'contacts.xlsx'), ['--sheet', 'Nope']);
    expect(seen.code).toBe(2);
    expect(seen.stderr).toMatch(/contacts\.xlsx: .*Nope/);
  });
});
