import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import rustBuildCachePlugin from '@rust-build-cache/plugin-rust-build-cache-backend';
import type { RunPage } from '@rust-build-cache/plugin-rust-build-cache-common';
import request from 'supertest';
import demoDataModule from './demoDataModule';
import { buildDemoReports } from './demoReports';

jest.setTimeout(60_000);

const billingApi = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'billing-api',
    annotations: {
      'github.com/project-slug': 'acme-demo/billing-api',
      'rust-build-cache/workspace': '.',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
};

async function startBackend(demoDataEnabled: boolean) {
  const { server } = await startTestBackend({
    features: [
      rustBuildCachePlugin,
      demoDataModule,
      mockServices.rootConfig.factory({
        data: { rustBuildCache: { demoData: { enabled: demoDataEnabled } } },
      }),
      catalogServiceMock.factory({ entities: [billingApi] }),
    ],
  });
  return server;
}

async function billingRuns(server: Awaited<ReturnType<typeof startBackend>>) {
  const response = await request(server)
    .get(
      '/api/rust-build-cache/entities/default/component/billing-api/runs?limit=1',
    )
    .set('Authorization', mockCredentials.user.header())
    .expect(200);
  return response.body as RunPage;
}

describe('demo data module', () => {
  it('seeds the demo history through POST /reports when enabled', async () => {
    const expected = buildDemoReports(new Date()).filter(
      r => r.source.repository.name === 'billing-api',
    ).length;
    const server = await startBackend(true);

    // Seeding runs in the background after start: wait for it.
    let page = await billingRuns(server);
    for (let i = 0; i < 100 && page.total < expected; i++) {
      await new Promise(resolve => setTimeout(resolve, 200));
      page = await billingRuns(server);
    }
    expect(page.total).toBe(expected);
    expect(page.items[0].job).toBe('demo-data');
    expect(page.items[0].metrics?.hits).toBeGreaterThan(0);
  });

  it('seeds nothing when disabled', async () => {
    const server = await startBackend(false);
    await new Promise(resolve => setTimeout(resolve, 1000));
    expect((await billingRuns(server)).total).toBe(0);
  });
});
