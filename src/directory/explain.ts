/**
 * Failures in our own words: what happened, for the codes people meet when the
 * network, TLS or the credentials are wrong, and what to check. The SDK's own
 * text is kept apart (CallFailure.detail) and shown only with --verbose: it
 * glues words together, quotes request URLs with the sheet's values in the
 * query, and the server's string to sign.
 */
import type { CallFailure } from './errors.js';

export interface Words {
  /** What happened, in a few words that fit any line ("the endpoint refused the connection"); none when the error's own message is ours already. */
  says?: string;
  /** What to look at. */
  check: string;
  /** No try can succeed until something here changes (a certificate, the trust store, the URL): never retried. */
  final?: true;
}

const CHECK_ENDPOINT = 'check --endpoint, and that the service is running there';
const CHECK_NETWORK = 'check the network between here and --endpoint (a firewall, a proxy: HTTPS_PROXY)';
const CHECK_DNS = 'check the host name in --endpoint and this machine\'s DNS; where only a proxy reaches the internet, set HTTPS_PROXY';
const CHECK_TLS = 'check that --endpoint names the service; a proxy that inspects TLS needs its CA certificate in NODE_EXTRA_CA_CERTS';
const CHECK_SECRET = "check the AccessKey secret (ALIBABA_CLOUD_ACCESS_KEY_SECRET, or the profile's): it is not the one of this AccessKey id";
const CHECK_KEY_ID = "check the AccessKey id (ALIBABA_CLOUD_ACCESS_KEY_ID, or the profile's): it may be mistyped, deleted, or of another site (--site)";
const CHECK_TOKEN = 'check ALIBABA_CLOUD_SECURITY_TOKEN (or the role that issues it): an STS token goes with its own AccessKey and expires';
const CHECK_PERMISSIONS = 'check the RAM permissions of the AccessKey (AliyunResourceDirectoryFullAccess, or a policy on resourcedirectory:*MessageContact*)';

const connection = (says: string, check = CHECK_NETWORK): Words => ({ says, check });
const certificate = (what: string, check = CHECK_TLS): Words => ({ says: `the endpoint's TLS certificate ${what}`, check, final: true });
const NOT_TLS: Words = { says: 'the endpoint did not answer in TLS', check: 'a plain-HTTP endpoint (a local emulator) is written http://HOST:PORT', final: true };

