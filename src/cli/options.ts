/**
 * The flags commands share, declared for yargs and normalised into the typed
 * options the commands take: numbers checked against their ranges, sizes and
 * delimiters parsed, the mapping file read, before any sheet is opened.
 */
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import type { RunOutcome, SheetRunOptions } from '../commands/run.js';
import * as DEFAULTS from '../defaults.js';
import { SITES } from '../defaults.js';
import type { DirectoryOptions } from '../directory/connect.js';
import { listenForStop } from '../interrupt.js';
import type { Site } from '../judge/rules.js';
import { parseByteSize } from '../read/limits.js';
import type { Logger, Verbosity } from '../terminal/log.js';
import { LANGUAGES } from '../i18n/language.js';
import { say } from '../i18n/text.js';
import { createProgress, progressMode } from '../terminal/progress.js';
import { terminalJson } from '../terminal/terminal-text.js';
import { numberFlag, RANGES } from './flags.js';

export interface GlobalArgs {
  verbose: boolean;
  quiet: boolean;
  json: boolean;
  showPii: boolean;
}

/** The flags every command takes. */
export function globalOptions(y: Argv) {
  return y
    .option('verbose', { type: 'boolean', default: false, describe: say('cli.option.verbose') })
    .option('quiet', { type: 'boolean', default: false, describe: say('cli.option.quiet') })
    .option('json', { type: 'boolean', default: false, describe: say('cli.option.json') })
    .option('lang', { type: 'string', choices: LANGUAGES, describe: say('cli.lang.describe') })
    .option('show-pii', { type: 'boolean', default: false, describe: say('cli.option.showPii') });
}

/** The command line as the commands are declared on it. */
export type Cli = ReturnType<typeof globalOptions>;

/** What a command's handler leaves for `main`: the logger it made (for errors) and the exit code. */
export interface CliRun {
  /** Set as a command starts; yargs's own errors (a typo in an option) come before it. */
  log?: Logger;
  verbose: boolean;
  exitCode: number;
  /** The arguments as given (see `dashOrValue`). */
  argv: readonly string[];
}

/**
 * A positional that may be `-` (stdout): yargs parses a positional's value again
 * as if it followed `--name`, where a lone `-` reads as an empty flag, so it
 * arrives as ''. The arguments as given say whether `-` was typed.
 */
export function dashOrValue(value: string | undefined, run: CliRun): string | undefined {
  return value === '' && run.argv.includes('-') ? '-' : value;
}

/** The start of every handler: the console logger for the command's flags, kept for the error that may follow. */
export async function startCommand(run: CliRun, args: GlobalArgs): Promise<Logger> {
  run.verbose = args.verbose;
  run.log = await loggerFor(args);
  return run.log;
}

/**
 * The console logger for a command: its verbosity, and contact details masked
 * unless --show-pii. winston is loaded here, not on `--help`, which needs only yargs.
 */
export async function loggerFor(args: GlobalArgs): Promise<Logger> {
  const { createLogger } = await import('../terminal/log.js');
  return createLogger(verbosityOf(args), { showPii: args.showPii });
}

function verbosityOf(args: GlobalArgs): Verbosity {
  if (args.verbose) return 'verbose';
  return args.quiet || args.json ? 'quiet' : 'normal';
}

/** Options shared by every command that reads a sheet. */
export function sheetOptions<T>(y: Argv<T>) {
  return y
    // Optional for yargs, which fills no required positional from after `--` (cli/yargs-gaps.ts): each command asks for its sheet.
    .positional('file', { type: 'string', describe: say('cli.option.file') })
    .option('sheet', {
      type: 'string',
      describe: say('cli.option.sheet'),
    })
    .option('encoding', { type: 'string', describe: say('cli.option.encoding') })
    .option('delimiter', { type: 'string', describe: say('cli.option.delimiter') })
    .option('map', { type: 'string', describe: say('cli.option.map') })
    .option('max-bytes', { type: 'string', default: DEFAULTS.DEFAULT_MAX_BYTES_TEXT, describe: say('cli.option.maxBytes') })
    .option('max-rows', { type: 'number', default: DEFAULTS.DEFAULT_MAX_ROWS, describe: say('cli.option.maxRows') })
    .option('site', {
      choices: SITES,
      default: DEFAULTS.DEFAULT_SITE,
      describe: say('cli.option.site.sheet'),
    })
    .option('contact-limit', {
      type: 'number',
      default: DEFAULTS.DEFAULT_CONTACT_LIMIT,
      describe: say('cli.option.contactLimit.sheet', { limit: DEFAULTS.DEFAULT_CONTACT_LIMIT }),
    })
    .option('report-dir', {
      type: 'string',
      describe: say('cli.option.reportDir.sheet'),
    });
}

