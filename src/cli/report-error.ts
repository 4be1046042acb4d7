/** The one place an error becomes an exit code: one line on the console, the stack only with --verbose. */
import { EXIT, ExitError } from '../errors.js';
import { say } from '../i18n/text.js';
import type { Logger } from '../terminal/log.js';

export function reportError(error: unknown, log: Logger, verbose: boolean): number {
  if (error instanceof ExitError) {
    // One line, always: a value quoted into a message may hold a new line.
    log.error(error.message.replace(/\s*[\r\n]+\s*/g, ' '));
    if (verbose && error.cause instanceof Error && error.cause.stack) logStack(log, error.cause.stack);
    // A DirectoryError (not imported: this module loads with --help) whose failure is in our words.
    const detail = (error.cause as { failure?: { detail?: unknown } } | undefined)?.failure?.detail;
    if (verbose && typeof detail === 'string') log.debug(say('cli.error.clientSaid', { detail }));
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  log.error(say('cli.error.internal', { message }));
  if (verbose && error instanceof Error && error.stack) logStack(log, error.stack);
  else log.error(say('cli.error.runVerbose'));
  return EXIT.internal;
}

/** A line each: the console shows a line break inside one message as `\n`, so a value cannot start a line of its own. */
function logStack(log: Logger, stack: string): void {
  for (const line of stack.split('\n')) log.debug(line);
}
