/**
 * The Resource Directory emulator: a real HTTP server (node:http) that answers
 * the twelve message-contact operations as the service does, checks V3/V2
 * signatures against its key pair, refuses overlapping calls with 429
 * ConcurrentCallNotSupported (and counts the most it saw at once), and can
 * inject faults, or freeze like a stopped server. Admin endpoints for tests
 * and the demo live under /_emulator/, never on the signed API path.
 *
 * This file wires the parts together; each part lives in its own module.
 */
import { DEFAULT_CONTACT_LIMIT, DEFAULT_SITE } from '../defaults.js';
import { adminHandler, type AdminContext } from './admin.js';
import { apiCallHandler, type ApiCallParts } from './api-call.js';
import { FaultPlan, Freeze } from './faults.js';
import { NonceBook } from './gateway.js';
import { closeServer, createJsonServer, listen } from './http.js';
import { InFlightGate } from './in-flight.js';
import type { OperationContext } from './operation.js';
import { DEMO_CREDENTIALS, type EmulatorOptions, type RunningEmulator } from './options.js';
import { RequestLog } from './request-log.js';
import { DirectoryState } from './state.js';

export { API_VERSION, THROTTLE_RETRY_AFTER_MS } from './gateway.js';
export { DEMO_CREDENTIALS, type EmulatorOptions, type RequestLogEntry, type RunningEmulator } from './options.js';

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const parts = emulatorParts(options, host);
  const { state, log, gate, frozen } = parts;
  const answerApi = apiCallHandler(parts);
  const answerAdmin = adminHandler(adminContext(parts));
  const server = createJsonServer((request) => (request.url?.startsWith('/_emulator/') ? answerAdmin : answerApi));
  const port = await listen(server, options.port ?? 0, host);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    state,
    requests: log.entries,
    get maxInFlight() {
      return gate.maxInFlight;
    },
    freeze: (ms) => frozen.start(ms),
    close: () => {
      // Thaw first: a call waiting out a freeze is released rather than left pending forever.
      frozen.end();
      return closeServer(server);
    },
  };
}

/** The emulator's state and machinery, shared by the API calls and the admin endpoints. */
interface EmulatorParts extends ApiCallParts {
  /** Verification messages the account may still send today (reset by the admin reset). */
  verificationsLeft: { count: number };
}

function emulatorParts(options: EmulatorOptions, host: string): EmulatorParts {
  const state = new DirectoryState(options.stateFile);
  const verificationsLeft = { count: options.dailyVerifications ?? 100 };
  const context = (): OperationContext => ({
    state,
    site: options.site ?? DEFAULT_SITE,
    contactLimit: options.contactLimit ?? DEFAULT_CONTACT_LIMIT,
    members: options.members ? new Set(options.members) : undefined,
    autoVerify: options.autoVerify ?? false,
    deletionDelayMs: options.deletionDelayMs ?? 300,
    verificationsLeft,
    now: new Date(),
  });
  return {
    options,
    keys: {
      accessKeyId: options.accessKeyId ?? DEMO_CREDENTIALS.accessKeyId,
      accessKeySecret: options.accessKeySecret ?? DEMO_CREDENTIALS.accessKeySecret,
    },
    host,
    state,
    nonces: new NonceBook(),
    gate: new InFlightGate(),
    frozen: new Freeze(),
    faults: new FaultPlan(options.faultRate ?? 0, options.seed ?? 1),
    log: new RequestLog(options.onRequest),
    verificationsLeft,
    context,
  };
}

function adminContext(parts: EmulatorParts): AdminContext {
  const { state, log, gate, frozen, nonces, verificationsLeft, options } = parts;
  return {
    state,
    requests: log.entries,
    status: () => ({ inFlight: gate.inFlight, maxInFlight: gate.maxInFlight, contacts: state.count() }),
    freeze: (ms) => frozen.start(ms),
    reset: () => {
      state.clear();
      log.clear();
      gate.forgetMax();
      nonces.clear();
      verificationsLeft.count = options.dailyVerifications ?? 100;
    },
  };
}
