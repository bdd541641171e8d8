import { AddressInfo } from 'node:net';
import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import rustBuildCachePlugin from '@rust-build-cache/plugin-rust-build-cache-backend';
import type { RunPage } from '@rust-build-cache/plugin-rust-build-cache-common';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import request from 'supertest';
import demoDataModule from './demoData/demoDataModule';
import { buildDemoReports } from './demoData/demoReports';

// The demo backend's MCP server (the MCP actions backend on the real actions registry and
// actions service) spoken to with the official MCP client SDK over its Streamable HTTP
// transport, on the demo data: what an AI assistant connected to Backstage sees.

jest.setTimeout(180_000);

const rateLimiter = {
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
};

const TOOLS = [
  'rust-build-cache.check-build-cache-report',
  'rust-build-cache.explain-build-cache-misses',
  'rust-build-cache.get-build-cache-health',
  'rust-build-cache.list-services-failing-rule',
  'rust-build-cache.run-prewarm-schedule',
];

async function connect(baseUrl: string, authorization: string) {
  const client = new Client({
    name: 'rust-build-cache-test',
    version: '1.0.0',
  });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`${baseUrl}/api/mcp-actions/v1`),
      {
        requestInit: { headers: { Authorization: authorization } },
      },
    ),
  );
  return client;
}

/** The parsed JSON of a tool result's text content. */
function outputOf(result: Awaited<ReturnType<Client['callTool']>>) {
  const [content] = result.content as Array<{ type: string; text: string }>;
  return JSON.parse(content.text);
}

describe('the MCP server of the demo backend', () => {
  it('lists the rust-build-cache tools and answers them', async () => {
    const backend = await startTestBackend({
      features: [
        rustBuildCachePlugin,
        demoDataModule,
        mcpActionsPlugin,
        actionsRegistryServiceFactory,
        actionsServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: { actions: { pluginSources: ['rust-build-cache'] } },
            rustBuildCache: { demoData: { enabled: true } },
          },
        }),
        catalogServiceMock.factory({ entities: [rateLimiter] }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    const baseUrl = `http://localhost:${port}`;
    const user = mockCredentials.user.header('user:default/alice');
    const clients: Client[] = [];
    try {
      // The demo data is seeded in the background after start: wait for the day with
      // the RUSTFLAGS change, the run an assistant would be asked about.
      const yesterday = new Date(Date.now() - 86_400_000)
        .toISOString()
        .slice(0, 10);
      const changedRunId = await waitForRun(
        backend.server,
        user,
        `demo-rate-limiter-${yesterday}-1`,
      );

      const client = await connect(baseUrl, user);
      clients.push(client);
      const { tools } = await client.listTools();
      expect(tools.map(tool => tool.name).sort()).toEqual(TOOLS);
      const health = tools.find(
        tool => tool.name === 'rust-build-cache.get-build-cache-health',
      );
      expect(health?.inputSchema.required).toEqual(['entityRef']);

      const healthResult = await client.callTool({
        name: 'rust-build-cache.get-build-cache-health',
        arguments: { entityRef: 'component:default/rate-limiter' },
      });
      expect(healthResult.isError).toBeFalsy();
      const healthOutput = outputOf(healthResult);
      expect(healthOutput.entityRef).toBe('component:default/rate-limiter');
      expect(healthOutput.latestRun.metrics.effectiveHitRate).toBeGreaterThan(
        0.5,
      );

      const explained = await client.callTool({
        name: 'rust-build-cache.explain-build-cache-misses',
        arguments: {
          entityRef: 'component:default/rate-limiter',
          headRunId: changedRunId,
        },
      });
      expect(explained.isError).toBeFalsy();
      const explanation = outputOf(explained);
      expect(explanation.head.id).toBe(changedRunId);
      expect(
        explanation.keyChanges.map((c: { key: string }) => c.key),
      ).toContain('build.env.rustflags');

      // A service token reaches the MCP server, but may not start pre-warm runs.
      const serviceClient = await connect(
        baseUrl,
        mockCredentials.service.header(),
      );
      clients.push(serviceClient);
      const refused = await serviceClient.callTool({
        name: 'rust-build-cache.run-prewarm-schedule',
        arguments: { scheduleId: 'nightly' },
      });
      expect(refused.isError).toBe(true);
      expect(JSON.stringify(refused.content)).toContain(
        'run-prewarm-schedule is for signed-in users only',
      );
    } finally {
      await Promise.all(clients.map(client => client.close()));
      await backend.stop();
    }
  });
});

async function waitForRun(
  server: Parameters<typeof request>[0],
  authorization: string,
  ciRunId: string,
): Promise<string> {
  const deadline = Date.now() + 120_000;
  // All of rate-limiter's demo runs up to now: before 09:00 UTC today's are still ahead.
  const seeded = buildDemoReports(new Date()).filter(report =>
    report.source.ci.runId.startsWith('demo-rate-limiter-'),
  ).length;
  for (;;) {
    const res = await request(server)
      .get(
        '/api/rust-build-cache/entities/default/component/rate-limiter/runs?limit=4&kind=ci',
      )
      .set('Authorization', authorization)
      .expect(200);
    const run = (res.body as RunPage).items.find(
      item => item.runId === ciRunId,
    );
    if (run && (res.body as RunPage).total >= seeded) return run.id;
    if (Date.now() > deadline) {
      throw new Error(`demo run ${ciRunId} was not seeded`);
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}
