/**
 * Two things yargs leaves undone, mended as middleware before its validation:
 * the operands after `--` fill no positional, and `.env(prefix)` reads every
 * variable with the prefix, so strict mode refuses an unrelated one.
 */
import type { Arguments, Argv } from 'yargs';

/** `CONTACT_IMPORT_<FLAG>` sets `--<flag>` (docs/contract.md, Commands). */
export const ENV_PREFIX = 'CONTACT_IMPORT';

/** yargs lists a command's positionals among its option keys; `getOptions` is public but not in @types/yargs. */
type WithOptionKeys = { getOptions(): { key: Record<string, unknown> } };

/**
 * `--` ends the options: `validate -- -x.csv` names a sheet called `-x.csv`.
 * yargs keeps what follows `--` apart (in `--`) and never fills a positional
 * from it, so the first goes to the command's empty `file`; the rest join the
 * other arguments, where strict mode refuses them as unexpected.
 */
export function operandsAfterDoubleDash(args: Arguments, yargs?: Argv): void {
  const operands = (args['--'] ?? []) as (string | number)[];
  delete args['--'];
  const takesFile = yargs !== undefined && 'file' in (yargs as unknown as WithOptionKeys).getOptions().key;
  if (takesFile && args.file === undefined && operands.length > 0) args.file = String(operands.shift());
  args._.push(...operands);
}

/**
 * Only the CONTACT_IMPORT_<FLAG> variables that name a flag of the command are
 * read: another (CONTACT_IMPORT_SHEET_URL, or another command's flag) is
 * dropped here, before strict mode would stop every command over it. The same
 * unknown name typed on the command line stays, to be refused (yargs lets the
 * variable set a name only when it was not typed), unless typed with the
 * variable's very value.
 */
export function ignoreUnknownEnvFlags(args: Arguments, yargs?: Argv): void {
  const known = yargs?.parsed ? yargs.parsed.aliases : {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith(`${ENV_PREFIX}_`)) continue;
    // As yargs names it: CONTACT_IMPORT_SHEET_URL is sheetUrl.
    const key = name.slice(ENV_PREFIX.length + 1).toLowerCase().replace(/_+(.)/g, (_, letter: string) => letter.toUpperCase());
    if (!(key in known) && args[key] !== undefined && String(args[key]) === value) delete args[key];
  }
}
