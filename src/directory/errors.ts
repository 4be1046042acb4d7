/**
 * What a failed call means for the run. The SDK throws several classes
 * (ClientError, ThrottlingError, ServerError, bare Errors from the HTTP layer),
 * and `instanceof` only works with the same copy of openapi-core, so this looks
 * at `code`, `statusCode` and `name` alone (docs/api.md, How we classify failures).
 */
import { maskSent, shown, type Mask, type PersonalField } from '../pii.js';
import { say } from '../i18n/text.js';
import { ourWords, sdkText, throttled, whatToCheck } from './explain.js';

export type FailureKind =
  /** Refused before any work was done (429, Throttling*, a reused nonce): safe to send again. */
  | 'throttled'
  /** May or may not have been carried out (timeout, 5xx, connection dropped): look before re-sending a create. */
  | 'uncertain'
  /** Never reached the service (connection refused, no such host). */
  | 'unreachable'
  /** Nothing more will work: credentials missing or refused, no directory behind them, a TLS certificate we cannot trust. */
  | 'refused'
  /** The API judged the request and said no: final for this row. */
  | 'final';

export const RETRYABLE: ReadonlySet<FailureKind> = new Set(['throttled', 'uncertain', 'unreachable']);

export interface CallFailure {
  kind: FailureKind;
  /** The API's code, or the network error's (`ECONNREFUSED`, `RequestTimeout`). */
  code: string;
  statusCode?: number;
  message: string;
  /** The message with the emails and phones it quotes masked (see pii.ts); absent when it quotes none. */
  masked?: string;
  requestId?: string;
  /** The service's `x-acs-retry-after`, when it sent one. */
  retryAfterMs?: number;
  /** Where `message` is in our words (directory/explain.ts): the SDK's own text, for --verbose. */
  detail?: string;
}

/**
 * What the look-up after an add that may have been carried out found: the name
 * is `absent` (so the add was not carried out), or it is `unknown` because the
 * look-up was not answered either.
 */
export type LookUpOutcome = 'absent' | 'unknown';

/** Thrown by the directory adapter: a classified failure, with the attempts it took. */
export class DirectoryError extends Error {
  constructor(
    readonly failure: CallFailure,
    readonly attempts: number,
    readonly action: string,
    /** For an add whose last try went unanswered: what the look-up after it found. */
    readonly lookUp?: LookUpOutcome,
  ) {
    // Masked: a stack trace (--verbose) shows this message.
    super(failure.masked ?? failure.message);
    this.name = 'DirectoryError';
  }

  get kind(): FailureKind {
    return this.failure.kind;
  }

  get code(): string {
    return this.failure.code;
  }
}

const REFUSED_CODES = new Set([
  'InvalidCredentials',
  'InvalidAccessKeyId.NotFound',
  'InvalidAccessKeyId.Inactive',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'InvalidSecurityToken.Expired',
  'InvalidSecurityToken.Malformed',
  'InvalidSecurityToken.MismatchWithAccessKey',
  'InvalidTimeStamp.Expired',
  'InvalidTimeStamp.Format',
  'EntityNotExists.ResourceDirectory',
  'NoPermission',
]);

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
/** The request left; the answer never came back whole. */
const DROPPED_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);

interface SdkErrorShape {
  name?: string;
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
  requestId?: unknown;
  retryAfter?: unknown;
  data?: { Message?: unknown; RequestId?: unknown };
  /** The request's email and phone (see sdk-failure.ts). */
  sent?: { field: PersonalField; value: string }[];
}

export function classify(error: unknown): CallFailure {
  if (error instanceof DirectoryError) return error.failure;
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SdkErrorShape;
  const failure = kindOf(e);
  const words = ourWords(failure.code);
  if (!words?.says) return failure;
  // Our words for the console and the report; the SDK's text only for --verbose.
  // Our words quote no contact: the masked form of the SDK's text goes with it.
  const { masked: _sdkTextMasked, ...rest } = failure;
  return { ...rest, ...(words.final ? { kind: 'refused' } : {}), message: words.says, detail: sdkText(failure.masked ?? failure.message) };
}

