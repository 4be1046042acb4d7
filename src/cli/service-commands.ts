/** `status`, `demo` and `emulator`: their flags, normalised into the options of runStatus, runDemo and runEmulator. */
import type { Argv } from 'yargs';
import * as DEFAULTS from '../defaults.js';
import { SITES } from '../defaults.js';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import { terminalJson } from '../terminal/terminal-text.js';
import { numberFlag, RANGES } from './flags.js';
import { directoryOptions, directoryRunOptions, finishRun, interruptSignal, startCommand, type Cli, type CliRun } from './options.js';

export function declareStatus(cli: Cli, run: CliRun): Cli {
  return cli.command(
    'status',
    say('cli.command.status'),
    (y) =>
      directoryOptions(y)
        .option('site', { choices: SITES, default: DEFAULTS.DEFAULT_SITE, describe: say('cli.option.site.endpoint') })
        .option('resend', { type: 'boolean', default: false, describe: say('cli.option.resend') })
        .example('$0 status', say('cli.example.status.plain'))
        .example('$0 status --resend --json', say('cli.example.status.resend')),
    async (args) => {
      const log = await startCommand(run, args);
      if (args.breakLock && !args.resend) throw new InputError(say('cli.status.breakLockNeedsResend'));
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
    say('cli.command.demo'),
    (y) =>
      y
        .option('fresh', { type: 'boolean', default: false, describe: say('cli.option.fresh') })
        .option('report-dir', { type: 'string', describe: say('cli.option.reportDir.demo') })
        .example('$0 demo', say('cli.example.demo')),
    async (args) => {
      const log = await startCommand(run, args);
      const { runDemo } = await import('../commands/demo.js');
      run.exitCode = finishRun(args, await runDemo({ cwd: process.cwd(), reportDir: args.reportDir, fresh: args.fresh, signal: interruptSignal(log, DEFAULTS.DEFAULT_TIMEOUT_SECONDS * 1000) }, log));
    },
  );
}

function emulatorOptions<T>(y: Argv<T>) {
  return y
    .option('port', { type: 'number', default: DEFAULTS.DEFAULT_EMULATOR_PORT, describe: say('cli.option.port') })
    .option('host', { type: 'string', default: DEFAULTS.DEFAULT_EMULATOR_HOST, describe: say('cli.option.host') })
    .option('contact-limit', { type: 'number', default: DEFAULTS.DEFAULT_CONTACT_LIMIT, describe: say('cli.option.contactLimit.emulator') })
    .option('site', { choices: SITES, default: DEFAULTS.DEFAULT_SITE, describe: say('cli.option.site.emulator') })
    .option('state', { type: 'string', describe: say('cli.option.state') })
    .option('latency', { type: 'number', default: 0, describe: say('cli.option.latency') })
    .option('fault-rate', { type: 'number', default: 0, describe: say('cli.option.faultRate') })
    .option('seed', { type: 'number', default: 1, describe: say('cli.option.seed') })
    .option('access-key-id', { type: 'string', describe: say('cli.option.accessKeyId') })
    .option('access-key-secret', { type: 'string', describe: say('cli.option.accessKeySecret') })
    .option('members', { type: 'string', describe: say('cli.option.members') })
    .option('auto-verify', { type: 'boolean', default: false, describe: say('cli.option.autoVerify') })
    .example('$0 emulator --port 0', say('cli.example.emulator.port'))
    .example('$0 emulator --state rd.json --fault-rate 0.2 --seed 7', say('cli.example.emulator.state'));
}

export function declareEmulator(cli: Cli, run: CliRun): Cli {
  return cli.command(
    'emulator',
    say('cli.command.emulator'),
    (y) => emulatorOptions(y),
    async (args) => {
      const log = await startCommand(run, args);
      if ((args.accessKeyId === undefined) !== (args.accessKeySecret === undefined)) {
        throw new InputError(say('cli.emulator.keyPair'));
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
