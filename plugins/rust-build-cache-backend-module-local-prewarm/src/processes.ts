import { createServer } from 'node:net';
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

/** Environment of a child process. */
export type ChildEnv = Record<string, string>;

export interface ProcessResult {
  exitCode: number | null;
  /** Set when the process died of a signal (e.g. after an abort). */
  signal: NodeJS.Signals | null;
  /** The last lines of its stdout and stderr, interleaved. */
  tail: string;
  stdout: string;
}

const TAIL_LINES = 60;
/** After SIGTERM, how long the process group gets before SIGKILL. */
const KILL_GRACE_MS = 3_000;

/**
 * Runs a program without a shell in its own process group, streams its output to `onOutput`,
 * and on `signal` kills the whole group (cargo and its rustc/build-script children).
 * Rejects only when the program cannot be started (e.g. ENOENT).
 */
export function runProcess(
  command: string,
  args: string[],
  options: {
    cwd: string;
    env: ChildEnv;
    signal: AbortSignal;
    onOutput?: (text: string) => void;
    /** Keep stdout in `stdout` (small outputs only). */
    captureStdout?: boolean;
  },
): Promise<ProcessResult> {
  return new Promise((resolvePromise, reject) => {
    if (options.signal.aborted) {
      reject(abortError(options.signal));
      return;
    }
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group: an abort kills cargo and everything it started.
      detached: true,
    });
    let tail = '';
    let stdout = '';
    const take = (chunk: Buffer, isStdout: boolean) => {
      const text = chunk.toString('utf8');
      if (isStdout && options.captureStdout) {
        stdout += text;
      }
      options.onOutput?.(text);
      tail = lastLines(tail + text, TAIL_LINES);
    };
    child.stdout.on('data', chunk => take(chunk, true));
    child.stderr.on('data', chunk => take(chunk, false));

    let killTimer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => {
      killGroup(child.pid, 'SIGTERM');
      killTimer = setTimeout(
        () => killGroup(child.pid, 'SIGKILL'),
        KILL_GRACE_MS,
      );
    };
    options.signal.addEventListener('abort', onAbort, { once: true });

    child.once('error', error => {
      options.signal.removeEventListener('abort', onAbort);
      clearTimeout(killTimer);
      reject(error);
    });
    child.once('close', (exitCode, signal) => {
      options.signal.removeEventListener('abort', onAbort);
      clearTimeout(killTimer);
      // Whatever the group leader left running (a hung rustc) goes with it.
      killGroup(child.pid, 'SIGKILL');
      if (options.signal.aborted) {
        reject(abortError(options.signal));
        return;
      }
      resolvePromise({ exitCode, signal, tail, stdout });
    });
  });
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals) {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
}

function abortError(signal: AbortSignal): Error {
  const reason = signal.reason;
  return reason instanceof Error
    ? reason
    : new Error(`Aborted${reason ? `: ${String(reason)}` : ''}`);
}

/** The last `count` lines of `text`. */
export function lastLines(text: string, count: number): string {
  const lines = text.split('\n');
  return lines.length <= count ? text : lines.slice(-count).join('\n');
}

/**
 * The executable `program` resolves to: a path (absolute, or relative to the working
 * directory) when it contains a slash, else the first match on `PATH`. Null when none.
 */
export function findExecutable(
  program: string,
  path: string | undefined,
): string | null {
  const candidates = program.includes('/')
    ? [isAbsolute(program) ? program : resolve(program)]
    : (path ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map(dir => join(dir, program));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) {
        return candidate;
      }
    } catch {
      // not here
    }
  }
  return null;
}

/** A TCP port on loopback that nothing listens on right now. */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object'
          ? resolvePort(address.port)
          : reject(new Error('no port assigned')),
      );
    });
  });
}
