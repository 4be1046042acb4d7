/**
 * `--help`, `<command> --help` and `--version` answered without yargs.
 *
 * Their text depends on nothing but the option definitions in program.ts, so
 * build.mjs asks the freshly built CLI each question once and keeps yargs'
 * answers in dist/static-answers.json; cli.ts prints the stored answer. Why:
 * loading and running yargs was most of what `--help` cost, about 20 of its
 * 25 ms over the 50 of `node -e 0` (the target is 1.5× that); printing the
 * stored text takes about 8 ms over it (the README's performance section).
 *
 * Anything else, `validate --help --verbose` or `-h` in the middle of a command
 * line included, goes to yargs as before, and so does everything when the file
 * is missing (as during the build itself).
 */
import { readFileSync } from 'node:fs';

export const STATIC_ANSWERS_FILE = 'static-answers.json';

/** yargs lays help out to the terminal's width, at most 80 columns; the stored texts are 80 wide. */
export const STORED_WIDTH = 80;

/** The question `argv` asks, as stored ("--help", "validate --help", "--version"), or undefined. */
export function questionOf(argv: readonly string[]): string | undefined {
  const last = argv[argv.length - 1];
  if (argv.length === 1 && last === '--version') return '--version';
  if (argv.length > 2 || (last !== '--help' && last !== '-h')) return undefined;
  if (argv.length === 1) return '--help';
  return argv[0].startsWith('-') ? undefined : `${argv[0]} --help`;
}

/**
 * The stored answer to `question`, or undefined: on a terminal narrower than
 * the stored text, for a question not stored (a command that does not exist),
 * or without a readable file.
 */
export function storedAnswer(question: string, columns: number | undefined, file: URL): string | undefined {
  if (columns !== undefined && columns < STORED_WIDTH) return undefined;
  let answers: Record<string, string>;
  try {
    answers = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    return undefined;
  }
  return Object.hasOwn(answers, question) ? answers[question] : undefined;
}
