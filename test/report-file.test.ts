/** The report files' writer: every character arrives, in order; a closing tail always on disk; a new file only; a full disk never throws. */
import { readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReportFile } from '../src/report/report-file.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir();

describe('ReportFile', () => {
  it('keeps every character and the order, multi-byte text included, waiting for the disk when asked to', async () => {
    const path = join(tmp(), 'rows.txt');
    const file = await ReportFile.open(path);
    const pieces: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const piece = i % 3 === 0 ? `张伟${i}😀,\n` : `row ${i} Müller\n`;
      pieces.push(piece);
      file.write(piece);
      if (i % 1000 === 0) await file.flush();
    }
    const huge = 'é'.repeat(1024 * 1024);
    pieces.push(huge);
    file.write(huge);
    await file.close('end\n');
    expect(readFileSync(path, 'utf8')).toBe(pieces.join('') + 'end\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('save() waits until what was written is on disk', async () => {
    const path = join(tmp(), 'small.txt');
    const file = await ReportFile.open(path);
    file.write('first\n');
    expect(await file.save()).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('first\n');
    file.write('second\n');
    await file.close();
    expect(readFileSync(path, 'utf8')).toBe('first\nsecond\n');
  });

  it('with a tail (the `]}` of results.json) the file is valid JSON at every moment, and whole at the end', async () => {
    const path = join(tmp(), 'rows.json');
    const file = await ReportFile.open(path, { tail: '\n]}\n' });
    expect(await file.save()).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('\n]}\n');
    file.write('{"rows":[');
    for (let i = 0; i < 200; i++) {
      file.write(`${i === 0 ? '' : ','}\n{"row":${i},"name":"张伟😀"}`);
      if (i % 7 === 0) {
        expect(await file.save()).toBe(true);
        expect(JSON.parse(readFileSync(path, 'utf8')).rows).toHaveLength(i + 1);
      }
    }
    await file.close();
    const rows = JSON.parse(readFileSync(path, 'utf8')).rows;
    expect(rows.map((r: { row: number }) => r.row)).toEqual([...Array(200).keys()]);
    expect(readFileSync(path, 'utf8').endsWith('"}\n]}\n')).toBe(true);
  });

  it('never opens an existing name, a planted link included: the file it points to is untouched', async () => {
    const outside = join(tmp(), 'outside.txt');
    writeFileSync(outside, 'precious');
    const planted = join(tmp(), 'planted.json');
    symlinkSync(outside, planted);
    await expect(ReportFile.open(planted)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(outside, 'utf8')).toBe('precious');
  });

  it('on a full disk (/dev/full): no throw and no unhandled error; save() says false, `failure` says ENOSPC', async () => {
    const file = await ReportFile.open('/dev/full', { flags: 'w' });
    file.write('{"rows":[');
    await file.flush();
    expect(await file.save()).toBe(false);
    expect(file.failure?.code).toBe('ENOSPC');
    // More rows and a close after the failure neither throw nor hang.
    for (let i = 0; i < 10_000; i++) file.write(`row ${i}\n`);
    await file.flush();
    await file.close(']}');
    expect(file.failure?.code).toBe('ENOSPC');
  });
});
