import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  PrewarmRunStarter,
  rustBuildCachePrewarmRunsExtensionPoint,
} from '@rust-build-cache/plugin-rust-build-cache-node';
import { Knex } from 'knex';
import request from 'supertest';
import { startPluginBackend } from '../__testUtils__/pluginBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { executorModule } from './__testUtils__/prewarmBackend';
import {
  FakeExecutor,
  realReport,
  reportFor,
  rustEntity,
} from './__testUtils__/prewarmTestKit';

// A module inside the backend (the demo app's seeding) starts pre-warm runs through the
// extension point, since the HTTP routes that start runs accept users only.

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'the pre-warm runs extension point (%s)',
  databaseId => {
    let knex: Knex;
    let stop: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
    });

    afterEach(async () => {
      await stop?.();
      await knex.destroy();
    });

    it('hands modules the schedules, plans and runs once the backend has started', async () => {
      let resolveStarter: (runs: PrewarmRunStarter) => void = () => {};
      const started = new Promise<PrewarmRunStarter>(resolve => {
        resolveStarter = resolve;
      });
      const executor = new FakeExecutor();
      const { backend, server } = await startPluginBackend({
        knex,
        entities: [rustEntity('billing')],
        features: [
          executorModule(executor),
          createBackendModule({
            pluginId: 'rust-build-cache',
            moduleId: 'seeding',
            register(env) {
              env.registerInit({
                deps: { prewarmRuns: rustBuildCachePrewarmRunsExtensionPoint },
                async init({ prewarmRuns }) {
                  prewarmRuns.onStarted(resolveStarter);
                },
              });
            },
          }),
        ],
        config: {
          rustBuildCache: {
            prewarm: {
              schedules: [
                {
                  name: 'Nightly',
                  cron: '0 3 * * *',
                  scope: { entityRefs: ['component:default/billing'] },
                  executorId: 'fake',
                },
              ],
            },
          },
        },
      });
      stop = () => backend.stop();
      const runs = await started;

      const [schedule] = await runs.listSchedules();
      expect(schedule).toMatchObject({ name: 'Nightly', lastRun: null });
      expect(await runs.plan(schedule.id)).toMatchObject({
        groups: [],
        skipped: [
          {
            entityRef: 'component:default/billing',
            reason: 'no CI report yet',
          },
        ],
      });

      // With a CI report, the plan has a job, and a run executes it.
      await request(server)
        .post('/api/rust-build-cache/reports')
        .set('Authorization', mockCredentials.service.header())
        .send(
          reportFor(realReport('billing-api-warm'), {
            repository: 'github.com/acme/billing',
            runId: 'ci-1',
          }),
        )
        .expect(201);
      const run = await runs.runNow(schedule.id, 'the seeding module');
      expect(run).toMatchObject({
        scheduleId: schedule.id,
        trigger: 'manual',
        triggeredBy: 'the seeding module',
      });
      let ended = run;
      for (let i = 0; i < 100 && ended.state !== 'succeeded'; i++) {
        await new Promise(resolve => setTimeout(resolve, 50));
        ended = await runs.getRun(run.id);
      }
      expect(ended.state).toBe('succeeded');
      expect(ended.jobs.map(job => job.entityRefs)).toEqual([
        ['component:default/billing'],
      ]);
      expect(executor.calls).toHaveLength(1);
    });
  },
);
