import core from '@alicloud/openapi-core';
import { classify, describeFailure, describeStop, DirectoryError, RETRYABLE, type CallFailure, type FailureKind } from '../src/directory/errors.js';
import { sdkText } from '../src/directory/explain.js';
import { MASK_PII } from '../src/pii.js';

/** An error as openapi-core throws it for an error reply (docs/api.md, What the SDK throws). */
function sdkError(code: string, statusCode: number, extra: Record<string, unknown> = {}) {
  const requestId = 'REQ-1';
  const text = `The ${code} happened.`;
  return Object.assign(new Error(`${code}: code: ${statusCode}, ${text} request id: ${requestId}`), {
    name: statusCode >= 500 ? 'ServerError' : code.startsWith('Throttling') ? 'ThrottlingError' : 'ClientError',
    code,
    statusCode,
    requestId,
    data: { RequestId: requestId, Code: code, Message: text },
    detail: 'undefined',
    description: 'undefined',
    ...extra,
  });
}

const networkError = (code: string, message = `connect ${code} 127.0.0.1:1`) => Object.assign(new Error(message), { code });

const cases: [string, FailureKind, unknown][] = [
  // Refused before any work was done: send again.
  ['Throttling (400)', 'throttled', sdkError('Throttling', 400)],
  ['Throttling.User (400)', 'throttled', sdkError('Throttling.User', 400)],
  ['Throttling.Api (400)', 'throttled', sdkError('Throttling.Api', 400)],
  ['Throttling.User (503)', 'throttled', sdkError('Throttling.User', 503)],
  ['429 ConcurrentCallNotSupported', 'throttled', sdkError('ConcurrentCallNotSupported', 429)],
  ['SignatureNonceUsed (400)', 'throttled', sdkError('SignatureNonceUsed', 400)],
  // May or may not have been carried out.
  ['500 InternalError', 'uncertain', sdkError('InternalError', 500)],
  ['503 ServiceUnavailable', 'uncertain', sdkError('ServiceUnavailable', 503)],
  ['a plain 503 object', 'uncertain', { code: 'ServiceUnavailable', statusCode: 503 }],
  ['RequestTimeoutError', 'uncertain', Object.assign(new Error('ReadTimeout(10). POST http://127.0.0.1:1/ failed.'), { name: 'RequestTimeoutError' })],
  ['ECONNRESET', 'uncertain', networkError('ECONNRESET', 'read ECONNRESET')],
  ['socket hang up', 'uncertain', new Error('socket hang up')],
  ['a non-JSON error body (SyntaxError)', 'uncertain', new SyntaxError('Unexpected token < in JSON at position 0')],
  // Never reached the service.
  ['ECONNREFUSED', 'unreachable', networkError('ECONNREFUSED')],
  ['a plain ECONNREFUSED object', 'unreachable', { code: 'ECONNREFUSED' }],
  ['ENOTFOUND', 'unreachable', networkError('ENOTFOUND', 'getaddrinfo ENOTFOUND resourcedirectory.aliyuncs.com')],
  // Nothing more will work.
  ['SignatureDoesNotMatch (400)', 'refused', sdkError('SignatureDoesNotMatch', 400)],
  ['InvalidAccessKeyId.NotFound (404)', 'refused', sdkError('InvalidAccessKeyId.NotFound', 404)],
  ['IncompleteSignature (400)', 'refused', sdkError('IncompleteSignature', 400)],
  ['403 Forbidden.RAM', 'refused', sdkError('Forbidden.RAM', 403)],
  ['403 with any code', 'refused', sdkError('SomethingElse', 403)],
  ['401', 'refused', sdkError('Unauthorized', 401)],
  ['EntityNotExists.ResourceDirectory (404)', 'refused', sdkError('EntityNotExists.ResourceDirectory', 404)],
  [
    'no credential provider',
    'refused',
    new Error('unable to get credentials from any of the providers in the chain: EnvironmentVariableCredentialsProvider: env not set'),
  ],
  ['InvalidCredentials without a status', 'refused', Object.assign(new Error('Please set the credentials'), { code: 'InvalidCredentials' })],
  // The API judged the request and said no.
  ['InvalidParameter.Name (400)', 'final', sdkError('InvalidParameter.Name', 400)],
  ['LimitExceeded.Contacts (400)', 'final', sdkError('LimitExceeded.Contacts', 400)],
  ['EntityNotExists.Contact (404)', 'final', sdkError('EntityNotExists.Contact', 404)],
  ['InvalidParameter.Name.AlreadyUsed (400)', 'final', sdkError('InvalidParameter.Name.AlreadyUsed', 400)],
];

