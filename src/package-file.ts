/**
 * Files shipped with the package (package.json, fixtures/), found from wherever
 * the running code is: src/ under the tests, dist/ or dist/chunks/ once bundled.
 * A path written relative to one module would break when the bundler moves it.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageFile(relative: string): string {
  root ??= findRoot(dirname(fileURLToPath(import.meta.url)));
  return join(root, relative);
}

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    // not for people: a broken installation, said as the bug it is
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
