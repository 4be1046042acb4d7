/**
 * Logging: concise human lines on stderr (stdout stays free for --json), and a
 * JSON-lines log file in the report folder once there is one. The logger
 * carries the Mask every line that quotes an email or phone is built with
 * (masked unless --show-pii, see pii.ts): lines are never scanned afterwards.
 */
import type { WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import winston from 'winston';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import { fileProblem, newFileStream } from '../own-files.js';
import { MASK_PII, SHOW_PII, type Mask } from '../pii.js';
import { terminalText } from './terminal-text.js';

export type Logger = winston.Logger & { readonly mask: Mask };
export type Verbosity = 'quiet' | 'normal' | 'verbose';

const LEVEL: Record<Verbosity, string> = { quiet: 'error', normal: 'info', verbose: 'debug' };

/**
 * Every console line passes here: what a cell, a file name or the server put in it is shown escaped, never run by the terminal.
 * The `error: ` and `warn: ` prefixes stay English in every language: they are tokens scripts and tests grep for, like a code.
 */
const humanLine = winston.format.printf(({ level, message }) => {
  const text = terminalText(String(message));
  return level === 'info' || level === 'debug' ? text : `${level}: ${text}`;
});

export function createLogger(verbosity: Verbosity = 'normal', options: { showPii?: boolean } = {}): Logger {
  const logger = winston.createLogger({
    level: 'debug',
    transports: [
      new winston.transports.Console({
        level: LEVEL[verbosity],
        stderrLevels: ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'],
        format: humanLine,
      }),
    ],
  });
  return Object.assign(logger, { mask: options.showPii ? SHOW_PII : MASK_PII });
}

/** The log file of each logger that has one, and the stream it writes to. */
const logFiles = new WeakMap<Logger, { transport: winston.transport; stream: WriteStream }>();

/**
 * Adds the report folder's log file (debug and up, whatever the console shows),
 * a new file (see own-files.ts). winston's File transport is not used: when it
 * is removed from the logger it ends its file at once, with lines still queued
 * behind a long one (a list of 3,000 ignored columns), which then crashed the
 * run with "write after end".
 */
export async function attachLogFile(logger: Logger, path: string): Promise<void> {
  let stream: WriteStream;
  try {
    stream = await newFileStream(path);
  } catch (error) {
    throw new InputError(say('run.log.cannotWrite', { path, problem: fileProblem(error) }), { cause: error });
  }
  // The log is for reading afterwards: a disk that fills stops it quietly, and the report says so (see writer.ts).
  stream.on('error', () => undefined);
  const transport = new winston.transports.Stream({
    stream,
    level: 'debug',
    eol: '\n',
    format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
  });
  logFiles.set(logger, { transport, stream });
  logger.add(transport);
}

/** Writes what is queued for the log file, if any, and closes it, so nothing is lost when the process exits. */
export async function closeLogFile(logger: Logger): Promise<void> {
  const file = logFiles.get(logger);
  if (!file) return;
  logFiles.delete(logger);
  logger.remove(file.transport);
  // The transport hands every line it holds to the stream before it finishes, and the stream writes them before it closes.
  await new Promise<void>((resolve) => file.transport.end(resolve));
  file.stream.end();
  await finished(file.stream).catch(() => undefined);
}
