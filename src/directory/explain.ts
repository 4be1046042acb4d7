/**
 * Failures in our own words: what happened, for the codes people meet when the
 * network, TLS or the credentials are wrong, and what to check. The SDK's own
 * text is kept apart (CallFailure.detail) and shown only with --verbose: it
 * glues words together, quotes request URLs with the sheet's values in the
 * query, and the server's string to sign.
 */
import { say, type PlainKey as Key } from '../i18n/text.js';
import type { CallFailure } from './errors.js';

export interface Words {
  /** What happened, in a few words that fit any line ("the endpoint refused the connection"); none when the error's own message is ours already. */
  says?: string;
  /** What to look at. */
  check: string;
  /** No try can succeed until something here changes (a certificate, the trust store, the URL): never retried. */
  final?: true;
}

/** Words as catalogue keys: looked up when said, in the run's language. */
interface Keys {
  says?: Key;
  check: Key;
  final?: true;
}

const connection = (says: Key, check: Key = 'directory.check.network'): Keys => ({ says, check });
const certificate = (says: Key, check: Key = 'directory.check.tls'): Keys => ({ says, check, final: true });
const NOT_TLS: Keys = { says: 'directory.says.notTls', check: 'directory.check.plainHttp', final: true };
const UNTRUSTED = certificate('directory.says.certUntrustedIssuer');
const OTHER_HOST = certificate('directory.says.certOtherHost');
const BAD_SIGNATURE: Keys = { says: 'directory.says.signatureRefused', check: 'directory.check.secret' };
const UNKNOWN_KEY_ID: Keys = { says: 'directory.says.keyIdUnknown', check: 'directory.check.keyId' };

const WORDS: Record<string, Keys> = {
  ECONNREFUSED: connection('directory.says.refused', 'directory.check.endpoint'),
  ECONNRESET: connection('directory.says.reset'),
  EPIPE: connection('directory.says.closedWhileSending'),
  ECONNABORTED: connection('directory.says.aborted'),
  ERR_STREAM_PREMATURE_CLOSE: connection('directory.says.closedEarly'),
  ETIMEDOUT: connection('directory.says.timedOut'),
  RequestTimeout: connection('directory.says.noAnswer', 'directory.check.networkOrTimeout'),
  EHOSTUNREACH: connection('directory.says.noRoute'),
  ENETUNREACH: connection('directory.says.networkUnreachable'),
  EADDRNOTAVAIL: connection('directory.says.addressUnusable'),
  // A body that is not JSON: an error page of a proxy or gateway between here and the service.
  SyntaxError: connection('directory.says.notJson'),
  ENOTFOUND: { says: 'directory.says.hostNotFound', check: 'directory.check.dns' },
  EAI_AGAIN: { says: 'directory.says.dnsNoAnswer', check: 'directory.check.dns' },

  DEPTH_ZERO_SELF_SIGNED_CERT: certificate('directory.says.certSelfSigned'),
  SELF_SIGNED_CERT_IN_CHAIN: UNTRUSTED,
  UNABLE_TO_GET_ISSUER_CERT: UNTRUSTED,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: UNTRUSTED,
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: UNTRUSTED,
  CERT_UNTRUSTED: certificate('directory.says.certNotTrusted'),
  CERT_HAS_EXPIRED: certificate('directory.says.certExpired'),
  CERT_NOT_YET_VALID: certificate('directory.says.certNotYetValid', 'directory.check.clockAndTls'),
  CERT_REVOKED: certificate('directory.says.certRevoked'),
  CERT_REJECTED: certificate('directory.says.certRejected'),
  CERT_SIGNATURE_FAILURE: certificate('directory.says.certBadSignature'),
  ERR_TLS_CERT_ALTNAME_INVALID: OTHER_HOST,
  HOSTNAME_MISMATCH: OTHER_HOST,
  EPROTO: NOT_TLS,
  ERR_SSL_WRONG_VERSION_NUMBER: NOT_TLS,

  // Raised by our credential provider (credentials.ts), whose message names the source it tried.
  InvalidCredentials: { check: 'directory.check.credentials' },
  SignatureDoesNotMatch: BAD_SIGNATURE,
  IncompleteSignature: BAD_SIGNATURE,
  InvalidAccessKeyId: UNKNOWN_KEY_ID,
  'InvalidAccessKeyId.NotFound': UNKNOWN_KEY_ID,
  'InvalidAccessKeyId.Inactive': { says: 'directory.says.keyDisabled', check: 'directory.check.enableKey' },
  'InvalidSecurityToken.Expired': { says: 'directory.says.tokenExpired', check: 'directory.check.token' },
  'InvalidSecurityToken.Malformed': { says: 'directory.says.tokenRefused', check: 'directory.check.token' },
  'InvalidSecurityToken.MismatchWithAccessKey': { says: 'directory.says.tokenNotTheKeys', check: 'directory.check.token' },
  'InvalidTimeStamp.Expired': { says: 'directory.says.timeStampRefused', check: 'directory.check.clock' },
  'EntityNotExists.ResourceDirectory': { says: 'directory.says.noDirectory', check: 'directory.check.managementAccount' },
  NoPermission: { says: 'directory.says.noPermission', check: 'directory.check.permissions' },
};

/** Our words for a failure's code, in the run's language, or undefined where the API's own message says it best (a row refused). */
export function ourWords(code: string): Words | undefined {
  if (!Object.hasOwn(WORDS, code)) return undefined;
  const { says, check, final } = WORDS[code]!;
  return { ...(says ? { says: say(says) } : {}), check: say(check), ...(final ? { final } : {}) };
}

/** Throttling that outlasted the tries, in our words. */
export function throttled(): Required<Pick<Words, 'says' | 'check'>> {
  return { says: say('directory.says.throttled'), check: say('directory.check.throttled') };
}

/** What to look at after a failure that stopped a run or a command. */
export function whatToCheck(failure: CallFailure): string {
  const words = ourWords(failure.code);
  if (words) return words.check;
  switch (failure.kind) {
    case 'throttled':
      return throttled().check;
    case 'refused':
      return say('directory.check.permissions');
    case 'unreachable':
      return say('directory.check.endpoint');
    case 'uncertain':
      return failure.statusCode !== undefined ? say('directory.check.serviceProblem') : say('directory.check.network');
    case 'final':
      return say('directory.check.report');
  }
}

/**
 * The SDK's own text, for --verbose: one line, the query of any request URL
 * left out (it carries the sheet's values) and the server's string to sign too.
 */
export function sdkText(message: string): string {
  return message
    // not for people: the client's own English words, which --verbose shows as they are
    .replace(/\s*Server string to sign is:[\s\S]*?(?=request id:|$)/i, ' (string to sign left out) ')
    .replace(/(\S)(GET|POST|PUT|DELETE) (https?:\/\/)/g, '$1; $2 $3')
    .replace(/(https?:\/\/[^\s?]*)\?\S*/g, '$1?…')
    .replace(/\s+/g, ' ')
    .trim();
}
