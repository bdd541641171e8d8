import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  findRustTools,
  isolatedEnv,
  runRustBuildCacheCli,
  startSccacheServer,
  type ProcessEnv,
} from '@rust-build-cache/ci-reporter/testing';
import {
  sumCounts,
  type BuildCacheReport,
  type PrewarmRun,
  type PrewarmSchedule,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import type { PrewarmRunStarter } from '@rust-build-cache/plugin-rust-build-cache-node';
import { DEMO_JOB } from './demoReports';

const DEMO_KEY = 'rustBuildCache.demoData';
const LOCAL_KEY = 'rustBuildCache.prewarm.executors.local';
const TRIGGERED_BY = 'rust-build-cache demo data';

/**
 * The consumer whose CI build after the warm job is measured: edge-gateway, in another
 * repository than billing-api (whose build the warm job runs) but with the same
 * dependencies, so only its own crate should miss.
 */
export const DEMO_CONSUMER = {
  entityRef: 'component:default/edge-gateway',
  repository: 'github.com/acme-demo/platform-monorepo',
  workspacePath: 'services/gateway',
};

export interface DemoPrewarmTiming {
  /** How long to wait for the catalog and the demo reports before planning. */
  planAttempts: number;
  planRetryMs: number;
  /** How often a run's state is read while it runs. */
  pollMs: number;
}

const DEFAULT_TIMING: DemoPrewarmTiming = {
  planAttempts: 60,
  planRetryMs: 5_000,
  pollMs: 2_000,
};

/**
 * Seeds the pre-warm page of a fresh demo database with real runs: each schedule of
 * `rustBuildCache.prewarm.schedules` (app-config.yaml) that has never run is run once by
 * the `local` executor — real cargo builds through sccache, one of which fails for real —
 * and after a succeeded warm job, one consumer's CI build is made on the warmed cache and
 * its report pushed like CI pushes it, so the page measures the warm job's effect.
 * Skipped, with a log line saying why, without the local executor, cargo or sccache, and
 * when the schedules have run before (a restart).
 */
export async function seedDemoPrewarm(options: {
  config: Config;
  logger: LoggerService;
  prewarm: PrewarmRunStarter;
  /** Stores a CI report as `POST /reports` does. */
  pushReport(report: BuildCacheReport): Promise<void>;
  timing?: Partial<DemoPrewarmTiming>;
  /** Where cargo and sccache are looked up (PATH); default `process.env`. */
  env?: ProcessEnv;
}): Promise<void> {
  const { config, logger, prewarm } = options;
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const skip = (why: string) =>
    logger.info(`Demo data: pre-warm runs not seeded: ${why}`);

  if (!(config.getOptionalBoolean(`${DEMO_KEY}.prewarmRuns`) ?? true)) {
    skip(`${DEMO_KEY}.prewarmRuns is false`);
    return;
  }
  const local = config.getOptionalConfig(LOCAL_KEY);
  if (!local?.getOptionalBoolean('enabled')) {
    skip(`the local executor is not enabled (${LOCAL_KEY}.enabled)`);
    return;
  }
  const tools = findRustTools([], options.env);
  if (tools.missing.length > 0) {
    skip(
      `missing ${tools.missing.join(
        ', ',
      )}; scripts/install-system-deps installs them`,
    );
    return;
  }
  const configured = new Set(
    (
      config.getOptionalConfigArray('rustBuildCache.prewarm.schedules') ?? []
    ).map(entry => entry.getString('name')),
  );
  const schedules = (await prewarm.listSchedules()).filter(schedule =>
    configured.has(schedule.name),
  );
  if (schedules.length === 0) {
    skip('no schedules in rustBuildCache.prewarm.schedules');
    return;
  }
  if (schedules.some(schedule => schedule.lastRun)) {
    skip('the demo schedules have run before');
    return;
  }

  for (const schedule of schedules) {
    await waitForPlan(prewarm, schedule, timing);
    const run = await runToEnd(prewarm, schedule, timing);
    logger.info(
      `Demo data: pre-warm run of '${schedule.name}' ${run.state}: ${run.jobs
        .map(
          job =>
            `${job.representative.entityRef} ${job.state}${
              job.cacheWrites === null
                ? ''
                : `, ${job.cacheWrites} cache writes`
            }`,
        )
        .join('; ')}`,
    );
    const warmed = run.jobs.find(
      job =>
        job.state === 'succeeded' &&
        job.entityRefs.includes(DEMO_CONSUMER.entityRef),
    );
    if (warmed) {
      const report = await consumerCiBuild({
        config: local,
        cargo: tools.cargo!,
        sccache: tools.sccache!,
        runId: `demo-after-prewarm-${warmed.id}`,
      });
      await options.pushReport(report);
      logger.info(
        `Demo data: ${
          DEMO_CONSUMER.entityRef
        }'s CI build after the warm job pushed (${hitsAndMisses(report)})`,
      );
    }
  }
}

/** Waits until the catalog and the demo reports give the schedule's whole scope a plan. */
async function waitForPlan(
  prewarm: PrewarmRunStarter,
  schedule: PrewarmSchedule,
  timing: DemoPrewarmTiming,
): Promise<void> {
  const wanted = schedule.scope.entityRefs;
  let planned: string[] = [];
  for (let attempt = 1; attempt <= timing.planAttempts; attempt++) {
    const plan = await prewarm.plan(schedule.id);
    const inPlan = new Set(plan.groups.flatMap(group => group.entityRefs));
    if (inPlan.size > 0 && wanted.every(ref => inPlan.has(ref))) {
      return;
    }
    planned = [...inPlan];
    await sleep(timing.planRetryMs);
  }
  throw new Error(
    `the plan of '${schedule.name}' covers ${
      planned.join(', ') || 'no entity'
    } of ${wanted.join(', ')}: the catalog or the demo reports are missing`,
  );
}

async function runToEnd(
  prewarm: PrewarmRunStarter,
  schedule: PrewarmSchedule,
  timing: DemoPrewarmTiming,
): Promise<PrewarmRun> {
  let run = await prewarm.runNow(schedule.id, TRIGGERED_BY);
  while (run.state === 'queued' || run.state === 'running') {
    await sleep(timing.pollMs);
    run = await prewarm.getRun(run.id);
  }
  return run;
}

/**
 * A CI build of the consumer as the demo's recorded CI builds were made
 * (scripts/record-demo-reports.ts): a fresh checkout, `cargo build` through a private
 * sccache server with `CARGO_INCREMENTAL=0`, on the cache the warm job filled, and the
 * CLI's `collect`.
 */
async function consumerCiBuild(options: {
  config: Config;
  cargo: string;
  sccache: string;
  runId: string;
}): Promise<BuildCacheReport> {
  const { config } = options;
  const source = (config.getOptionalConfigArray('sources') ?? []).find(
    entry =>
      entry.getString('repository').toLowerCase() === DEMO_CONSUMER.repository,
  );
  if (!source) {
    throw new Error(
      `${LOCAL_KEY}.sources has no location for ${DEMO_CONSUMER.repository}`,
    );
  }
  const location = resolve(source.getString('location'));
  const checkout = await mkdtemp(join(tmpdir(), 'rbc-demo-ci-'));
  const server = await startSccacheServer({
    sccache: options.sccache,
    cacheDir: resolve(config.getString('sccacheDir')),
  });
  try {
    await cp(location, checkout, {
      recursive: true,
      filter: path => basename(path) !== 'target',
    });
    const workspace = join(checkout, DEMO_CONSUMER.workspacePath);
    const env: ProcessEnv = { ...withoutCi(isolatedEnv()), ...server.buildEnv };
    const startedAt = new Date().toISOString();
    await runProgram(
      options.cargo,
      ['build', '--locked', '--timings'],
      workspace,
      env,
    );
    const output = join(checkout, 'rust-build-cache-report.json');
    const collect = await runRustBuildCacheCli(
      [
        'collect',
        '--workspace',
        workspace,
        '--repo-root',
        checkout,
        '--repository',
        DEMO_CONSUMER.repository,
        '--run-id',
        options.runId,
        '--job',
        DEMO_JOB,
        '--branch',
        'main',
        '--started-at',
        startedAt,
        '--output',
        output,
      ],
      { cwd: workspace, env },
    );
    if (collect.code !== 0) {
      throw new Error(
        `rust-build-cache collect exited ${collect.code}: ${collect.stderr}`,
      );
    }
    return JSON.parse(await readFile(output, 'utf8'));
  } finally {
    await server.stop();
    await rm(checkout, { recursive: true, force: true });
  }
}

/** Without CI variables: `collect` must not take the identity of a CI job running the demo. */
function withoutCi(env: ProcessEnv): ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(
      ([name]) =>
        !/^(CI|GITHUB_.*|GITLAB_CI|CI_.*|BUILDKITE.*|RUST_BUILD_CACHE_.*)$/.test(
          name,
        ),
    ),
  );
}

function runProgram(
  command: string,
  args: string[],
  cwd: string,
  env: ProcessEnv,
): Promise<void> {
  return new Promise((done, fail) =>
    execFile(
      command,
      args,
      { cwd, env, encoding: 'utf8', timeout: 600_000 },
      (error, _stdout, stderr) =>
        error
          ? fail(new Error(`${command} ${args.join(' ')} failed: ${stderr}`))
          : done(),
    ),
  );
}

function hitsAndMisses(report: BuildCacheReport): string {
  const counters = report.sccache?.counters;
  if (!counters) return 'no sccache statistics';
  return `${sumCounts(counters.hits)} hits, ${sumCounts(
    counters.misses,
  )} misses`;
}

function sleep(ms: number): Promise<void> {
  return new Promise(done => setTimeout(done, ms));
}
