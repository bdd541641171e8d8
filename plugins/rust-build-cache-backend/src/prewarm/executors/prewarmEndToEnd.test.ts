import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { annotatedComponent } from '../../__testUtils__/entities';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createRustWorkspace,
  findRustTools,
  isolatedEnv,
  runRustBuildCacheCli,
  startSccacheServer,
  type ProcessEnv,
} from '@rust-build-cache/ci-reporter/testing';
import {
  BuildCacheReport,
  computeRunMetrics,
  PrewarmRun,
  PrewarmSchedule,
  sumCounts,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import request from 'supertest';
import { watchOpenApiContract } from '../../__testUtils__/openApiWatch';
import { rustBuildCachePlugin } from '../../plugin';

// The whole pre-warm path with nothing faked: a real Cargo repository A with a CI report,
// the real backend plugin with the `local` executor, a schedule created and run through the
// HTTP API, a real warm build through a private sccache into a shared cache directory, and
// then a real consumer build of another repository B with the same dependencies that hits
// that cache — measured by the CLI's own report.

jest.setTimeout(600_000);

/** Enough registry crates that B's own (always missing) crate weighs less than 10 %. */
const DEPS: Record<string, string> = {
  serde_json: '1',
  'cfg-if': '1',
  either: '1',
  lazy_static: '1',
  once_cell: '1',
  scopeguard: '1',
  smallvec: '1',
  memoffset: '0.6',
  log: '0.4',
  num_cpus: '1',
};
const tools = findRustTools([
  ...Object.keys(DEPS),
  'serde',
  'itoa',
  'ryu',
  'autocfg',
  'libc',
]);

if (tools.missing.length > 0) {
  // eslint-disable-next-line no-console
  console.warn(
    `SKIPPED src/prewarm/executors/prewarmEndToEnd.test.ts (real pre-warm through the schedule API): missing ${tools.missing.join(
      ', ',
    )}. scripts/install-system-deps installs them.`,
  );
}

const BASE = '/api/rust-build-cache';
const asUser = mockCredentials.user.header();

function component(name: string): Entity {
  return annotatedComponent({
    name,
    workspace: '.',
    projectSlug: `acme/${name}`,
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/platform',
    },
  });
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'ci',
      GIT_AUTHOR_EMAIL: 'ci@example.com',
      GIT_COMMITTER_NAME: 'ci',
      GIT_COMMITTER_EMAIL: 'ci@example.com',
    },
  }).trim();
}

/** A committed repository with the dependency set and its Cargo.lock. */
async function createRepository(dir: string, name: string) {
  await createRustWorkspace(dir, { name, deps: DEPS });
  execFileSync(tools.cargo!, ['generate-lockfile', '--offline'], {
    cwd: dir,
    env: isolatedEnv() as NodeJS.ProcessEnv,
  });
  git(dir, 'init', '--quiet');
  git(dir, 'add', '.');
  git(dir, 'commit', '--quiet', '-m', `${name}`);
  return git(dir, 'rev-parse', 'HEAD');
}

/**
 * A CI build of a repository through its own sccache server on `cacheDir`, and the CLI's
 * report of it. Returns the report and the wall time of `cargo build`.
 */
