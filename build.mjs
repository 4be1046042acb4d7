#!/usr/bin/env node
/**
 * `npm run build`: bundles src/ into dist/ with esbuild.
 *
 * Why a bundle: start-up. Node resolves, reads and links every ES module file
 * on its own, and an ES module importing a CommonJS file runs a lexer over it;
 * `--help` alone touched about 60 files (21 of them yargs) and spent most of its
 * time in that machinery, not in our code. Bundled, `--help` reads one file.
 *
 * - Each command stays a separate chunk (`splitting`), loaded by the dynamic
 *   `import()` in program.ts, so `--help` does not pay for `import`.
 * - Packages that are big and needed by few commands stay outside the bundle and
 *   load from node_modules when used: the Alibaba Cloud client (import, sync,
 *   status), exceljs (XLSX only), zod (mapping files), iconv-lite (non-UTF-8
 *   CSV), cli-progress (terminal bar). exceljs also must be the installed copy:
 *   src/sheet/exceljs-utf8.ts patches it in place and checks its version.
 * - Bundled CommonJS (winston's tree) calls `require` for Node's built-ins; the
 *   banner gives ES module output a real one.
 * - yargs, bundled, no longer finds its locale files: its messages are always
 *   English, the language of everything else the tool prints.
 * - yargs measures its help text with src/help-string-width.ts, not the
 *   string-width package, and is told where package.json is (src/yargs-find-up.ts):
 *   those files say why.
 * - winston's debug messages (DEBUG=winston:*, for winston's own developers) go
 *   through @dabh/diagnostics, whose development build, chosen unless
 *   NODE_ENV=production, loads a colour library as winston loads: about 5 ms
 *   of every command (10-row validate 127 → 122 ms). The bundle takes the
 *   production build, which says nothing.
 * - `--help`, `<command> --help` and `--version` are asked of the built CLI
 *   once, here, and its answers kept in dist/static-answers.json, which
 *   dist/cli.js prints without loading yargs: src/static-answers.ts says why.
 * - Type checking is `npm run typecheck` (tsc); esbuild only strips types.
 */
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('.', import.meta.url);

/** A plugin that bundles the file `file(importer)` names wherever a module imports `specifier` (exactly that name). */
function swap(specifier, file) {
  const filter = new RegExp(`^${specifier.replace(/[/.]/g, '\\$&')}$`);
  return {
    name: `swap ${specifier}`,
    setup(build) {
      build.onResolve({ filter }, (args) => ({ path: file(args.importer) }));
    },
  };
}

const ours = (file) => () => fileURLToPath(new URL(file, root));
const swaps = [
  // yargs lays out its help with string-width; src/help-string-width.ts says why ours is cheaper.
  swap('string-width', ours('src/help-string-width.ts')),
  // yargs looks for its package.json with escalade; src/yargs-find-up.ts says why it is told where ours is.
  swap('escalade/sync', ours('src/yargs-find-up.ts')),
  // winston's debug messages: the production build, which says nothing and loads no colour library.
  swap('@dabh/diagnostics', (importer) => createRequire(importer).resolve('@dabh/diagnostics/node/production.js')),
];

rmSync(new URL('dist', root), { recursive: true, force: true });
await build({
  absWorkingDir: root.pathname,
  // The CLI, the thread that reads big sheets (src/sheet/in-worker.ts), and what the bench imports: the emulator and its seeded random numbers.
  entryPoints: ['src/cli.ts', 'src/sheet/read-worker.ts', 'src/emulator/server.ts', 'src/emulator/faults.ts'],
  outbase: 'src',
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: ['@alicloud/*', '@darabonba/*', 'exceljs', 'zod', 'iconv-lite', 'cli-progress'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: swaps,
  logLevel: 'warning',
});

await writeStaticAnswers();

/**
 * Asks the CLI just built (the answers file does not exist yet, so yargs
 * answers) for its help and version, and stores the answers for dist/cli.js.
 * The commands are the ones the top-level help lists, so a new one is covered.
 */
async function writeStaticAnswers() {
  const cli = fileURLToPath(new URL('dist/cli.js', root));
  // Nothing of the builder's own settings for the tool (CONTACT_IMPORT_*) reaches the answers.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CONTACT_IMPORT_')));
  const run = promisify(execFile);
  const ask = async (question) => {
    // Output to a pipe, not a terminal: yargs lays the help out at its full 80 columns. A
    // refusal exits non-zero, which rejects; stderr is not judged (NODE_OPTIONS may warn there).
    const { stdout } = await run(process.execPath, [cli, ...question.split(' ')], { env });
    return [question, stdout];
  };
  const [help, version] = await Promise.all([ask('--help'), ask('--version')]);
  const commands = [...help[1].matchAll(/^ {2}contact-import (\w+)/gm)].map((match) => match[1]);
  if (commands.length === 0) throw new Error('found no commands in contact-import --help');
  const answers = await Promise.all(commands.map((command) => ask(`${command} --help`)));
  writeFileSync(new URL('dist/static-answers.json', root), JSON.stringify(Object.fromEntries([help, version, ...answers]), null, 2) + '\n');
}
