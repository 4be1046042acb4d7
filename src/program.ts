/**
 * The command line: declares commands and flags, normalises them into typed
 * options, runs the command, and maps every error to one line and an exit code.
 * Stack traces only with --verbose.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import yargs, { type Argv } from 'yargs';
import type { RunOutcome, SheetRunOptions } from './commands/run.js';
import type { Site } from './contact/rules.js';
import { EXIT, ExitError, InputError } from './errors.js';
import type { DirectoryOptions } from './directory/connect.js';
import { DEFAULT_MAX_DELETE, DEFAULT_MAX_TRIES, MODES, type Mode } from './cli-defaults.js';
import { createProgress, progressMode } from './report/progress.js';
import { DEFAULT_LIMITS, parseByteSize } from './sheet/limits.js';
import type { Logger, Verbosity } from './log.js';
import { packageFile } from './package-file.js';
import { terminalJson } from './report/terminal-text.js';
import { numberFlag, RANGES, refuseRepeatedFlags } from './cli-flags.js';

const VERSION = (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;

interface GlobalArgs {
  verbose: boolean;
  quiet: boolean;
  json: boolean;
  showPii: boolean;
}

/**
 * The console logger for a command: its verbosity, and contact details masked
 * unless --show-pii. winston is loaded here, not on `--help`, which needs only yargs.
 */
async function loggerFor(args: GlobalArgs): Promise<Logger> {
  const { createLogger } = await import('./log.js');
  return createLogger(verbosityOf(args), { showPii: args.showPii });
}

function verbosityOf(args: GlobalArgs): Verbosity {
  if (args.verbose) return 'verbose';
  return args.quiet || args.json ? 'quiet' : 'normal';
}

