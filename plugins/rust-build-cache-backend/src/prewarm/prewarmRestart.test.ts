import { randomUUID } from 'node:crypto';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  PrewarmExecutor,
  rustBuildCachePrewarmExecutorsExtensionPoint,
} from '@rust-build-cache/plugin-rust-build-cache-node';
import { testKey } from '@rust-build-cache/plugin-rust-build-cache-node/testUtils';
import { Knex } from 'knex';
import { startPluginBackend } from '../__testUtils__/pluginBackend';
import {
  createTestStores,
  type TestStores,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import { INTERRUPTED_ERROR } from './runStates';

// A backend that crashed in the middle of a warm job left the job running in the database
// (and, for the local executor, its work directory and sccache server on the host). The
// next start of the plugin closes the crashed run (its heartbeat stopped) and then lets
// each executor clean up, telling it which jobs are still unfinished: a job that a live
// replica is running (fresh heartbeat) is. What the local executor then removes is tested
// in its module (localJobs.test.ts).

jest.setTimeout(120_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'starting the plugin after a crash (%s)',
  databaseId => {
    let knex: Knex;
    let stop: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
    });

    afterEach(async () => {
      await stop?.();
      stop = undefined;
      await knex.destroy();
    });

    /** A run with one job in state running whose last heartbeat was at `heartbeatAt`. */
    async function runningJob(store: TestStores, heartbeatAt: Date) {
      const schedule = await store.prewarmSchedules.createSchedule({
        id: randomUUID(),
        input: {
          name: `Nightly ${heartbeatAt.toISOString()}`,
          cron: '0 3 * * *',
          timeZone: 'UTC',
          scope: { owners: [], tags: [], entityRefs: [] },
          executorId: 'local',
          concurrency: 1,
          timeLimitMinutes: 60,
        },
        createdBy: 'user:default/ada',
        now: heartbeatAt,
      });
      const runId = randomUUID();
      const jobId = randomUUID();
      await store.prewarmRuns.insertRun({
        id: runId,
        schedule,
        trigger: 'manual',
        triggeredBy: 'user:default/ada',
        scheduledFor: null,
        queuedAt: heartbeatAt,
        claimedBy: 'replica',
      });
      await store.prewarmRuns.insertJobs([
        {
          id: jobId,
          runId,
          position: 0,
          group: {
            id: 'g'.repeat(64),
            key: testKey(),
            representative: {
              entityRef: 'component:default/a',
              repository: 'github.com/acme/a',
              workspacePath: '.',
              commit: null,
            },
            entityRefs: ['component:default/a'],
            expectedBenefit: 1,
          },
          state: 'queued',
          queuedAt: heartbeatAt,
          finishedAt: null,
          error: null,
        },
      ]);
      await store.prewarmRuns.updateRun(runId, {
        state: 'running',
        startedAt: heartbeatAt,
        heartbeatAt,
      });
      await store.prewarmRuns.updateJob(jobId, {
        state: 'running',
        startedAt: heartbeatAt,
        heartbeatAt,
        claimedBy: 'replica',
      });
      return { runId, jobId };
    }

    it('closes the crashed run, then lets the executors clean up what is no longer unfinished', async () => {
      const store = await createTestStores(knex);
      const crashed = await runningJob(
        store,
        new Date(Date.now() - 10 * 60_000),
      );
      const live = await runningJob(store, new Date());

      const seen: Record<string, boolean> = {};
      const executor: PrewarmExecutor = {
        id: 'local',
        title: 'Local',
        description: 'Records what the backend tells it at recovery.',
        execute: async () => ({ outcome: 'failed', error: 'not in this test' }),
        async recoverStaleJobs({ isJobUnfinished }) {
          for (const { jobId } of [crashed, live]) {
            seen[jobId] = await isJobUnfinished(jobId);
          }
        },
      };
      const { backend } = await startPluginBackend({
        knex,
        features: [
          createBackendModule({
            pluginId: 'rust-build-cache',
            moduleId: 'recording-executor',
            register(env) {
              env.registerInit({
                deps: {
                  executors: rustBuildCachePrewarmExecutorsExtensionPoint,
                },
                async init({ executors }) {
                  executors.addPrewarmExecutor(executor);
                },
              });
            },
          }),
        ],
      });
      stop = () => backend.stop();

      expect(seen).toEqual({ [crashed.jobId]: false, [live.jobId]: true });
      expect(
        await knex('prewarm_jobs').where({ id: crashed.jobId }).first(),
      ).toMatchObject({ state: 'failed', error: INTERRUPTED_ERROR });
      expect(
        await knex('prewarm_jobs').where({ id: live.jobId }).first(),
      ).toMatchObject({ state: 'running' });
    });
  },
);
