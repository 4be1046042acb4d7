/** `status`, `demo` and `emulator`: their flags, normalised into the options of runStatus, runDemo and runEmulator. */
import type { Argv } from 'yargs';
import * as DEFAULTS from '../defaults.js';
import { SITES } from '../defaults.js';
import { InputError } from '../errors.js';
import { terminalJson } from '../terminal/terminal-text.js';
import { numberFlag, RANGES } from './flags.js';
import { directoryOptions, directoryRunOptions, finishRun, interruptSignal, startCommand, type Cli, type CliRun } from './options.js';

export function declareStatus(cli: Cli, run: CliRun): Cli {
  return cli.command(
    'status',
    "list the directory's contacts with their status and the addresses waiting for verification",
    (y) =>
      directoryOptions(y)
        .option('site', { choices: SITES, default: DEFAULTS.DEFAULT_SITE, describe: 'the site: its default endpoint' })
        .option('resend', { type: 'boolean', default: false, describe: 'send the pending verifications again (within the daily limit)' })
        .example('$0 status', 'who is still Verifying, and for which address')
        .example('$0 status --resend --json', 'send the verifications again; the result as JSON on stdout'),
    async (args) => {
      const log = await startCommand(run, args);
      if (args.breakLock && !args.resend) throw new InputError('--break-lock goes with --resend, the one status run that takes the lock');
      const { runStatus } = await import('../commands/status.js');
      const { exitCode, report } = await runStatus({ ...(await directoryRunOptions(args, log)), resend: args.resend }, log);
      if (args.json) process.stdout.write(terminalJson(report) + '\n');
      run.exitCode = exitCode;
    },
  );
}

export function declareDemo(cli: Cli, run: CliRun): Cli {
  return cli.command(
    'demo',
    'start the emulator in this process and import fixtures/contacts.xlsx into it',
    (y) =>
      y
        .option('fresh', { type: 'boolean', default: false, describe: 'start from an empty demo directory' })
        .option('report-dir', { type: 'string', describe: 'folder for the report (default: reports/<yyyymmdd-hhmmss>-contacts/)' })
        .example('$0 demo', 'the first run creates the contacts; a second finds them all (exists)'),
    async (args) => {
      const log = await startCommand(run, args);
      const { runDemo } = await import('../commands/demo.js');
      run.exitCode = finishRun(args, await runDemo({ cwd: process.cwd(), reportDir: args.reportDir, fresh: args.fresh, signal: interruptSignal(log, DEFAULTS.DEFAULT_TIMEOUT_SECONDS * 1000) }, log));
    },
  );
}

function emulatorOptions<T>(y: Argv<T>) {
  return y
    .option('port', { type: 'number', default: DEFAULTS.DEFAULT_EMULATOR_PORT, describe: 'port to listen on; 0 picks a free one' })
    .option('host', { type: 'string', default: DEFAULTS.DEFAULT_EMULATOR_HOST, describe: 'address to listen on' })
    .option('contact-limit', { type: 'number', default: DEFAULTS.DEFAULT_CONTACT_LIMIT, describe: 'contacts the emulated directory may hold' })
    .option('site', { choices: SITES, default: DEFAULTS.DEFAULT_SITE, describe: 'cn also accepts Chinese-character names' })
    .option('state', { type: 'string', describe: 'keep the directory in this JSON file across restarts' })
    .option('latency', { type: 'number', default: 0, describe: 'milliseconds added to every API call' })
    .option('fault-rate', { type: 'number', default: 0, describe: 'probability (0–1) that a call fails: Throttling.User, 503, or answer dropped after the write' })
    .option('seed', { type: 'number', default: 1, describe: 'seed for --fault-rate, so a rehearsal repeats exactly' })
    .option('access-key-id', { type: 'string', describe: 'AccessKey id to accept (default: the demo key pair, see README)' })
    .option('access-key-secret', { type: 'string', describe: 'its secret' })
    .option('members', { type: 'string', describe: 'comma-separated member IDs in the directory (default: any well-formed ID)' })
    .option('auto-verify', { type: 'boolean', default: false, describe: 'new and changed addresses count as verified at once' })
    .example('$0 emulator --port 0', 'serve on a free port')
    .example('$0 emulator --state rd.json --fault-rate 0.2 --seed 7', 'a rehearsal with faults that survives restarts');
}

export function declareEmulator(cli: Cli, run: CliRun): Cli {
  return cli.command(
    'emulator',
    'run the local Resource Directory emulator (the twelve message-contact operations, signatures checked)',
    (y) => emulatorOptions(y),
    async (args) => {
      const log = await startCommand(run, args);
      if ((args.accessKeyId === undefined) !== (args.accessKeySecret === undefined)) {
        throw new InputError('give --access-key-id and --access-key-secret together');
      }
      const { runEmulator } = await import('../commands/emulator.js');
      run.exitCode = await runEmulator(
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
  );
}