/** Options of every command that talks to the directory. */
export function directoryOptions<T>(y: Argv<T>) {
  return y
    .option('endpoint', {
      type: 'string',
      describe: say('cli.option.endpoint'),
    })
    .option('profile', { type: 'string', describe: say('cli.option.profile') })
    .option('timeout', { type: 'number', default: DEFAULTS.DEFAULT_TIMEOUT_SECONDS, describe: say('cli.option.timeout', RANGES.timeout) })
    .option('max-tries', { type: 'number', default: DEFAULTS.DEFAULT_RETRY.maxTries, describe: say('cli.option.maxTries', RANGES.maxTries) })
    .option('lock-dir', { type: 'string', describe: say('cli.option.lockDir') })
    .option('break-lock', { type: 'boolean', default: false, describe: say('cli.option.breakLock') });
}

interface DirectoryArgs {
  endpoint?: string;
  site: Site;
  profile?: string;
  timeout: number;
  maxTries: number;
  lockDir?: string;
  breakLock: boolean;
}

export async function directoryRunOptions(args: DirectoryArgs, log: Logger): Promise<DirectoryOptions & { lockDir?: string; breakLock?: boolean }> {
  // Loaded by the commands that call the directory, not by every start (--help).
  const [{ parseEndpoint }, { DEFAULT_RETRY }, { credentialSource }] = await Promise.all([
    import('../directory/endpoint.js'),
    import('../directory/retry.js'),
    import('../directory/credentials.js'),
  ]);
  const timeoutMs = numberFlag('timeout', args.timeout, RANGES.timeout) * 1000;
  return {
    endpoint: parseEndpoint(args.endpoint, args.site),
    // A --profile that is in neither profile file stops here, before the sheet is read (exit 3).
    credentials: await credentialSource(args.profile),
    onCredentials: (line) => log.debug(line),
    timeoutMs,
    retry: { ...DEFAULT_RETRY, maxTries: numberFlag('max-tries', args.maxTries, RANGES.maxTries) },
    signal: interruptSignal(log, timeoutMs),
    ...(args.lockDir ? { lockDir: args.lockDir } : {}),
    ...(args.breakLock ? { breakLock: true } : {}),
  };
}

interface SheetArgs extends GlobalArgs {
  file: string;
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  map?: string;
  maxBytes: string;
  maxRows: number;
  site: Site;
  contactLimit: number;
  reportDir?: string;
}

async function sheetRunOptions(args: SheetArgs): Promise<SheetRunOptions> {
  const { file, sheet, encoding, delimiter, site, reportDir } = args;
  const cwd = process.cwd();
  const map = args.map === undefined ? undefined : await (await import('../read/column-map.js')).readColumnMap(resolve(cwd, args.map), args.map);
  // Checked here, so a typo is reported before the sheet is opened.
  if (encoding !== undefined) (await import('../read/decode.js')).canonicalEncoding(encoding);
  return {
    file,
    read: {
      ...(sheet !== undefined ? { sheet } : {}),
      ...(encoding !== undefined ? { encoding } : {}),
      ...(delimiter !== undefined ? { delimiter: (await import('../read/sniff.js')).parseDelimiter(delimiter) } : {}),
      ...(map ? { map } : {}),
      limits: { maxBytes: parseByteSize('max-bytes', args.maxBytes), maxRows: numberFlag('max-rows', args.maxRows, RANGES.count1) },
      named: file,
    },
    site,
    contactLimit: numberFlag('contact-limit', args.contactLimit, RANGES.count),
    reportDir,
    cwd,
    progress: createProgress(progressMode(process.stderr, args.quiet || args.json)),
  };
}

/**
 * The run's sheet options, for `use`. `-` is standard input: read into a file
 * kept for the run (read/stdin.ts), named `stdin` in what is said, removed after.
 */
export async function withSheetOptions<T>(args: SheetArgs, use: (options: SheetRunOptions) => Promise<T>): Promise<T> {
  if (args.file !== '-') return use(await sheetRunOptions(args));
  const { stageStdin, STDIN_NAME } = await import('../read/stdin.js');
  const staged = await stageStdin(parseByteSize('max-bytes', args.maxBytes));
  try {
    const options = await sheetRunOptions({ ...args, file: staged.path });
    return await use({ ...options, read: { ...options.read, named: STDIN_NAME } });
  } finally {
    await staged.remove();
  }
}

/** `--json` prints the summary on stdout; the outcome's exit code is the process's. */
export function finishRun(args: { json: boolean }, outcome: RunOutcome): number {
  if (args.json) process.stdout.write(terminalJson(outcome.summary) + '\n');
  return outcome.exitCode;
}

/** SIGINT, SIGTERM or SIGHUP once: stop sending, wait up to --timeout for the call in flight, report, exit 130 or 143. Twice: stop waiting. */
export function interruptSignal(log: Logger, waitMs: number): AbortSignal {
  return listenForStop(waitMs, (text) => log.warn(text));
}
