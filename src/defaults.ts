/**
 * Every default of the tool in one place: what `--help` shows and what the
 * modules behind the commands fall back to. Type-only imports, so that reading
 * this file loads no other module.
 */
import type { Site } from './judge/rules.js';

/** Contacts a resource directory may hold, unless raised in Quota Center. */
export const DEFAULT_CONTACT_LIMIT = 20;

/** The sites, each with its own endpoint and name rule; the first is the default. */
export const SITES = ['intl', 'cn'] as const satisfies readonly Site[];
export const DEFAULT_SITE: Site = 'intl';

/** How `import` treats contacts the directory already has (see plan/plan.ts). */
export const MODES = ['create', 'upsert', 'sync'] as const;
export type Mode = (typeof MODES)[number];
export const DEFAULT_MODE: Mode = 'create';

/** `sync --prune` stops, writing nothing, if more contacts than this would be deleted. */
export const DEFAULT_MAX_DELETE = 3;

/** Seconds one API call may take. */
export const DEFAULT_TIMEOUT_SECONDS = 10;

/** An asynchronous deletion (--no-retain-in-members) is polled this often, and followed this long before the run moves on. */
export const DEFAULT_DELETION_POLL = { intervalMs: 1000, waitMs: 120_000 } as const;

/** Tries per API call for throttling, 5xx, timeouts and dropped connections, and the backoff between them (see directory/retry.ts). */
export const DEFAULT_RETRY = { maxTries: 6, baseDelayMs: 400, maxDelayMs: 15_000 } as const;

/** Input limits (see read/limits.ts). `--max-bytes` is given as text, the default too. */
export const DEFAULT_MAX_BYTES_TEXT = '50MB';
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_ROWS = 100_000;
export const DEFAULT_MAX_CELL_LENGTH = 10_000;

/** The emulator's address when started from the command line. */
export const DEFAULT_EMULATOR_HOST = '127.0.0.1';
export const DEFAULT_EMULATOR_PORT = 18080;
