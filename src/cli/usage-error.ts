/**
 * yargs' refusals in our words, one line each, exit 2: an unknown command says
 * so and lists the commands; an unknown option gets a "did you mean" when a
 * known one is close; a name too many is unexpected. Other refusals (a value
 * not among the choices) keep yargs' words, in the run's language (yargs-words.ts).
 * Each line points to the help. yargs' English "Unknown argument" is read here, so
 * it is never translated for yargs.
 */
import type { Argv } from 'yargs';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import { nearestWithin } from '../judge/suggest.js';

/**
 * `message` is yargs' (strict mode lists what it does not know: "Unknown
 * arguments: dryrun, other.csv"); `parsed` tells options from the words typed
 * without a dash, the first of which names the command.
 */
export function usageError(message: string, parsed: Argv['parsed'], commands: readonly string[]): InputError {
  const words = parsed ? parsed.argv._.map(String) : [];
  const command = commands.find((name) => name === words[0]);
  const seeHelp = (problem: string) => new InputError(say('cli.usage.seeHelp', { problem, help: `contact-import${command ? ` ${command}` : ''} --help` }));
  const unknown = /^Unknown arguments?: (.*)$/s.exec(message);
  if (!unknown || !parsed || words[0] === undefined) return seeHelp(message);
  if (!command) return seeHelp(unknownCommand(words[0], commands));

  const names = withoutCamelCaseTwins(unknown[1]!.split(', '));
  const extras = names.filter((name) => words.includes(name));
  const options = names.filter((name) => !words.includes(name));
  // yargs adds what was typed to its aliases: never suggest an unknown name itself.
  const known = Object.keys(parsed.aliases).filter((key) => key.length > 1 && key === key.toLowerCase() && !names.includes(key));
  const problems = [
    ...(options.length > 0 ? [unknownOptions(options, known)] : []),
    ...(extras.length > 0 ? [unexpected(extras)] : []),
  ];
  const [first, second] = problems as [string, string?];
  return seeHelp(second === undefined ? first : say('cli.usage.twoProblems', { first, second }));
}

function unexpected(extras: string[]): string {
  const names = extras.map((word) => JSON.stringify(word)).join(', ');
  return extras.length > 1 ? say('cli.usage.unexpectedMany', { names }) : say('cli.usage.unexpectedOne', { names });
}

function unknownCommand(word: string, commands: readonly string[]): string {
  const list = commands.join(', ');
  const near = closeTo(word, commands);
  const quoted = JSON.stringify(word);
  return near ? say('cli.usage.unknownCommandNear', { word: quoted, near, commands: list }) : say('cli.usage.unknownCommand', { word: quoted, commands: list });
}

function unknownOptions(names: string[], known: string[]): string {
  const flag = (name: string) => (name.length === 1 ? `-${name}` : `--${name}`);
  const described = names.map((name) => {
    const near = closeTo(name, known);
    return { typed: flag(name), near: near === undefined ? undefined : flag(near) };
  });
  if (described.length === 1) {
    const { typed, near } = described[0]!;
    return near ? say('cli.usage.unknownOptionNear', { option: typed, near }) : say('cli.usage.unknownOption', { option: typed });
  }
  const listed = described.map(({ typed, near }) => (near ? say('cli.usage.optionNear', { option: typed, near }) : typed));
  return say('cli.usage.unknownOptions', { options: listed.join(', ') });
}

/** A typo, not another word: about one slip in four letters, at least one. */
function closeTo(word: string, candidates: readonly string[]): string | undefined {
  return word.length < 2 ? undefined : nearestWithin(word, candidates, Math.max(1, Math.floor(word.length / 4)));
}

/** yargs names an unknown `--skip-invalids` twice, as typed and in camel case. */
function withoutCamelCaseTwins(names: string[]): string[] {
  const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return names.filter((name) => name === kebab(name) || !names.includes(kebab(name)));
}
