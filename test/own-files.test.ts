/** Files finished whole: a temporary file beside the target, renamed over it; private, and a link at the target never followed. */
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../src/own-files.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir('contact-import-own-files-');

describe('writeFileAtomically', () => {
  it('replaces a file whole, 0600, and leaves no temporary file', async () => {
    const path = join(tmp(), 'plan.json');
    writeFileSync(path, '{"old":true}\n', { mode: 0o644 });
    await writeFileAtomically(path, '{"new":true}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"new":true}\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(tmp()).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces a link planted at the target instead of writing through it', async () => {
    const outside = join(tmp(), 'outside.txt');
    writeFileSync(outside, 'precious');
    const planted = join(tmp(), 'summary.json');
    symlinkSync(outside, planted);
    await writeFileAtomically(planted, '{}\n');
    expect(readFileSync(outside, 'utf8')).toBe('precious');
    expect(statSync(planted).isFile()).toBe(true);
    expect(readFileSync(planted, 'utf8')).toBe('{}\n');
  });

  it('a target it cannot take (a folder) fails, and the temporary file is removed', async () => {
    const folder = join(tmp(), 'a-folder');
    mkdirSync(folder);
    await expect(writeFileAtomically(folder, '{}\n')).rejects.toMatchObject({ code: expect.stringMatching(/EISDIR|EEXIST|ENOTEMPTY/) });
    expect(readdirSync(tmp()).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
