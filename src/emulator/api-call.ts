/**
 * One signed API call, from request to answer: wait out a freeze, go through
 * the in-flight gate and the gateway checks, then (after any latency, hold or
 * injected fault) run the operation, log the call, and answer it, or drop the
 * connection when the fault says so.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApiError } from './errors.js';
import type { FaultKind, FaultPlan, Freeze } from './faults.js';
import { authenticate, businessParams, errorAnswer, unknownAction, type ApiAnswer, type KeyPair, type NonceBook } from './gateway.js';
import { requestUrl, send, type Handler } from './http.js';
import type { InFlightGate } from './in-flight.js';
import type { OperationContext, Params } from './operation.js';
import { OPERATIONS, WRITES } from './operations.js';
import type { EmulatorOptions } from './options.js';
import type { RequestLog } from './request-log.js';
import type { DirectoryState } from './state.js';

/** The parts of the emulator an API call goes through. */
export interface ApiCallParts {
  options: EmulatorOptions;
  keys: KeyPair;
  /** Who answers, as HostId says, when the request names no host. */
  host: string;
  state: DirectoryState;
  nonces: NonceBook;
  gate: InFlightGate;
  frozen: Freeze;
  faults: FaultPlan;
  log: RequestLog;
  /** The operations' view of the directory and its limits, as of now. */
  context(): OperationContext;
}

/** What the request asks for. V3 names the action in a header, V2 in the query; business parameters are the rest. */
interface Call {
  params: Params;
  action: string;
  version: string | undefined;
  requestId: string;
  hostId: string;
}

interface Outcome {
  answer: ApiAnswer;
  fault?: FaultKind;
}

export function apiCallHandler(parts: ApiCallParts): Handler {
  return async (request, response, body) => {
    const started = Date.now();
    const call = readCall(request, parts.host);
    let clientGone = false;
    response.once('close', () => (clientGone = !response.writableFinished));
    await parts.frozen.passed();
    const overlapped = parts.gate.enter();
    let outcome: Outcome;
    try {
      outcome = await decide(parts, call, request, body, overlapped);
    } finally {
      parts.gate.leave();
    }
    const { answer, fault } = outcome;
    parts.log.record({
      at: new Date(started).toISOString(),
      action: call.action,
      params: businessParams(call.params),
      requestId: call.requestId,
      status: fault === 'drop' ? 0 : answer.status,
      ...(answer.code ? { code: answer.code } : {}),
      overlapped,
      ...(clientGone ? { clientGone: true as const } : {}),
      ...(fault ? { fault } : {}),
      ms: Date.now() - started,
    });
    // A dropped call: the write is made, then the connection closes without an answer, so the client cannot know.
    if (fault === 'drop') request.socket.destroy();
    else send(response, answer.status, answer.body, answer.headers);
  };
}

function readCall(request: IncomingMessage, host: string): Call {
  const params = Object.fromEntries(requestUrl(request).searchParams) as Params;
  return {
    params,
    action: (request.headers['x-acs-action'] as string | undefined) ?? params.Action ?? '',
    version: (request.headers['x-acs-version'] as string | undefined) ?? params.Version,
    requestId: randomUUID().toUpperCase(),
    hostId: request.headers.host ?? host,
  };
}

/** The gateway refuses first (bad signature, unknown action, overlap); then a fault may strike; else the operation answers. */
async function decide(parts: ApiCallParts, call: Call, request: IncomingMessage, body: Buffer, overlapped: boolean): Promise<Outcome> {
  const refused =
    authenticate(request, call.params, body, parts.keys, parts.nonces) ??
    unknownAction(call.action, call.version) ??
    (overlapped ? new ApiError('ConcurrentCallNotSupported') : undefined);
  if (refused) return { answer: errorAnswer(refused, call.hostId, call.requestId) };
  const { options } = parts;
  if (options.latencyMs) await sleep(options.latencyMs);
  await options.holdCall?.(call.action);
  const fault = options.faultFor ? options.faultFor(call.action) : parts.faults.next();
  if (fault === 'throttle') return { fault, answer: errorAnswer(new ApiError('Throttling.User'), call.hostId, call.requestId) };
  if (fault === 'unavailable') return { fault, answer: errorAnswer(new ApiError('ServiceUnavailable'), call.hostId, call.requestId) };
  return { fault, answer: await runOperation(parts, call) };
}

/** The operation's answer; a write is saved to the state file before it is answered. */
async function runOperation(parts: ApiCallParts, call: Call): Promise<ApiAnswer> {
  try {
    const body = OPERATIONS[call.action]!(businessParams(call.params), parts.context());
    if (WRITES.has(call.action)) await parts.state.save();
    return { status: 200, body: { RequestId: call.requestId, ...body } };
  } catch (error) {
    if (error instanceof ApiError) return errorAnswer(error, call.hostId, call.requestId);
    throw error;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