const WORDS: Record<string, Words> = {
  ECONNREFUSED: connection('the endpoint refused the connection: nothing listens there', CHECK_ENDPOINT),
  ECONNRESET: connection('the connection was reset before the answer came'),
  EPIPE: connection('the connection was closed while the request was sent'),
  ECONNABORTED: connection('the connection was aborted'),
  ERR_STREAM_PREMATURE_CLOSE: connection('the connection closed before the answer was whole'),
  ETIMEDOUT: connection('the connection timed out'),
  RequestTimeout: connection('no answer within --timeout', `${CHECK_NETWORK}, or give a longer --timeout`),
  EHOSTUNREACH: connection('no route to the endpoint\'s host'),
  ENETUNREACH: connection('the endpoint\'s network cannot be reached from here'),
  EADDRNOTAVAIL: connection('the endpoint\'s address cannot be used from this machine'),
  // A body that is not JSON: an error page of a proxy or gateway between here and the service.
  SyntaxError: connection("the answer was not the API's (not JSON): a proxy's or gateway's page?"),
  ENOTFOUND: { says: 'the endpoint\'s host name was not found (DNS)', check: CHECK_DNS },
  EAI_AGAIN: { says: 'the endpoint\'s host name could not be looked up: DNS did not answer', check: CHECK_DNS },

  DEPTH_ZERO_SELF_SIGNED_CERT: certificate('is self-signed, so it cannot be trusted'),
  SELF_SIGNED_CERT_IN_CHAIN: certificate('was issued by an authority this machine does not trust'),
  UNABLE_TO_GET_ISSUER_CERT: certificate('was issued by an authority this machine does not trust'),
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: certificate('was issued by an authority this machine does not trust'),
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: certificate('was issued by an authority this machine does not trust'),
  CERT_UNTRUSTED: certificate('is not trusted'),
  CERT_HAS_EXPIRED: certificate('has expired'),
  CERT_NOT_YET_VALID: certificate('is not valid yet', `check this machine's clock; ${CHECK_TLS}`),
  CERT_REVOKED: certificate('was revoked'),
  CERT_REJECTED: certificate('was rejected'),
  CERT_SIGNATURE_FAILURE: certificate('has a signature that does not verify'),
  ERR_TLS_CERT_ALTNAME_INVALID: certificate("is for another host name than the endpoint's"),
  HOSTNAME_MISMATCH: certificate("is for another host name than the endpoint's"),
  EPROTO: NOT_TLS,
  ERR_SSL_WRONG_VERSION_NUMBER: NOT_TLS,

  // Raised by our credential provider (credentials.ts), whose message names the source it tried.
  InvalidCredentials: {
    check: 'set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or give --profile (README, Credentials)',
  },
  SignatureDoesNotMatch: { says: 'the service refused the signature of the request', check: CHECK_SECRET },
  IncompleteSignature: { says: 'the service refused the signature of the request', check: CHECK_SECRET },
  InvalidAccessKeyId: { says: 'the service does not know the AccessKey id', check: CHECK_KEY_ID },
  'InvalidAccessKeyId.NotFound': { says: 'the service does not know the AccessKey id', check: CHECK_KEY_ID },
  'InvalidAccessKeyId.Inactive': { says: 'the AccessKey is disabled', check: 'enable it in the RAM console, or use another AccessKey' },
  'InvalidSecurityToken.Expired': { says: 'the STS security token has expired', check: CHECK_TOKEN },
  'InvalidSecurityToken.Malformed': { says: 'the STS security token was refused', check: CHECK_TOKEN },
  'InvalidSecurityToken.MismatchWithAccessKey': { says: 'the STS security token is not the AccessKey\'s', check: CHECK_TOKEN },
  'InvalidTimeStamp.Expired': { says: "the service refused the request's time stamp", check: "check this machine's clock" },
  'EntityNotExists.ResourceDirectory': {
    says: 'the account has no resource directory',
    check: 'check that the AccessKey belongs to the management account of the resource directory',
  },
  NoPermission: { says: 'the AccessKey may not call this operation', check: CHECK_PERMISSIONS },
};

/** Our words for a failure's code, or undefined where the API's own message says it best (a row refused). */
export function ourWords(code: string): Words | undefined {
  return Object.hasOwn(WORDS, code) ? WORDS[code] : undefined;
}

/** Throttling that outlasted the tries, in our words. */
export const THROTTLED: Required<Pick<Words, 'says' | 'check'>> = {
  says: 'the service kept throttling the calls',
  check: 'run again later; every tool calling with this account shares its limits (--max-tries waits longer)',
};

/** What to look at after a failure that stopped a run or a command. */
export function whatToCheck(failure: CallFailure): string {
  const words = ourWords(failure.code);
  if (words) return words.check;
  switch (failure.kind) {
    case 'throttled':
      return THROTTLED.check;
    case 'refused':
      return CHECK_PERMISSIONS;
    case 'unreachable':
      return CHECK_ENDPOINT;
    case 'uncertain':
      return failure.statusCode !== undefined ? 'the service had a problem: run again later' : CHECK_NETWORK;
    case 'final':
      return 'see the report';
  }
}

/**
 * The SDK's own text, for --verbose: one line, the query of any request URL
 * left out (it carries the sheet's values) and the server's string to sign too.
 */
export function sdkText(message: string): string {
  return message
    .replace(/\s*Server string to sign is:[\s\S]*?(?=request id:|$)/i, ' (string to sign left out) ')
    .replace(/(\S)(GET|POST|PUT|DELETE) (https?:\/\/)/g, '$1; $2 $3')
    .replace(/(https?:\/\/[^\s?]*)\?\S*/g, '$1?…')
    .replace(/\s+/g, ' ')
    .trim();
}
