/** `template` and `export`, the commands that write a sheet in the import format: their flags, normalised into the options of runTemplate and runExport. */
import * as DEFAULTS from '../defaults.js';
import { SITES } from '../defaults.js';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import { terminalJson } from '../terminal/terminal-text.js';
import { numberFlag, RANGES } from './flags.js';
import { dashOrValue, directoryOptions, directoryRunOptions, startCommand, type Cli, type CliRun } from './options.js';

export function declareTemplate(cli: Cli, run: CliRun): Cli {
  return cli.command(
    'template [file]',
    say('cli.command.template'),
    (y) =>
      y
        .positional('file', { type: 'string', describe: say('cli.option.file.template') })
        .option('site', { choices: SITES, default: DEFAULTS.DEFAULT_SITE, describe: say('cli.option.site.template') })
        .option('contact-limit', { type: 'number', default: DEFAULTS.DEFAULT_CONTACT_LIMIT, describe: say('cli.option.contactLimit.template') })
        .option('force', { type: 'boolean', default: false, describe: say('cli.option.force') })
        .example('$0 template contacts.xlsx', say('cli.example.template.xlsx'))
        .example('$0 template contacts.csv --site cn', say('cli.example.template.csv')),
    async (args) => {
      const log = await startCommand(run, args);
      // Optional for yargs, so that a name after `--` can be it (yargs-gaps.ts).
      if (!args.file) throw new InputError(say('cli.template.noSheet'));
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
    say('cli.command.export'),
    (y) =>
      directoryOptions(y)
        .positional('file', { type: 'string', describe: say('cli.option.file.export') })
        .option('site', { choices: SITES, default: DEFAULTS.DEFAULT_SITE, describe: say('cli.option.site.endpoint') })
        .option('force', { type: 'boolean', default: false, describe: say('cli.option.force') })
        .example('$0 export contacts.xlsx', say('cli.example.export.xlsx'))
        .example('$0 export - > contacts.csv', say('cli.example.export.stdout'))
        .example('$0 export --json', say('cli.example.export.json')),
    async (args) => {
      const log = await startCommand(run, args);
      const file = dashOrValue(args.file, run);
      if (file === undefined && !args.json) throw new InputError(say('cli.export.noSheet'));
      if (file === '-' && args.json) throw new InputError(say('cli.export.dashAndJson'));
      if (args.breakLock) throw new InputError(say('cli.export.breakLock'));
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
