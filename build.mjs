#!/usr/bin/env node
/**
 * `npm run build`: bundles src/ into dist/ with esbuild.
 *
 * Why a bundle and not plain `tsc` output: start-up. Node resolves, reads and
 * links every ES module file on its own; unbundled, a 10-row `validate` loads
 * about 200 files (yargs, csv-parse and winston's trees, 45 of ours) and came
 * to 3.55× `node -e 0` in instructions against the bundle's 2.97× (the target
 * is 3×; `--help` 2.40× against 2.13×, target 2.5×).
 *
 * - Each command stays a separate chunk (`splitting`), loaded by the dynamic
 *   `import()` in program.ts, so `--help` does not pay for `import`.
 * - What the bundle holds (yargs, winston, csv-parse, p-limit) is a
 *   devDependency: installed to build, never at run time.
 * - Packages that are big and needed by few commands stay outside the bundle and
 *   load from node_modules when used: they are the dependencies. The Alibaba
 *   Cloud client and proxy-agent (import, sync, status), exceljs (copies of a sheet), zod
 *   (mapping and plan files), iconv-lite (non-UTF-8 CSV), cli-progress
 *   (terminal bar).
 * - Bundled CommonJS (winston's tree) calls `require` for Node's built-ins; the
 *   banner gives ES module output a real one.
 * - yargs, bundled, no longer finds its locale files: its messages are always
 *   English, the language of everything else the tool prints.
 * - Type checking is `npm run typecheck` (tsc); esbuild only strips types.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('.', import.meta.url);

rmSync(new URL('dist', root), { recursive: true, force: true });
await build({
  absWorkingDir: root.pathname,
  // The CLI, and what the bench imports: the emulator and its seeded random numbers.
  entryPoints: ['src/cli.ts', 'src/emulator/server.ts', 'src/emulator/faults.ts'],
  outbase: 'src',
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: ['@alicloud/*', '@darabonba/*', 'proxy-agent', 'exceljs', 'zod', 'iconv-lite', 'cli-progress'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
