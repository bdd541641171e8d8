import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRustTools } from '@rust-build-cache/ci-reporter/testing';
import { Knex } from 'knex';
import { startPluginBackend } from '../__testUtils__/pluginBackend';
import {
  createMigratedStore,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import { DatabasePrewarmStore } from './DatabasePrewarmStore';
import {
  answers,
  CrashedLocalJob,
  startCrashedLocalJob,
} from './executors/__testUtils__/crashedLocalJob';
import { testKey } from './executors/__testUtils__/executionContext';
import { INTERRUPTED_ERROR } from './runStates';

// A backend that crashed in the middle of a local warm job left the job's work directory
// and its sccache server behind. The next start of the plugin closes the crashed run (its
// heartbeat stopped) and then lets the local executor clean up; a job that a live replica
// is running (fresh heartbeat) is left alone.

jest.setTimeout(120_000);

const databases = createTestDatabases();
const sccache = findRustTools([]).sccache;
if (!sccache) {
  // eslint-disable-next-line no-console
  console.warn(
    'SKIPPED prewarmRestart.test.ts: sccache is not installed; scripts/install-system-deps installs it.',
  );
}

const eachDatabase = sccache
  ? describe.each(databases.eachSupportedId())
  : describe.skip.each(databases.eachSupportedId());

eachDatabase('starting the plugin after a crash (%s)', databaseId => {
  let knex: Knex;
  let tmp: string;
  const jobs: CrashedLocalJob[] = [];
  let stop: (() => Promise<void>) | undefined;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    tmp = await mkdtemp(join(tmpdir(), 'rbc-prewarm-restart-'));
  });

  afterEach(async () => {
    await stop?.();
    stop = undefined;
    for (const job of jobs.splice(0)) await job.kill();
    await rm(tmp, { recursive: true, force: true });
    await knex.destroy();
  });

  /** A run with one job in state running whose last heartbeat was at `heartbeatAt`. */
  async function runningJob(store: DatabasePrewarmStore, heartbeatAt: Date) {
    const schedule = await store.createSchedule({
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
    await store.insertRun({
      id: runId,
      schedule,
      trigger: 'manual',
      triggeredBy: 'user:default/ada',
      scheduledFor: null,
      queuedAt: heartbeatAt,
      claimedBy: 'replica',
    });
    await store.insertJobs([
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
    await store.updateRun(runId, {
      state: 'running',
      startedAt: heartbeatAt,
      heartbeatAt,
    });
    await store.updateJob(jobId, {
      state: 'running',
      startedAt: heartbeatAt,
      heartbeatAt,
      claimedBy: 'replica',
    });
    return { runId, jobId };
  }

  it('removes the crashed job’s work directory and stops its sccache server', async () => {
    await createMigratedStore(knex);
    const store = new DatabasePrewarmStore(knex);
    const workDirectory = join(tmp, 'work');
    const sccacheDir = join(tmp, 'sccache');

    const crashed = await runningJob(store, new Date(Date.now() - 10 * 60_000));
    const live = await runningJob(store, new Date());
    for (const { jobId, runId } of [crashed, live]) {
      jobs.push(
        await startCrashedLocalJob({
          sccache: sccache!,
          workDirectory,
          sccacheDir,
          jobId,
          runId,
        }),
      );
    }
    const [crashedJob, liveJob] = jobs;
    expect(await answers(crashedJob.port)).toBe(true);

    const { backend } = await startPluginBackend({
      knex,
      config: {
        rustBuildCache: {
          prewarm: {
            executors: {
              local: {
                enabled: true,
                workDirectory,
                sccacheDir,
                sccachePath: sccache!,
              },
            },
          },
        },
      },
    });
    stop = () => backend.stop();

    expect(existsSync(crashedJob.jobDir)).toBe(false);
    expect(await answers(crashedJob.port)).toBe(false);
    expect(
      await knex('prewarm_jobs').where({ id: crashed.jobId }).first(),
    ).toMatchObject({ state: 'failed', error: INTERRUPTED_ERROR });

    expect(existsSync(liveJob.jobDir)).toBe(true);
    expect(await answers(liveJob.port)).toBe(true);
    expect(
      await knex('prewarm_jobs').where({ id: live.jobId }).first(),
    ).toMatchObject({ state: 'running' });
  });
});
