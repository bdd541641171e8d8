import { resolve } from 'node:path';
import {
  countCompileRequests,
  parseSccacheStats,
  SccacheStatsError,
  type SccacheStats,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { InputError } from './errors';
import { readRequiredInputFile, rethrowForFile } from './files';
import { displayPath } from './paths';
import type { System } from './system';

const SHOW_STATS_ARGS = ['--show-stats', '--stats-format=json'];

/** sccache's statistics from `--sccache-stats FILE`, else from the running sccache server. */
export async function readSccacheStats(
  system: System,
  options: { statsFile: string | undefined; workspaceDir: string },
  warn: (message: string) => void,
): Promise<SccacheStats> {
  const stats =
    options.statsFile !== undefined
      ? await readStatsFile(system, resolve(system.cwd, options.statsFile))
      : await queryServer(system, options.workspaceDir);
  // In client-side mode (0.17+) sccache counts no compile requests but their outcomes.
  if (countCompileRequests(stats.counters).requests === 0) {
    warn(
      'sccache reports no compile requests. Its statistics belong to one server process: check that the ' +
        'build ran with RUSTC_WRAPPER=sccache against the same server (same SCCACHE_SERVER_PORT), and that ' +
        'the server was not stopped (it exits after SCCACHE_IDLE_TIMEOUT, 600 s by default) or zeroed since.',
    );
  }
  return stats;
}

async function readStatsFile(
  system: System,
  path: string,
): Promise<SccacheStats> {
  const content = await readRequiredInputFile(
    system,
    path,
    'sccache statistics',
  );
  try {
    return parseSccacheStats(content);
  } catch (error) {
    return rethrowForFile(
      error,
      SccacheStatsError,
      'sccache statistics',
      displayPath(system.cwd, path),
    );
  }
}

async function queryServer(
  system: System,
  workspaceDir: string,
): Promise<SccacheStats> {
  const binary = system.env.SCCACHE_PATH || 'sccache';
  const command = `${binary} ${SHOW_STATS_ARGS.join(' ')}`;
  const outcome = await system.runCommand(binary, SHOW_STATS_ARGS, {
    cwd: workspaceDir,
  });
  if (!outcome.found) {
    const where = system.env.SCCACHE_PATH
      ? `SCCACHE_PATH=${binary} does not exist`
      : "no 'sccache' on PATH";
    throw new InputError(
      `sccache not found (${where}). Run collect where the build ran, or save the statistics right after ` +
        `the build with '${command} > stats.json' and pass --sccache-stats stats.json`,
    );
  }
  if (outcome.exitCode !== 0) {
    throw new InputError(
      `'${command}' failed with exit code ${
        outcome.exitCode
      }: ${outcome.stderr.trim()}`,
    );
  }
  try {
    return parseSccacheStats(outcome.stdout);
  } catch (error) {
    return rethrowForFile(
      error,
      SccacheStatsError,
      'sccache statistics',
      `the output of '${command}'`,
    );
  }
}
