import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../src/errors.js';
import { readSheet, type DataRow } from '../src/read/index.js';
import { eachRow } from '../src/read/types.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir();

function write(name: string, content: string | Buffer): string {
  const path = join(tmp(), name);
  writeFileSync(path, content);
  return path;
}

async function collect(rows: AsyncIterable<DataRow>): Promise<DataRow[]> {
  const all: DataRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

const HEADER = 'Name,Email,Title,MessageTypes\r\n';

describe('CSV reader', () => {
  it('drops a UTF-8 BOM so the first header still maps', async () => {
    const path = write('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEADER + 'Alice,a@example.com,CEO,ServiceMessage\r\n')]));
    const sheet = await readSheet(path);
    expect(sheet.header.columns.Name).toBe(0);
    expect((await collect(eachRow(sheet.batches)))[0]!.cells.Name).toBe('Alice');
  });

  it('reads CRLF and LF files alike', async () => {
    for (const eol of ['\r\n', '\n']) {
      const path = write('eol.csv', ['Name,Email,Title,MessageTypes', 'Alice,a@example.com,CEO,ServiceMessage', 'Bob,b@example.com,Other,FaultMessage', ''].join(eol));
      const rows = await collect(eachRow((await readSheet(path)).batches));
      expect(rows.map((r) => [r.row, r.cells.Name, r.cells.MessageTypes])).toEqual([
        [2, 'Alice', 'ServiceMessage'],
        [3, 'Bob', 'FaultMessage'],
      ]);
    }
  });

  it('keeps quoted commas, quotes and new lines in one field, and counts a multi-line record as one row', async () => {
    const path = write(
      'quoted.csv',
      HEADER + '"Wang, Alice","a@example.com",CEO,"ServiceMessage\nFaultMessage"\r\n' + 'Bob,"b""q""@example.com",Other,AccountExpenses\r\n',
    );
    const rows = await collect(eachRow((await readSheet(path)).batches));
    expect(rows).toEqual([
      { row: 2, cells: { Name: 'Wang, Alice', EmailAddress: 'a@example.com', Title: 'CEO', MessageTypes: 'ServiceMessage\nFaultMessage' } },
      { row: 3, cells: { Name: 'Bob', EmailAddress: 'b"q"@example.com', Title: 'Other', MessageTypes: 'AccountExpenses' } },
    ]);
  });

  it('skips blank rows but keeps the row numbers a spreadsheet shows, and counts the blanks', async () => {
    const path = write('blank.csv', HEADER + '\r\nAlice,a@example.com,CEO,ServiceMessage\r\n,,,\r\nBob,b@example.com,CEO,ServiceMessage\r\n');
    const sheet = await readSheet(path);
    const rows = await collect(eachRow(sheet.batches));
    expect(rows.map((r) => r.row)).toEqual([3, 5]);
    expect(sheet.blankRows()).toBe(2);
  });

  it('fills cells missing from a short row with empty text', async () => {
    const path = write('short.csv', HEADER + 'Alice,a@example.com\r\n');
    const [row] = await collect(eachRow((await readSheet(path)).batches));
    expect(row!.cells).toEqual({ Name: 'Alice', EmailAddress: 'a@example.com', Title: '', MessageTypes: '' });
  });

  it('takes the first non-blank row as the header', async () => {
    const path = write('late-header.csv', '\r\n,,\r\n' + HEADER + 'Alice,a@example.com,CEO,ServiceMessage\r\n');
    const sheet = await readSheet(path);
    expect(sheet.header.row).toBe(3);
    expect((await collect(eachRow(sheet.batches)))[0]!.row).toBe(4);
  });

  it('reports the format, encoding and sha256 of the input', async () => {
    const path = write('hash.csv', HEADER);
    const sheet = await readSheet(path);
    await collect(eachRow(sheet.batches));
    expect(sheet.input).toMatchObject({ file: 'hash.csv', format: 'csv', text: { decoding: { encoding: 'utf-8' }, delimiter: ',' } });
    // sha256 of the exact bytes, computed independently
    const { createHash } = await import('node:crypto');
    expect(await sheet.input.sha256).toBe(createHash('sha256').update(HEADER).digest('hex'));
  });

  it('names the line of an unclosed quote', async () => {
    const path = write('unclosed.csv', HEADER + 'Alice,a@example.com,CEO,ServiceMessage\r\nBob,"b@example.com,CEO,ServiceMessage\r\n');
    const sheet = await readSheet(path);
    const reading = collect(eachRow(sheet.batches));
    await expect(reading).rejects.toThrow(InputError);
    await expect(collect(eachRow((await readSheet(path)).batches))).rejects.toThrow(/unclosed\.csv: malformed CSV: the quoted field that starts on line 3 is never closed/);
  });

  it('reads bytes that are not UTF-8 as GB18030 (Excel\'s "CSV" on Chinese Windows)', async () => {
    // "姓名" in GBK
    const path = write('gbk.csv', Buffer.concat([Buffer.from(HEADER), Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]), Buffer.from(',a@example.com,CEO,ServiceMessage\r\n')]));
    const sheet = await readSheet(path);
    expect((await collect(eachRow(sheet.batches)))[0]!.cells.Name).toBe('姓名');
    expect(sheet.input.text?.decoding.encoding).toBe('gb18030');
  });
});
