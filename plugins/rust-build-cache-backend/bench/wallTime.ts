import { execFileSync } from 'node:child_process';

/** Median wall time in ms of running `argv` `runs` times (after 3 warm-up runs). */
export function medianWallMs(
  argv: string[],
  runs: number,
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): number {
  const times: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const started = performance.now();
    execFileSync(argv[0], argv.slice(1), { stdio: 'ignore', ...options });
    if (i >= 3) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
