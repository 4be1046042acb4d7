/**
 * Logging: concise human lines on stderr (stdout stays free for --json), and a
 * JSON-lines log file in the report folder once there is one.
 */
import winston from 'winston';

export type Logger = winston.Logger;
export type Verbosity = 'quiet' | 'normal' | 'verbose';

const LEVEL: Record<Verbosity, string> = { quiet: 'error', normal: 'info', verbose: 'debug' };

const humanLine = winston.format.printf(({ level, message }) =>
  level === 'info' || level === 'debug' ? String(message) : `${level}: ${String(message)}`,
);

export function createLogger(verbosity: Verbosity = 'normal'): Logger {
  return winston.createLogger({
    level: 'debug',
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