describe('classify', () => {
  it.each(cases)('%s → %s', (_label, kind, error) => {
    expect(classify(error).kind).toBe(kind);
  });

  it('only throttled, uncertain and unreachable failures are retryable', () => {
    expect([...RETRYABLE].sort()).toEqual(['throttled', 'uncertain', 'unreachable']);
  });

  it('keeps the code and HTTP status of an API error', () => {
    const failure = classify(sdkError('LimitExceeded.Contacts', 400));
    expect(failure.code).toBe('LimitExceeded.Contacts');
    expect(failure.statusCode).toBe(400);
  });

  it('carries retryAfter as retryAfterMs on a throttling error', () => {
    const failure = classify(sdkError('Throttling.User', 400, { retryAfter: 5 }));
    expect(failure).toMatchObject({ kind: 'throttled', code: 'Throttling.User', statusCode: 400, retryAfterMs: 5 });
    expect(classify(sdkError('Throttling.Api', 400, { retryAfter: 1500 })).retryAfterMs).toBe(1500);
  });

  it('has no retryAfterMs when the service sent none', () => {
    expect(classify(sdkError('Throttling.User', 400)).retryAfterMs).toBeUndefined();
    expect(classify(sdkError('ConcurrentCallNotSupported', 429)).retryAfterMs).toBeUndefined();
  });

  it('takes the message from data.Message, without the SDK decoration', () => {
    const error = Object.assign(new Error('InvalidParameter.Name: code: 400, The Name is invalid. request id: X'), {
      code: 'InvalidParameter.Name',
      statusCode: 400,
      requestId: 'X',
      data: { RequestId: 'X', Code: 'InvalidParameter.Name', Message: 'The Name is invalid.' },
    });
    const failure = classify(error);
    expect(failure.message).toBe('The Name is invalid.');
    expect(failure.requestId).toBe('X');
  });

  it("falls back to the error's own message when there is no data.Message", () => {
    expect(classify(new Error('something odd')).message).toBe('something odd');
    expect(classify({ code: 'ServiceUnavailable', statusCode: 503, message: 'busy', data: { Message: '' } }).message).toBe('busy');
  });

  it('takes the request id from requestId, or else from data.RequestId', () => {
    expect(classify({ code: 'InvalidParameter.Name', statusCode: 400, message: 'm', requestId: 'TOP' }).requestId).toBe('TOP');
    expect(classify({ code: 'InvalidParameter.Name', statusCode: 400, message: 'm', data: { RequestId: 'BODY' } }).requestId).toBe('BODY');
    expect(classify({ code: 'InvalidParameter.Name', statusCode: 400, message: 'm', requestId: '', data: { RequestId: 'BODY' } }).requestId).toBe('BODY');
    // The SDK writes the text "undefined" when the answer carried no request id.
    expect(classify({ code: 'InvalidParameter.Name', statusCode: 400, message: 'm', requestId: 'undefined', data: {} }).requestId).toBeUndefined();
    expect(describeFailure(classify({ code: 'InvalidParameter.Name', statusCode: 400, message: 'm', requestId: 'undefined' }), MASK_PII)).not.toMatch(/request/);
    expect(classify({ code: 'ServiceUnavailable', statusCode: 503, message: 'm' }).requestId).toBeUndefined();
  });

  it('names network failures by their code, and a timeout RequestTimeout', () => {
    expect(classify(networkError('ECONNREFUSED')).code).toBe('ECONNREFUSED');
    expect(classify(networkError('ECONNRESET')).code).toBe('ECONNRESET');
    const timeout = classify(Object.assign(new Error('ReadTimeout(10)'), { name: 'RequestTimeoutError' }));
    expect(timeout.code).toBe('RequestTimeout');
    expect(timeout.message).toBe('no answer within --timeout');
    expect(timeout.detail).toBe('ReadTimeout(10)');
    expect(classify(new Error('socket hang up'))).toMatchObject({ code: 'ECONNRESET', detail: 'socket hang up' });
    expect(timeout.statusCode).toBeUndefined();
  });

  it('names a missing credential InvalidCredentials', () => {
    const failure = classify(new Error('unable to get credentials from any of the providers in the chain: nope'));
    expect(failure).toMatchObject({ kind: 'refused', code: 'InvalidCredentials' });
    expect(failure.message).toBe('no credentials were found');
    expect(failure.detail).toMatch(/^unable to get credentials/);
  });

  it('returns the failure of a DirectoryError as it is', () => {
    const inner: CallFailure = { kind: 'throttled', code: 'Throttling.User', statusCode: 400, message: 'slow down', retryAfterMs: 10 };
    expect(classify(new DirectoryError(inner, 3, 'AddMessageContact'))).toEqual(inner);
  });

  it('copes with things that are not errors', () => {
    expect(classify('boom')).toMatchObject({ kind: 'uncertain', message: 'boom' });
    expect(classify(undefined).kind).toBe('uncertain');
    expect(classify(null).kind).toBe('uncertain');
    expect(classify({}).code).not.toBe('');
  });
});

