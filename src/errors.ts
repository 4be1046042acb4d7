/**
 * Three tiers of failure (see README "Exit codes"):
 * a failed row is data in the report; an ExitError is an expected stop with a
 * one-line message and a documented exit code; anything else is a bug.
 */

export const EXIT = {
  ok: 0,
  rowsNotImported: 1,
  usage: 2,
  directory: 3,
  /** Stopped by Ctrl-C (SIGINT): 128 + 2, as shells report it. */
  interrupted: 130,
  /** Stopped by SIGTERM or SIGHUP: 128 + 15. */
  terminated: 143,
  /** An unexpected error: a bug in contact-import. */
  internal: 70,
} as const;

export class ExitError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ExitError';
  }
}

/** Bad command line or unreadable input: nothing was attempted (exit 2). */
export class InputError extends ExitError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(EXIT.usage, message, options);
    this.name = 'InputError';
  }
}
