/** The report files' writer: every character arrives, in order, whatever the chunk boundaries; a new file only; a full disk never throws. */
import { readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHUNK_BYTES, ChunkedFile } from '../src/report/chunked-file.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir();

describe('ChunkedFile', () => {
  it('keeps every character and the order across chunks, with multi-byte text cut nowhere', async () => {
    const path = join(tmp(), 'rows.txt');
    const file = await ChunkedFile.open(path);
    const pieces: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const piece = i % 3 === 0 ? `张伟${i}😀,\n` : `row ${i} Müller\n`;
      pieces.push(piece);
      file.add(piece);
      if (file.due) await file.flush();
    }
    const huge = 'é'.repeat(CHUNK_BYTES); // more than a chunk can take at once
    pieces.push(huge);
    file.add(huge);
    await file.close('end\n');
    expect(readFileSync(path, 'utf8')).toBe(pieces.join('') + 'end\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('holds text until a flush or close, which write it in order', async () => {
    const path = join(tmp(), 'small.txt');
    const file = await ChunkedFile.open(path);
    file.add('first\n');
    expect(file.due).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('');
    await file.flush();
    file.add('second\n');
    await file.close();
    expect(readFileSync(path, 'utf8')).toBe('first\nsecond\n');
  });

  it('never opens an existing name, a planted link included: the file it points to is untouched', async () => {
    const outside = join(tmp(), 'outside.txt');
    writeFileSync(outside, 'precious');
    const planted = join(tmp(), 'planted.json');
    symlinkSync(outside, planted);
    await expect(ChunkedFile.open(planted)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(outside, 'utf8')).toBe('precious');
  });

  it('on a full disk (/dev/full): no throw and no unhandled error; save() says false, `failure` says ENOSPC', async () => {
    const file = await ChunkedFile.open('/dev/full', 'w');
    file.add('{"rows":[');
    await file.flush();
    expect(await file.save()).toBe(false);
    expect(file.failure?.code).toBe('ENOSPC');
    // More rows and a close after the failure neither throw nor hang.
    for (let i = 0; i < 10_000; i++) file.add(`row ${i}\n`);
    await file.flush();
    await file.close(']}');
    expect(file.failure?.code).toBe('ENOSPC');
  });
});

