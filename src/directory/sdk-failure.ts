/**
 * What we keep of an error the SDK throws, at the one place it enters our code
 * (openapi.ts), so nothing downstream (messages, the report, stack traces with
 * --verbose) can quote what it must not:
 * - the request: httpx appends it to a network error's message
 *   (`socket hang upPOST http://host/?…&EmailAddress=ann%40example.com failed.`,
 *   `ReadTimeout: 10000. POST /?… failed.`), URL, query and all;
 * - the server's string to sign, which a SignatureDoesNotMatch answer quotes
 *   (V2's holds the AccessKey id and every parameter).
 * The email and phone the request carried are kept beside it, so the message
 * can be masked with those exact values where it is worded (classify, pii.ts).
 */
import type { PersonalField } from '../pii.js';
import type { Query } from './openapi.js';

/** The shape classify() reads, and nothing else of the SDK's error. */
export interface SdkFailure extends Error {
  code?: unknown;
  statusCode?: unknown;
  requestId?: unknown;
  retryAfter?: unknown;
  data?: { Message?: unknown; RequestId?: unknown };
  /** The personal values of the request, to mask in the message. */
  sent: { field: PersonalField; value: string }[];
}

/** httpx's suffix naming the request: `<METHOD> <url or path> failed.` or `Connect <url> failed.` */
const REQUEST_SUFFIX = /\s*(?:Connect|GET|POST|PUT|DELETE|HEAD|PATCH) (?:[a-z][a-z0-9+.-]*:\/\/|\/)\S* failed\.\s*$/i;
/** What is left of any URL's query string. */
const QUERY = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s?]*|(?<=\s|^)\/)\?\S*/gi;
/** The string to sign and all after it (the real service: `server string to sign is:GET&%2F&AccessKeyId%3D…`). */
const STRING_TO_SIGN = /\s*\S*\s*string to sign\b[\s\S]*$/i;

export function cleanSdkText(text: string): string {
  return text.replace(REQUEST_SUFFIX, '').replace(QUERY, '$1').replace(STRING_TO_SIGN, '');
}

export function sdkFailure(error: unknown, query: Query): SdkFailure {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as Partial<SdkFailure>;
  const failure = new Error(cleanSdkText(String(e.message ?? ''))) as SdkFailure;
  failure.name = typeof e.name === 'string' ? e.name : 'Error';
  Object.assign(failure, { code: e.code, statusCode: e.statusCode, requestId: e.requestId, retryAfter: e.retryAfter });
  if (e.data && typeof e.data === 'object') {
    const message = typeof e.data.Message === 'string' ? cleanSdkText(e.data.Message) : e.data.Message;
    failure.data = { Message: message, RequestId: e.data.RequestId };
  }
  failure.sent = [
    ...(typeof query.EmailAddress === 'string' ? [{ field: 'email' as const, value: query.EmailAddress }] : []),
    ...(typeof query.PhoneNumber === 'string' ? [{ field: 'phone' as const, value: query.PhoneNumber }] : []),
  ];
  return failure;
}
