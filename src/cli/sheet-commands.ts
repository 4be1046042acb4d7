/** `validate` and `import`: their flags, normalised into the options of runValidate and runImport. */
import type { Argv } from 'yargs';
import * as DEFAULTS from '../defaults.js';
import { MODES } from '../defaults.js';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import { terminalJson } from '../terminal/terminal-text.js';
import { numberFlag, RANGES } from './flags.js';
import { dashOrValue, directoryOptions, directoryRunOptions, finishRun, sheetOptions, startCommand, withSheetOptions, type Cli, type CliRun } from './options.js';

export function declareValidate(cli: Cli, run: CliRun): Cli {
  return cli.command(
    'validate [file]',
    say('cli.command.validate'),
    (y) =>
      sheetOptions(y)
        .option('print-mapping', { type: 'boolean', default: false, describe: say('cli.option.printMapping') })
        .option('write-fixed', { type: 'string', describe: say('cli.option.writeFixed') })
        .example('$0 validate contacts.xlsx', say('cli.example.validate.first'))
        .example('$0 validate contacts.csv --site cn --report-dir out/', say('cli.example.validate.cn'))
        .example('$0 validate export.csv --print-mapping > mapping.json', say('cli.example.validate.mapping'))
        .example('$0 validate contacts.xlsx --write-fixed contacts-fixed.xlsx', say('cli.example.validate.fixed')),
    async (args) => {
      const log = await startCommand(run, args);
      const file = typedSheet(args.file, run);
      if (file === undefined) throw new InputError(say('cli.validate.noSheet'));
      const { printMapping, runValidate } = await import('../commands/validate.js');
      await withSheetOptions({ ...args, file }, async (options) => {
        if (args.printMapping) {
          process.stdout.write(terminalJson(await printMapping(options, log)) + '\n');
          return;
        }
        run.exitCode = finishRun(args, await runValidate({ ...options, ...(args.writeFixed !== undefined ? { writeFixed: args.writeFixed } : {}) }, log));
      });
    },
  );
}

/** The sheet as typed: `-` is standard input (see dashOrValue); '' names no file and is never read as the current folder. */
function typedSheet(file: string | undefined, run: CliRun): string | undefined {
  const typed = dashOrValue(file, run);
  if (typed === '') throw new InputError(say('cli.sheet.emptyName'));
  return typed;
}

function importOptions<T>(y: Argv<T>) {
  return directoryOptions(sheetOptions(y))
    .option('plan-out', { type: 'string', describe: say('cli.option.planOut') })
    .option('plan', {
      type: 'string',
      describe: say('cli.option.plan'),
    })
    .option('dry-run', { type: 'boolean', default: false, describe: say('cli.option.dryRun') })
    .option('skip-invalid', { type: 'boolean', default: false, describe: say('cli.option.skipInvalid') })
    .option('allow-partial', { type: 'boolean', default: false, describe: say('cli.option.allowPartial') })
    .option('send-verification', {
      choices: ['none', 'email', 'phone', 'all'] as const,
      default: 'none' as const,
      describe: say('cli.option.sendVerification'),
    })
    .option('mode', {
      choices: MODES,
      default: DEFAULTS.DEFAULT_MODE,
      describe: say('cli.option.mode'),
    })
    .option('prune', { type: 'boolean', default: false, describe: say('cli.option.prune') })
    .option('max-delete', { type: 'number', default: DEFAULTS.DEFAULT_MAX_DELETE, describe: say('cli.option.maxDelete') })
    .option('retain-in-members', { type: 'boolean', default: true, describe: say('cli.option.retainInMembers') })
    .example('$0 import contacts.xlsx --dry-run', say('cli.example.import.dryRun'))
    .example('$0 import contacts.xlsx --profile prod --skip-invalid', say('cli.example.import.profile'))
    .example('$0 import contacts.csv --endpoint http://127.0.0.1:18080', say('cli.example.import.emulator'))
    .example('$0 import contacts.xlsx --mode sync --prune --json', say('cli.example.import.sync'))
    .example('$0 import contacts.xlsx --mode sync --dry-run --plan-out plan.json', say('cli.example.import.planOut'));
}

export function declareImport(cli: Cli, run: CliRun): Cli {
  return cli.command(
    'import [file]',
    say('cli.command.import'),
    (y) => importOptions(y),
    async (args) => {
      const log = await startCommand(run, args);
      const file = typedSheet(args.file, run);
      if ((file === undefined) === (args.plan === undefined)) throw new InputError(say('cli.import.sheetOrPlan'));
      if (args.planOut !== undefined && !args.dryRun) throw new InputError(say('cli.import.planOutNeedsDryRun'));
      if (args.breakLock && args.dryRun) throw new InputError(say('cli.import.breakLockDryRun'));
      if (args.prune && args.mode !== 'sync') throw new InputError(say('cli.import.pruneNeedsSync', { mode: args.mode }));
      const { runImport } = await import('../commands/import.js');
      const directory = await directoryRunOptions(args, log);
      run.exitCode = await withSheetOptions({ ...args, file: file ?? '' }, async (sheet) =>
        finishRun(
          args,
          await runImport(
            {
              ...sheet,
              ...directory,
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
          ),
        ),
      );
    },
  );
}
