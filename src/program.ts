/**
 * The command line: declares the commands (cli/*-commands.ts: each flag
 * normalised into typed options, then the command's run function), and maps
 * every error to one line and an exit code (cli/report-error.ts). Stack traces
 * only with --verbose.
 */
import { readFileSync } from 'node:fs';
import yargs from 'yargs';
import { EXIT, InputError } from './errors.js';
import { refuseRepeatedFlags } from './cli/flags.js';
import { globalOptions, loggerFor, type CliRun } from './cli/options.js';
import { reportError } from './cli/report-error.js';
import { declareImport, declareValidate } from './cli/sheet-commands.js';
import { declareDemo, declareEmulator, declareStatus } from './cli/service-commands.js';
import { declareExport, declareTemplate } from './cli/contact-sheet-commands.js';
import { declareUndo } from './cli/undo-command.js';
import { usageError } from './cli/usage-error.js';
import { ENV_PREFIX, ignoreUnknownEnvFlags, operandsAfterDoubleDash } from './cli/yargs-gaps.js';
import { packageFile } from './package-file.js';
import { chosenLanguage } from './i18n/language.js';
import { say, useLanguage } from './i18n/text.js';
import { inOurLanguage } from './cli/yargs-words.js';

const VERSION = (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
const COMMANDS = ['template', 'validate', 'import', 'export', 'undo', 'status', 'demo', 'emulator'];

export async function main(argv: string[]): Promise<number> {
  const run: CliRun = { verbose: argv.includes('--verbose'), exitCode: EXIT.ok, argv };
  const language = chosenLanguage(argv, process.env);
  if (typeof language === 'string') useLanguage(language);
  else return reportError(new InputError(say('cli.lang.unknown', { value: language.unknown })), await loggerFor({ verbose: run.verbose, quiet: false, json: false, showPii: false }), run.verbose);
  let cli = globalOptions(
    inOurLanguage(yargs(argv))
      .scriptName('contact-import')
      .usage(say('cli.usage')),
  );
  for (const declare of [declareTemplate, declareValidate, declareImport, declareExport, declareUndo, declareStatus, declareDemo, declareEmulator]) cli = declare(cli, run);
  cli = cli
    // Kept apart by yargs until the operands after `--` are placed (yargs-gaps.ts).
    .parserConfiguration({ 'populate--': true })
    .middleware([operandsAfterDoubleDash, ignoreUnknownEnvFlags, refuseRepeatedFlags], true)
    .env(ENV_PREFIX)
    .demandCommand(1, say('cli.demandCommand', { commands: COMMANDS.join(', ') }))
    .strict()
    .version(VERSION)
    // After .help(), which declares the help option anew: an alias given before it is lost (-h was refused).
    .help()
    .alias('help', 'h')
    .fail((message, error) => {
      if (error) throw error;
      throw usageError(message, cli.parsed, COMMANDS);
    });

  try {
    await cli.parseAsync();
    return run.exitCode;
  } catch (error) {
    const log = run.log ?? (await loggerFor({ verbose: run.verbose, quiet: false, json: false, showPii: false }));
    return reportError(error, log, run.verbose);
  }
}
