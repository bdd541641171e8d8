import { randomUUID } from 'node:crypto';
import { planWarmGroups } from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import {
  createTestStores,
  type TestStores,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import { toNewRun } from '../reports/ReportIngestionService';
import { PrewarmScheduleRecord } from './PrewarmStore';
import { realReport, reportFor } from './__testUtils__/prewarmTestKit';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const T0 = new Date('2026-11-27T10:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

const INPUT = {
  name: 'Nightly',
  cron: '0 3 * * *',
  timeZone: 'Europe/Berlin',
  scope: { owners: ['group:default/payments'], tags: [], entityRefs: [] },
  executorId: 'local',
  concurrency: 2,
  timeLimitMinutes: 60,
};

const warm = realReport('search-indexer-warm');
const plan = planWarmGroups({
  entities: ['a', 'b', 'c'].map((name, i) => ({
    entityRef: `component:default/${name}`,
    owner: null,
    tags: [],
    latestCiReport: reportFor(warm, {
      repository: `github.com/acme/${name}`,
      runId: name,
      // a and b share a key; c has its own Cargo.lock.
      change: r => {
        if (i === 2) r.dependencies!.fingerprint = 'c'.repeat(64);
      },
    }),
  })),
});

describe.each(databases.eachSupportedId())(
  'pre-warm stores (%s)',
  databaseId => {
    let knex: Knex;
    let reports: TestStores;
    let store: TestStores;
    let schedule: PrewarmScheduleRecord;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      reports = await createTestStores(knex);
      store = reports;
      schedule = await store.prewarmSchedules.createSchedule({
        id: randomUUID(),
        input: INPUT,
        createdBy: 'user:default/ada',
        now: T0,
      });
    });

    afterEach(async () => {
      await knex.destroy();
    });

    async function newRun(
      options: { slot?: Date | null; queuedAt?: Date } = {},
    ) {
      const id = randomUUID();
      const result = await store.prewarmRuns.insertRun({
        id,
        schedule,
        trigger: options.slot ? 'schedule' : 'manual',
        triggeredBy: options.slot ? null : 'user:default/ada',
        scheduledFor: options.slot ?? null,
        queuedAt: options.queuedAt ?? T0,
        claimedBy: 'replica-1',
      });
      return { id, ...result };
    }

    async function addJobs(runId: string) {
      const ids = plan.groups.map(() => randomUUID());
      await store.prewarmRuns.insertJobs(
        plan.groups.map((group, position) => ({
          id: ids[position],
          runId,
          position,
          group,
          state: 'queued' as const,
          queuedAt: T0,
          finishedAt: null,
          error: null,
        })),
      );
      return ids;
    }

    it('stores schedules, and moves dispatchFrom on edits of the cron and on resume', async () => {
      expect(schedule).toEqual({
        id: schedule.id,
        ...INPUT,
        paused: false,
        createdBy: 'user:default/ada',
        createdAt: T0,
        updatedAt: T0,
        dispatchFrom: T0,
        problem: null,
      });
      const renamed = await store.prewarmSchedules.updateSchedule({
        id: schedule.id,
        input: { ...INPUT, name: 'Renamed' },
        now: minutes(1),
        resetDispatchFrom: false,
      });
      expect(renamed).toMatchObject({
        name: 'Renamed',
        updatedAt: minutes(1),
        dispatchFrom: T0,
      });
      const paused = await store.prewarmSchedules.setPaused({
        id: schedule.id,
        paused: true,
        now: minutes(2),
      });
      expect(paused).toMatchObject({ paused: true, dispatchFrom: T0 });
      const resumed = await store.prewarmSchedules.setPaused({
        id: schedule.id,
        paused: false,
        now: minutes(3),
      });
      expect(resumed).toMatchObject({
        paused: false,
        dispatchFrom: minutes(3),
      });
      expect(await store.prewarmSchedules.listSchedules()).toHaveLength(1);
      // Pausing a schedule that cannot run: only the call that paused it gets true.
      expect(
        await store.prewarmSchedules.pauseIfActive({ id: schedule.id, now: minutes(4) }),
      ).toBe(true);
      expect(
        await store.prewarmSchedules.pauseIfActive({ id: schedule.id, now: minutes(5) }),
      ).toBe(false);
      expect(await store.prewarmSchedules.getSchedule({ id: schedule.id })).toMatchObject({
        paused: true,
        updatedAt: minutes(4),
        dispatchFrom: minutes(3),
      });
      expect(
        await store.prewarmSchedules.updateSchedule({
          id: randomUUID(),
          input: INPUT,
          now: T0,
          resetDispatchFrom: true,
        }),
      ).toBeUndefined();
      expect(await store.prewarmSchedules.deleteSchedule({ id: schedule.id })).toBe(true);
      expect(await store.prewarmSchedules.deleteSchedule({ id: schedule.id })).toBe(false);
      expect(await store.prewarmSchedules.getSchedule({ id: schedule.id })).toBeUndefined();
    });

    it('claims each cron slot once, even when claimed concurrently; manual runs never collide', async () => {
      const slot = new Date('2026-11-28T02:00:00Z');
      const attempts = await Promise.all(
        Array.from({ length: 6 }, () => newRun({ slot })),
      );
      expect(attempts.filter(a => a.created)).toHaveLength(1);
      expect(
        await store.prewarmRuns.getLastScheduledSlot({ scheduleId: schedule.id }),
      ).toEqual(slot);
      expect((await newRun()).created).toBe(true);
      expect((await newRun()).created).toBe(true);
      expect((await store.prewarmRuns.listRuns({ limit: 10, offset: 0 })).total).toBe(3);
    });

    it('keeps jobs in plan order and updates them only from the given states', async () => {
      const run = await newRun();
      const [first, second] = await addJobs(run.id);
      const stored = await store.prewarmRuns.getRun({ id: run.id });
      expect(stored).toMatchObject({
        state: 'queued',
        trigger: 'manual',
        scheduleName: 'Nightly',
        concurrency: 2,
        timeLimitMinutes: 60,
      });
      expect(stored!.jobs.map(j => j.groupId)).toEqual(
        plan.groups.map(g => g.id),
      );
      expect(stored!.jobs[0]).toMatchObject({
        key: plan.groups[0].key,
        representative: plan.groups[0].representative,
        entityRefs: plan.groups[0].entityRefs,
        logTail: '',
        cacheWrites: null,
      });

      expect(
        await store.prewarmRuns.updateJob(
          first,
          { state: 'running', startedAt: minutes(1) },
          { fromStates: ['queued'] },
        ),
      ).toBe(true);
      expect(
        await store.prewarmRuns.updateJob(
          first,
          { state: 'running' },
          { fromStates: ['queued'] },
        ),
      ).toBe(false);
      expect(
        await store.prewarmRuns.getActiveGroupIds({ exceptRunId: randomUUID() }),
      ).toEqual(new Set(plan.groups.map(g => g.id)));
      expect(await store.prewarmRuns.getActiveGroupIds({ exceptRunId: run.id })).toEqual(
        new Set(),
      );

      await store.prewarmRuns.requestCancel({ runId: run.id, now: minutes(2) });
      const cancelled = await store.prewarmRuns.getRun({ id: run.id });
      expect(cancelled!.cancelRequested).toBe(true);
      expect(cancelled!.jobs.map(j => j.state)).toEqual([
        'running',
        'cancelled',
      ]);
      expect(cancelled!.jobs[1].finishedAt).toBe(minutes(2).toISOString());
      expect(second).toBe(cancelled!.jobs[1].id);

      await store.prewarmRuns.updateJob(first, {
        state: 'succeeded',
        finishedAt: minutes(3),
        cacheWrites: 12,
        logTail: 'done\n',
      });
      await store.prewarmRuns.updateRun(run.id, {
        state: 'cancelled',
        finishedAt: minutes(3),
      });
      const last = await store.prewarmRuns.getLastRuns({ scheduleIds: [schedule.id] });
      expect(last.get(schedule.id)).toMatchObject({
        id: run.id,
        state: 'cancelled',
      });
      expect(
        (await store.prewarmRuns.listRuns({ state: 'cancelled', limit: 5, offset: 0 }))
          .total,
      ).toBe(1);
      expect(
        (await store.prewarmRuns.listRuns({ state: 'running', limit: 5, offset: 0 })).total,
      ).toBe(0);
      const succeeded = await store.prewarmRuns.getLatestSucceededJobs({ since: T0 });
      expect(
        succeeded.map(s => [s.job.id, s.job.cacheWrites, s.job.logTail]),
      ).toEqual([[first, 12, 'done\n']]);
    });

    it('closes only runs whose heartbeat is stale', async () => {
      const stale = await newRun({ queuedAt: T0 });
      const staleJobs = await addJobs(stale.id);
      await store.prewarmRuns.updateJob(staleJobs[0], { state: 'running' });
      const live = await newRun({ queuedAt: T0 });
      await store.prewarmRuns.heartbeat({ runId: live.id, now: minutes(9) });

      const result = await store.prewarmRuns.closeStaleRuns({
        staleBefore: minutes(5),
        now: minutes(10),
        error: 'interrupted',
      });
      expect(result.runs).toEqual([stale.id]);
      const closed = await store.prewarmRuns.getRun({ id: stale.id });
      expect(closed).toMatchObject({
        state: 'failed',
        finishedAt: minutes(10).toISOString(),
      });
      expect(closed!.jobs.map(j => [j.state, j.error])).toEqual([
        ['failed', 'interrupted'],
        ['failed', 'interrupted'],
      ]);
      expect((await store.prewarmRuns.getRun({ id: live.id }))!.state).toBe('queued');
      // Twice is harmless.
      expect(
        (
          await store.prewarmRuns.closeStaleRuns({
            staleBefore: minutes(5),
            now: minutes(10),
            error: 'x',
          })
        ).runs,
      ).toEqual([]);
    });

    it('finds prewarm reports by CI run id, and consumer CI runs by time', async () => {
      const [pushed, before, after] = await reports.reports.insertRuns({
        runs: [
          reportFor(warm, {
            repository: 'github.com/acme/a',
            runId: '4242',
            kind: 'prewarm',
            finishedAt: minutes(0),
            change: r => (r.sccache!.counters.cacheWrites = 17),
          }),
          reportFor(warm, {
            repository: 'github.com/acme/a',
            runId: 'ci-1',
            finishedAt: minutes(-30),
          }),
          reportFor(warm, {
            repository: 'github.com/acme/b',
            runId: 'ci-2',
            finishedAt: minutes(30),
          }),
        ].map(r => toNewRun(r, T0)),
      });
      expect(
        await store.warmBuilds.findPrewarmReport({
          source: { repository: 'github.com/acme/a', workspacePath: '.' },
          ciRunId: '4242',
        }),
      ).toEqual({ id: pushed.id, cacheWrites: 17 });
      expect(
        await store.warmBuilds.findPrewarmReport({
          source: { repository: 'github.com/acme/a', workspacePath: '.' },
          ciRunId: 'ci-1',
        }),
      ).toBeUndefined();

      const sources = ['a', 'b'].map(n => ({
        repository: `github.com/acme/${n}`,
        workspacePath: '.',
      }));
      const runs = await store.warmBuilds.listConsumerRuns({
        sources,
        from: minutes(-60),
        to: minutes(60),
      });
      expect(runs.map(r => r.id)).toEqual([before.id, after.id]);
      expect(runs[0].metrics?.hits).toBeGreaterThan(0);
      expect(runs[0].buildSeconds).toBe(warm.timings?.totalSeconds ?? null);
      expect(
        (
          await store.warmBuilds.listConsumerRuns({
            sources: sources.slice(1),
            from: minutes(0),
            to: minutes(60),
          })
        ).map(r => r.id),
      ).toEqual([after.id]);
    });
  },
);
