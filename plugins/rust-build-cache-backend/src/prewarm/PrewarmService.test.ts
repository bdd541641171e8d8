import { randomUUID } from 'node:crypto';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  BuildCacheReport,
  combineRunMetrics,
  computeRunMetrics,
  PrewarmScheduleInput,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import {
  createTestStores,
  type TestStores,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import { toNewRun } from '../reports/ReportIngestionService';
import { PrewarmService } from './PrewarmService';
import { INTERRUPTED_ERROR } from './runStates';
import {
  FakeExecutor,
  realReport,
  reportFor,
  rustEntity,
  waitFor,
} from './__testUtils__/prewarmTestKit';

jest.setTimeout(60_000);

const databases = createTestDatabases();

// billing and ledger build the same dependency set with the same settings (one warm
// group); search changed RUSTFLAGS; tools has another Cargo.lock.
const ENTITIES = [
  rustEntity('billing', { owner: 'payments' }),
  rustEntity('ledger', { owner: 'payments' }),
  rustEntity('search', { owner: 'search', tags: ['rust', 'tier-2'] }),
  rustEntity('tools', { owner: 'platform' }),
];

const T0 = new Date('2026-11-27T10:00:00Z');

function schedule(
  overrides: Partial<PrewarmScheduleInput> = {},
): PrewarmScheduleInput {
  return {
    name: 'Nightly',
    cron: '0 3 * * *',
    timeZone: 'UTC',
    scope: { owners: [], tags: [], entityRefs: [] },
    executorId: 'fake',
    concurrency: 4,
    timeLimitMinutes: 30,
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())(
  'PrewarmService (%s)',
  databaseId => {
    let knex: Knex;
    let reports: TestStores;
    let store: TestStores;
    let clock: Date;
    let executor: FakeExecutor;
    let services: PrewarmService[];

    async function storeReports(list: BuildCacheReport[]) {
      return reports.reports.insertRuns({
        runs: list.map(report =>
          toNewRun(report, new Date(report.source.finishedAt)),
        ),
      });
    }

    function createService(
      options: Partial<ConstructorParameters<typeof PrewarmService>[0]> = {},
    ) {
      const service = new PrewarmService({
        scheduleStore: store.prewarmSchedules,
        runStore: store.prewarmRuns,
        reports: reports.warmBuilds,
        entityLinks: reports.entityLinks,
        catalog: catalogServiceMock({ entities: ENTITIES }),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        executors: [executor],
        ingest: async report => {
          const [stored] = await reports.reports.insertRuns({
            runs: [toNewRun(report as BuildCacheReport, clock)],
          });
          return stored;
        },
        now: () => clock,
        logFlushIntervalMs: 5,
        heartbeatIntervalMs: 20,
        abortGraceMs: 200,
        ...options,
      });
      services.push(service);
      return service;
    }

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      reports = await createTestStores(knex);
      store = reports;
      clock = T0;
      executor = new FakeExecutor();
      services = [];
      const warm = realReport('search-indexer-warm');
      await storeReports([
        reportFor(warm, {
          repository: 'github.com/acme/billing',
          runId: 'b1',
          finishedAt: new Date('2026-11-26T10:00:00Z'),
        }),
        reportFor(warm, {
          repository: 'github.com/acme/ledger',
          runId: 'l1',
          finishedAt: new Date('2026-11-26T11:00:00Z'),
        }),
        reportFor(realReport('rate-limiter-rustflags-changed'), {
          repository: 'github.com/acme/search',
          runId: 's1',
          finishedAt: new Date('2026-11-26T12:00:00Z'),
        }),
        reportFor(realReport('billing-api-warm'), {
          repository: 'github.com/acme/tools',
          runId: 't1',
          finishedAt: new Date('2026-11-26T13:00:00Z'),
        }),
      ]);
      await reports.entityLinks.replaceEntityLinks({
        links: ['billing', 'ledger', 'search', 'tools'].map(name => ({
          entityRef: `component:default/${name}`,
          source: { repository: `github.com/acme/${name}`, workspacePath: '.' },
        })),
      });
    });

    afterEach(async () => {
      for (const service of services) await service.shutdown();
      await knex.destroy();
    });

    describe('schedules', () => {
      it('creates, edits, pauses, resumes and deletes, with next run times in the time zone', async () => {
        const service = createService();
        const created = await service.createSchedule(
          schedule({ timeZone: 'Europe/Berlin' }),
          'user:default/ada',
        );
        expect(created).toMatchObject({
          name: 'Nightly',
          paused: false,
          createdBy: 'user:default/ada',
          // 03:00 in Berlin (UTC+1 in November) after 10:00 UTC on the 27th.
          nextRunAt: '2026-11-28T02:00:00.000Z',
          lastRun: null,
        });
        const edited = await service.updateSchedule(
          created.id,
          schedule({ name: 'Weekdays', cron: '30 4 * * 1-5' }),
        );
        // The 28th is a Saturday: next Monday.
        expect(edited).toMatchObject({
          name: 'Weekdays',
          nextRunAt: '2026-11-30T04:30:00.000Z',
        });
        expect(
          (await service.setPaused(created.id, true)).nextRunAt,
        ).toBeNull();
        expect((await service.setPaused(created.id, false)).paused).toBe(false);
        expect((await service.listSchedules()).map(s => s.id)).toEqual([
          created.id,
        ]);
        await service.deleteSchedule(created.id);
        expect(await service.listSchedules()).toEqual([]);
        await expect(service.getSchedule(created.id)).rejects.toMatchObject({
          name: 'NotFoundError',
        });
        await expect(service.deleteSchedule(created.id)).rejects.toMatchObject({
          name: 'NotFoundError',
        });
      });

      it('names the field of invalid input, and unknown executors', async () => {
        const service = createService();
        await expect(
          service.createSchedule(
            schedule({ cron: '0 3 * *' }),
            'user:default/ada',
          ),
        ).rejects.toMatchObject({
          name: 'InputError',
          message: expect.stringContaining('cron: must have 5 fields'),
        });
        await expect(
          service.createSchedule(
            schedule({ timeZone: 'Moon/Base' }),
            'user:default/ada',
          ),
        ).rejects.toMatchObject({
          name: 'InputError',
          message: expect.stringContaining('timeZone:'),
        });
        await expect(
          service.createSchedule(
            schedule({ executorId: 'gitlab' }),
            'user:default/ada',
          ),
        ).rejects.toMatchObject({
          name: 'InputError',
          message:
            "executorId: no pre-warm executor 'gitlab' is registered (registered: fake)",
        });
      });

      it('refuses two executors with one id', () => {
        expect(() =>
          createService({ executors: [executor, new FakeExecutor('fake')] }),
        ).toThrow("A pre-warm executor with id 'fake' is already registered");
      });
    });

    describe('stored schedules that cannot run', () => {
      /** Copies of a valid schedule row, each broken as an older version or a manual edit could. */
      async function insertBrokenRows(validId: string) {
        const row = await knex('prewarm_schedules')
          .where({ id: validId })
          .first();
        const broken = {
          'never fires': { cron: '0 0 31 2 *' },
          'unknown zone': { time_zone: 'Mars/Olympus' },
          'bad scope JSON': { scope_json: '{"owners": [' },
          'scope not an object': { scope_json: '"everything"' },
          'unknown day name': { cron: '0 3 * * weekday' },
        };
        const ids: Record<string, string> = {};
        for (const [name, change] of Object.entries(broken)) {
          ids[name] = randomUUID();
          await knex('prewarm_schedules').insert({
            ...row,
            ...change,
            id: ids[name],
            name,
          });
        }
        return ids;
      }

      it('lists each with its problem, pauses it once, and dispatches only the others', async () => {
        const logger = mockServices.logger.mock();
        const service = createService({ logger });
        const valid = await service.createSchedule(
          schedule(),
          'user:default/ada',
        );
        const ids = await insertBrokenRows(valid.id);

        const listed = await service.listSchedules();
        const byName = Object.fromEntries(listed.map(s => [s.name, s]));
        expect(byName.Nightly).toMatchObject({ paused: false, problem: null });
        expect(byName['never fires'].problem).toBe(
          'cron: never fires: February has no day 31',
        );
        expect(byName['unknown zone'].problem).toBe(
          'timeZone: must be an IANA time zone, e.g. Europe/Berlin or UTC',
        );
        expect(byName['bad scope JSON'].problem).toBe(
          'scope: the stored scope is not valid JSON',
        );
        expect(byName['scope not an object'].problem).toMatch(/^scope: /);
        expect(byName['unknown day name'].problem).toMatch(
          /^cron: day of week 'weekday'/,
        );
        for (const name of Object.keys(ids)) {
          expect(byName[name]).toMatchObject({ paused: true, nextRunAt: null });
        }
        // Persisted, so that every replica's dispatcher skips them.
        const stored = await knex('prewarm_schedules')
          .whereIn('id', Object.values(ids))
          .select('paused');
        expect(stored.map(row => Boolean(row.paused))).toEqual(
          Object.values(ids).map(() => true),
        );

        // A get works, and nothing is logged twice.
        expect((await service.getSchedule(ids['bad scope JSON'])).problem).toBe(
          'scope: the stored scope is not valid JSON',
        );
        await service.listSchedules();
        clock = new Date('2026-11-30T09:00:00Z');
        const { runIds } = await service.dispatch();
        await service.whenIdle();
        expect(runIds).toHaveLength(1);
        expect((await service.getRun(runIds[0])).scheduleId).toBe(valid.id);
        const warnings = logger.warn.mock.calls.map(([message]) => message);
        expect(warnings).toHaveLength(Object.keys(ids).length);
        expect(warnings).toContain(
          `Paused pre-warm schedule 'never fires' (${ids['never fires']}), which cannot run: cron: never fires: February has no day 31. Edit it to fix it.`,
        );
      });

      it('refuses to resume, run or plan one until it is edited', async () => {
        const service = createService();
        const valid = await service.createSchedule(
          schedule(),
          'user:default/ada',
        );
        const id = (await insertBrokenRows(valid.id))['bad scope JSON'];
        for (const attempt of [
          () => service.setPaused(id, false),
          () => service.runNow(id, 'user:default/ada'),
          () => service.plan({ scheduleId: id }),
        ]) {
          await expect(attempt()).rejects.toMatchObject({
            name: 'ConflictError',
            message: expect.stringContaining(
              "pre-warm schedule 'bad scope JSON': scope: the stored scope is not valid JSON. Edit the schedule first.",
            ),
          });
        }
        expect(executor.calls).toEqual([]);

        const fixed = await service.updateSchedule(id, schedule());
        expect(fixed).toMatchObject({ problem: null, paused: true });
        expect((await service.setPaused(id, false)).nextRunAt).not.toBeNull();
      });
    });

    describe('plan and enrolment', () => {
      it('plans the entities in scope from their latest CI reports', async () => {
        const service = createService();
        const plan = await service.plan({
          scope: { owners: [], tags: [], entityRefs: [] },
        });
        expect(plan.groups.map(g => g.entityRefs)).toEqual(
          expect.arrayContaining([
            ['component:default/ledger', 'component:default/billing'],
            ['component:default/search'],
            ['component:default/tools'],
          ]),
        );
        expect(plan.groups).toHaveLength(3);
        expect(plan.deduplicated).toBe(1);

        const payments = await service.plan({
          scope: {
            owners: ['group:default/payments'],
            tags: [],
            entityRefs: [],
          },
        });
        expect(payments.groups.map(g => g.entityRefs)).toEqual([
          ['component:default/ledger', 'component:default/billing'],
        ]);
      });

      it('lists the entities of active schedules as enrolled', async () => {
        const service = createService();
        expect(await service.enrolledEntityRefs()).toEqual(new Set());
        const s = await service.createSchedule(
          schedule({
            scope: {
              owners: [],
              tags: ['tier-2'],
              entityRefs: ['component:default/tools'],
            },
          }),
          'user:default/ada',
        );
        expect(await service.enrolledEntityRefs()).toEqual(
          new Set(['component:default/search', 'component:default/tools']),
        );
        await service.setPaused(s.id, true);
        expect(await service.enrolledEntityRefs()).toEqual(new Set());
      });
    });

    describe('dispatch', () => {
      it('runs the latest due slot once, one job per warm group, and records the transitions', async () => {
        const service = createService();
        const s = await service.createSchedule(schedule(), 'user:default/ada');
        // Nothing due before 03:00 of the next day.
        expect((await service.dispatch()).runIds).toEqual([]);

        // Three days later: only the latest missed slot runs.
        clock = new Date('2026-11-30T09:00:00Z');
        const { runIds } = await service.dispatch();
        expect(runIds).toHaveLength(1);
        expect((await service.dispatch()).runIds).toEqual([]);
        await service.whenIdle();

        const run = await service.getRun(runIds[0]);
        expect(run).toMatchObject({
          scheduleId: s.id,
          trigger: 'schedule',
          triggeredBy: null,
          scheduledFor: '2026-11-30T03:00:00.000Z',
          state: 'succeeded',
        });
        expect(run.jobs).toHaveLength(3);
        for (const job of run.jobs) {
          expect(job).toMatchObject({
            state: 'succeeded',
            cacheWrites: 7,
            error: null,
          });
          expect(job.startedAt).not.toBeNull();
          expect(job.finishedAt).not.toBeNull();
        }
        expect(executor.calls.map(c => c.groupId).sort()).toEqual(
          run.jobs.map(j => j.groupId).sort(),
        );
        expect((await service.getSchedule(s.id)).lastRun).toMatchObject({
          id: run.id,
          state: 'succeeded',
        });

        // The next day's slot is a new run.
        clock = new Date('2026-12-01T03:00:30Z');
        expect((await service.dispatch()).runIds).toHaveLength(1);
        await service.whenIdle();
        expect((await service.listRuns({ limit: 10, offset: 0 })).total).toBe(
          2,
        );
      });

      it('skips paused schedules and does not back-fill slots missed while paused', async () => {
        const service = createService();
        const s = await service.createSchedule(schedule(), 'user:default/ada');
        await service.setPaused(s.id, true);
        clock = new Date('2026-11-29T09:00:00Z');
        expect((await service.dispatch()).runIds).toEqual([]);
        await service.setPaused(s.id, false);
        expect((await service.dispatch()).runIds).toEqual([]);
        clock = new Date('2026-11-30T03:00:00Z');
        expect((await service.dispatch()).runIds).toHaveLength(1);
      });

      it('keeps to the concurrency limit', async () => {
        for (const concurrency of [1, 2]) {
          executor = new FakeExecutor('fake', 50);
          const service = createService();
          const s = await service.createSchedule(
            schedule({ concurrency }),
            'user:default/ada',
          );
          await service.runNow(s.id, 'user:default/ada');
          await service.whenIdle();
          expect(executor.calls).toHaveLength(3);
          expect(executor.maxRunning).toBe(concurrency);
        }
      });

      it('times out a job after the time limit', async () => {
        executor.behaviour = async context => {
          await executor.sleep(context.signal, 60_000);
          return { outcome: 'succeeded' };
        };
        const service = createService({ timeLimitMs: () => 100 });
        const s = await service.createSchedule(
          schedule({ concurrency: 3, timeLimitMinutes: 5 }),
          'user:default/ada',
        );
        const run = await service.runNow(s.id, 'user:default/ada');
        expect(run).toMatchObject({
          trigger: 'manual',
          triggeredBy: 'user:default/ada',
        });
        await service.whenIdle();
        const done = await service.getRun(run.id);
        expect(done.state).toBe('failed');
        expect(done.jobs.map(j => j.state)).toEqual([
          'timed-out',
          'timed-out',
          'timed-out',
        ]);
        expect(done.jobs[0].error).toBe(
          'stopped after the time limit of 5 minutes',
        );
      });

      it('closes a job whose executor ignores the abort, after the grace period', async () => {
        executor.behaviour = () => new Promise(() => {});
        const service = createService({
          timeLimitMs: () => 50,
          abortGraceMs: 50,
        });
        const s = await service.createSchedule(schedule(), 'user:default/ada');
        const run = await service.runNow(s.id, 'user:default/ada');
        await service.whenIdle();
        expect((await service.getRun(run.id)).jobs.map(j => j.state)).toEqual([
          'timed-out',
          'timed-out',
          'timed-out',
        ]);
      });

      it('cancels a run: the running job through its signal, the queued ones at once', async () => {
        executor.behaviour = async context => {
          await executor.sleep(context.signal, 60_000);
          return { outcome: 'succeeded' };
        };
        const service = createService();
        const s = await service.createSchedule(
          schedule({ concurrency: 1 }),
          'user:default/ada',
        );
        const run = await service.runNow(s.id, 'user:default/ada');
        await waitFor(() => executor.running === 1);
        const cancelled = await service.cancelRun(run.id);
        await service.whenIdle();
        const done = await service.getRun(run.id);
        expect(done.state).toBe('cancelled');
        expect(done.jobs.map(j => j.state)).toEqual([
          'cancelled',
          'cancelled',
          'cancelled',
        ]);
        expect(executor.calls).toHaveLength(1);
        expect(cancelled.id).toBe(run.id);
      });

      it('records failures, the log tail and the external run, and finds the pushed report by its run id', async () => {
        executor.behaviour = async context => {
          const { representative } = context.job;
          if (representative.entityRef === 'component:default/search') {
            return { outcome: 'failed', error: 'cargo build exited with 101' };
          }
          if (representative.entityRef === 'component:default/tools') {
            throw new Error('sccache not found');
          }
          for (let i = 1; i <= 300; i++) context.appendLog(`line ${i}\n`);
          await context.setExternalRun({
            id: 'gh-4242',
            url: 'https://github.com/acme/x/actions/runs/4242',
          });
          // The warm build pushes its own report, as a workflow would.
          const pushed = reportFor(realReport('search-indexer-warm'), {
            repository: representative.repository,
            runId: 'gh-4242',
            kind: 'prewarm',
            finishedAt: clock,
            change: r => (r.sccache!.counters.cacheWrites = 31),
          });
          await context.ingest(pushed);
          return { outcome: 'succeeded' };
        };
        const service = createService();
        const s = await service.createSchedule(schedule(), 'user:default/ada');
        const run = await service.runNow(s.id, 'user:default/ada');
        await service.whenIdle();
        const done = await service.getRun(run.id);
        expect(done.state).toBe('failed');
        const byRep = Object.fromEntries(
          done.jobs.map(j => [j.representative.entityRef, j]),
        );
        expect(byRep['component:default/search']).toMatchObject({
          state: 'failed',
          error: 'cargo build exited with 101',
        });
        expect(byRep['component:default/tools']).toMatchObject({
          state: 'failed',
          error: 'the executor failed: sccache not found',
        });
        const warmed = byRep['component:default/ledger'];
        expect(warmed).toMatchObject({
          state: 'succeeded',
          externalUrl: 'https://github.com/acme/x/actions/runs/4242',
          cacheWrites: 31,
        });
        expect(warmed.reportId).toMatch(/^[0-9a-f-]{36}$/);
        expect((await reports.reports.getRun({ id: warmed.reportId! }))?.kind).toBe(
          'prewarm',
        );
        const lines = warmed.logTail.trimEnd().split('\n');
        expect(lines).toHaveLength(200);
        expect(lines[0]).toBe('line 101');
        expect(lines.at(-1)).toBe('line 300');
      });

      it('marks a group already being warmed by another run as skipped-as-duplicate', async () => {
        let release!: () => void;
        const gate = new Promise<void>(resolve => (release = resolve));
        executor.behaviour = async () => {
          await gate;
          return { outcome: 'succeeded' };
        };
        const service = createService();
        const payments = await service.createSchedule(
          schedule({
            name: 'Payments',
            scope: {
              owners: ['group:default/payments'],
              tags: [],
              entityRefs: [],
            },
          }),
          'user:default/ada',
        );
        const all = await service.createSchedule(
          schedule({ name: 'All' }),
          'user:default/ada',
        );
        const first = await service.runNow(payments.id, 'user:default/ada');
        await waitFor(() => executor.running === 1);
        const second = await service.runNow(all.id, 'user:default/ada');
        const paymentsGroup = first.jobs[0].groupId;
        const duplicate = second.jobs.find(j => j.groupId === paymentsGroup)!;
        expect(duplicate.state).toBe('skipped-as-duplicate');
        expect(duplicate.finishedAt).not.toBeNull();
        release();
        await service.whenIdle();
        expect(
          executor.calls.filter(c => c.groupId === paymentsGroup),
        ).toHaveLength(1);
        expect((await service.getRun(second.id)).state).toBe('succeeded');
      });
    });

    describe('crash recovery', () => {
      it('closes runs whose backend stopped beating, and leaves live ones alone', async () => {
        executor.behaviour = async context => {
          await executor.sleep(context.signal, 60_000);
          return { outcome: 'succeeded' };
        };
        // A backend that "crashes": its run stays running in the database, its heartbeat stops.
        const crashed = createService({ heartbeatIntervalMs: 3_600_000 });
        const s = await crashed.createSchedule(
          schedule({
            concurrency: 1,
            scope: {
              owners: ['group:default/payments', 'group:default/platform'],
              tags: [],
              entityRefs: [],
            },
          }),
          'user:default/ada',
        );
        const orphan = await crashed.runNow(s.id, 'user:default/ada');
        await waitFor(() => executor.running === 1);

        // Another replica, its own run (of another group) alive and beating.
        const live = createService({ staleAfterMs: 120_000 });
        const other = await live.createSchedule(
          schedule({
            scope: {
              owners: [],
              tags: [],
              entityRefs: ['component:default/search'],
            },
          }),
          'user:default/ada',
        );
        const liveRun = await live.runNow(other.id, 'user:default/ada');
        await waitFor(() => executor.running === 2);

        // Shortly after: nothing is stale yet.
        clock = new Date(T0.getTime() + 1000);
        expect((await live.recoverInterruptedRuns()).runs).toEqual([]);

        // Minutes later the crashed backend's heartbeat is stale; the live one keeps beating.
        clock = new Date(T0.getTime() + 10 * 60_000);
        await waitFor(async () => {
          const run = await store.prewarmRuns.getRun({ id: liveRun.id });
          return run!.heartbeatAt === clock.toISOString();
        });
        expect((await live.recoverInterruptedRuns()).runs).toEqual([orphan.id]);
        const closed = await live.getRun(orphan.id);
        expect(closed.state).toBe('failed');
        expect(closed.jobs.map(j => [j.state, j.error])).toEqual([
          ['failed', INTERRUPTED_ERROR],
          ['failed', INTERRUPTED_ERROR],
        ]);
        expect((await live.getRun(liveRun.id)).state).toBe('running');
        await live.cancelRun(liveRun.id);
      });

      it('ends the jobs of a stopping backend as interrupted', async () => {
        executor.behaviour = async context => {
          await executor.sleep(context.signal, 60_000);
          return { outcome: 'succeeded' };
        };
        const service = createService();
        const s = await service.createSchedule(
          schedule({ concurrency: 1 }),
          'user:default/ada',
        );
        const run = await service.runNow(s.id, 'user:default/ada');
        await waitFor(() => executor.running === 1);
        await service.shutdown();
        const done = await service.getRun(run.id);
        expect(done.state).toBe('failed');
        expect(done.jobs.every(j => j.error === INTERRUPTED_ERROR)).toBe(true);
      });
    });

    describe('measured effect', () => {
      it('compares the consumers before and after the latest warm job and flags key mismatches', async () => {
        const service = createService();
        const s = await service.createSchedule(schedule(), 'user:default/ada');
        executor.behaviour = async context => {
          const [stored] = await reports.reports.insertRuns({
            runs: [
              toNewRun(
                reportFor(realReport('search-indexer-warm'), {
                  repository: context.job.representative.repository,
                  runId: `warm-${context.job.groupId}`,
                  kind: 'prewarm',
                  finishedAt: clock,
                }),
                clock,
              ),
            ],
          });
          return { outcome: 'succeeded', cacheWrites: 9, reportId: stored.id };
        };
        await service.runNow(s.id, 'user:default/ada');
        await service.whenIdle();

        // Consumers after the warm job: billing and ledger hit; search still misses.
        const cold = (r: BuildCacheReport) => {
          r.sccache!.counters.misses = { Rust: 9 };
          r.sccache!.counters.hits = {};
        };
        const after = [
          reportFor(realReport('search-indexer-warm'), {
            repository: 'github.com/acme/billing',
            runId: 'b2',
            finishedAt: new Date(T0.getTime() + 3600_000),
          }),
          reportFor(realReport('search-indexer-warm'), {
            repository: 'github.com/acme/ledger',
            runId: 'l2',
            finishedAt: new Date(T0.getTime() + 7200_000),
          }),
          reportFor(realReport('rate-limiter-rustflags-changed'), {
            repository: 'github.com/acme/search',
            runId: 's2',
            finishedAt: new Date(T0.getTime() + 3600_000),
            change: cold,
          }),
        ];
        await storeReports(after);
        clock = new Date(T0.getTime() + 24 * 3600_000);

        const effects = await service.effect({ days: 30 });
        expect(effects).toHaveLength(3);
        const payments = effects.find(e =>
          e.entityRefs.includes('component:default/billing'),
        )!;
        const metricsOf = (list: BuildCacheReport[]) =>
          combineRunMetrics(list.map(r => computeRunMetrics(r.sccache!)));
        expect(payments.after).toEqual({
          runs: 2,
          hitRate: metricsOf(after.slice(0, 2)).hitRate,
          effectiveHitRate: metricsOf(after.slice(0, 2)).effectiveHitRate,
          meanBuildSeconds: null,
        });
        // The day before: billing's and ledger's recorded runs (within the same window length).
        expect(payments.before.runs).toBe(2);
        expect(payments.lastWarmJob).toMatchObject({ cacheWrites: 9 });
        expect(payments.keyMismatch).toBeNull();

        const search = effects.find(e =>
          e.entityRefs.includes('component:default/search'),
        )!;
        expect(search.after.effectiveHitRate).toBe(0);
        const stored = await reports.reports.listRuns({
          source: { repository: 'github.com/acme/search', workspacePath: '.' },
          kind: 'ci',
          limit: 1,
          offset: 0,
        });
        expect(search.keyMismatch).toEqual({
          message: expect.stringContaining('cache keys do not match'),
          compare: {
            base: search.lastWarmJob!.reportId,
            head: stored.items[0].id,
          },
        });
        // tools had no consumer runs since: nothing to judge.
        const tools = effects.find(e =>
          e.entityRefs.includes('component:default/tools'),
        )!;
        expect(tools.after.runs).toBe(0);
        expect(tools.keyMismatch).toBeNull();
      });
    });
  },
);
