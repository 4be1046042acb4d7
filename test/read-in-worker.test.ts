/**
 * Big sheets are read on a worker thread (src/sheet/in-worker.ts). Whatever
 * thread reads it, a sheet must give the same run: the same rows, the same
 * report, the same encoding found, the same one-line errors and exit codes.
 * Each case runs `validate` with the worker forced on and forced off and
 * compares everything the user sees.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ROOT, runCli, type CliRun } from './helpers/cli.js';
import { contactsCsv } from './helpers/generate.js';
import { useTempDir } from './helpers/tmp.js';
import { packRows, unpackRows } from '../src/sheet/in-worker.js';
import type { Cell, SheetRow } from '../src/read/types.js';

const tmp = useTempDir();

interface Seen {
  code: number | null;
  stdout: string;
  stderr: string;
  results?: string;
  summary?: unknown;
}

/** Everything a run shows, with what differs between any two runs (times, the report folder) taken out. */
async function validate(file: string, worker: '0' | '1', extra: string[] = []): Promise<Seen> {
  const reportDir = join(tmp(), `report-${worker}`);
  const run: CliRun = await runCli(['validate', file, '--report-dir', reportDir, ...extra], { cwd: tmp(), env: { READ_SHEET_IN_WORKER: worker } });
  const folder = (text: string) => text.replaceAll(reportDir, 'REPORT').replaceAll(`report-${worker}`, 'REPORT');
  const seen: Seen = { code: run.code, stdout: folder(run.stdout), stderr: folder(run.stderr) };
  try {
    seen.results = readFileSync(join(reportDir, 'results.csv'), 'utf8');
    const { startedAt, finishedAt, durationMs, ...summary } = JSON.parse(readFileSync(join(reportDir, 'summary.json'), 'utf8'));
    seen.summary = summary;
  } catch {
    // No report: the run stopped before it began one (a file that is not a sheet).
  }
  return seen;
}

async function sameEitherWay(file: string, extra: string[] = []): Promise<Seen> {
  const onThread = await validate(file, '0', extra);
  const inWorker = await validate(file, '1', extra);
  expect(inWorker).toEqual(onThread);
  return inWorker;
}

describe('a sheet read on a worker thread gives the same run as one read on the main thread', () => {
  it.each(['contacts.csv', 'invalid.csv', 'contacts.xlsx'])('fixtures/%s', async (name) => {
    const seen = await sameEitherWay(join(ROOT, 'fixtures', name));
    expect(seen.results!.split('\r\n').length).toBeGreaterThan(5);
  });

  it('a CSV that turns out to be GB18030 past its first 64 KiB: the encoding found far down is the one recorded', async () => {
    const file = join(tmp(), 'late-gbk.csv');
    // "姓名" in GBK, on row 3,002: the head the encoding is judged from is plain ASCII.
    writeFileSync(file, Buffer.concat([Buffer.from(contactsCsv(3000)), Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]), Buffer.from(',x@example.com,,CEO,ServiceMessage\r\n')]));
    const seen = await sameEitherWay(file, ['--site', 'cn']);
    expect(JSON.stringify(seen.summary)).toContain('gb18030');
    expect(seen.results).toContain('3002,姓名,x@example.com,');
  });

  it('an unclosed quote part-way: one line naming it, exit 2, and the rows before it reported', async () => {
    const file = join(tmp(), 'broken.csv');
    writeFileSync(file, contactsCsv(5000) + 'Zed,"z@example.com,,CEO,ServiceMessage\r\nYann,y@example.com,,CEO,ServiceMessage\r\n');
    const seen = await sameEitherWay(file);
    expect(seen.code).toBe(2);
    expect(seen.stderr).toMatch(/broken\.csv: malformed CSV: the quoted field that starts on line 5002 is never closed/);
    expect(seen.results!.trimEnd().split('\r\n')).toHaveLength(5001);
  });

  it('more rows than --max-rows: the same refusal at the same row', async () => {
    const file = join(tmp(), 'long.csv');
    writeFileSync(file, contactsCsv(3000));
    const seen = await sameEitherWay(file, ['--max-rows', '2500']);
    expect(seen.code).toBe(2);
    expect(seen.stderr).toMatch(/more than 2,500 data rows \(row 2502\)/);
    // Every row before the refused one is in the report, not only those of the batches before it.
    expect(seen.results!.trimEnd().split('\r\n')).toHaveLength(2501);
  });

  it('a CSV with no header row: refused before any row, and the thread does not keep the process alive', async () => {
    const file = join(tmp(), 'no-header.csv');
    writeFileSync(file, 'a,b,c\r\n'.repeat(50));
    const seen = await sameEitherWay(file);
    expect(seen.code).toBe(2);
    expect(seen.stderr).toMatch(/no-header\.csv: .*header/);
  });

  it('a run refused after the sheet is open (a bad --write-fixed name) ends at once, the worker part-way through the rows', async () => {
    const file = join(tmp(), 'big.csv');
    writeFileSync(file, contactsCsv(20_000)); // more rows than the worker may post ahead: it waits for this thread
    const seen = await sameEitherWay(file, ['--write-fixed', 'fixed.txt']);
    expect(seen.code).toBe(2);
    expect(seen.stderr).toMatch(/--write-fixed fixed\.txt: .*name it \*\.csv/);
    // A worker left waiting used to keep the process alive for ever: this test timed out.
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
    const seen = await sameEitherWay(file);
    expect(seen.stdout + seen.stderr).toContain('holds a date');
    expect(JSON.stringify(seen.summary)).toContain('Contacts');
  });

  it('a worksheet that is not there: the same one-line refusal', async () => {
    const seen = await sameEitherWay(join(ROOT, 'fixtures', 'contacts.xlsx'), ['--sheet', 'Nope']);
    expect(seen.code).toBe(2);
    expect(seen.stderr).toMatch(/contacts\.xlsx: .*Nope/);
  });
});

describe('rows crossing between threads (packRows, unpackRows)', () => {
  it('arrive as they left: row numbers with gaps, rows of any width, empty rows, holes and odd cells', () => {
    const batch: SheetRow[] = [
      { row: 2, cells: ['Ann', 'ann@example.com', 'CEO'] },
      { row: 3, cells: [] },
      { row: 7, cells: ['张伟', { kind: 'date', shown: '2024-01-02' }, '', { kind: 'merged', shown: 'B5:B6' }, 'x'] },
      { row: 1_048_576, cells: Object.assign(new Array<Cell>(2), { 1: 'only B' }) },
    ];
    const crossed = unpackRows(structuredClone(packRows(batch)));
    expect(crossed).toEqual(batch);
    expect(crossed.map((row) => row.cells.length)).toEqual([3, 0, 5, 2]);
    expect(crossed[3]!.cells[0]).toBeUndefined();
  });
});
