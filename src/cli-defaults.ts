/**
 * Defaults that the command line shows in `--help` and the modules behind the
 * commands use. They live apart from those modules (the planner, the retry
 * loop), so that declaring the options loads neither: a command that does not
 * plan or call the directory (`validate`) reads two files and compiles 19 KB
 * fewer, about 1 ms (measured on `--help` when yargs answered it: 8
 * alternating rounds of 40 runs, 76.5 → 75.7 ms on average).
 */

/** How `import` treats contacts the directory already has (see plan/plan.ts). */
export const MODES = ['create', 'upsert', 'sync'] as const;
export type Mode = (typeof MODES)[number];

/** `sync --prune` stops, writing nothing, if more contacts than this would be deleted. */
export const DEFAULT_MAX_DELETE = 3;

/** Tries per API call for throttling, 5xx, timeouts and dropped connections (see directory/retry.ts). */
export const DEFAULT_MAX_TRIES = 6;
