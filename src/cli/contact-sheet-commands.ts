/** `template` and `export`, the commands that write a sheet in the import format: their flags, normalised into the options of runTemplate and runExport. */
import * as DEFAULTS from '../defaults.js';
import { SITES } from '../defaults.js';
import { InputError } from '../errors.js';
import { terminalJson } from '../terminal/terminal-text.js';
import { numberFlag, RANGES } from './flags.js';
import { dashOrValue, directoryOptions, directoryRunOptions, startCommand, type Cli, type CliRun } from './options.js';

export function declareTemplate(cli: Cli, run: CliRun): Cli {
  return cli.command(
    'template [file]',
    'write a blank contact sheet (.xlsx with dropdowns and checks, or .csv) that the tool reads as it is',
    (y) =>
      y
        .positional('file', { type: 'string', describe: 'the sheet to write: .xlsx or .csv' })
        .option('site', { choices: SITES, default: DEFAULTS.DEFAULT_SITE, describe: 'the site whose name rule the sheet states (cn: Chinese names too)' })
        .option('contact-limit', { type: 'number', default: DEFAULTS.DEFAULT_CONTACT_LIMIT, describe: 'the contact limit the sheet states' })
        .option('force', { type: 'boolean', default: false, describe: 'replace the file if it exists' })
        .example('$0 template contacts.xlsx', 'a sheet to fill in; then check it with validate')
        .example('$0 template contacts.csv --site cn', 'the header row only, UTF-8 with BOM'),
    async (args) => {
      const log = await startCommand(run, args);
      // Optional for yargs, so that a name after `--` can be it (yargs-gaps.ts).
      if (!args.file) throw new InputError('name the sheet to write: contact-import template FILE.xlsx (or .csv)');
      const { runTemplate } = await import('../commands/template.js');
      run.exitCode = await runTemplate(
        { file: args.file, site: args.site, contactLimit: numberFlag('contact-limit', args.contactLimit, RANGES.count), force: args.force, cwd: process.cwd() },
        log,
      );
    },
  );
}

export function declareExport(cli: Cli, run: CliRun): Cli {
  return cli.command(
    'export [file]',
    "write the directory's contacts as a sheet in the import format (.xlsx, .csv, or - for CSV on stdout), to edit and sync back",
    (y) =>
      directoryOptions(y)
        .positional('file', { type: 'string', describe: 'the sheet to write: .xlsx, .csv, or - (CSV on stdout)' })
        .option('site', { choices: SITES, default: DEFAULTS.DEFAULT_SITE, describe: 'the site: its default endpoint' })
        .option('force', { type: 'boolean', default: false, describe: 'replace the file if it exists' })
        .example('$0 export contacts.xlsx', 'every contact, to edit; then: import contacts.xlsx --mode sync --dry-run')
        .example('$0 export - > contacts.csv', 'CSV on stdout')
        .example('$0 export --json', 'the contacts as JSON on stdout'),
    async (args) => {
      const log = await startCommand(run, args);
      const file = dashOrValue(args.file, run);
      if (file === undefined && !args.json) throw new InputError('name the sheet to write (.xlsx, .csv, or - for stdout), or give --json');
      if (file === '-' && args.json) throw new InputError('- and --json both write to stdout: give one');
      if (args.breakLock) throw new InputError('--break-lock goes with a run that takes the lock; export only reads the directory');
      const { runExport } = await import('../commands/export.js');
      const exported = await runExport(
        { ...(await directoryRunOptions(args, log)), ...(file !== undefined ? { file } : {}), force: args.force, cwd: process.cwd() },
        log,
      );
      if (exported.stdout !== undefined) process.stdout.write(exported.stdout);
      if (args.json) process.stdout.write(terminalJson({ version: 1, contacts: exported.contacts }) + '\n');
    },
  );
}
