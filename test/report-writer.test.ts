/**
 * results.json and results.csv are written without JSON.stringify and csvLine
 * per row (a shared errors array is serialised once, see writer.ts); the files
 * must still be exactly what those would write, with each row's keys in the
 * order docs/contract.md gives them.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvLine } from '../src/report/csv-cell.js';
import { suggestionText } from '../src/report/summary.js';
import type { ReportError, RowResult, Summary } from '../src/report/types.js';
import { ReportWriter } from '../src/report/writer.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir('contact-import-writer-');

const overQuota: ReportError[] = [{ field: null, code: 'LimitExceeded.Contacts', message: 'the contact limit (2) is used up by earlier rows; raise it in Quota Center or split the sheet' }];
const rows: RowResult[] = [
  { row: 2, name: 'Alice', email: 'alice@example.com', status: 'valid', errors: [] },
  { row: 3, name: '张伟', email: 'zw@example.cn', notes: ['MessageTypes: "billing" read as BillingMessage'], status: 'valid', errors: [] },
  { row: 4, name: '=HYPERLINK("x")', email: 'a,b@example.com', status: 'invalid', errors: [
    { field: 'Name', code: 'InvalidParameter.Name', message: 'Name (column A): letters only', suggestion: 'HYPERLINKx', unambiguous: true },
    { field: 'EmailAddress', code: 'InvalidParameter.EmailAddress', message: 'EmailAddress (column B): "a,b" is not an address', suggestion: 'ab@example.com' },
  ] },
  { row: 5, name: 'Bob 😀', email: 'bob@example.com', status: 'over_quota', errors: overQuota },
  { row: 6, name: 'Carol', email: 'carol@example.com', status: 'over_quota', errors: overQuota },
  { row: 7, name: 'Dave', email: 'dave@example.com', status: 'failed', errors: [{ field: null, code: 'Throttling', message: 'two\nlines "quoted"' }], requestId: 'REQ-1', attempts: 3 },
  { row: 9, contactId: 'c-2', notes: ['kept'], attempts: 1, requestId: 'REQ-2', errors: [], status: 'updated', email: 'x\\y@example.com', name: 'Tab\there "q"' },
  { row: 10, name: 'Frank', email: 'frank@example.com', status: 'over_quota', errors: overQuota },
  { row: null, name: 'Old', email: 'old@example.com', status: 'deleted', errors: [], contactId: 'c-1', requestId: undefined },
  { row: 8, name: 'Erin', email: 'erin@example.com', status: 'over_quota', errors: overQuota },
];

const summary: Summary = {
  version: 1,
  command: 'validate',
  endpoint: null,
  directory: null,
  site: 'intl',
  input: { file: 'x.csv', format: 'csv', sheet: null, encoding: 'utf-8', delimiter: ',', rows: rows.length, blankRows: 0, headerRow: 1, columns: {}, ignoredColumns: [], sha256: '0'.repeat(64) },
  counts: {},
  directoryOnly: 0,
  quota: { limit: 2, existing: 0, planned: 2, remaining: 0, basis: 'assumed-empty' },
  goodWithErrors: { count: 0, rows: [] },
  dryRun: true,
  exitCode: 1,
  startedAt: '2026-11-29T00:00:00.000Z',
  finishedAt: '2026-11-29T00:00:01.000Z',
};

/** docs/contract.md's order of a results.json row's keys. */
const KEYS = ['row', 'name', 'email', 'status', 'errors', 'notes', 'contactId', 'requestId', 'attempts'] as const;
const inDesignOrder = (row: RowResult) => Object.fromEntries(KEYS.map((key) => [key, row[key]]));

it('writes every row as JSON.stringify and csvLine would', async () => {
  // The writer takes a folder made for it (report/dir.ts makes it fresh, 0700).
  mkdirSync(join(tmp(), 'report'), { mode: 0o700 });
  const writer = await ReportWriter.create(join(tmp(), 'report'));
  // A batch, then rows one at a time, as validate and import append them.
  writer.append(rows.slice(0, 2));
  for (const row of rows.slice(2)) writer.append([row]);
  await writer.close(summary);

  const json = readFileSync(join(tmp(), 'report', 'results.json'), 'utf8');
  expect(json).toBe(`{"version":1,"rows":[\n${rows.map((row) => JSON.stringify(inDesignOrder(row))).join(',\n')}\n]}\n`);

  const csv = readFileSync(join(tmp(), 'report', 'results.csv'), 'utf8');
  const expected = rows.map((row) =>
    csvLine([
      row.row ?? '',
      row.name,
      row.email,
      row.status,
      row.errors.map((error) => error.code).join('; '),
      row.errors.map((error) => error.message + suggestionText(error)).join('; '),
      row.contactId,
      row.requestId,
    ]),
  );
  // The BOM tells Excel the file is UTF-8.
  expect(csv).toBe('\uFEFF' + csvLine(['row', 'name', 'email', 'status', 'code', 'message', 'contactId', 'requestId']) + expected.join(''));
});
