import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI (`npm test` builds first) as a user would: its own process,
 * explicit environment, the ECS metadata address never consulted.
 */
export function runCli(args: string[], options: RunOptions & { nodeOptions?: string[] } = {}): Promise<CliRun> {
  return runNode([...(options.nodeOptions ?? []), CLI, ...args], options);
}

interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Close the reading end of stdout at once, as `| head -c 10` does once it has read enough: the process's writes there fail (EPIPE). */
  closeStdout?: boolean;
  /** What the process reads on stdin, as from a pipe; none: stdin is closed. */
  input?: string | Uint8Array;
}

/** Node with these arguments, in the same explicit environment as runCli. */
export function runNode(nodeArgs: string[], options: RunOptions = {}): Promise<CliRun> {
  return startNode(nodeArgs, options).done;
}

/** The built CLI started and left running, for tests that signal it mid-run: `done` settles when it ends. */
export function startCli(args: string[], options: RunOptions = {}): { child: ChildProcess; done: Promise<CliRun> } {
  return startNode([CLI, ...args], options);
}

function startNode(nodeArgs: string[], options: RunOptions): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, nodeArgs, {
    cwd: options.cwd ?? ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
      ...options.env,
    },
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (options.input !== undefined) child.stdin!.end(options.input);
  const done = new Promise<CliRun>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    if (options.closeStdout) child.stdout!.destroy();
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

/** The run said what went wrong in one `error:` line matching `pattern`: no stack trace, not "a bug". */
export function expectOneErrorLine(run: CliRun, pattern: RegExp): void {
  expect(run.stderr.split('\n').filter((line) => line.startsWith('error: '))).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/^\s+at |internal error/m);
}