/** As openapi-core's callApi builds its errors from an error reply (dist/client.js). */
function replyError(statusCode: number, body: { Code: string; Message: string; RequestId: string }, retryAfter?: number) {
  const map = {
    statusCode,
    code: `${body.Code}`,
    message: `code: ${statusCode}, ${body.Message} request id: ${body.RequestId}`,
    detail: 'undefined',
    description: 'undefined',
    data: body,
    requestId: `${body.RequestId}`,
  };
  if (body.Code.includes('Throttling')) return new core.ThrottlingError({ ...map, retryAfter });
  if (statusCode < 500) return new core.ClientError({ ...map, accessDeniedDetail: null });
  return new core.ServerError(map);
}

describe("classify on the SDK's own error classes", () => {
  it('a ClientError: final, with the API message, code, status and request id', () => {
    const failure = classify(replyError(400, { Code: 'InvalidParameter.Name', Message: 'The Name is invalid.', RequestId: 'RID-1' }));
    expect(failure).toEqual({ kind: 'final', code: 'InvalidParameter.Name', statusCode: 400, message: 'The Name is invalid.', requestId: 'RID-1' });
  });

  it('a ThrottlingError with x-acs-retry-after: throttled, retryAfterMs carried', () => {
    const failure = classify(replyError(400, { Code: 'Throttling.User', Message: 'Request was denied.', RequestId: 'RID-2' }, 1200));
    expect(failure).toMatchObject({ kind: 'throttled', code: 'Throttling.User', retryAfterMs: 1200, requestId: 'RID-2' });
  });

  it('a 429 ClientError: throttled', () => {
    expect(classify(replyError(429, { Code: 'ConcurrentCallNotSupported', Message: 'busy', RequestId: 'RID-3' })).kind).toBe('throttled');
  });

  it('a ServerError: uncertain', () => {
    expect(classify(replyError(503, { Code: 'ServiceUnavailable', Message: 'busy', RequestId: 'RID-4' })).kind).toBe('uncertain');
  });

  it('the ClientError thrown when no credentials are set: refused', () => {
    const error = new core.ClientError({ code: 'InvalidCredentials', message: 'Please set up the credentials correctly.' });
    expect(classify(error)).toMatchObject({ kind: 'refused', code: 'InvalidCredentials' });
  });
});

describe('describeFailure', () => {
  it('names the code, the HTTP status, the message and the request id', () => {
    const line = describeFailure(classify(sdkError('InvalidParameter.Name', 400)), MASK_PII);
    expect(line).toContain('InvalidParameter.Name');
    expect(line).toContain('400');
    expect(line).toContain('The InvalidParameter.Name happened.');
    expect(line).toContain('REQ-1');
  });

  it('is one line, and a long API message is shortened but the request id kept', () => {
    const stringToSign = 'POST\n/\nAction=AddMessageContact&Format=json\nx-acs-date:2026-01-01T00:00:00Z';
    const multi = describeFailure({ kind: 'refused', code: 'SignatureDoesNotMatch', statusCode: 400, message: `The signature does not match.\n${stringToSign}`, requestId: 'R5' }, MASK_PII);
    expect(multi).not.toMatch(/[\r\n]/);
    expect(multi).toContain('x-acs-date');

    const long = describeFailure({ kind: 'final', code: 'InvalidParameter', statusCode: 400, message: 'word '.repeat(200), requestId: 'R6' }, MASK_PII);
    expect(long).not.toMatch(/[\r\n]/);
    expect(long.length).toBeLessThan(400);
    expect(long).toMatch(/\[request R6\]$/);
    expect(long.startsWith('InvalidParameter (HTTP 400): ')).toBe(true);
  });

  it('leaves out what it does not know', () => {
    const line = describeFailure(classify(networkError('ECONNREFUSED')), MASK_PII);
    expect(line).toContain('ECONNREFUSED');
    expect(line).not.toMatch(/HTTP|request/i);
  });
});

