/** `validate` and `import`: their flags, normalised into the options of runValidate and runImport. */
import type { Argv } from 'yargs';
import * as DEFAULTS from '../defaults.js';
import { MODES } from '../defaults.js';
import { InputError } from '../errors.js';
import { terminalJson } from '../terminal/terminal-text.js';
import { numberFlag, RANGES } from './flags.js';
import { dashOrValue, directoryOptions, directoryRunOptions, finishRun, sheetOptions, startCommand, withSheetOptions, type Cli, type CliRun } from './options.js';

export function declareValidate(cli: Cli, run: CliRun): Cli {
  return cli.command(
    'validate [file]',
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
      const log = await startCommand(run, args);
      const file = typedSheet(args.file, run);
      if (file === undefined) throw new InputError('name the sheet to check: contact-import validate FILE (or - for standard input)');
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
  if (typed === '') throw new InputError('an empty name is no sheet: name a file, or - for standard input');
  return typed;
}

function importOptions<T>(y: Argv<T>) {
  return directoryOptions(sheetOptions(y))
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
      default: DEFAULTS.DEFAULT_MODE,
      describe: 'create: add new names only; upsert: also update contacts that differ; sync: upsert, and list (with --prune delete) contacts not in the sheet',
    })
    .option('prune', { type: 'boolean', default: false, describe: 'sync: delete contacts that are not in the sheet, and unbind members it does not list' })
    .option('max-delete', { type: 'number', default: DEFAULTS.DEFAULT_MAX_DELETE, describe: 'sync --prune: stop, writing nothing, if more contacts than this would be deleted' })
    .option('retain-in-members', { type: 'boolean', default: true, describe: 'deleted contacts stay with the members that have them (--no-retain-in-members removes them there too)' })
    .example('$0 import contacts.xlsx --dry-run', 'see what would be created, write nothing')
    .example('$0 import contacts.xlsx --profile prod --skip-invalid', 'import the valid rows with the credentials of profile "prod"')
    .example('$0 import contacts.csv --endpoint http://127.0.0.1:18080', 'rehearse against a local emulator')
    .example('$0 import contacts.xlsx --mode sync --prune --json', 'a scheduled sync: update, add, and delete what left the sheet (at most 3)')
    .example('$0 import contacts.xlsx --mode sync --dry-run --plan-out plan.json', 'save a plan for review; then: contact-import import --plan plan.json');
}

export function declareImport(cli: Cli, run: CliRun): Cli {
  return cli.command(
    'import [file]',
    'import a sheet into the directory: plan against what is there, check the quota, then add contacts one call at a time',
    (y) => importOptions(y),
    async (args) => {
      const log = await startCommand(run, args);
      const file = typedSheet(args.file, run);
      if ((file === undefined) === (args.plan === undefined)) throw new InputError('name a sheet, or give --plan FILE (not both)');
      if (args.planOut !== undefined && !args.dryRun) throw new InputError('--plan-out goes with --dry-run: the plan is saved instead of applied');
      if (args.breakLock && args.dryRun) throw new InputError('--break-lock goes with a run that takes the lock, not --dry-run');
      if (args.prune && args.mode !== 'sync') throw new InputError(`--prune goes with --mode sync (it deletes what the sheet does not list), not --mode ${args.mode}`);
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
