import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import signalsPlugin from '@backstage/plugin-signals-backend';
import rustBuildCachePlugin from '@rust-build-cache/plugin-rust-build-cache-backend';
import request from 'supertest';
import demoDataModule from './demoDataModule';
import { buildDemoReports } from './demoReports';

jest.setTimeout(120_000);

// The demo's promise: after start, the bell of a platform member holds the regression in
// the demo history (rate-limiter's RUSTFLAGS change yesterday).

const ENTITIES = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'rate-limiter',
      annotations: {
        'github.com/project-slug': 'acme-demo/platform-monorepo',
        'rust-build-cache/workspace': 'services/limiter',
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'platform' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/platform' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'platform' },
    spec: { type: 'team', children: [] },
    relations: [{ type: 'hasMember', targetRef: 'user:default/guest' }],
  },
];

it('the demo history leaves the regression of rate-limiter in the bell of its owners', async () => {
  const { server } = await startTestBackend({
    features: [
      rustBuildCachePlugin,
      demoDataModule,
      notificationsPlugin,
      signalsPlugin,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          rustBuildCache: {
            demoData: { enabled: true },
            notifications: { hitRateRegression: { enabled: true } },
          },
        },
      }),
      catalogServiceMock.factory({ entities: ENTITIES }),
    ],
  });
  const expectedRuns = buildDemoReports(new Date()).filter(
    r => r.source.workspacePath === 'services/limiter',
  ).length;
  const runsOf = async () =>
    (
      await request(server)
        .get(
          '/api/rust-build-cache/entities/default/component/rate-limiter/runs?limit=1',
        )
        .set('Authorization', mockCredentials.user.header())
        .expect(200)
    ).body.total as number;
  // Seeding runs in the background after start: wait for it.
  for (let i = 0; i < 200 && (await runsOf()) < expectedRuns; i++) {
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  expect(await runsOf()).toBe(expectedRuns);

  const { body } = await request(server)
    .get('/api/notifications/notifications')
    .set('Authorization', mockCredentials.user.header('user:default/guest'))
    .expect(200);
  const yesterday = new Date(Date.now() - 24 * 3_600_000)
    .toISOString()
    .slice(0, 10);
  expect(body.notifications).toHaveLength(1);
  expect(body.notifications[0].payload).toMatchObject({
    title: 'Build cache hit rate of rate-limiter fell below 80%',
    topic: 'Build cache: hit-rate regression',
    link: expect.stringMatching(
      /^\/catalog\/default\/component\/rate-limiter\/build-cache\?compareBase=[0-9a-f-]+&compareHead=[0-9a-f-]+$/,
    ),
  });
  expect(body.notifications[0].payload.description).toContain(
    `It started with run demo-rate-limiter-${yesterday}-1`,
  );
});
