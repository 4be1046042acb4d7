/**
 * A text sheet costs no more than its size (issue 17, break 9): blank lines
 * cost microseconds, not an error object each; a line too long to be a row of
 * contacts (a gigabyte of commas took the process down) ends with one line.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { InputError } from '../src/errors.js';
import { readSheet, type DataRow } from '../src/read/index.js';
import { eachRow } from '../src/read/types.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir('csv-bounds-');
const HEADER = 'Name,Email,Title,MessageTypes';

function write(name: string, content: string): string {
  const path = join(tmp(), name);
  writeFileSync(path, content);
  return path;
}

async function rows(path: string): Promise<DataRow[]> {
  const all: DataRow[] = [];
  for await (const row of eachRow((await readSheet(path)).batches)) all.push(row);
  return all;
}

describe('blank lines and short rows', () => {
  afterEach(() => jest.restoreAllMocks());

  it('300,000 blank lines between two contacts: the right rows, and no error built for any of them', async () => {
    const path = write('blank.csv', `${HEADER}\nAnn,ann@example.com,CEO,ServiceMessage\n${'\n'.repeat(300_000)}Bob,bob@example.com,CEO\n`);
    // csv-parse built (and dropped) an error, stack trace and all, for every record shorter than the header: minutes for 5 MB.
    const stackTraces = jest.spyOn(Error, 'captureStackTrace');
    const read = await rows(path);
    expect(read.map((r) => [r.row, r.cells.Name, r.cells.MessageTypes])).toEqual([
      [2, 'Ann', 'ServiceMessage'],
      [300_003, 'Bob', ''],
    ]);
    expect(stackTraces.mock.calls.length).toBeLessThan(10);
  });
});

describe('a line longer than any row', () => {
  const refusal = async (path: string) => {
    const error = await rows(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
    return (error as Error).message;
  };

  it('3 MB of commas is one line, exit 2, naming the line', async () => {
    const path = write('commas.csv', `${HEADER}\nAnn,ann@example.com,CEO,ServiceMessage\n${','.repeat(3 * 1024 * 1024)}\nBob,bob@example.com,CEO,ServiceMessage\n`);
    expect(await refusal(path)).toBe('commas.csv: line 3 is longer than 1.9 MB: not a contact sheet');
  });

  it('a file whose lines end with a lone CR (old Macs) is counted by those', async () => {
    const path = write('mac.csv', `${HEADER}\rAnn,ann@example.com,CEO,ServiceMessage\r${','.repeat(2_100_000)}\r`);
    expect(await refusal(path)).toBe('mac.csv: line 3 is longer than 1.9 MB: not a contact sheet');
  });

  it('long lines within the limit are read', async () => {
    const notes = 'n'.repeat(400_000);
    const path = write('long.csv', `${HEADER},Notes\r\nAnn,ann@example.com,CEO,ServiceMessage,${notes}\r\n`);
    await expect(rows(path)).rejects.toThrow(/long\.csv: row 2, column E: a cell of 400,000 characters, more than the 10,000/);
  });
});
