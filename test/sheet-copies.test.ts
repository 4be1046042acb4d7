/**
 * Copies of the sheet (annotated.xlsx, --write-fixed) read it once more, and
 * exceljs loads a workbook whole, images included, trusting the sizes the zip
 * declares (issue 17, break 4: a 1.5 GB entry in xl/media ended an import in
 * exit 13 with no message, after 2 contacts were created, with the lock left
 * behind). A workbook is loaded only once every part has been unpacked and
 * counted within the reader's limit; otherwise annotated.xlsx is skipped with
 * a warning and the run stands, and --write-fixed is refused. Whatever happens
 * after the last call leaves no lock and a whole report.
 * Sizes are test-sized: --max-bytes 100KB lets a workbook unpack to 2 MB.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../src/errors.js';
import { rereadCsv } from '../src/report/copy.js';
import { checkWorkbookCopy, copyProblem } from '../src/read/copy-check.js';
import { expectOneErrorLine, ROOT, runCli } from './helpers/cli.js';
import type { RunningEmulator } from '../src/emulator/server.js';
import { adds, CREDENTIALS, statuses, useImportRuns } from './helpers/import-run.js';
import { inline, REL, sharedStringsPart, workbookParts, worksheetXml, zipParts, type Part } from './helpers/xlsx-parts.js';

const { tmp, emulator, importSheet } = useImportRuns('sheet-copies-');
const FAULTS = join(ROOT, 'test', 'helpers', 'fs-faults.mjs');
const MiB = 1024 * 1024;
const SMALL = ['--max-bytes', '100KB'];
const LIMIT = 20 * 100 * 1024; // what --max-bytes 100KB allows
const IMAGE = 'xl/media/image1.png';

const PEOPLE = [
  ['Ann', 'ann@example.com', 'CEO', 'ServiceMessage'],
  ['Bob', 'bob@example.com', 'Other', 'ServiceMessage'],
  ['Bad', 'not-an-email', 'CEO', 'ServiceMessage'],
];

/** A workbook exceljs can load, with an image of `imageBytes`; `zip` options as zipParts takes them (a lying size). */
function workbook(name: string, imageBytes: number, zip: Parameters<typeof zipParts>[1] = {}): string {
  const rows = [['Name', 'Email', 'Title', 'MessageTypes'], ...PEOPLE].map(
    (cells, i) => `<row r="${i + 1}">${cells.map((cell, c) => inline(`${'ABCD'[c]}${i + 1}`, cell)).join('')}</row>`,
  );
  const parts: Part[] = [
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ...workbookParts([{ name: 'Contacts', target: 'worksheets/sheet1.xml' }]),
    sharedStringsPart([]),
    ['xl/worksheets/sheet1.xml', worksheetXml(rows.join(''))],
    [IMAGE, '\0'.repeat(imageBytes)],
  ];
  const path = join(tmp(), name);
  writeFileSync(path, zipParts(parts, zip));
  return path;
}

let folders = 0;
const lockDir = () => mkdtempSync(join(tmp(), `locks-${++folders}-`));
const warnings = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('warn: '));
const errors = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('error: '));