function kindOf(e: SdkErrorShape): CallFailure {
  const code = typeof e.code === 'string' ? e.code : '';
  const statusCode = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  // The SDK builds requestId with a template string: an answer without one gives "undefined".
  const given = (value: unknown) => (typeof value === 'string' && value !== '' && value !== 'undefined' ? value : undefined);
  const requestId = given(e.requestId) ?? given(e.data?.RequestId);
  const message = apiMessage(e);
  const masked = maskSent(message, e.sent ?? []);
  const base = {
    code,
    ...(statusCode !== undefined ? { statusCode } : {}),
    message,
    ...(masked !== undefined ? { masked } : {}),
    ...(requestId ? { requestId } : {}),
  };

  if (statusCode !== undefined && code) {
    if (code.startsWith('Throttling') || statusCode === 429 || code === 'SignatureNonceUsed') {
      const retryAfterMs = typeof e.retryAfter === 'number' && e.retryAfter > 0 ? e.retryAfter : undefined;
      return { kind: 'throttled', ...base, ...(retryAfterMs ? { retryAfterMs } : {}) };
    }
    if (statusCode >= 500) return { kind: 'uncertain', ...base };
    if (REFUSED_CODES.has(code) || code.startsWith('Forbidden') || statusCode === 401 || statusCode === 403) {
      return { kind: 'refused', ...base };
    }
    return { kind: 'final', ...base };
  }
  // Our credential provider (credentials.ts) fails in our words already, naming what it tried.
  if (code === 'InvalidCredentials') return { kind: 'refused', ...base };
  if (/unable to get credentials/i.test(String(e.message))) {
    return { kind: 'refused', ...base, code: 'InvalidCredentials', message: say('directory.says.noCredentials'), detail: sdkText(base.message) };
  }
  if (UNREACHABLE_CODES.has(code)) return { kind: 'unreachable', ...base };
  if (e.name === 'RequestTimeoutError' || DROPPED_CODES.has(code) || /socket hang up/i.test(String(e.message))) {
    // Node gives a hang-up ECONNRESET; one without a code is named so too.
    return { kind: 'uncertain', ...base, code: code || (e.name === 'RequestTimeoutError' ? 'RequestTimeout' : 'ECONNRESET') };
  }
  // A body that is not JSON (a proxy's error page) and anything else we cannot read.
  return { kind: 'uncertain', ...base, code: code || e.name || 'UnknownError' };
}

/** The API's own message without the SDK's decoration (`Code: code: 400, … request id: …`). */
function apiMessage(e: SdkErrorShape): string {
  if (typeof e.data?.Message === 'string' && e.data.Message) return e.data.Message;
  return String(e.message ?? say('directory.unknownError'));
}

/** Longest API message a console line quotes; the report keeps it whole. */
const MESSAGE_CHARS = 160;

/**
 * One line for people: our words and the code, or the code and the API's own
 * message (a row refused), with the HTTP status, the tries when there were
 * several, and the request id to quote to support.
 */
export function describeFailure(failure: CallFailure, mask: Mask, tries = 1): string {
  const more = [...(failure.statusCode ? [`HTTP ${failure.statusCode}`] : []), ...(tries > 1 ? [say('directory.failure.tries', { count: tries })] : [])];
  const facts = (list: string[]) => list.join(say('directory.failure.factSeparator'));
  const withRequest = (line: string) => (failure.requestId ? say('directory.failure.withRequest', { failure: line, requestId: failure.requestId }) : line);
  if (failure.detail !== undefined) return withRequest(say('directory.failure.worded', { message: failure.message, facts: facts([failure.code, ...more]) }));
  // Some messages span lines.
  const message = shortened(shown(mask, failure).replace(/\s+/g, ' ').trim());
  const { code } = failure;
  return withRequest(more.length > 0 ? say('directory.failure.api', { code, facts: facts(more), message }) : say('directory.failure.apiBare', { code, message }));
}

/**
 * The call that stopped a command, for its one line: describeFailure with the
 * tries it took, throttling that outlasted them in our words, and what to check.
 */
export function describeStop(error: DirectoryError, mask: Mask): string {
  const { failure } = error;
  const worded = failure.kind === 'throttled' && failure.detail === undefined ? { ...failure, message: throttled().says, detail: failure.message } : failure;
  return say('directory.failure.stop', { failure: describeFailure(worded, mask, error.attempts), check: whatToCheck(failure) });
}

/** At most MESSAGE_CHARS, cut between words. */
function shortened(text: string): string {
  if (text.length <= MESSAGE_CHARS) return text;
  const cut = text.slice(0, MESSAGE_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > MESSAGE_CHARS / 2 ? cut.slice(0, space) : cut}…`;
}
