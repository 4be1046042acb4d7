/**
 * Request signature checks of the emulator: ACS3-HMAC-SHA256 (V3, the SDK's default) and
 * HMAC-SHA1 (V2, opt-in), as docs/api.md (Wire format, V3 and V2 signature) describes.
 *
 * Pure: the caller hands in the parsed request, a secret lookup and the clock. Nonce reuse
 * (SignatureNonceUsed) needs state across requests, so the server checks it with the nonce
 * returned here. The signing helpers are exported so tests can check the published vectors
 * step by step and sign requests of their own.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface SignedRequest {
  method: string;
  /** Raw pathname without the query string, e.g. "/". */
  path: string;
  /** Decoded query parameters (the SDK escapes "+" as %2B, so URLSearchParams decoding is safe). */
  query: Record<string, string>;
  /** Lower-case names, as Node's IncomingMessage.headers gives them (arrays joined). */
  headers: Record<string, string | undefined>;
  body: Buffer;
}

/** The secret of an access key, or undefined for an unknown key. */
export type SecretLookup = (accessKeyId: string) => string | undefined;

export type SignatureVerdict =
  | { ok: true; accessKeyId: string; nonce: string; timestamp: Date; version: 'v3' | 'v2' }
  | { ok: false; httpStatus: number; code: string; message: string };

type Failure = Extract<SignatureVerdict, { ok: false }>;

/** Gateway codes this module answers with; statuses and texts as in errors.json (operation "*"). */
const GATEWAY_ERRORS = {
  IncompleteSignature: [400, 'The request signature does not conform to Aliyun standards.'],
  'InvalidAccessKeyId.NotFound': [404, 'Specified access key is not found.'],
  SignatureDoesNotMatch: [400, 'Specified signature is not matched with our calculation.'],
  'InvalidTimeStamp.Format': [400, 'Specified time stamp or date value is not well formatted.'],
  'InvalidTimeStamp.Expired': [400, 'Specified time stamp or date value is expired.'],
} as const satisfies Record<string, readonly [number, string]>;

type GatewayCode = keyof typeof GATEWAY_ERRORS;

const V3_ALGORITHM = 'ACS3-HMAC-SHA256';
const V2_METHOD = 'HMAC-SHA1';
const V2_VERSION = '1.0';
/** Section 5.4: a request dated more than 15 minutes from the server clock is refused. */
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
/** The SDK's format (UTC, seconds); fractions are tolerated because ISO 8601 allows them. */
const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
/** Parameters a V2 request cannot be checked without. */
const V2_REQUIRED = ['AccessKeyId', 'SignatureMethod', 'SignatureVersion', 'Timestamp', 'SignatureNonce'] as const;
/**
 * V3 headers that must be covered by the signature: the timestamp and nonce are what the
 * replay checks rely on, so an unsigned copy of either would make those checks meaningless.
 */
const V3_MUST_SIGN = ['x-acs-date', 'x-acs-signature-nonce'] as const;

// ---------------------------------------------------------------------------------------------
// Encoding and signing helpers (client and server side alike)
// ---------------------------------------------------------------------------------------------

/** encodeURIComponent plus `! ' ( ) *`, which Alibaba Cloud's canonical form escapes too (space → %20). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Sorted (UTF-16 code-unit order) `key=value` pairs joined by "&", both sides percent-encoded.
 * Built from decoded values: the SDK's URL leaves `! ( ) *` unescaped, so the raw string would not match.
 * The V3 SDK leaves keys unencoded; API parameter names have nothing to encode, so one form serves both.
 */