/** Options shared by every command that reads a sheet. */
function sheetOptions<T>(y: Argv<T>, fileRequired = true) {
  return y
    .positional('file', { type: 'string', demandOption: fileRequired, describe: 'the sheet: a .xlsx or .csv file' })
    .option('sheet', {
      type: 'string',
      describe: 'XLSX worksheet: its name or 1-based position (default: the first with a header row)',
    })
    .option('encoding', { type: 'string', describe: 'CSV text encoding: utf-8, utf-16le, gb18030 (GBK), windows-1252… (default: detected)' })
    .option('delimiter', { type: 'string', describe: 'CSV field delimiter: , ; | or tab (default: sniffed from the header line)' })
    .option('map', { type: 'string', describe: 'mapping file: which header means which field (see README; validate --print-mapping writes one)' })
    .option('max-bytes', { type: 'string', default: '50MB', describe: 'refuse sheets larger than this (XLSX: unpacking to 20 times this)' })
    .option('max-rows', { type: 'number', default: DEFAULT_LIMITS.maxRows, describe: 'refuse sheets with more data rows than this' })
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

/** Options of every command that talks to the directory. */
function directoryOptions<T>(y: Argv<T>) {
  return y
    .option('endpoint', {
      type: 'string',
      describe: 'HOST[:PORT] (https) or http://HOST:PORT (default: resourcedirectory-intl.aliyuncs.com, or resourcedirectory.aliyuncs.com with --site cn)',
    })
    .option('profile', { type: 'string', describe: 'credentials profile of ~/.aliyun/config.json or ~/.alibabacloud/credentials' })
    .option('timeout', { type: 'number', default: 10, describe: `seconds to wait for one API call (${RANGES.timeout.min}–${RANGES.timeout.max})` })
    .option('max-tries', { type: 'number', default: DEFAULT_MAX_TRIES, describe: `tries per call for throttling, 5xx, timeouts and dropped connections (${RANGES.maxTries.min}–${RANGES.maxTries.max})` })
    .option('lock-dir', { type: 'string', describe: 'folder of the lock files that keep two runs off one directory, yours alone (default: $XDG_RUNTIME_DIR/contact-import or ~/.cache/contact-import/locks)' });
}

interface DirectoryArgs {
  endpoint?: string;
  site: Site;
  profile?: string;
  timeout: number;
  maxTries: number;
  lockDir?: string;
}

async function directoryRunOptions(args: DirectoryArgs, log: Logger): Promise<DirectoryOptions & { lockDir?: string }> {
  // Loaded by the commands that call the directory, not by every start (--help): see cli-defaults.ts.
  const [{ parseEndpoint }, { DEFAULT_RETRY }] = await Promise.all([import('./directory/endpoint.js'), import('./directory/retry.js')]);
  return {
    endpoint: parseEndpoint(args.endpoint, args.site),
    credentials: { kind: 'chain', ...(args.profile ? { profile: args.profile } : {}) },
    timeoutMs: numberFlag('timeout', args.timeout, RANGES.timeout) * 1000,
    retry: { ...DEFAULT_RETRY, maxTries: numberFlag('max-tries', args.maxTries, RANGES.maxTries) },
    signal: interruptSignal(log),
    ...(args.lockDir ? { lockDir: args.lockDir } : {}),
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
  const map = args.map === undefined ? undefined : await (await import('./sheet/column-map.js')).readColumnMap(resolve(cwd, args.map));
  // Checked here, so a typo is reported before the sheet is opened.
  if (encoding !== undefined) (await import('./sheet/decode.js')).canonicalEncoding(encoding);
  return {
    file,
    read: {
      ...(sheet !== undefined ? { sheet } : {}),
      ...(encoding !== undefined ? { encoding } : {}),
      ...(delimiter !== undefined ? { delimiter: (await import('./sheet/sniff.js')).parseDelimiter(delimiter) } : {}),
      ...(map ? { map } : {}),
      limits: { maxBytes: parseByteSize('max-bytes', args.maxBytes), maxRows: numberFlag('max-rows', args.maxRows, RANGES.count1) },
    },
    site,
    contactLimit: numberFlag('contact-limit', args.contactLimit, RANGES.count),
    reportDir,
    cwd,
    progress: createProgress(progressMode(process.stderr, args.quiet || args.json)),
  };
}

/** `--json` prints the summary on stdout; the outcome's exit code is the process's. */
function finishRun(args: { json: boolean }, outcome: RunOutcome): number {
  if (args.json) process.stdout.write(terminalJson(outcome.summary) + '\n');
  return outcome.exitCode;
}

/** Ctrl-C once: finish the call in flight, report, exit 130. Twice: quit at once. */
function interruptSignal(log: Logger): AbortSignal {
  const controller = new AbortController();
  process.on('SIGINT', () => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    log.warn('interrupted: finishing the call in flight, then writing the report (Ctrl-C again to quit at once)');
    controller.abort();
  });
  return controller.signal;
}

export async function main(argv: string[]): Promise<number> {
  /** Set by the command's handler; yargs's own errors (a typo in an option) come before it. */
  let log: Logger | undefined;
  let verbose = argv.includes('--verbose');
  let exitCode: number = EXIT.ok;

  const cli = yargs(argv)
    .scriptName('contact-import')
    .usage('$0 <command> [options]\n\nImport contacts from CSV/XLSX sheets into the message contacts of an Alibaba Cloud Resource Directory.')
    .option('verbose', { type: 'boolean', default: false, describe: 'debug output, stack traces on errors' })
    .option('quiet', { type: 'boolean', default: false, describe: 'errors only' })
    .option('json', { type: 'boolean', default: false, describe: 'print the summary as JSON on stdout, nothing else there' })
    .option('show-pii', { type: 'boolean', default: false, describe: 'show emails and phones in full on the console and in log.jsonl (masked by default; the report files always have them)' })
    .command(
      'validate <file>',
      'check a sheet offline: every row judged as the API would, duplicates and the contact limit; writes a report',
      (y) =>
        sheetOptions(y)
          .option('print-mapping', { type: 'boolean', default: false, describe: 'print which column is read as which field (a mapping file, for --map) and stop' })
          .option('write-fixed', { type: 'string', describe: 'write a copy of the sheet with the unambiguous fixes applied, and a column saying what changed' })
          .example('$0 validate contacts.xlsx', 'check the first sheet with a header row')
          .example('$0 validate contacts.csv --site cn --report-dir out/', 'allow Chinese names, report into out/')
          .example('$0 validate export.csv --print-mapping > mapping.json', 'save the column mapping to edit; then: --map mapping.json')
          .example('$0 validate contacts.xlsx --write-fixed contacts-fixed.xlsx', 'a corrected copy to check and import'),
      async (args) => {
        verbose = args.verbose;
        log = await loggerFor(args);
        // demandOption: yargs has refused a missing sheet already.
        const options = await sheetRunOptions({ ...args, file: args.file! });
        if (args.printMapping) {
          const { printMapping } = await import('./commands/validate.js');
          process.stdout.write(terminalJson(await printMapping(options, log)) + '\n');
          return;
        }
        const { runValidate } = await import('./commands/validate.js');
        exitCode = finishRun(args, await runValidate({ ...options, ...(args.writeFixed !== undefined ? { writeFixed: args.writeFixed } : {}) }, log));
      },
    )
    .command(
      'import [file]',
      'import a sheet into the directory: plan against what is there, check the quota, then add contacts one call at a time',
      (y) =>
        directoryOptions(sheetOptions(y, false))
          .option('plan-out', { type: 'string', describe: 'with --dry-run: save the plan to this file, to apply later with --plan' })
          .option('plan', {
            type: 'string',
            describe: "apply a plan saved by --plan-out instead of reading a sheet: its rows judged again, this command's gates run again, refused if the directory changed since",
          })
          .option('dry-run', { type: 'boolean', default: false, describe: 'plan only: read the directory, write nothing, report would_create' })
          .option('skip-invalid', { type: 'boolean', default: false, describe: 'import the valid rows even if others are invalid or duplicate' })
          .option('allow-partial', { type: 'boolean', default: false, describe: 'if the quota is too small, import the first rows that fit' })
          .option('send-verification', {
            choices: ['none', 'email', 'phone', 'all'] as const,
            default: 'none' as const,
            describe: 'send verification messages to the new contacts',
          })
          .option('mode', {
            choices: MODES,
            default: 'create' as Mode,
            describe: 'create: add new names only; upsert: also update contacts that differ; sync: upsert, and list (with --prune delete) contacts not in the sheet',
          })
          .option('prune', { type: 'boolean', default: false, describe: 'sync: delete contacts that are not in the sheet, and unbind members it does not list' })
          .option('max-delete', { type: 'number', default: DEFAULT_MAX_DELETE, describe: 'sync --prune: stop, writing nothing, if more contacts than this would be deleted' })
          .option('retain-in-members', { type: 'boolean', default: true, describe: 'deleted contacts stay with the members that have them (--no-retain-in-members removes them there too)' })
          .example('$0 import contacts.xlsx --dry-run', 'see what would be created, write nothing')
          .example('$0 import contacts.xlsx --profile prod --skip-invalid', 'import the valid rows with the credentials of profile "prod"')
          .example('$0 import contacts.csv --endpoint http://127.0.0.1:18080', 'rehearse against a local emulator')
          .example('$0 import contacts.xlsx --mode sync --prune --json', 'a scheduled sync: update, add, and delete what left the sheet (at most 3)')
          .example('$0 import contacts.xlsx --mode sync --dry-run --plan-out plan.json', 'save a plan for review; then: $0 import --plan plan.json'),
      async (args) => {
        verbose = args.verbose;
        log = await loggerFor(args);
        if ((args.file === undefined) === (args.plan === undefined)) throw new InputError('name a sheet, or give --plan FILE (not both)');
        if (args.planOut !== undefined && !args.dryRun) throw new InputError('--plan-out goes with --dry-run: the plan is saved instead of applied');
        if (args.prune && args.mode !== 'sync') throw new InputError(`--prune goes with --mode sync (it deletes what the sheet does not list), not --mode ${args.mode}`);
        const { runImport } = await import('./commands/import.js');
        const outcome = await runImport(
          {
            ...(await sheetRunOptions({ ...args, file: args.file ?? '' })),
            ...(await directoryRunOptions(args, log)),
            ...(args.planOut !== undefined ? { planOut: args.planOut } : {}),
            ...(args.plan !== undefined ? { planFile: args.plan } : {}),
            skipInvalid: args.skipInvalid,
            allowPartial: args.allowPartial,
            dryRun: args.dryRun,
            mode: args.mode,
            prune: args.prune,
            maxDelete: numberFlag('max-delete', args.maxDelete, RANGES.count),
            retainInMembers: args.retainInMembers,
            sendVerification: args.sendVerification,
          },
          log,
        );
        exitCode = finishRun(args, outcome);
      },
    )
    .command(
      'status',
      "list the directory's contacts with their status and the addresses waiting for verification",
      (y) =>
        directoryOptions(y)
          .option('site', { choices: ['intl', 'cn'] as const, default: 'intl' as Site, describe: 'the site: its default endpoint' })
          .option('resend', { type: 'boolean', default: false, describe: 'send the pending verifications again (within the daily limit)' })
          .example('$0 status', 'who is still Verifying, and for which address')
          .example('$0 status --resend --json', 'send the verifications again; the result as JSON on stdout'),
      async (args) => {
        verbose = args.verbose;
        log = await loggerFor(args);
        const { runStatus } = await import('./commands/status.js');
        const { exitCode: code, report } = await runStatus({ ...(await directoryRunOptions(args, log)), resend: args.resend }, log);
        if (args.json) process.stdout.write(terminalJson(report) + '\n');
        exitCode = code;
      },
    )
    .command(
      'demo',
      'start the emulator in this process and import fixtures/contacts.xlsx into it',
      (y) =>
        y
          .option('fresh', { type: 'boolean', default: false, describe: 'start from an empty demo directory' })
          .option('report-dir', { type: 'string', describe: 'folder for the report (default: reports/<yyyymmdd-hhmmss>-contacts/)' })
          .example('$0 demo', 'the first run creates the contacts; a second finds them all (exists)'),
      async (args) => {
        verbose = args.verbose;
        log = await loggerFor(args);
        const { runDemo } = await import('./commands/demo.js');
        exitCode = finishRun(args, await runDemo({ cwd: process.cwd(), reportDir: args.reportDir, fresh: args.fresh, signal: interruptSignal(log) }, log));
      },
    )
    .command(
      'emulator',
      'run the local Resource Directory emulator (the twelve message-contact operations, signatures checked)',
      (y) =>
        y
          .option('port', { type: 'number', default: 18080, describe: 'port to listen on; 0 picks a free one' })
          .option('host', { type: 'string', default: '127.0.0.1', describe: 'address to listen on' })
          .option('contact-limit', { type: 'number', default: 20, describe: 'contacts the emulated directory may hold' })
          .option('site', { choices: ['intl', 'cn'] as const, default: 'intl' as Site, describe: 'cn also accepts Chinese-character names' })
          .option('state', { type: 'string', describe: 'keep the directory in this JSON file across restarts' })
          .option('latency', { type: 'number', default: 0, describe: 'milliseconds added to every API call' })
          .option('fault-rate', { type: 'number', default: 0, describe: 'probability (0–1) that a call fails: Throttling.User, 503, or answer dropped after the write' })
          .option('seed', { type: 'number', default: 1, describe: 'seed for --fault-rate, so a rehearsal repeats exactly' })
          .option('access-key-id', { type: 'string', describe: 'AccessKey id to accept (default: the demo key pair, see README)' })
          .option('access-key-secret', { type: 'string', describe: 'its secret' })
          .option('members', { type: 'string', describe: 'comma-separated member IDs in the directory (default: any well-formed ID)' })
          .option('auto-verify', { type: 'boolean', default: false, describe: 'new and changed addresses count as verified at once' })
          .example('$0 emulator --port 0', 'serve on a free port')
          .example('$0 emulator --state rd.json --fault-rate 0.2 --seed 7', 'a rehearsal with faults that survives restarts'),
      async (args) => {
        verbose = args.verbose;
        log = await loggerFor(args);
        if ((args.accessKeyId === undefined) !== (args.accessKeySecret === undefined)) {
          throw new InputError('give --access-key-id and --access-key-secret together');
        }
        const { runEmulator } = await import('./commands/emulator.js');
        exitCode = await runEmulator(
          {
            host: args.host,
            port: numberFlag('port', args.port, RANGES.port),
            contactLimit: numberFlag('contact-limit', args.contactLimit, RANGES.count),
            site: args.site,
            stateFile: args.state,
            latencyMs: numberFlag('latency', args.latency, RANGES.latency),
            faultRate: numberFlag('fault-rate', args.faultRate, RANGES.fraction),
            seed: args.seed,
            accessKeyId: args.accessKeyId,
            accessKeySecret: args.accessKeySecret,
            members: args.members?.split(',').map((id) => id.trim()).filter(Boolean),
            autoVerify: args.autoVerify,
          },
          log,
        );
      },
    )
    .middleware(refuseRepeatedFlags, true)
    .env('CONTACT_IMPORT')
    .demandCommand(1, 'name a command: validate, import, status, demo, emulator')
    .strict()
    .version(VERSION)
    // After .help(), which declares the help option anew: an alias given before it is lost (-h was refused).
    .help()
    .alias('help', 'h')
    .fail((message, error) => {
      if (error) throw error;
      throw new InputError(`${message} (see contact-import --help)`);
    });

  try {
    await cli.parseAsync();
    return exitCode;
  } catch (error) {
    log ??= await loggerFor({ verbose, quiet: false, json: false, showPii: false });
    return reportError(error, log, verbose);
  }
}

function reportError(error: unknown, log: Logger, verbose: boolean): number {
  if (error instanceof ExitError) {
    // One line, always: a value quoted into a message may hold a new line.
    log.error(error.message.replace(/\s*[\r\n]+\s*/g, ' '));
    if (verbose && error.cause instanceof Error && error.cause.stack) logStack(log, error.cause.stack);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  log.error(`internal error (a bug in contact-import): ${message}`);
  if (verbose && error instanceof Error && error.stack) logStack(log, error.stack);
  else log.error('run again with --verbose to see where it happened, and report it');
  return EXIT.internal;
}

/** A line each: the console shows a line break inside one message as `\n`, so a value cannot start a line of its own. */
function logStack(log: Logger, stack: string): void {
  for (const line of stack.split('\n')) log.debug(line);
}
