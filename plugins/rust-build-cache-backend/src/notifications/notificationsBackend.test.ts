import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import signalsPlugin from '@backstage/plugin-signals-backend';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { watchOpenApiContract } from '../__testUtils__/openApiWatch';
import { annotatedComponent } from '../__testUtils__/entities';
import { makeReport, readSccacheFixture } from '../__testUtils__/reports';
import { TestConfigData } from '../__testUtils__/pluginBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { rustBuildCachePlugin } from '../plugin';

// The plugin and the REAL notifications backend (with signals) in one test backend: an
// ingested sequence of CI runs that regresses must reach the owner's notifications once.

jest.setTimeout(120_000);

const ENTITIES: Entity[] = [
  {
    ...annotatedComponent({
      name: 'billing',
      workspace: '.',
      repository: 'github.com/acme/billing',
      spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
    }),
    relations: [{ type: 'ownedBy', targetRef: 'group:default/payments' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments' },
    spec: { type: 'team', children: [] },
    relations: [{ type: 'hasMember', targetRef: 'user:default/alice' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'alice' },
    spec: { memberOf: ['payments'] },
    relations: [{ type: 'memberOf', targetRef: 'group:default/payments' }],
  },
];

// Real sccache 0.4.0 output of one crate graph: warm (every Rust compile a hit), cold (none).
const WARM = readSccacheFixture('sccache-0.4.0-serde-dbg-2');
const COLD = readSccacheFixture('sccache-0.4.0-serde-dbg-1');

/** CI reports of github.com/acme/billing, one a minute, in the order given. */
function ciRuns(stats: Array<typeof WARM>) {
  return stats.map((sccache, index) =>
    makeReport({
      kind: 'ci',
      repository: { host: 'github.com', owner: 'acme', name: 'billing' },
      workspacePath: '.',
      runId: `run-${index + 1}`,
      finishedAt: new Date(Date.UTC(2026, 11, 6, 9, index)).toISOString(),
      sccache,
    }),
  );
}

/** Each plugin on its own database, as in a deployment (both run knex migrations). */
function databasePerPlugin(knexByPlugin: Record<string, Knex>) {
  return createServiceFactory({
    service: coreServices.database,
    deps: { pluginMetadata: coreServices.pluginMetadata },
    factory: ({ pluginMetadata }) => {
      const knex = knexByPlugin[pluginMetadata.getId()];
      if (!knex)
        throw new Error(`No test database for ${pluginMetadata.getId()}`);
      return mockServices.database({ knex });
    },
  });
}

async function startBackend(
  knexByPlugin: Record<string, Knex>,
  notifications: TestConfigData = { hitRateRegression: { enabled: true } },
) {
  const backend = await startTestBackend({
    features: [
      rustBuildCachePlugin,
      notificationsPlugin,
      signalsPlugin,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          rustBuildCache: { notifications },
        },
      }),
      databasePerPlugin(knexByPlugin),
      mockServices.permissions.factory(),
      catalogServiceMock.factory({ entities: ENTITIES }),
      // A scheduler per backend: the default is shared by every test backend.
      mockServices.scheduler.factory(),
    ],
  });
  watchOpenApiContract(backend.server);
  return backend;
}

async function ingest(server: request.SuperTestStatic | any, report: unknown) {
  const response = await request(server)
    .post('/api/rust-build-cache/reports')
    .set('Authorization', mockCredentials.service.header())
    .send(report as object);
  expect([200, 201]).toContain(response.status);
  return response.body;
}