export function canonicalQuery(query: Record<string, string>): string {
  return Object.keys(query)
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(query[key]!)}`)
    .join('&');
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface V3SigningInput {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  /** Lower-case header names in the order the Authorization header lists them (the SDK sorts them). */
  signedHeaders: string[];
  /** Lower-case hex SHA-256 of the body. */
  payloadHash: string;
}

/** Section 5.1 steps 3–5; note the blank line between the headers and the SignedHeaders list. */
export function canonicalRequestV3(input: V3SigningInput): string {
  const headers = input.signedHeaders.map((name) => `${name}:${(input.headers[name] ?? '').trim()}\n`).join('');
  return [
    input.method.toUpperCase(),
    input.path,
    canonicalQuery(input.query),
    headers,
    input.signedHeaders.join(';'),
    input.payloadHash,
  ].join('\n');
}

export function stringToSignV3(canonicalRequest: string): string {
  return `${V3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

/** Lower-case hex HMAC-SHA256 keyed with the bare secret. */
export function signV3(stringToSign: string, secret: string): string {
  return createHmac('sha256', secret).update(stringToSign).digest('hex');
}

export function authorizationV3(accessKeyId: string, signedHeaders: string[], signature: string): string {
  return `${V3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${signature}`;
}

/** Section 5.2: every parameter except Signature; the path is always "/" for RPC, hence the fixed %2F. */
export function stringToSignV2(method: string, params: Record<string, string>): string {
  const { Signature: _signature, ...signed } = params;
  return `${method.toUpperCase()}&%2F&${percentEncode(canonicalQuery(signed))}`;
}

/** Base64 HMAC-SHA1 keyed with the secret plus "&" (the empty token-secret slot of the scheme). */
export function signV2(stringToSign: string, secret: string): string {
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
}

// ---------------------------------------------------------------------------------------------
// Verification
// ---------------------------------------------------------------------------------------------

export function verifySignature(request: SignedRequest, secrets: SecretLookup, now: Date): SignatureVerdict {
  const authorization = request.headers['authorization'];
  if (authorization !== undefined) return verifyV3(request, authorization, secrets, now);
  if (request.query['Signature'] !== undefined) return verifyV2(request, secrets, now);
  // The gateway answers an unsigned call this way rather than naming one missing parameter.
  return fail('IncompleteSignature', 'The request has no Authorization header and no Signature parameter.');
}

interface V3Authorization {
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

function verifyV3(request: SignedRequest, authorization: string, secrets: SecretLookup, now: Date): SignatureVerdict {
  const auth = parseAuthorization(authorization);
  if (typeof auth === 'string') return fail('IncompleteSignature', auth);
  for (const name of V3_MUST_SIGN) {
    if (request.headers[name] === undefined) return missingParameter(name);
    if (!auth.signedHeaders.includes(name)) return fail('IncompleteSignature', `SignedHeaders must include ${name}.`);
  }
  const date = request.headers['x-acs-date']!;
  const nonce = request.headers['x-acs-signature-nonce']!;
  const stale = checkTimestamp(date, now);
  if (stale) return stale;
  const secret = secrets(auth.accessKeyId);
  if (secret === undefined) return fail('InvalidAccessKeyId.NotFound');
  const payloadHash = sha256Hex(request.body);
  // A claimed body hash that is not the body's is a malformed request, not a wrong key, so it is
  // refused before the signature is computed (the real gateway's code for this is undocumented).
  if (request.headers['x-acs-content-sha256'] !== payloadHash) {
    return fail('IncompleteSignature', 'x-acs-content-sha256 is missing or is not the SHA-256 of the body.');
  }
  const canonical = canonicalRequestV3({ ...request, signedHeaders: auth.signedHeaders, payloadHash });
  const stringToSign = stringToSignV3(canonical);
  if (!sameText(signV3(stringToSign, secret), auth.signature)) return mismatch(stringToSign);
  return { ok: true, accessKeyId: auth.accessKeyId, nonce, timestamp: new Date(date), version: 'v3' };
}

/** `ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<a;b>,Signature=<hex>`; a string says what is wrong. */
function parseAuthorization(value: string): V3Authorization | string {
  const space = value.indexOf(' ');
  const algorithm = space < 0 ? value : value.slice(0, space);
  if (algorithm !== V3_ALGORITHM) return `Unsupported signature algorithm "${algorithm}".`;
  const fields = new Map<string, string>();
  for (const part of value.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKeyId || !signedHeaders || !signature) {
    return 'The Authorization header needs Credential, SignedHeaders and Signature.';
  }
  return { accessKeyId, signedHeaders: signedHeaders.toLowerCase().split(';'), signature };
}

function verifyV2(request: SignedRequest, secrets: SecretLookup, now: Date): SignatureVerdict {
  const params = { ...request.query, ...formParams(request) };
  for (const name of V2_REQUIRED) {
    if (params[name] === undefined) return missingParameter(name);
  }
  if (params['SignatureMethod'] !== V2_METHOD || params['SignatureVersion'] !== V2_VERSION) {
    const used = `${params['SignatureMethod']} ${params['SignatureVersion']}`;
    return fail('IncompleteSignature', `Unsupported signature method "${used}"; expected "${V2_METHOD} ${V2_VERSION}".`);
  }
  const timestamp = params['Timestamp']!;
  const stale = checkTimestamp(timestamp, now);
  if (stale) return stale;
  const accessKeyId = params['AccessKeyId']!;
  const secret = secrets(accessKeyId);
  if (secret === undefined) return fail('InvalidAccessKeyId.NotFound');
  const stringToSign = stringToSignV2(request.method, params);
  if (!sameText(signV2(stringToSign, secret), params['Signature']!)) return mismatch(stringToSign);
  return { ok: true, accessKeyId, nonce: params['SignatureNonce']!, timestamp: new Date(timestamp), version: 'v2' };
}

/** V2 signs form-body parameters too (section 5.2); the SDK's own requests have an empty body. */
function formParams(request: SignedRequest): Record<string, string> {
  const type = request.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) return {};
  return Object.fromEntries(new URLSearchParams(request.body.toString('utf8')));
}

/** Refuses a malformed timestamp, or one further than 15 minutes from `now` either way. */
function checkTimestamp(value: string, now: Date): Failure | undefined {
  if (!isWellFormedTimestamp(value)) {
    return fail('InvalidTimeStamp.Format', `Received "${value}"; expected yyyy-MM-ddTHH:mm:ssZ.`);
  }
  if (Math.abs(Date.parse(value) - now.getTime()) > MAX_CLOCK_SKEW_MS) {
    return fail('InvalidTimeStamp.Expired', `Received "${value}"; it must be within 15 minutes of ${now.toISOString()}.`);
  }
  return undefined;
}

function isWellFormedTimestamp(value: string): boolean {
  if (!TIMESTAMP_PATTERN.test(value)) return false;
  // Date.parse rolls 2026-02-30 over into March, so a real date must survive the round trip.
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 19) === value.slice(0, 19);
}

/** Constant-time comparison, so response timing does not leak how much of a guess was right. */
function sameText(expected: string, actual: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}

function mismatch(stringToSign: string): Failure {
  // The real service shows its string to sign too; it is what a client author needs to debug.
  return fail('SignatureDoesNotMatch', `Server string to sign is: ${stringToSign}`);
}

function fail(code: GatewayCode, detail?: string): Failure {
  const [httpStatus, message] = GATEWAY_ERRORS[code];
  return { ok: false, httpStatus, code, message: detail ? `${message} ${detail}` : message };
}

/** MissingParameter (400, errors.json) is outside the table because its text names the parameter. */
function missingParameter(name: string): Failure {
  const message = `The input parameter "${name}" that is mandatory for processing this request is not supplied.`;
  return { ok: false, httpStatus: 400, code: 'MissingParameter', message };
}