/** The report is whole: results.json parses with every row, summary.json and report.html are there. */
function expectWholeReport(reportDir: string, exitCode: number): void {
  expect(JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')).rows).toHaveLength(PEOPLE.length);
  expect(JSON.parse(readFileSync(join(reportDir, 'summary.json'), 'utf8'))).toMatchObject({ exitCode });
  expect(existsSync(join(reportDir, 'report.html'))).toBe(true);
}

describe('import: annotated.xlsx only from a workbook safe to load whole', () => {
  it('an ordinary image: the annotated copy is made', async () => {
    const e = await emulator();
    const locks = lockDir();
    const run = await importSheet(e, workbook('image.xlsx', 64 * 1024), ['--skip-invalid', '--lock-dir', locks, ...SMALL]);
    expect(run.code).toBe(1);
    expect(statuses(run.rows)).toEqual(['created', 'created', 'invalid']);
    expect(warnings(run.stderr)).toEqual([]);
    expect(existsSync(join(run.reportDir, 'annotated.xlsx'))).toBe(true);
    expect(readdirSync(locks)).toEqual([]);
  });

  it('an image whose declared size lies, unpacking past the limit: contacts created, one warning, no annotated copy, no lock, the report whole', async () => {
    const e = await emulator();
    const locks = lockDir();
    const path = workbook('liar.xlsx', 3 * MiB, { declare: { [IMAGE]: 1000 } });
    const run = await importSheet(e, path, ['--skip-invalid', '--lock-dir', locks, ...SMALL]);
    expect(run.code).toBe(1);
    expect(adds(e)).toHaveLength(2);
    expect(statuses(run.rows)).toEqual(['created', 'created', 'invalid']);
    expect(warnings(run.stderr)).toEqual([
      `warn: annotated.xlsx not written: liar.xlsx is not safe to load whole to copy it (it unpacks to more than 2.0 MB, reading ${IMAGE}: a zip bomb, or raise --max-bytes); results.csv has every row`,
    ]);
    expect(errors(run.stderr)).toEqual([]);
    expect(existsSync(join(run.reportDir, 'annotated.xlsx'))).toBe(false);
    expect(readdirSync(locks)).toEqual([]);
    expectWholeReport(run.reportDir, 1);
  });

  it('an image whose declared size lies within the limit: not loaded either (exceljs trusts the declared size)', async () => {
    const e = await emulator();
    const locks = lockDir();
    const run = await importSheet(e, workbook('small-liar.xlsx', 64 * 1024, { declare: { [IMAGE]: 10 } }), ['--skip-invalid', '--lock-dir', locks, ...SMALL]);
    expect(run.code).toBe(1);
    expect(adds(e)).toHaveLength(2);
    expect(warnings(run.stderr)).toEqual([
      `warn: annotated.xlsx not written: small-liar.xlsx is not safe to load whole to copy it (${IMAGE} unpacks to 64 KB, not the 10 bytes the zip declares for it); results.csv has every row`,
    ]);
    expect(readdirSync(locks)).toEqual([]);
    expectWholeReport(run.reportDir, 1);
  });

  it('an image that says how big it is, past the limit: the sheet is refused before any call (exit 2, one line)', async () => {
    const e = await emulator();
    const locks = lockDir();
    const run = await importSheet(e, workbook('honest.xlsx', 3 * MiB), ['--skip-invalid', '--lock-dir', locks, ...SMALL]);
    expect(run.code).toBe(2);
    expectOneErrorLine(run, /honest\.xlsx: not a readable XLSX workbook \(it unpacks to 3\.0 MB, more than 2\.0 MB: a zip bomb, or raise --max-bytes\)/);
    expect(e.requests).toEqual([]);
    expect(readdirSync(locks)).toEqual([]);
  });

  /** An import whose annotated.xlsx meets `fault` (see helpers/fs-faults.mjs). */
  async function importWithFault(e: RunningEmulator, name: string, fault: object) {
    const locks = lockDir();
    const reportDir = join(tmp(), `${name}-report`);
    const faults = [{ ...fault, under: join(reportDir, 'annotated.xlsx') }];
    const run = await runCli(['import', workbook(`${name}.xlsx`, 1024), '--endpoint', e.url, '--report-dir', reportDir, '--lock-dir', locks, '--skip-invalid'], {
      env: { ...CREDENTIALS, FS_FAULTS: JSON.stringify(faults) },
      nodeOptions: ['--import', FAULTS],
    });
    return { ...run, locks, reportDir };
  }

  it('a disk that fills as annotated.xlsx is written: one warning, no part of it left, the run stands', async () => {
    const { locks, reportDir, ...run } = await importWithFault(await emulator(), 'full', { op: 'write', code: 'ENOSPC' });
    expect(run.code).toBe(1);
    expect(warnings(run.stderr)).toEqual(['warn: annotated.xlsx not written: it could not be written: the disk is full (ENOSPC); results.csv has every row']);
    expect(existsSync(join(reportDir, 'annotated.xlsx'))).toBe(false);
    expect(readdirSync(locks)).toEqual([]);
    expectWholeReport(reportDir, 1);
  });

  it('a step after the last call that never finishes: exit 70 with one line, not 13 and silence, and the lock is removed', async () => {
    const e = await emulator();
    const { locks, reportDir, ...run } = await importWithFault(e, 'hang', { op: 'open', hang: true });
    expect(run.code).toBe(70);
    expect(errors(run.stderr)).toEqual([
      'error: internal error (a bug in contact-import): the run stopped waiting for work that never finished; run again with --verbose and report it',
    ]);
    expect(adds(e)).toHaveLength(2);
    expect(readdirSync(locks)).toEqual([]);
    expectWholeReport(reportDir, 1);
  }, 30_000);
});

describe('validate --write-fixed: a workbook not safe to load whole is refused', () => {
  it('one line, exit 2, nothing written', async () => {
    const path = workbook('fix-liar.xlsx', 3 * MiB, { declare: { [IMAGE]: 1000 } });
    const target = join(tmp(), 'fixed.xlsx');
    const reportDir = join(tmp(), 'fix-report');
    const run = await runCli(['validate', path, '--write-fixed', target, '--report-dir', reportDir, ...SMALL]);
    expect(run.code).toBe(2);
    expectOneErrorLine(
      run,
      /^error: --write-fixed fixed\.xlsx: fix-liar\.xlsx is not safe to load whole to copy it \(it unpacks to more than 2\.0 MB, reading xl\/media\/image1\.png: a zip bomb, or raise --max-bytes\); nothing was written$/m,
    );
    expect(existsSync(target)).toBe(false);
    expect(existsSync(reportDir)).toBe(false);
  });

  it('an ordinary image: the fixed copy is written', async () => {
    const target = join(tmp(), 'fixed-ok.xlsx');
    const run = await runCli(['validate', workbook('fix-ok.xlsx', 64 * 1024), '--write-fixed', target, '--report-dir', join(tmp(), 'fix-ok-report'), ...SMALL]);
    expect(run.code).toBe(1);
    expect(existsSync(target)).toBe(true);
  });
});

describe('the check unpacks every entry the zip lists', () => {
  it('a name listed twice: the entry other readers skip is counted too', async () => {
    const path = join(tmp(), 'twice.xlsx');
    writeFileSync(path, zipParts([[IMAGE, '\0'.repeat(3 * MiB)], [IMAGE, 'png']], { declare: { [IMAGE]: 3 } }));
    expect((await checkWorkbookCopy(path, LIMIT)).problem).toBe(`it unpacks to more than 2.0 MB, reading ${IMAGE}: a zip bomb, or raise --max-bytes`);
  });

  it('a file changed since it was checked is not loaded', async () => {
    const path = workbook('changed.xlsx', 1024);
    const checked = await checkWorkbookCopy(path, LIMIT);
    expect(checked.problem).toBeUndefined();
    expect(await copyProblem(path, checked)).toBeUndefined();
    workbook('changed.xlsx', 2048);
    expect(await copyProblem(path, checked)).toBe('the file changed after it was read');
  });
});

describe('a CSV read again for a copy', () => {
  it('keeps to the record limit of the first read', async () => {
    const path = join(tmp(), 'long.csv');
    writeFileSync(path, `Name,Email\r\n"${'x'.repeat(1000)}",a@example.com\r\n`);
    const rows = await rereadCsv({ path, format: 'csv', text: { encoding: 'utf-8', delimiter: ',' }, limits: { maxCellLength: 10 } });
    const read = (async () => {
      for await (const _ of rows);
    })();
    await expect(read).rejects.toBeInstanceOf(InputError);
    await expect(read).rejects.toThrow(/runs past 500 characters/);
  });
});
