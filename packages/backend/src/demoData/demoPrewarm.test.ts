import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { rootConfigServiceFactory } from '@backstage/backend-defaults/rootConfig';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { findRustTools } from '@rust-build-cache/ci-reporter/testing';
import rustBuildCachePlugin from '@rust-build-cache/plugin-rust-build-cache-backend';
import rustBuildCacheModuleLocalPrewarm from '@rust-build-cache/plugin-rust-build-cache-backend-module-local-prewarm';
import type {
  PrewarmRun,
  PrewarmSchedule,
  WarmGroupEffect,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import type { PrewarmRunStarter } from '@rust-build-cache/plugin-rust-build-cache-node';
import request from 'supertest';
import { parse, parseAllDocuments, stringify } from 'yaml';
import demoDataModule from './demoDataModule';
import { DEMO_CONSUMER, seedDemoPrewarm } from './demoPrewarm';

const ROOT = join(__dirname, '..', '..', '..', '..');
const BASE = '/api/rust-build-cache';
const asUser = mockCredentials.user.header();

/** What seedDemoPrewarm logged, and a starter that records what it was asked. */
function fakes(schedules: Array<Partial<PrewarmSchedule>>) {
  const logged: string[] = [];
  const logger = mockServices.logger.mock({
    info: (message: string) => logged.push(message),
  });
  const runNow = jest.fn();
  const prewarm: PrewarmRunStarter = {
    listSchedules: async () => schedules as PrewarmSchedule[],
    plan: jest.fn(),
    runNow,
    getRun: jest.fn(),
  };
  return { logged, logger, prewarm, runNow };
}

const demoConfig = (local: object) =>
  new ConfigReader({
    rustBuildCache: {
      demoData: { enabled: true },
      prewarm: {
        schedules: [
          { name: 'Nightly', cron: '0 3 * * *', executorId: 'local' },
        ],
        executors: { local },
      },
    },
  });

describe('seedDemoPrewarm, when it must not run', () => {
  it('skips with a message naming what is missing when cargo and sccache are not installed', async () => {
    const { logged, logger, prewarm, runNow } = fakes([
      { id: 's', name: 'Nightly', lastRun: null },
    ]);
    await seedDemoPrewarm({
      config: demoConfig({ enabled: true }),
      logger,
      prewarm,
      pushReport: jest.fn(),
      env: { PATH: '/nonexistent' },
    });
    expect(runNow).not.toHaveBeenCalled();
    expect(logged).toEqual([
      expect.stringMatching(
        /^Demo data: pre-warm runs not seeded: missing cargo \(not on PATH\), sccache \(not on PATH.*scripts\/install-system-deps installs them$/,
      ),
    ]);
  });

  it('runs nothing again once the demo schedules have run (a restart)', async () => {
    const { logged, logger, prewarm, runNow } = fakes([
      {
        id: 's',
        name: 'Nightly',
        lastRun: {
          id: 'r',
          state: 'failed',
          startedAt: null,
          finishedAt: null,
        },
      },
    ]);
    await seedDemoPrewarm({
      config: demoConfig({ enabled: true }),
      logger,
      prewarm,
      pushReport: jest.fn(),
      // Found or not, the history decides first.
      env: { PATH: process.env.PATH },
    });
    expect(runNow).not.toHaveBeenCalled();
    expect(logged.join('\n')).toMatch(/the demo schedules have run before/);
  });

  it('skips without the local executor', async () => {
    const { logged, logger, prewarm, runNow } = fakes([]);
    await seedDemoPrewarm({
      config: demoConfig({ enabled: false }),
      logger,
      prewarm,
      pushReport: jest.fn(),
    });
    expect(runNow).not.toHaveBeenCalled();
    expect(logged).toEqual([
      'Demo data: pre-warm runs not seeded: the local executor is not enabled (rustBuildCache.prewarm.executors.local.enabled)',
    ]);
  });
});

// The demo backend as app-config.yaml configures it (its schedules, the local executor
// with the example workspaces, demo data on), over the demo catalog, with real cargo and
// sccache: the seeded runs and the measured effect are the ones the demo shows.
const tools = findRustTools(['serde', 'serde_json', 'serde_derive', 'itoa']);
if (tools.missing.length > 0) {
  // eslint-disable-next-line no-console
  console.warn(
    `SKIPPED the demo's real pre-warm runs: missing ${tools.missing.join(
      ', ',
    )}. scripts/install-system-deps installs them.`,
  );
}

(tools.missing.length > 0 ? describe.skip : describe)(
  "the demo's pre-warm runs, for real",
  () => {
    const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
    let tmp: string;

    beforeAll(async () => {
      tmp = await mkdtemp(join(tmpdir(), 'rbc-demo-prewarm-'));
    });

    afterAll(async () => {
      await rm(tmp, { recursive: true, force: true });
    });

    it('seeds a succeeded run, a failed run and a measured effect', async () => {
      // A fresh shared cache and work directory instead of the demo's under .data/, and
      // the sources' paths resolved as the demo backend resolves them (its working
      // directory is packages/backend; jest's may be the repository root).
      const demoSources: Array<{ repository: string; location: string }> =
        parse(readFileSync(join(ROOT, 'app-config.yaml'), 'utf8'))
          .rustBuildCache.prewarm.executors.local.sources;
      const override = join(tmp, 'override.yaml');
      await writeFile(
        override,
        stringify({
          rustBuildCache: {
            prewarm: {
              executors: {
                local: {
                  workDirectory: join(tmp, 'work'),
                  sccacheDir: join(tmp, 'sccache'),
                  sources: demoSources.map(source => ({
                    repository: source.repository,
                    location: resolve(
                      ROOT,
                      'packages',
                      'backend',
                      source.location,
                    ),
                  })),
                },
              },
            },
          },
        }),
      );
      const catalog = parseAllDocuments(
        readFileSync(join(ROOT, 'examples', 'entities.yaml'), 'utf8'),
      ).map(document => document.toJS());
      const { server } = await startTestBackend({
        features: [
          rustBuildCachePlugin,
          rustBuildCacheModuleLocalPrewarm,
          demoDataModule,
          rootConfigServiceFactory({
            argv: [
              'node',
              'backend',
              '--config',
              join(ROOT, 'app-config.yaml'),
              '--config',
              override,
            ],
            watch: false,
          }),
          mockServices.database.factory({
            knex: await databases.init('SQLITE_3'),
          }),
          catalogServiceMock.factory({ entities: catalog }),
          mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        ],
      });
      const get = async (path: string) =>
        (
          await request(server)
            .get(`${BASE}${path}`)
            .set('Authorization', asUser)
            .expect(200)
        ).body;

      // Seeding runs in the background: wait for the consumer's build after the warm job.
      let effects: WarmGroupEffect[] = [];
      const deadline = Date.now() + 540_000;
      while (Date.now() < deadline) {
        effects = (await get('/prewarm/effect?days=30')).items;
        if (effects.some(effect => effect.after.runs > 0)) break;
        const seededRuns: PrewarmRun[] = (await get('/prewarm/runs?limit=10'))
          .items;
        if (
          seededRuns.some(
            run =>
              run.state === 'failed' &&
              run.jobs.some(
                job =>
                  job.representative.entityRef !==
                  'component:default/notify-worker',
              ),
          )
        )
          break;
        await new Promise(wake => setTimeout(wake, 2_000));
      }

      const runs: PrewarmRun[] = (await get('/prewarm/runs?limit=10')).items;
      // The seeding runs in the background with a quiet logger: when a warm job that should
      // succeed did not, its error and log tail are what say why.
      expect(
        runs
          .flatMap(run => run.jobs)
          .filter(
            job =>
              job.state !== 'succeeded' &&
              job.representative.entityRef !==
                'component:default/notify-worker',
          )
          .map(job => `${job.state}: ${job.error}\n${job.logTail}`),
      ).toEqual([]);
      const schedules: PrewarmSchedule[] = (await get('/prewarm/schedules'))
        .items;
      expect(
        schedules.map(s => [s.name, s.createdBy, s.lastRun?.state]).sort(),
      ).toEqual([
        ['Nightly warm-up of notify-worker', 'app-config', 'failed'],
        ['Nightly warm-up of the serde services', 'app-config', 'succeeded'],
      ]);
      expect(runs).toHaveLength(2);
      const succeeded = runs.find(run => run.state === 'succeeded')!;
      const failed = runs.find(run => run.state === 'failed')!;

      // One warm job for both serde services: billing-api's build, whose example
      // Cargo.lock is the one of the demo reports (no key difference warned about).
      expect(succeeded.triggeredBy).toBe('rust-build-cache demo data');
      expect(succeeded.jobs).toHaveLength(1);
      const [warm] = succeeded.jobs;
      expect(warm.representative.entityRef).toBe(
        'component:default/billing-api',
      );
      expect([...warm.entityRefs].sort()).toEqual([
        'component:default/billing-api',
        DEMO_CONSUMER.entityRef,
      ]);
      expect(warm.cacheWrites).toBeGreaterThan(5);
      expect(warm.logTail).toContain('Warm build done');
      expect(warm.logTail).not.toContain('warning:');

      // notify-worker's code needs the nightly its CI uses; the warm host builds stable.
      expect(failed.jobs).toHaveLength(1);
      expect(failed.jobs[0]).toMatchObject({
        state: 'failed',
        representative: { entityRef: 'component:default/notify-worker' },
      });
      expect(failed.jobs[0].error).toContain(
        '`#![feature]` may not be used on the stable release channel',
      );

      // edge-gateway's CI build after the warm job hit everything but its own crate.
      const effect = effects.find(e =>
        e.entityRefs.includes(DEMO_CONSUMER.entityRef),
      );
      expect(effect?.lastWarmJob?.id).toBe(warm.id);
      expect(effect?.after.runs).toBe(1);
      expect(effect?.after.effectiveHitRate).toBeGreaterThanOrEqual(0.8);
      expect(effect?.keyMismatch).toBeNull();
      const consumerRuns = await get(
        '/entities/default/component/edge-gateway/runs?limit=1',
      );
      expect(consumerRuns.items[0]).toMatchObject({
        kind: 'ci',
        job: 'demo-data',
        runId: `demo-after-prewarm-${warm.id}`,
        metrics: { misses: 1 },
      });
    }, 600_000);
  },
);
