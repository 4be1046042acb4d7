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
  interrupted: 130,
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
