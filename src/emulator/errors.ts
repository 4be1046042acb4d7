/**
 * API errors as the service answers them: the HTTP status and message of each
 * code come from the catalogue (catalogue.ts; docs/api.md).
 */
import { ERROR_CATALOGUE } from './catalogue.js';

export interface ApiErrorOptions {
  /** Appended to the catalogue's message, e.g. which value was wrong. */
  detail?: string;
  /** Replaces the catalogue's message. */
  message?: string;
  /** For codes the catalogue does not know (default 400). */
  httpStatus?: number;
}

export class ApiError extends Error {
  readonly httpStatus: number;

  constructor(
    readonly code: string,
    options: ApiErrorOptions | string = {},
  ) {
    const { detail, message, httpStatus } = typeof options === 'string' ? { detail: options } : options;
    const known = ERROR_CATALOGUE[code];
    const base = message ?? known?.message ?? code;
    super(detail ? `${base} ${detail}` : base);
    this.httpStatus = httpStatus ?? known?.httpStatus ?? 400;
  }
}
