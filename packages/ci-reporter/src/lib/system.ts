import { execFile } from 'node:child_process';
import {
  appendFile,
  mkdir,
  readFile,
  realpath,
  stat,
  writeFile,
} from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { errorField } from './errors';

export type Env = Readonly<Record<string, string | undefined>>;

export type CommandOutcome =
  | { found: false }
  | { found: true; exitCode: number; stdout: string; stderr: string };

/**
 * Every side effect of the CLI (environment, files, processes, network, clock, randomness,
 * output), so that the commands can be tested with fakes or with a real temp directory.
 */
export interface System {
  cwd: string;
  env: Env;
  now(): Date;
  /** The file's text, or null when it does not exist. Other errors (e.g. EISDIR) throw. */
  readTextFile(path: string): Promise<string | null>;
  /** The canonical path of an existing directory, or null when there is no directory there. */
  resolveDirectory(path: string): Promise<string | null>;
  writeTextFile(path: string, content: string): Promise<void>;
  appendTextFile(path: string, content: string): Promise<void>;
  /** Runs a program without a shell; `found: false` when it is not installed. */
  runCommand(
    command: string,
    args: string[],
    options: { cwd: string },
  ): Promise<CommandOutcome>;
  fetch: typeof fetch;
  sleep(ms: number): Promise<void>;
  /** A number in [0, 1), for backoff jitter. */
  random(): number;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Long enough for `sccache --show-stats` to start a server (sccache ≤ 0.7.6 does that). */
const COMMAND_TIMEOUT_MS = 120_000;

async function runCommand(
  command: string,
  args: string[],
  options: { cwd: string },
): Promise<CommandOutcome> {
  return new Promise(resolve => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        encoding: 'utf8',
        timeout: COMMAND_TIMEOUT_MS,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve({ found: true, exitCode: 0, stdout, stderr });
        } else if (error.code === 'ENOENT') {
          resolve({ found: false });
        } else {
          const exitCode = typeof error.code === 'number' ? error.code : 1;
          // Signals and spawn errors (EACCES, timeout) leave stderr empty: report them there.
          const reason =
            typeof error.code === 'number' ? '' : `${error.message}\n`;
          resolve({
            found: true,
            exitCode,
            stdout,
            stderr: `${reason}${stderr}`,
          });
        }
      },
    );
  });
}

export function createNodeSystem(): System {
  return {
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    async readTextFile(path) {
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        if (errorField(error, 'code') === 'ENOENT') return null;
        throw error;
      }
    },
    async resolveDirectory(path) {
      try {
        const resolved = await realpath(path);
        return (await stat(resolved)).isDirectory() ? resolved : null;
      } catch (error) {
        if (
          errorField(error, 'code') === 'ENOENT' ||
          errorField(error, 'code') === 'ENOTDIR'
        )
          return null;
        throw error;
      }
    },
    // Creates missing parent folders: reports often go into a folder for an artifact upload.
    writeTextFile: async (path, content) => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content, 'utf8');
    },
    appendTextFile: (path, content) => appendFile(path, content, 'utf8'),
    runCommand,
    fetch: (input, init) => fetch(input, init),
    sleep: ms => delay(ms),
    random: Math.random,
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
  };
}
