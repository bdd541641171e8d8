import {
  createNodeSystem,
  type CommandOutcome,
  type Env,
  type System,
} from '../lib/system';

/** Answers a fake command; undefined means "not installed". */
export type FakeCommand = (
  args: string[],
  cwd: string,
) => CommandOutcome | undefined;

export interface TestSystemOptions {
  cwd: string;
  env?: Env;
  /** By program name (`git`, `rustc`, `sccache`); unlisted programs are not installed. */
  commands?: Record<string, FakeCommand>;
  now?: Date;
  /** Fixed jitter; 0 gives the shortest backoff. */
  random?: number;
}

export interface TestSystem {
  system: System;
  stdout(): string;
  stderr(): string;
  /** Every delay the code asked to sleep, in ms; the fake sleep returns at once. */
  sleeps: number[];
  /** Every command run, as `program arg arg`. */
  commandsRun: string[];
}

/**
 * The real file system and network, with fake environment, clock, sleep, programs and
 * captured output: commands under test run against real temp directories and real servers.
 */
export function createTestSystem(options: TestSystemOptions): TestSystem {
  const out: string[] = [];
  const err: string[] = [];
  const sleeps: number[] = [];
  const commandsRun: string[] = [];
  const system: System = {
    ...createNodeSystem(),
    cwd: options.cwd,
    env: options.env ?? {},
    now: () => options.now ?? new Date('2026-01-31T12:00:00.000Z'),
    async runCommand(command, args, { cwd }) {
      commandsRun.push([command, ...args].join(' '));
      return options.commands?.[command]?.(args, cwd) ?? { found: false };
    },
    async sleep(ms) {
      sleeps.push(ms);
    },
    random: () => options.random ?? 0,
    stdout: text => out.push(text),
    stderr: text => err.push(text),
  };
  return {
    system,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    sleeps,
    commandsRun,
  };
}

/** A fake program that prints `stdout` and exits 0. */
export function printing(stdout: string): FakeCommand {
  return () => ({ found: true, exitCode: 0, stdout, stderr: '' });
}