describe('failures in our own words', () => {
  const tlsError = (code: string) => Object.assign(new Error(`self-signed certificatePOST https://127.0.0.1:1/?Name=a%40b.example failed.`), { code });

  it.each([
    ['ECONNREFUSED', /refused the connection/, /--endpoint/],
    ['ECONNRESET', /connection was reset/, /network/],
    ['ETIMEDOUT', /timed out/, /network/],
    ['ENOTFOUND', /host name was not found/, /DNS.*HTTPS_PROXY/],
    ['EAI_AGAIN', /DNS did not answer/, /DNS/],
  ])('%s: our words, what to check, the SDK text kept apart', (code, says, check) => {
    const failure = classify(networkError(code, `connect ${code} 127.0.0.1:1POST http://127.0.0.1:1/?EmailAddress=a%40b.example failed.`));
    expect(failure.message).toMatch(says);
    expect(describeStop(new DirectoryError(failure, 1, 'ListMessageContacts'), MASK_PII)).toMatch(check);
    expect(describeFailure(failure, MASK_PII)).not.toMatch(/POST|http|%40/);
    expect(failure.detail).toBe(`connect ${code} 127.0.0.1:1; POST http://127.0.0.1:1/?… failed.`);
  });

  it("an answer that is not JSON (a proxy's page) is said so, and still retried", () => {
    const failure = classify(new SyntaxError('Unexpected token < in JSON at position 0'));
    expect(failure).toMatchObject({ kind: 'uncertain', code: 'SyntaxError', detail: 'Unexpected token < in JSON at position 0' });
    expect(failure.message).toMatch(/not the API's/);
  });

  it.each(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'EPROTO'])(
    'a TLS failure (%s) is final: never retried, and says what to check',
    (code) => {
      const failure = classify(tlsError(code));
      expect(failure.kind).toBe('refused');
      expect(RETRYABLE.has(failure.kind)).toBe(false);
      expect(failure.message).toMatch(/TLS/);
      expect(describeStop(new DirectoryError(failure, 1, 'ListMessageContacts'), MASK_PII)).toMatch(code === 'EPROTO' ? /http:\/\// : /NODE_EXTRA_CA_CERTS/);
    },
  );

  it('a refused signature never quotes the string to sign; an unknown key id says so', () => {
    const signature = classify(
      sdkError('SignatureDoesNotMatch', 400, { data: { RequestId: 'R', Message: 'Specified signature is not matched with our calculation. Server string to sign is: ACS3-HMAC-SHA256\nabc123' } }),
    );
    expect(signature.kind).toBe('refused');
    const line = describeStop(new DirectoryError(signature, 1, 'ListMessageContacts'), MASK_PII);
    expect(line).toMatch(/^the service refused the signature of the request \(SignatureDoesNotMatch, HTTP 400\) \[request REQ-1\]; check the AccessKey secret/);
    expect(line).not.toMatch(/string to sign|abc123/i);
    expect(signature.detail).not.toMatch(/abc123/);
    expect(describeStop(new DirectoryError(classify(sdkError('InvalidAccessKeyId.NotFound', 404)), 1, 'ListMessageContacts'), MASK_PII)).toMatch(
      /does not know the AccessKey id \(InvalidAccessKeyId\.NotFound, HTTP 404\).*check the AccessKey id/,
    );
  });

  it('throttling that outlasted the tries is said in our words, with the tries', () => {
    const line = describeStop(new DirectoryError(classify(sdkError('Throttling.User', 400)), 6, 'AddMessageContact'), MASK_PII);
    expect(line).toMatch(/^the service kept throttling the calls \(Throttling\.User, HTTP 400, 6 tries\) \[request REQ-1\]; run again later/);
  });

  it("an API refusal keeps the API's message, cut between words", () => {
    const line = describeFailure({ kind: 'final', code: 'InvalidParameter', statusCode: 400, message: `${'abcdefgh '.repeat(30)}end` }, MASK_PII);
    expect(line).toMatch(/^InvalidParameter \(HTTP 400\): (abcdefgh )*abcdefgh…$/);
  });

  it('sdkText: one line, no query string, no string to sign', () => {
    expect(sdkText('Bad.\nServer string to sign is: ACS3\nxyz request id: R1')).toBe('Bad. (string to sign left out) request id: R1');
    expect(sdkText('read ECONNRESETGET https://h.example/?a=b@c failed.')).toBe('read ECONNRESET; GET https://h.example/?… failed.');
  });
});

describe('DirectoryError', () => {
  it('carries the failure, the attempts and the action; kind and code come from the failure', () => {
    const failure: CallFailure = { kind: 'final', code: 'EntityNotExists.Contact', statusCode: 404, message: 'The contact does not exist.' };
    const error = new DirectoryError(failure, 2, 'AssociateMembers');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DirectoryError');
    expect(error.message).toBe('The contact does not exist.');
    expect(error.failure).toBe(failure);
    expect(error.attempts).toBe(2);
    expect(error.action).toBe('AssociateMembers');
    expect(error.kind).toBe('final');
    expect(error.code).toBe('EntityNotExists.Contact');
  });
});
