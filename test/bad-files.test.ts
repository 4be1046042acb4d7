import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../src/errors.js';
import { readSheet } from '../src/read/index.js';
import { eachRow } from '../src/read/types.js';
import { useTempDir } from './helpers/tmp.js';
import { zipParts } from './helpers/xlsx-parts.js';

const tmp = useTempDir();

/** A zip holding the named (empty) entries: enough for format detection. */
function zipWith(names: string[]): Buffer {
  return zipParts(names.map((name) => [name, '']));
}

const CASES: [string, string | Buffer, RegExp][] = [
  ['empty.csv', '', /empty\.csv: the file is empty/],
  ['old.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), /old\.xls: is an Excel 97-2003 workbook \(\.xls\).*save it as \.xlsx/],
  ['renamed.csv', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), /renamed\.csv: is an Excel 97-2003 workbook/],
  ['sheet.ods', zipWith(['mimetype', 'content.xml', 'META-INF/manifest.xml']), /sheet\.ods: is an OpenDocument file \(\.ods\).*save it as \.xlsx/],
  ['letter.xlsx', zipWith(['[Content_Types].xml', 'word/document.xml']), /letter\.xlsx: is a Word document/],
  ['archive.zip', zipWith(['a.txt']), /archive\.zip: is a zip archive without a workbook/],
  ['scan.pdf', '%PDF-1.7\n', /scan\.pdf: is a PDF document/],
  ['blob.csv', Buffer.from([1, 2, 0, 4, 5, 0, 7]), /blob\.csv: is a binary file, not a CSV or XLSX sheet/],
  ['utf16.csv', Buffer.from('\ufeffName\tEmail\r\n', 'utf16le'), /utf16\.csv: row 1: no Title, MessageTypes column; the headers found are "Name", "Email"/],
  ['broken.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]), /broken\.xlsx: not a readable XLSX workbook/],
  ['no-header.csv', 'alice,alice@example.com\r\nbob,bob@example.com\r\n', /no-header\.csv: no recognisable header row; row 1 reads "alice", "alice@example\.com"/],
  ['only-blank.csv', '\r\n,,\r\n\r\n', /only-blank\.csv: the first 20 rows are blank, so there is no header row/],
  ['missing-column.csv', 'Name,Email,Phone\r\nAlice,a@example.com,\r\n', /no Title, MessageTypes column; the headers found are "Name", "Email", "Phone"/],
];

describe('files that are not contact sheets are refused with one line (exit 2)', () => {
  it.each(CASES)('%s', async (name, content, message) => {
    const path = join(tmp(), name);
    writeFileSync(path, content);
    const attempt = readSheet(path);
    await expect(attempt).rejects.toThrow(InputError);
    await expect(readSheet(path)).rejects.toThrow(message);
    const error = await readSheet(path).catch((e: Error) => e);
    expect((error as InputError).exitCode).toBe(2);
    expect((error as Error).message).not.toContain('\n');
  });

  it('a missing file', async () => {
    await expect(readSheet(join(tmp(), 'nope.csv'))).rejects.toThrow(/nope\.csv: no such file/);
  });

  it('a folder', async () => {
    mkdirSync(join(tmp(), 'folder.csv'));
    await expect(readSheet(join(tmp(), 'folder.csv'))).rejects.toThrow(/^folder\.csv: is a folder, not a file; save the sheet to a file/);
  });

  it('a named pipe is refused at once: reading it would wait for a writer forever', async () => {
    const fifo = join(tmp(), 'contacts.csv.fifo');
    execFileSync('mkfifo', [fifo]);
    await expect(readSheet(fifo)).rejects.toThrow(/^contacts\.csv\.fifo: is a pipe, not a file; save the sheet to a file and give that file$/);
  });

  it('a device is refused', async () => {
    await expect(readSheet('/dev/zero')).rejects.toThrow(/^zero: is a device, not a file/);
  });

  it('a header with no data rows is not an error', async () => {
    const path = join(tmp(), 'header-only.csv');
    writeFileSync(path, 'Name,Email,Title,MessageTypes\r\n');
    const sheet = await readSheet(path);
    const rows = [];
    for await (const row of eachRow(sheet.batches)) rows.push(row);
    expect(rows).toEqual([]);
  });
});