async function ciBuild(options: {
  dir: string;
  repository: string;
  cacheDir: string;
  runId: string;
  targetDir: string;
}): Promise<{ report: BuildCacheReport; seconds: number }> {
  const server = await startSccacheServer({
    sccache: tools.sccache!,
    cacheDir: options.cacheDir,
  });
  try {
    const env: ProcessEnv = { ...withoutCi(isolatedEnv()), ...server.buildEnv };
    const started = process.hrtime.bigint();
    execFileSync(
      tools.cargo!,
      ['build', '--locked', '--target-dir', options.targetDir],
      {
        cwd: options.dir,
        env: env as NodeJS.ProcessEnv,
        stdio: 'pipe',
      },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const output = join(options.dir, `${options.runId}.json`);
    const run = await runRustBuildCacheCli(
      [
        'collect',
        '--workspace',
        options.dir,
        '--repo-root',
        options.dir,
        '--target-dir',
        join(options.dir, options.targetDir),
        '--repository',
        options.repository,
        '--run-id',
        options.runId,
        '--output',
        output,
      ],
      { cwd: options.dir, env },
    );
    if (run.code !== 0) {
      throw new Error(`collect exited ${run.code}: ${run.stderr}`);
    }
    return { report: JSON.parse(await readFile(output, 'utf8')), seconds };
  } finally {
    await server.stop();
  }
}

/** Without CI variables: collect must not take the run identity of the CI running this test. */
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

const hits = (report: BuildCacheReport) =>
  sumCounts(report.sccache!.counters.hits);
const misses = (report: BuildCacheReport) =>
  sumCounts(report.sccache!.counters.misses);

(tools.missing.length > 0 ? describe.skip : describe)(
  'pre-warming through the schedule API with the local executor',
  () => {
    let tmp: string;

    beforeAll(async () => {
      tmp = await mkdtemp(join(tmpdir(), 'rbc-prewarm-e2e-'));
    });

    afterAll(async () => {
      await rm(tmp, { recursive: true, force: true });
    });

    it('warms the shared cache so that another repository with the same dependencies hits', async () => {
      const repoA = join(tmp, 'repo-a');
      const repoB = join(tmp, 'repo-b');
      const commitA = await createRepository(repoA, 'repo-a');
      await createRepository(repoB, 'repo-b');
      const sharedCache = join(tmp, 'shared-sccache');

      // A's CI, with its own cache: the report the planner works from.
      const ciA = await ciBuild({
        dir: repoA,
        repository: 'github.com/acme/repo-a',
        cacheDir: join(tmp, 'ci-a-sccache'),
        runId: 'ci-a-1',
        targetDir: 'target',
      });
      expect(ciA.report.dependencies?.fingerprint).toBeTruthy();

      const { server } = await startTestBackend({
        features: [
          rustBuildCachePlugin,
          mockServices.rootConfig.factory({
            data: {
              rustBuildCache: {
                prewarm: {
                  executors: {
                    local: {
                      enabled: true,
                      workDirectory: join(tmp, 'work'),
                      sccacheDir: sharedCache,
                      cargoPath: tools.cargo!,
                      sccachePath: tools.sccache!,
                      sources: [
                        {
                          repository: 'github.com/acme/repo-a',
                          location: repoA,
                        },
                      ],
                    },
                  },
                },
              },
            },
          }),
          catalogServiceMock.factory({
            entities: [component('repo-a'), component('repo-b')],
          }),
        ],
      });
      watchOpenApiContract(server);

      await request(server)
        .post(`${BASE}/reports`)
        .set('Authorization', mockCredentials.service.header())
        .send(ciA.report)
        .expect(201);

      const executors = await request(server)
        .get(`${BASE}/prewarm/executors`)
        .set('Authorization', asUser)
        .expect(200);
      expect(executors.body.items.map((e: { id: string }) => e.id)).toContain(
        'local',
      );

      const schedule: PrewarmSchedule = (
        await request(server)
          .post(`${BASE}/prewarm/schedules`)
          .set('Authorization', asUser)
          .send({
            name: 'nightly',
            cron: '0 3 * * *',
            timeZone: 'UTC',
            scope: {
              owners: [],
              tags: [],
              entityRefs: [
                'component:default/repo-a',
                'component:default/repo-b',
              ],
            },
            executorId: 'local',
            concurrency: 1,
            timeLimitMinutes: 10,
          })
          .expect(201)
      ).body;

      const started: PrewarmRun = (
        await request(server)
          .post(`${BASE}/prewarm/schedules/${schedule.id}/run`)
          .set('Authorization', asUser)
          .expect(202)
      ).body;

      let run = started;
      const deadline = Date.now() + 300_000;
      while (
        (run.state === 'queued' || run.state === 'running') &&
        Date.now() < deadline
      ) {
        await new Promise(r => setTimeout(r, 500));
        run = (
          await request(server)
            .get(`${BASE}/prewarm/runs/${started.id}`)
            .set('Authorization', asUser)
            .expect(200)
        ).body;
      }
      expect({
        state: run.state,
        jobs: run.jobs.map(j => [j.state, j.error, j.logTail.slice(-1500)]),
      }).toMatchObject({
        state: 'succeeded',
      });
      expect(run.jobs).toHaveLength(1);
      const [job] = run.jobs;
      expect(job).toMatchObject({
        state: 'succeeded',
        representative: {
          entityRef: 'component:default/repo-a',
          repository: 'github.com/acme/repo-a',
          commit: commitA,
        },
      });
      expect(job.cacheWrites).toBeGreaterThanOrEqual(Object.keys(DEPS).length);
      expect(job.reportId).toBeTruthy();
      expect(job.logTail).toContain('Warm build done');
      // The warm build reproduced the consumers' key: no difference was found.
      expect(job.logTail).not.toMatch(
        /warning: (the built Cargo.lock|the warm build|RUSTFLAGS)/,
      );

      // The warm build's report is stored as a prewarm run of A.
      const warmReport = await request(server)
        .get(`${BASE}/runs/${job.reportId}`)
        .set('Authorization', asUser)
        .expect(200);
      expect(warmReport.body).toMatchObject({
        kind: 'prewarm',
        report: {
          kind: 'prewarm',
          source: {
            repository: { host: 'github.com', owner: 'acme', name: 'repo-a' },
            commit: commitA,
            ci: { runId: job.id, job: 'prewarm' },
          },
        },
      });

      // B's CI after the warm job: the dependencies come from the shared cache.
      const warmB = await ciBuild({
        dir: repoB,
        repository: 'github.com/acme/repo-b',
        cacheDir: sharedCache,
        runId: 'ci-b-warm',
        targetDir: 'target-warm',
      });
      const warmMetrics = computeRunMetrics(warmB.report.sccache!);
      expect({
        hits: hits(warmB.report),
        misses: misses(warmB.report),
        effectiveHitRate: warmMetrics.effectiveHitRate,
      }).toEqual({
        hits: expect.any(Number),
        // Only B's own library: its key holds B's directory.
        misses: 1,
        effectiveHitRate: expect.any(Number),
      });
      expect(hits(warmB.report)).toBeGreaterThanOrEqual(
        Object.keys(DEPS).length,
      );
      expect(warmMetrics.effectiveHitRate).toBeGreaterThanOrEqual(0.9);

      // Control: the same build against an empty cache compiles everything.
      const coldB = await ciBuild({
        dir: repoB,
        repository: 'github.com/acme/repo-b',
        cacheDir: join(tmp, 'empty-sccache'),
        runId: 'ci-b-cold',
        targetDir: 'target-cold',
      });
      expect(hits(coldB.report)).toBe(0);
      expect(misses(coldB.report)).toBe(hits(warmB.report) + 1);

      // eslint-disable-next-line no-console
      console.log(
        `pre-warm e2e: consumer build of repo-b cold ${coldB.seconds.toFixed(
          2,
        )} s (${misses(
          coldB.report,
        )} misses), pre-warmed ${warmB.seconds.toFixed(2)} s (${hits(
          warmB.report,
        )} hits, effective hit rate ${(
          warmMetrics.effectiveHitRate! * 100
        ).toFixed(1)} %)`,
      );
    });
  },
);
