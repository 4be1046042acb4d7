import { createOpenApiCaller, type Query, type RawCaller } from '../../src/directory/openapi.js';
import { DEMO_CREDENTIALS, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/server.js';

process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';

/** An emulator on a free loopback port for the tests of one file, reset before each test. */
export function useEmulator(options: EmulatorOptions = {}): () => RunningEmulator {
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ host: '127.0.0.1', port: 0, ...options });
  });
  beforeEach(async () => {
    await admin(emulator!, 'POST', 'reset');
  });
  afterAll(async () => {
    await emulator?.close();
  });
  return () => emulator!;
}

/** The real client (openapi-core, signed requests over HTTP) pointed at an emulator. */
export function sdkFor(emulator: RunningEmulator, keys: { accessKeyId: string; accessKeySecret: string } = DEMO_CREDENTIALS, signature: 'v3' | 'v2' = 'v3'): RawCaller {
  return createOpenApiCaller({
    endpoint: { host: `127.0.0.1:${emulator.port}`, protocol: 'http' },
    credentials: { kind: 'keys', ...keys },
    timeoutMs: 20_000,
    signature,
  });
}

/** Calls an operation and returns its body, or the SDK error's code, status and message. */
export async function attempt(sdk: RawCaller, action: string, query: Query = {}): Promise<{ ok: true; body: any } | { ok: false; code: string; statusCode: number; message: string }> {
  try {
    return { ok: true, body: (await sdk.call(action, query)).body };
  } catch (error) {
    const e = error as { code?: string; statusCode?: number; message: string };
    return { ok: false, code: e.code ?? '', statusCode: e.statusCode ?? 0, message: e.message };
  }
}

export async function admin(emulator: RunningEmulator, method: 'GET' | 'POST', path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${emulator.url}/_emulator/${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return response.json();
}

/** Resolves once the emulator is inside an API call (for tests that need two calls to overlap). */
export async function callInFlight(emulator: RunningEmulator): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if ((await admin(emulator, 'GET', 'status')).inFlight > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no call reached the emulator');
}
