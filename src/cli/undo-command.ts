/** `undo`: its flags, normalised into the options of runUndo. */
import * as DEFAULTS from '../defaults.js';
import { SITES } from '../defaults.js';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import { createProgress, progressMode } from '../terminal/progress.js';
import { numberFlag, RANGES } from './flags.js';
import { dashOrValue, directoryOptions, directoryRunOptions, finishRun, startCommand, type Cli, type CliRun } from './options.js';

export function declareUndo(cli: Cli, run: CliRun): Cli {
  return cli.command(
    'undo [report]',
    say('undo.describe'),
    (y) =>
      directoryOptions(y)
        .positional('report', { type: 'string', describe: say('undo.option.reportDir') })
        .option('site', { choices: SITES, default: DEFAULTS.DEFAULT_SITE, describe: say('cli.option.site.endpoint') })
        .option('contact-limit', {
          type: 'number',
          default: DEFAULTS.DEFAULT_CONTACT_LIMIT,
          describe: say('cli.option.contactLimit.sheet', { limit: DEFAULTS.DEFAULT_CONTACT_LIMIT }),
        })
        .option('report-dir', { type: 'string', describe: say('undo.option.outReport') })
        .option('dry-run', { type: 'boolean', default: false, describe: say('undo.option.dryRun') })
        .option('max-delete', { type: 'number', default: DEFAULTS.DEFAULT_MAX_DELETE, describe: say('undo.option.maxDelete') })
        .option('send-verification', { choices: ['none', 'email', 'phone', 'all'] as const, default: 'none' as const, describe: say('undo.option.sendVerification') })
        .example('$0 undo reports/20260105-093000-contacts --dry-run', say('undo.example.dryRun'))
        .example('$0 undo reports/20260105-093000-contacts --profile prod', say('undo.example.run')),
    async (args) => {
      const log = await startCommand(run, args);
      const report = dashOrValue(args.report, run);
      if (!report) throw new InputError(say('undo.missingDir'));
      if (args.breakLock && args.dryRun) throw new InputError(say('cli.import.breakLockDryRun'));
      const { runUndo } = await import('../commands/undo.js');
      const directory = await directoryRunOptions(args, log);
      run.exitCode = finishRun(
        args,
        await runUndo(
          {
            ...directory,
            reportFolder: report,
            cwd: process.cwd(),
            ...(args.reportDir !== undefined ? { reportDir: args.reportDir } : {}),
            site: args.site,
            contactLimit: numberFlag('contact-limit', args.contactLimit, RANGES.count),
            progress: createProgress(progressMode(process.stderr, args.quiet || args.json)),
            dryRun: args.dryRun,
            maxDelete: numberFlag('max-delete', args.maxDelete, RANGES.count),
            sendVerification: args.sendVerification,
          },
          log,
        ),
      );
    },
  );
}
