/**
 * Logging: concise human lines on stderr (stdout stays free for --json), and a
 * JSON-lines log file in the report folder once there is one. Both have emails
 * and phones masked unless --show-pii (see report/mask.ts).
 */
import winston from 'winston';
import { maskPii } from './report/mask.js';
import { terminalText } from './report/terminal-text.js';

export type Logger = winston.Logger;
export type Verbosity = 'quiet' | 'normal' | 'verbose';

const LEVEL: Record<Verbosity, string> = { quiet: 'error', normal: 'info', verbose: 'debug' };

/** Every console line passes here: what a cell, a file name or the server put in it is shown escaped, never run by the terminal. */
const humanLine = winston.format.printf(({ level, message }) => {
  const text = terminalText(String(message));
  return level === 'info' || level === 'debug' ? text : `${level}: ${text}`;
});

/** Masks contact details in every line, on every transport (the log file added later too). */
const masked = winston.format((info) => {
  info.message = maskPii(String(info.message));
  return info;
});

export function createLogger(verbosity: Verbosity = 'normal', options: { showPii?: boolean } = {}): Logger {
  return winston.createLogger({
    level: 'debug',
    ...(options.showPii ? {} : { format: masked() }),
    transports: [
      new winston.transports.Console({
        level: LEVEL[verbosity],
        stderrLevels: ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'],
        format: humanLine,
      }),
    ],
  });
}

/** Adds the report folder's log file (debug and up, whatever the console shows). */
export function attachLogFile(logger: Logger, path: string): void {
  logger.add(
    new winston.transports.File({
      filename: path,
      level: 'debug',
      options: { mode: 0o600 },
      format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
    }),
  );
}

/** Flushes and closes the log file, if any, so nothing is lost when the process exits. */
export async function closeLogFile(logger: Logger): Promise<void> {
  const files = logger.transports.filter((t) => t instanceof winston.transports.File);
  await Promise.all(
    files.map(
      (transport) =>
        new Promise<void>((resolve) => {
          transport.once('finish', () => resolve());
          logger.remove(transport);
          transport.end();
        }),
    ),
  );
}
