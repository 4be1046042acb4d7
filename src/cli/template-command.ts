/** `template`: its flags, normalised into the options of runTemplate. */
import * as DEFAULTS from '../defaults.js';
import { SITES } from '../defaults.js';
import { numberFlag, RANGES } from './flags.js';
import { startCommand, type Cli, type CliRun } from './options.js';

export function declareTemplate(cli: Cli, run: CliRun): Cli {
  return cli.command(
    'template <file>',
    'write a blank contact sheet (.xlsx with dropdowns and checks, or .csv) that the tool reads as it is',
    (y) =>
      y
        .positional('file', { type: 'string', demandOption: true, describe: 'the sheet to write: .xlsx or .csv' })
        .option('site', { choices: SITES, default: DEFAULTS.DEFAULT_SITE, describe: 'the site whose name rule the sheet states (cn: Chinese names too)' })
        .option('contact-limit', { type: 'number', default: DEFAULTS.DEFAULT_CONTACT_LIMIT, describe: 'the contact limit the sheet states' })
        .option('force', { type: 'boolean', default: false, describe: 'replace the file if it exists' })
        .example('$0 template contacts.xlsx', 'a sheet to fill in; then check it with validate')
        .example('$0 template contacts.csv --site cn', 'the header row only, UTF-8 with BOM'),
    async (args) => {
      const log = await startCommand(run, args);
      const { runTemplate } = await import('../commands/template.js');
      run.exitCode = await runTemplate(
        { file: args.file!, site: args.site, contactLimit: numberFlag('contact-limit', args.contactLimit, RANGES.count), force: args.force, cwd: process.cwd() },
        log,
      );
    },
  );
}
