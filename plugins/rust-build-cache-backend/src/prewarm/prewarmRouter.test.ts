import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  PrewarmRun,
  rustBuildCachePrewarmManagePermission,
  rustBuildCacheReportIngestPermission,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
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

jest.setTimeout(60_000);

const databases = createTestDatabases();
const BASE = '/api/rust-build-cache/prewarm';
const asUser = mockCredentials.user.header();
const asService = mockCredentials.service.header();

const input = {
  name: 'Nightly',
  cron: '0 3 * * *',
  timeZone: 'Europe/Berlin',
  scope: { owners: ['group:default/payments'], tags: [], entityRefs: [] },
  executorId: 'fake',
  concurrency: 2,
  timeLimitMinutes: 30,
};

type Permissions = 'all' | 'read-only' | 'none';

describe.each(databases.eachSupportedId())(
  'pre-warm routes (%s)',
  databaseId => {
    let knex: Knex;
    let executor: FakeExecutor;
    let stop: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      executor = new FakeExecutor();
    });

    afterEach(async () => {
      await stop?.();
      stop = undefined;
      await knex.destroy();
    });

    async function startBackend(permissions: Permissions = 'all') {
      const { backend, server, scheduler } = await startPluginBackend({
        knex,
        entities: [
          rustEntity('billing', { owner: 'payments' }),
          rustEntity('ledger', { owner: 'payments' }),
          rustEntity('search', { owner: 'search' }),
        ],
        permissions: mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(r => ({
              result:
                // CI seeds the reports below; these tests are about users.
                r.permission.name ===
                  rustBuildCacheReportIngestPermission.name ||
                permissions === 'all' ||
                (permissions === 'read-only' &&
                  r.permission.name !==
                    rustBuildCachePrewarmManagePermission.name)
                  ? AuthorizeResult.ALLOW
                  : AuthorizeResult.DENY,
            })) as any,
        }).factory,
        features: [executorModule(executor)],
      });
      stop = () => backend.stop();
      const warm = realReport('search-indexer-warm');
      for (const name of ['billing', 'ledger', 'search']) {
        await request(server)
          .post('/api/rust-build-cache/reports')
          .set('Authorization', asService)
          .send(
            reportFor(warm, {
              repository: `github.com/acme/${name}`,
              runId: `${name}-1`,
            }),
          )
          .expect(201);
      }
      return { server, scheduler };
    }

    it('manages schedules, previews plans, runs now and keeps the history', async () => {
      const { server, scheduler } = await startBackend();
      expect(await scheduler.getScheduledTasks()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: PREWARM_DISPATCH_TASK_ID,
            scope: 'global',
          }),
        ]),
      );

      const executors = await request(server)
        .get(`${BASE}/executors`)
        .set('Authorization', asUser)
        .expect(200);
      expect(executors.body).toEqual({
        items: [
          {
            id: 'fake',
            title: 'Fake',
            description: 'In-memory executor for tests',
          },
        ],
      });

      const created = await request(server)
        .post(`${BASE}/schedules`)
        .set('Authorization', asUser)
        .send(input)
        .expect(201);
      const id = created.body.id;
      expect(created.body).toMatchObject({
        ...input,
        paused: false,
        createdBy: 'user:default/mock',
        nextRunAt: expect.any(String),
        lastRun: null,
      });
      expect(
        (
          await request(server)
            .get(`${BASE}/schedules`)
            .set('Authorization', asUser)
            .expect(200)
        ).body.items,
      ).toHaveLength(1);

      const edited = await request(server)
        .put(`${BASE}/schedules/${id}`)
        .set('Authorization', asUser)
        .send({ ...input, name: 'Every night' })
        .expect(200);
      expect(edited.body.name).toBe('Every night');
      expect(
        (
          await request(server)
            .post(`${BASE}/schedules/${id}/pause`)
            .set('Authorization', asUser)
            .expect(200)
        ).body,
      ).toMatchObject({ paused: true, nextRunAt: null });
      expect(
        (
          await request(server)
            .post(`${BASE}/schedules/${id}/resume`)
            .set('Authorization', asUser)
            .expect(200)
        ).body.paused,
      ).toBe(false);

      const plan = await request(server)
        .get(`${BASE}/plan?scheduleId=${id}`)
        .set('Authorization', asUser)
        .expect(200);
      expect(plan.body.groups).toHaveLength(1);
      expect(plan.body.groups[0].entityRefs.sort()).toEqual([
        'component:default/billing',
        'component:default/ledger',
      ]);
      expect(plan.body.deduplicated).toBe(1);
      const scoped = await request(server)
        .get(
          `${BASE}/plan?entityRefs=component:default/search,component:default/billing`,
        )
        .set('Authorization', asUser)
        .expect(200);
      expect(
        scoped.body.groups
          .flatMap((g: { entityRefs: string[] }) => g.entityRefs)
          .sort(),
      ).toEqual(['component:default/billing', 'component:default/search']);

      const started = await request(server)
        .post(`${BASE}/schedules/${id}/run`)
        .set('Authorization', asUser)
        .expect(202);
      expect(started.body).toMatchObject({
        trigger: 'manual',
        triggeredBy: 'user:default/mock',
        scheduleName: 'Every night',
      });
      let run: PrewarmRun = started.body;
      await waitFor(async () => {
        run = (
          await request(server)
            .get(`${BASE}/runs/${started.body.id}`)
            .set('Authorization', asUser)
            .expect(200)
        ).body;
        return run.state === 'succeeded';
      });
      expect(run.jobs).toHaveLength(1);
      expect(run.jobs[0]).toMatchObject({ state: 'succeeded', cacheWrites: 7 });

      const runs = await request(server)
        .get(`${BASE}/runs?scheduleId=${id}&state=succeeded`)
        .set('Authorization', asUser)
        .expect(200);
      expect(runs.body.total).toBe(1);
      expect(
        (
          await request(server)
            .get(`${BASE}/runs?state=failed`)
            .set('Authorization', asUser)
            .expect(200)
        ).body.total,
      ).toBe(0);
      // Cancelling a finished run changes nothing.
      expect(
        (
          await request(server)
            .post(`${BASE}/runs/${run.id}/cancel`)
            .set('Authorization', asUser)
            .expect(200)
        ).body.state,
      ).toBe('succeeded');

      const effect = await request(server)
        .get(`${BASE}/effect?days=7`)
        .set('Authorization', asUser)
        .expect(200);
      expect(effect.body.items).toHaveLength(1);
      expect(effect.body.items[0].lastWarmJob.id).toBe(run.jobs[0].id);

      await request(server)
        .delete(`${BASE}/schedules/${id}`)
        .set('Authorization', asUser)
        .expect(204);
      await request(server)
        .get(`${BASE}/schedules/${id}`)
        .set('Authorization', asUser)
        .expect(404);
      // The history stays.
      expect(
        (
          await request(server)
            .get(`${BASE}/runs/${run.id}`)
            .set('Authorization', asUser)
            .expect(200)
        ).body.scheduleName,
      ).toBe('Every night');
    });

    it('answers 400 naming the field, and 404 for unknown ids', async () => {
      const { server } = await startBackend();
      const badCron = await request(server)
        .post(`${BASE}/schedules`)
        .set('Authorization', asUser)
        .send({ ...input, cron: '0 3 * *' })
        .expect(400);
      expect(badCron.body.error.message).toContain('cron: must have 5 fields');
      const badLimit = await request(server)
        .post(`${BASE}/schedules`)
        .set('Authorization', asUser)
        .send({ ...input, timeLimitMinutes: 9999 })
        .expect(400);
      expect(badLimit.body.error.message).toContain('timeLimitMinutes:');
      const unknownExecutor = await request(server)
        .post(`${BASE}/schedules`)
        .set('Authorization', asUser)
        .send({ ...input, executorId: 'nope' })
        .expect(400);
      expect(unknownExecutor.body.error.message).toContain(
        "executorId: no pre-warm executor 'nope' is registered",
      );
      const badQuery = await request(server)
        .get(`${BASE}/runs?state=done`)
        .set('Authorization', asUser)
        .expect(400);
      expect(badQuery.body.error.message).toContain('state:');
      await request(server)
        .get(`${BASE}/schedules/not-a-uuid`)
        .set('Authorization', asUser)
        .expect(400);
      const missing = '7d9c1b1e-0000-4000-8000-000000000000';
      await request(server)
        .get(`${BASE}/schedules/${missing}`)
        .set('Authorization', asUser)
        .expect(404);
      await request(server)
        .put(`${BASE}/schedules/${missing}`)
        .set('Authorization', asUser)
        .send(input)
        .expect(404);
      await request(server)
        .post(`${BASE}/schedules/${missing}/run`)
        .set('Authorization', asUser)
        .expect(404);
      await request(server)
        .get(`${BASE}/runs/${missing}`)
        .set('Authorization', asUser)
        .expect(404);
      await request(server)
        .post(`${BASE}/runs/${missing}/cancel`)
        .set('Authorization', asUser)
        .expect(404);
      await request(server)
        .get(`${BASE}/plan?scheduleId=${missing}`)
        .set('Authorization', asUser)
        .expect(404);
    });

    it('refuses a schedule that never fires, and lists a stored one that cannot run with its problem', async () => {
      const { server } = await startBackend();
      const countSchedules = async () =>
        Number((await knex('prewarm_schedules').count({ n: '*' }))[0].n);
      const never = await request(server)
        .post(`${BASE}/schedules`)
        .set('Authorization', asUser)
        .send({ ...input, cron: '0 0 31 2 *' })
        .expect(400);
      expect(never.body.error).toMatchObject({
        name: 'InputError',
        message:
          'Invalid pre-warm schedule: cron: never fires: February has no day 31',
      });
      expect(await countSchedules()).toBe(0);

      const created = await request(server)
        .post(`${BASE}/schedules`)
        .set('Authorization', asUser)
        .send(input)
        .expect(201);
      const id = created.body.id;
      const rowBefore = await knex('prewarm_schedules').where({ id }).first();
      const neverEdit = await request(server)
        .put(`${BASE}/schedules/${id}`)
        .set('Authorization', asUser)
        .send({ ...input, cron: '0 0 30 2 *' })
        .expect(400);
      expect(neverEdit.body.error.message).toBe(
        'Invalid pre-warm schedule: cron: never fires: February has no day 30',
      );
      expect(await knex('prewarm_schedules').where({ id }).first()).toEqual(
        rowBefore,
      );

      // What an older version (or an edit in the database) may have stored.
      await knex('prewarm_schedules').where({ id }).update({
        cron: '0 0 31 2 *',
      });
      const list = await request(server)
        .get(`${BASE}/schedules`)
        .set('Authorization', asUser)
        .expect(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({
          id,
          cron: '0 0 31 2 *',
          paused: true,
          nextRunAt: null,
          problem: 'cron: never fires: February has no day 31',
        }),
      ]);
      const one = await request(server)
        .get(`${BASE}/schedules/${id}`)
        .set('Authorization', asUser)
        .expect(200);
      expect(one.body.problem).toBe(
        'cron: never fires: February has no day 31',
      );
      const resume = await request(server)
        .post(`${BASE}/schedules/${id}/resume`)
        .set('Authorization', asUser)
        .expect(409);
      expect(resume.body.error.message).toContain('Edit the schedule first');

      // Editing it fixes it.
      const fixed = await request(server)
        .put(`${BASE}/schedules/${id}`)
        .set('Authorization', asUser)
        .send(input)
        .expect(200);
      expect(fixed.body).toMatchObject({ problem: null, paused: true });
    });

    it('lets readers read and refuses changes without the manage permission', async () => {
      const { server } = await startBackend('read-only');
      await request(server)
        .get(`${BASE}/schedules`)
        .set('Authorization', asUser)
        .expect(200);
      await request(server)
        .get(`${BASE}/effect`)
        .set('Authorization', asUser)
        .expect(200);
      const refused = await request(server)
        .post(`${BASE}/schedules`)
        .set('Authorization', asUser)
        .send(input)
        .expect(403);
      expect(refused.body.error.message).toContain(
        'rust-build-cache.prewarm.manage',
      );
      expect(
        Number((await knex('prewarm_schedules').count({ n: '*' }))[0].n),
      ).toBe(0);
    });

    it('refuses reads without the read permission', async () => {
      const { server } = await startBackend('none');
      await request(server)
        .get(`${BASE}/schedules`)
        .set('Authorization', asUser)
        .expect(403);
      const refused = await request(server)
        .get(`${BASE}/runs`)
        .set('Authorization', asUser)
        .expect(403);
      expect(refused.body.error.message).toContain(
        'rust-build-cache.reports.read',
      );
    });
  },
);
