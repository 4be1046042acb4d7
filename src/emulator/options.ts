/**
 * The emulator's public shapes: how it is started, what it logs per call, and
 * the handle a caller gets back.
 */
import type { Site } from '../judge/rules.js';
import type { FaultKind } from './faults.js';
import type { Params } from './operation.js';
import type { DirectoryState } from './state.js';

/** The demo key pair (documented in the README). Not a real AccessKey: it only opens the emulator. */
export const DEMO_CREDENTIALS = { accessKeyId: 'emulator-demo-key-id', accessKeySecret: 'emulator-demo-key-secret' } as const;

export interface EmulatorOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** @default 20 */
  contactLimit?: number;
  /** @default 'intl' */
  site?: Site;
  /** Persist the directory to this JSON file. */
  stateFile?: string;
  /** Added to every API call. @default 0 */
  latencyMs?: number;
  /** Probability of a fault per API call. @default 0 */
  faultRate?: number;
  /** @default 1 */
  seed?: number;
  accessKeyId?: string;
  accessKeySecret?: string;
  /** Member IDs in the directory; by default any well-formed ID counts. */
  members?: string[];
  /** New and changed addresses count as verified at once. @default false */
  autoVerify?: boolean;
  /** @default 300 */
  deletionDelayMs?: number;
  /** Verification messages the account may send (a day). @default 100 */
  dailyVerifications?: number;
  /** Awaited while a call is in flight, before it is answered: lets a test hold a call open for as long as it needs. */
  holdCall?: (action: string) => Promise<void>;
  /** Decides each call's fault instead of `faultRate`: lets a test inject exactly the fault it needs. */
  faultFor?: (action: string) => FaultKind | undefined;
  /** Told about every API call once it is answered (the CLI logs them with --verbose). */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface RequestLogEntry {
  seq: number;
  at: string;
  action: string;
  params: Params;
  /** The RequestId of the answer (never seen by the client when the answer was dropped). */
  requestId: string;
  status: number;
  code?: string;
  /** It arrived while another call was in flight. */
  overlapped: boolean;
  /** The client closed the connection before the answer was ready (it gave up waiting). */
  clientGone?: true;
  fault?: FaultKind;
  ms: number;
}

export interface RunningEmulator {
  url: string;
  host: string;
  port: number;
  state: DirectoryState;
  requests: RequestLogEntry[];
  /** The most API calls that were in flight at once (1 when every call came alone). */
  readonly maxInFlight: number;
  /** Stops answering for `ms`, like a stopped server: see Freeze. */
  freeze(ms: number): void;
  close(): Promise<void>;
}
