import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { startPluginBackend } from '../__testUtils__/pluginBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { PREWARM_DISPATCH_TASK_ID } from '.';
import {
  FakeExecutor,
  realReport,
  reportFor,
  rustEntity,
  waitFor,
} from './__testUtils__/prewarmTestKit';
import { executorModule } from './__testUtils__/prewarmBackend';

// THE exactly-once test: two backend instances (each with its own connection pool, plugin,
// scheduler and executor) on one PostgreSQL database. Both dispatch at the same moment for
// the same due cron slots; every slot must become exactly one run, and every warm job must
// execute exactly once across both.

jest.setTimeout(120_000);

const databases = createTestDatabases();
const postgresIds = databases
  .eachSupportedId()
  .map(([id]) => id)
  .filter(id => id.startsWith('POSTGRES'));

if (postgresIds.length === 0) {
  // eslint-disable-next-line no-console
  console.warn(
    'The two-replica pre-warm dispatch test is SKIPPED: it needs PostgreSQL. Set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=postgresql://postgres@127.0.0.1:5432/test',
  );
}

const ENTITIES = [
  rustEntity('billing', { owner: 'payments' }),
  rustEntity('ledger', { owner: 'payments' }),
  rustEntity('search', { owner: 'search' }),
  rustEntity('tools', { owner: 'platform' }),
];

(postgresIds.length ? describe : describe.skip)(
  'two backend replicas on one PostgreSQL',
  () => {
    const databaseId = postgresIds[0];
    let knexA: Knex;
    let knexB: Knex;
    const stops: Array<() => Promise<void>> = [];

    beforeEach(async () => {
      knexA = await databases.init(databaseId);
      // The second replica: its own pool, the same database.
      knexB = knexFactory(knexA.client.config);
    });

    afterEach(async () => {
      for (const stop of stops.splice(0)) await stop();
      await knexB.destroy();
      await knexA.destroy();
    });

    async function startReplica(knex: Knex, executor: FakeExecutor) {
      const { backend, server, scheduler } = await startPluginBackend({
        knex,
        config: { rustBuildCache: { prewarm: { heartbeatSeconds: 1 } } },
        entities: ENTITIES,
        features: [
          executorModule(executor),
          // A scheduler per replica: startTestBackend's default is one instance shared by
          // every test backend of the process.
          mockServices.scheduler.factory(),
        ],
      });
      stops.push(() => backend.stop());
      return { server, scheduler };
    }

    it('dispatches each due slot exactly once and executes each job exactly once', async () => {
      const executorA = new FakeExecutor('fake', 100);
      const executorB = new FakeExecutor('fake', 100);
      // Started one after the other: the second finds the schema migrated.
      const a = await startReplica(knexA, executorA);
      const b = await startReplica(knexB, executorB);

      const warm = realReport('search-indexer-warm');
      const reports = [
        reportFor(warm, { repository: 'github.com/acme/billing', runId: 'b1' }),
        reportFor(warm, { repository: 'github.com/acme/ledger', runId: 'l1' }),
        reportFor(realReport('rate-limiter-rustflags-changed'), {
          repository: 'github.com/acme/search',
          runId: 's1',
        }),
        reportFor(realReport('billing-api-warm'), {
          repository: 'github.com/acme/tools',
          runId: 't1',
        }),
      ];
      for (const report of reports) {
        await request(a.server)
          .post('/api/rust-build-cache/reports')
          .set('Authorization', mockCredentials.service.header())
          .send(report)
          .expect(201);
      }

      // Three schedules, every minute, created (as far as dispatch knows) five minutes ago,
      // so their latest slot is due now. Different scopes keep their groups apart.
      const scopes = [
        { owners: ['group:default/payments'], tags: [], entityRefs: [] },
        { owners: ['group:default/search'], tags: [], entityRefs: [] },
        { owners: ['group:default/platform'], tags: [], entityRefs: [] },
      ];
      const scheduleIds: string[] = [];
      for (const [index, scope] of scopes.entries()) {
        const { body } = await request(index % 2 ? b.server : a.server)
          .post('/api/rust-build-cache/prewarm/schedules')
          .set('Authorization', mockCredentials.user.header())
          .send({
            name: `every minute ${index}`,
            cron: '* * * * *',
            timeZone: 'UTC',
            scope,
            executorId: 'fake',
            concurrency: 2,
            timeLimitMinutes: 5,
          })
          .expect(201);
        scheduleIds.push(body.id);
      }
      await knexA('prewarm_schedules').update({
        dispatch_from: new Date(Date.now() - 5 * 60_000),
      });

      // Both replicas' dispatch tasks fire at the same moment.
      await Promise.all([
        a.scheduler.triggerTask(PREWARM_DISPATCH_TASK_ID),
        b.scheduler.triggerTask(PREWARM_DISPATCH_TASK_ID),
      ]);

      const runs = await knexA('prewarm_runs').select(
        'id',
        'schedule_id',
        'claimed_by',
      );
      // Both replicas took part: each claimed a slot, or lost the race for one.
      expect(executorA.calls.length + executorB.calls.length).toBeGreaterThan(
        0,
      );
      expect(runs.map(r => r.schedule_id).sort()).toEqual(
        [...scheduleIds].sort(),
      );
      await waitFor(async () => {
        const open = await knexA('prewarm_runs').whereIn('state', [
          'queued',
          'running',
        ]);
        return open.length === 0;
      }, 60_000);

      const jobs = await knexA('prewarm_jobs').select(
        'id',
        'group_id',
        'state',
      );
      // payments: billing + ledger in one group; search and tools one each.
      expect(jobs).toHaveLength(3);
      expect(jobs.every(j => j.state === 'succeeded')).toBe(true);
      const executed = [...executorA.calls, ...executorB.calls].map(
        c => c.jobId,
      );
      expect(executed.sort()).toEqual(jobs.map(j => j.id).sort());
      expect(new Set(executed).size).toBe(executed.length);
      const states = await knexA('prewarm_runs').select('state');
      expect(states.every(r => r.state === 'succeeded')).toBe(true);

      // Another simultaneous tick in the same minute: the slot is taken, nothing new runs.
      await Promise.all([
        a.scheduler.triggerTask(PREWARM_DISPATCH_TASK_ID),
        b.scheduler.triggerTask(PREWARM_DISPATCH_TASK_ID),
      ]);
      const after = await knexA('prewarm_runs').select('id', 'scheduled_for');
      const minuteNow = Math.floor(Date.now() / 60_000);
      const newSlots = after.filter(r => !runs.some(old => old.id === r.id));
      // Only if the minute turned between the two ticks may one new slot per schedule appear.
      for (const run of newSlots) {
        expect(Math.floor(new Date(run.scheduled_for).getTime() / 60_000)).toBe(
          minuteNow,
        );
      }
      expect(
        newSlots.length === 0 || newSlots.length === scheduleIds.length,
      ).toBe(true);
      expect(new Set(after.map(r => `${r.id}`)).size).toBe(after.length);
    });
  },
);