async function notificationsOf(server: any, userRef: string) {
  const response = await request(server)
    .get('/api/notifications/notifications')
    .set('Authorization', mockCredentials.user.header(userRef))
    .expect(200);
  return response.body.notifications as Array<{
    user: string;
    origin: string;
    payload: Record<string, string>;
  }>;
}

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'hit-rate regression notifications through the notifications backend (%s)',
  databaseId => {
    const knexes: Knex[] = [];
    const stops: Array<() => Promise<void>> = [];

    afterEach(async () => {
      for (const stop of stops.splice(0)) await stop();
      for (const knex of knexes.splice(0)) await knex.destroy();
    });

    async function freshDatabases() {
      const knexByPlugin = {
        'rust-build-cache': await databases.init(databaseId),
        notifications: await databases.init(databaseId),
      };
      knexes.push(...Object.values(knexByPlugin));
      return knexByPlugin;
    }

    it('sends the owner exactly one notification, linking the comparison of the last good and the first bad run', async () => {
      const backend = await startBackend(await freshDatabases());
      stops.push(() => backend.stop());

      // Four good runs, then bad ones: with the window sum, the 3 runs ending with the
      // second bad run (33%) are below 80% while the 3 before them (100%) were not.
      const sequence = ciRuns([WARM, WARM, WARM, WARM, COLD, COLD, COLD, COLD]);
      const ids: string[] = [];
      for (const report of sequence.slice(0, 5)) {
        ids.push((await ingest(backend.server, report)).id);
        expect(
          await notificationsOf(backend.server, 'user:default/alice'),
        ).toEqual([]);
      }
      const completing = await ingest(backend.server, sequence[5]);
      expect(completing.entityRef).toBe('component:default/billing');
      expect(
        await notificationsOf(backend.server, 'user:default/alice'),
      ).toHaveLength(1);
      // More bad runs the same day (each regressed against the 3 before it), and a
      // retried upload: still one.
      await ingest(backend.server, sequence[6]);
      await ingest(backend.server, sequence[7]);
      await ingest(backend.server, sequence[7]);

      const received = await notificationsOf(
        backend.server,
        'user:default/alice',
      );
      expect(received).toHaveLength(1);
      const [notification] = received;
      expect(notification.origin).toBe('plugin:rust-build-cache');
      expect(notification.payload).toMatchObject({
        topic: 'Build cache: hit-rate regression',
        severity: 'high',
        title: 'Build cache hit rate of billing fell below 80%',
        // base = the last good run (run-4), head = the first bad run (run-5).
        link: `/catalog/default/component/billing/build-cache?compareBase=${ids[3]}&compareHead=${ids[4]}`,
      });
      expect(notification.payload.description).toContain(
        'It started with run run-5',
      );
      expect(notification.payload.description).toContain(
        'the last good run, run run-4',
      );
      // Nobody outside the owning group hears of it.
      expect(await notificationsOf(backend.server, 'user:default/bob')).toEqual(
        [],
      );
    });

    it('sends nothing when the kind is off (the default)', async () => {
      const backend = await startBackend(await freshDatabases(), {});
      stops.push(() => backend.stop());
      for (const report of ciRuns([WARM, WARM, WARM, COLD, COLD, COLD])) {
        await ingest(backend.server, report);
      }
      expect(
        await notificationsOf(backend.server, 'user:default/alice'),
      ).toEqual([]);
    });

    it('sends at most one a day for an entity, even when it regresses twice', async () => {
      const backend = await startBackend(await freshDatabases(), {
        hitRateRegression: { enabled: true, runs: 1 },
      });
      stops.push(() => backend.stop());
      for (const report of ciRuns([WARM, COLD, WARM, COLD])) {
        await ingest(backend.server, report);
      }
      expect(
        await notificationsOf(backend.server, 'user:default/alice'),
      ).toHaveLength(1);
    });

    // Replicas share a server: PostgreSQL only (in-memory SQLite is one process's).
    if (databaseId.startsWith('POSTGRES')) {
      it('two replicas on one PostgreSQL send one notification for the same sequence', async () => {
        const knexA = await freshDatabases();
        // The second replica: its own pools, the same two databases.
        const knexB = Object.fromEntries(
          Object.entries(knexA).map(([id, knex]) => [
            id,
            knexFactory(knex.client.config),
          ]),
        );
        knexes.push(...Object.values(knexB));
        const a = await startBackend(knexA);
        stops.push(() => a.stop());
        const b = await startBackend(knexB);
        stops.push(() => b.stop());

        // Every upload reaches both replicas at once (a retrying uploader behind a load
        // balancer), so each replica may store a report and check the window.
        for (const report of ciRuns([
          WARM,
          WARM,
          WARM,
          COLD,
          COLD,
          COLD,
          COLD,
        ])) {
          await Promise.all([
            ingest(a.server, report),
            ingest(b.server, report),
          ]);
        }

        const fromA = await notificationsOf(a.server, 'user:default/alice');
        const fromB = await notificationsOf(b.server, 'user:default/alice');
        expect(fromA).toHaveLength(1);
        expect(fromB).toEqual(fromA);
        expect(fromA[0].payload.description).toContain(
          'It started with run run-4',
        );
      });
    }
  },
);
