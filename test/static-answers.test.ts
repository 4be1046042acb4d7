/**
 * `--help`, `<command> --help` and `--version` print what yargs answered at
 * build time (src/static-answers.ts). The stored answer must be exactly what
 * yargs prints now, byte for byte, and only those questions may be answered
 * from the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { STORED_WIDTH, questionOf, storedAnswer } from '../src/static-answers.js';
import { CLI, ROOT, runCli, runNode, type CliRun } from './helpers/cli.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir('contact-import-answers-');

/** The same command line, answered by yargs: program.ts's `main`, from the bundle, without cli.js's stored answers. */
function yargsAnswer(args: string[]): Promise<CliRun> {
  const program = /import\("(\.\/chunks\/program-\w+\.js)"\)/.exec(readFileSync(CLI, 'utf8'))![1];
  const script = `const { main } = await import(${JSON.stringify(new URL(program, pathToFileURL(CLI)).href)}); process.exitCode = await main(process.argv.slice(1));`;
  return runNode(['--input-type=module', '--eval', script, '--', ...args]);
}

describe('which command lines are answered from the file', () => {
  it.each([
    [['--help'], '--help'],
    [['-h'], '--help'],
    [['--version'], '--version'],
    [['validate', '--help'], 'validate --help'],
    [['import', '-h'], 'import --help'],
    [['nope', '--help'], 'nope --help'],
  ])('%j asks %j', (argv, question) => {
    expect(questionOf(argv)).toBe(question);
  });

  it.each([[[]], [['validate']], [['validate', 'a.csv', '--help']], [['--help', 'validate']], [['--verbose', '--help']], [['--version', '--help']], [['import', '--version']]])(
    '%j is left to yargs',
    (argv) => {
      expect(questionOf(argv)).toBeUndefined();
    },
  );
});

describe('the stored answer', () => {
  const file = () => pathToFileURL(join(tmp(), 'answers.json'));
  beforeAll(() => writeFileSync(file(), JSON.stringify({ '--help': 'the help\n' })));

  it('is printed on a pipe (no columns) and on a terminal at least as wide as it was laid out', () => {
    expect(storedAnswer('--help', undefined, file())).toBe('the help\n');
    expect(storedAnswer('--help', STORED_WIDTH, file())).toBe('the help\n');
    expect(storedAnswer('--help', 200, file())).toBe('the help\n');
  });

  it('is not used on a narrower terminal, where yargs lays the help out narrower', () => {
    expect(storedAnswer('--help', STORED_WIDTH - 1, file())).toBeUndefined();
  });

  it('is undefined for a question not stored, or an Object property name, or without the file', () => {
    expect(storedAnswer('nope --help', undefined, file())).toBeUndefined();
    expect(storedAnswer('constructor', undefined, file())).toBeUndefined();
    expect(storedAnswer('--help', undefined, pathToFileURL(join(tmp(), 'missing.json')))).toBeUndefined();
  });
});

describe('the built CLI', () => {
  const stored = () => JSON.parse(readFileSync(join(ROOT, 'dist/static-answers.json'), 'utf8')) as Record<string, string>;

  it('stores the help of every command the top-level help lists, and the version', () => {
    expect(Object.keys(stored()).sort()).toEqual(
      ['--help', '--version', 'demo --help', 'emulator --help', 'import --help', 'status --help', 'validate --help'].sort(),
    );
  });

  it.each([
    [['--help']],
    [['-h']],
    [['--version']],
    [['validate', '--help']],
    [['import', '-h']],
    [['status', '--help']],
    [['demo', '--help']],
    [['emulator', '--help']],
    // Left to yargs: the same either way.
    [['nope', '--help']],
    [['validate', '--help', '--verbose']],
  ])('prints for %j exactly what yargs prints', async (args) => {
    const [ours, yargs] = await Promise.all([runCli(args), yargsAnswer(args)]);
    expect(yargs.stdout.length).toBeGreaterThan(0);
    expect(ours).toEqual(yargs);
  });
});
