import { PrewarmJob } from '@rust-build-cache/plugin-rust-build-cache-common';
import knexFactory, { Knex } from 'knex';
import {
  PrewarmRunRecord,
  PrewarmScheduleRecord,
  PrewarmRunStore,
  PrewarmScheduleStore,
} from '../prewarm/PrewarmStore';
import { createTestStores } from '../__testUtils__/testDatabases';
import { CONFIG_SCHEDULE_CREATOR } from '../prewarm/configuredSchedules';
import { notifyOnPrewarmFailed } from './prewarmFailed';
import {
  ALL_ENABLED,
  recordingSender,
} from './__testUtils__/recordingNotifications';

// The decorator around the pre-warm store, on an in-memory store of one run.

function job(
  state: PrewarmJob['state'],
  entityRefs: string[],
  error: string | null = null,
): PrewarmJob {
  return {
    id: `job-${entityRefs[0]}`,
    runId: 'run-1',
    groupId: 'g',
    key: {} as PrewarmJob['key'],
    representative: {} as PrewarmJob['representative'],
    entityRefs,
    state,
    queuedAt: '2026-12-06T02:00:00Z',
    startedAt: '2026-12-06T02:00:01Z',
    finishedAt: '2026-12-06T02:30:00Z',
    externalUrl: null,
    cacheWrites: null,
    reportId: null,
    logTail: '',
    error,
  };
}

function fakeStore(
  run: Partial<PrewarmRunRecord>,
  options: { wins?: boolean; createdBy?: string } = {},
) {
  const updates: unknown[] = [];
  const store = {
    async updateRun(...args: unknown[]) {
      updates.push(args);
      return options.wins ?? true;
    },
    async getRun() {
      return {
        id: 'run-1',
        scheduleId: 'sched-1',
        scheduleName: 'nightly payments',
        trigger: 'schedule',
        scheduledFor: '2026-12-06T02:00:00.000Z',
        queuedAt: '2026-12-06T02:00:00.000Z',
        jobs: [],
        ...run,
      } as PrewarmRunRecord;
    },
    async getSchedule() {
      return {
        id: 'sched-1',
        createdBy: options.createdBy ?? 'user:default/frank',
      } as PrewarmScheduleRecord;
    },
    async listSchedules() {
      return [];
    },
  } as unknown as PrewarmRunStore & PrewarmScheduleStore;
  return { store, updates };
}

describe('pre-warm failed notifications', () => {
  let knex: Knex;

  beforeEach(async () => {
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    await createTestStores(knex);
  });

  afterEach(async () => {
    await knex.destroy();
  });

  const failedJobs = [
    job('succeeded', ['component:default/ledger']),
    job(
      'timed-out',
      ['component:default/billing'],
      'stopped after the time limit of 60 minutes',
    ),
    job('failed', ['component:default/search'], 'cargo build exited with 101'),
  ];

  it("tells the schedule's creator when a scheduled run ends with failed or timed-out jobs", async () => {
    const { sender, service } = recordingSender(knex);
    const { store, updates } = fakeStore({ jobs: failedJobs });
    const wrapped = notifyOnPrewarmFailed(store, {
      schedules: store,
      sender,
      recipient: null,
    });

    expect(
      await wrapped.updateRun(
        'run-1',
        { state: 'failed' },
        { fromStates: ['running'] },
      ),
    ).toBe(true);
    expect(updates).toHaveLength(1);
    expect(service.sent).toEqual([
      {
        recipients: { type: 'entity', entityRef: ['user:default/frank'] },
        payload: {
          title: "Pre-warm run of 'nightly payments' failed: 2 of 3 jobs",
          description:
            'Run run-1 for 2026-12-06T02:00:00.000Z ended with failed or timed-out jobs. component:default/billing: timed-out (stopped after the time limit of 60 minutes); component:default/search: failed (cargo build exited with 101)',
          link: '/rust-build-cache/prewarm',
          severity: 'normal',
          topic: 'Build cache: pre-warm failed',
        },
      },
    ]);
    // Other methods pass through.
    expect(
      await (wrapped as unknown as PrewarmScheduleStore).listSchedules(),
    ).toEqual([]);
  });

  it('sends to the configured group instead, once a day per schedule', async () => {
    const { sender, service } = recordingSender(knex);
    const { store } = fakeStore({ jobs: failedJobs });
    const wrapped = notifyOnPrewarmFailed(store, {
      schedules: store,
      sender,
      recipient: 'group:default/platform',
    });
    await wrapped.updateRun('run-1', { state: 'failed' });
    await wrapped.updateRun('run-1', { state: 'failed' });
    expect(service.sent).toHaveLength(1);
    expect(service.sent[0].recipients).toEqual({
      type: 'entity',
      entityRef: ['group:default/platform'],
    });
  });

  it('tells only the configured recipient about a schedule from config (no creating user)', async () => {
    const { sender, service } = recordingSender(knex);
    const { store } = fakeStore(
      { jobs: failedJobs },
      { createdBy: CONFIG_SCHEDULE_CREATOR },
    );
    await notifyOnPrewarmFailed(store, {
      schedules: store,
      sender,
      recipient: null,
    }).updateRun('run-1', { state: 'failed' });
    expect(service.sent).toEqual([]);

    await notifyOnPrewarmFailed(store, {
      schedules: store,
      sender,
      recipient: 'group:default/platform',
    }).updateRun('run-1', { state: 'failed' });
    expect(service.sent.map(sent => sent.recipients)).toEqual([
      { type: 'entity', entityRef: ['group:default/platform'] },
    ]);
  });

  it.each([
    [
      'another replica finished the run',
      { jobs: failedJobs },
      { wins: false },
      'failed',
    ],
    [
      'the run succeeded',
      { jobs: [job('succeeded', ['component:default/a'])] },
      {},
      'succeeded',
    ],
    [
      'it was a manual run',
      { jobs: failedJobs, trigger: 'manual' as const },
      {},
      'failed',
    ],
    [
      'no job failed (cancelled)',
      { jobs: [job('cancelled', ['component:default/a'])] },
      {},
      'failed',
    ],
  ])('sends nothing when %s', async (_, run, options, state) => {
    const { sender, service } = recordingSender(knex);
    const { store } = fakeStore(run, options);
    const wrapped = notifyOnPrewarmFailed(store, {
      schedules: store,
      sender,
      recipient: null,
    });
    await wrapped.updateRun('run-1', { state: state as 'failed' });
    expect(service.sent).toEqual([]);
  });

  it('sends nothing when the kind is off', async () => {
    const { sender, service } = recordingSender(knex, {
      config: {
        ...ALL_ENABLED,
        prewarmFailed: { enabled: false, recipient: null },
      },
    });
    const { store } = fakeStore({ jobs: failedJobs });
    await notifyOnPrewarmFailed(store, {
      schedules: store,
      sender,
      recipient: null,
    }).updateRun('run-1', {
      state: 'failed',
    });
    expect(service.sent).toEqual([]);
  });
});
