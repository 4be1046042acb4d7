/**
 * The command line: declares commands and flags, normalises them into typed
 * options, runs the command, and maps every error to one line and an exit code.
 * Stack traces only with --verbose.
 */
import { readFileSync } from 'node:fs';
import yargs, { type Argv } from 'yargs';
import type { Site } from './contact/rules.js';
import { EXIT, ExitError, InputError } from './errors.js';
import { createLogger, type Logger, type Verbosity } from './log.js';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

interface GlobalArgs {
  verbose: boolean;
  quiet: boolean;
  json: boolean;
}

function verbosityOf(args: GlobalArgs): Verbosity {
  if (args.verbose) return 'verbose';
  return args.quiet || args.json ? 'quiet' : 'normal';
}

/** Options shared by every command that reads a sheet. */
function sheetOptions<T>(y: Argv<T>) {
  return y
    .positional('file', { type: 'string', demandOption: true, describe: 'the sheet: a .xlsx or .csv file' })
    .option('sheet', {
      type: 'string',
      describe: 'XLSX worksheet: its name or 1-based position (default: the first)',
    })
    .option('site', {
      choices: ['intl', 'cn'] as const,
      default: 'intl' as Site,
      describe: 'intl: names are letters only; cn: Chinese characters allowed too',
    })
    .option('contact-limit', {
      type: 'number',
      default: 20,
      describe: 'contacts a resource directory may hold (20 unless raised in Quota Center)',
    })
    .option('report-dir', {
      type: 'string',
      describe: 'folder for the report (default: reports/<yyyymmdd-hhmmss>-<sheet name>/)',
    });
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new InputError(`--${name} must be a whole number ≥ 0, got ${value}`);
  return value;
}

export async function main(argv: string[]): Promise<number> {
  let log: Logger = createLogger('normal');
  let verbose = argv.includes('--verbose');
  let exitCode: number = EXIT.ok;

  const cli = yargs(argv)
    .scriptName('contact-import')
    .usage('$0 <command> [options]\n\nImport contacts from CSV/XLSX sheets into the message contacts of an Alibaba Cloud Resource Directory.')
    .option('verbose', { type: 'boolean', default: false, describe: 'debug output, stack traces on errors' })
    .option('quiet', { type: 'boolean', default: false, describe: 'errors only' })
    .option('json', { type: 'boolean', default: false, describe: 'print the summary as JSON on stdout, nothing else there' })
    .command(
      'validate <file>',
      'check a sheet offline: every row judged as the API would, duplicates and the contact limit; writes a report',
      (y) =>
        sheetOptions(y)
          .example('$0 validate contacts.xlsx', 'check the first sheet of a workbook')
          .example('$0 validate contacts.csv --site cn --report-dir out/', 'allow Chinese names, report into out/'),
      async (args) => {
        verbose = args.verbose;
        log = createLogger(verbosityOf(args));
        const { runValidate } = await import('./commands/validate.js');
        const outcome = await runValidate(
          {
            file: args.file,
            sheet: args.sheet,
            site: args.site,
            contactLimit: positiveInteger('contact-limit', args.contactLimit),
            reportDir: args.reportDir,
            cwd: process.cwd(),
          },
          log,
        );
        if (args.json) process.stdout.write(JSON.stringify(outcome.summary, null, 2) + '\n');
        exitCode = outcome.exitCode;
      },
    )
    .demandCommand(1, 'name a command: validate')
    .strict()
    .version(VERSION)
    .alias('help', 'h')
    .help()
    .fail((message, error) => {
      if (error) throw error;
      throw new InputError(`${message} (see contact-import --help)`);
    });

  try {
    await cli.parseAsync();
    return exitCode;
  } catch (error) {
    return reportError(error, log, verbose);
  }
}

function reportError(error: unknown, log: Logger, verbose: boolean): number {
  if (error instanceof ExitError) {
    log.error(error.message);
    if (verbose && error.cause instanceof Error && error.cause.stack) log.error(error.cause.stack);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  log.error(`internal error (a bug in contact-import): ${message}`);
  if (verbose && error instanceof Error && error.stack) log.error(error.stack);
  else log.error('run again with --verbose to see where it happened, and report it');
  return EXIT.internal;
}
