import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader, type JsonObject } from '@backstage/config';
import type { PrewarmSchedule } from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import request from 'supertest';
import { startPluginBackend } from '../__testUtils__/pluginBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  CONFIG_SCHEDULE_CREATOR,
  readConfiguredSchedules,
} from './configuredSchedules';
import { executorModule } from './__testUtils__/prewarmBackend';
import { FakeExecutor } from './__testUtils__/prewarmTestKit';

jest.setTimeout(60_000);

const BASE = '/api/rust-build-cache';
const asUser = mockCredentials.user.header();

function schedulesConfig(schedules: JsonObject[]) {
  return new ConfigReader({ rustBuildCache: { prewarm: { schedules } } });
}

describe('readConfiguredSchedules', () => {
  it('reads schedules with defaults for what may be left out', () => {
    expect(
      readConfiguredSchedules(
        schedulesConfig([
          {
            name: 'Nightly',
            cron: '0 3 * * 1-5',
            scope: { entityRefs: ['Component:default/Billing-API'] },
            executorId: 'local',
          },
        ]),
      ),
    ).toEqual([
      {
        name: 'Nightly',
        cron: '0 3 * * 1-5',
        timeZone: 'UTC',
        scope: {
          owners: [],
          tags: [],
          entityRefs: ['component:default/billing-api'],
        },
        executorId: 'local',
        concurrency: 1,
        timeLimitMinutes: 60,
      },
    ]);
    expect(readConfiguredSchedules(new ConfigReader({}))).toEqual([]);
  });

  it('names the config key of a bad field', () => {
    expect(() =>
      readConfiguredSchedules(
        schedulesConfig([
          { name: 'Nightly', cron: '0 3 * * *', executorId: 'local' },
          { name: 'Broken', cron: '0 3 * *', executorId: 'local' },
        ]),
      ),
    ).toThrow(
      /^Invalid config rustBuildCache\.prewarm\.schedules\[1\]: rustBuildCache\.prewarm\.schedules\[1\]\.cron: /,
    );
    expect(() =>
      readConfiguredSchedules(
        schedulesConfig([{ name: 'Nightly', cron: '0 3 * * *' }]),
      ),
    ).toThrow(/schedules\[0\]\.executorId: /);
  });

  it('refuses two schedules of one name, since names identify them', () => {
    const nightly = { name: 'Nightly', cron: '0 3 * * *', executorId: 'x' };
    expect(() =>
      readConfiguredSchedules(schedulesConfig([nightly, nightly])),
    ).toThrow(
      "Invalid config rustBuildCache.prewarm.schedules[1].name: 'Nightly' is declared twice; schedules are matched by name",
    );
  });
});

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'schedules from config (%s)',
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

    const configured = {
      name: 'Nightly warm-up',
      cron: '0 3 * * 1-5',
      scope: { tags: ['rust'] },
      executorId: 'fake',
      timeLimitMinutes: 15,
    };

    async function start(schedules: JsonObject[]) {
      const { backend, server } = await startPluginBackend({
        knex,
        features: [executorModule(new FakeExecutor())],
        config: { rustBuildCache: { prewarm: { schedules } } },
      });
      stop = () => backend.stop();
      return server;
    }

    async function listSchedules(
      server: Awaited<ReturnType<typeof start>>,
    ): Promise<PrewarmSchedule[]> {
      return (
        await request(server)
          .get(`${BASE}/prewarm/schedules`)
          .set('Authorization', asUser)
          .expect(200)
      ).body.items;
    }

    it('creates a missing one at start and keeps an existing one as edited', async () => {
      let server = await start([configured]);
      const [created] = await listSchedules(server);
      expect(created).toMatchObject({
        name: 'Nightly warm-up',
        cron: '0 3 * * 1-5',
        timeZone: 'UTC',
        scope: { owners: [], tags: ['rust'], entityRefs: [] },
        executorId: 'fake',
        concurrency: 1,
        timeLimitMinutes: 15,
        paused: false,
        createdBy: CONFIG_SCHEDULE_CREATOR,
      });

      // A user edits it; the next start finds it by name and leaves it alone.
      await request(server)
        .put(`${BASE}/prewarm/schedules/${created.id}`)
        .set('Authorization', asUser)
        .send({ ...created, cron: '0 4 * * *' })
        .expect(200);
      await stop!();
      server = await start([configured]);
      expect(await listSchedules(server)).toMatchObject([
        { id: created.id, cron: '0 4 * * *' },
      ]);
    });

    it('fails the start for an executor that no module added, naming the key', async () => {
      await expect(
        start([{ ...configured, executorId: 'nowhere' }]),
      ).rejects.toThrow(
        /Cannot create pre-warm schedule 'Nightly warm-up' of rustBuildCache\.prewarm\.schedules\[0\]: .*nowhere/,
      );
      stop = undefined;
    });
  },
);
