import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootConfigServiceFactory } from '@backstage/backend-defaults/rootConfig';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import rustBuildCachePlugin from '@rust-build-cache/plugin-rust-build-cache-backend';
import rustBuildCacheModuleLocalPrewarm from '@rust-build-cache/plugin-rust-build-cache-backend-module-local-prewarm';
import type {
  EntityScorecard,
  PolicyResponse,
  ScorecardSummary,
  ScorecardTrend,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import request from 'supertest';
import demoDataModule from './demoDataModule';
import { buildDemoReports } from './demoReports';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

type Entity = NonNullable<
  NonNullable<Parameters<typeof catalogServiceMock>[0]>['entities']
>[number];

/** The demo services of examples/entities.yaml (the catalog the demo backend loads). */
function demoService(
  name: string,
  slug: string,
  workspace: string,
  spec: { lifecycle: string; owner: string },
  tags: string[],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      tags,
      annotations: {
        'github.com/project-slug': slug,
        'rust-build-cache/workspace': workspace,
      },
    },
    spec: { type: 'service', ...spec },
  };
}

const entities = [
  demoService(
    'billing-api',
    'acme-demo/billing-api',
    '.',
    { lifecycle: 'production', owner: 'payments' },
    ['rust', 'http'],
  ),
  demoService(
    'ledger-worker',
    'acme-demo/ledger-worker',
    '.',
    { lifecycle: 'production', owner: 'payments' },
    ['rust', 'worker'],
  ),
  demoService(
    'search-indexer',
    'acme-demo/search-indexer',
    '.',
    { lifecycle: 'experimental', owner: 'search' },
    ['rust', 'batch'],
  ),
  demoService(
    'edge-gateway',
    'acme-demo/platform-monorepo',
    'services/gateway',
    { lifecycle: 'production', owner: 'platform' },
    ['rust', 'http'],
  ),
  demoService(
    'rate-limiter',
    'acme-demo/platform-monorepo',
    'services/limiter',
    { lifecycle: 'production', owner: 'platform' },
    ['rust'],
  ),
];

const BASE = '/api/rust-build-cache';
const asUser = mockCredentials.user.header();

/** The demo backend as app-config.yaml configures it, over the demo catalog. */
async function startDemoBackend() {
  const appConfig = join(__dirname, '..', '..', '..', '..', 'app-config.yaml');
  // Without the pre-warm runs (real builds; demoPrewarm.test.ts covers them).
  const noPrewarmRuns = join(
    await mkdtemp(join(tmpdir(), 'rbc-demo-policy-')),
    'no-prewarm-runs.yaml',
  );
  await writeFile(
    noPrewarmRuns,
    'rustBuildCache:\n  demoData:\n    prewarmRuns: false\n',
  );
  const { server } = await startTestBackend({
    features: [
      rustBuildCachePlugin,
      // app-config.yaml enables the demo's local pre-warm executor, as the demo backend adds it.
      rustBuildCacheModuleLocalPrewarm,
      demoDataModule,
      // The real app-config.yaml: its policy, demo data on, snapshots off.
      rootConfigServiceFactory({
        argv: [
          'node',
          'backend',
          '--config',
          appConfig,
          '--config',
          noPrewarmRuns,
        ],
        watch: false,
      }),
      // In memory, not the file database that app-config.yaml names.
      mockServices.database.factory({
        knex: await databases.init('SQLITE_3'),
      }),
      catalogServiceMock.factory({ entities }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
    ],
  });
  return server;
}

describe('the demo policy of app-config.yaml', () => {
  it('evaluates the seeded demo services to a mix of results', async () => {
    const server = await startDemoBackend();
    const policy: PolicyResponse = (
      await request(server)
        .get(`${BASE}/policy`)
        .set('Authorization', asUser)
        .expect(200)
    ).body;
    expect(policy.source).toBe('config');

    // Seeding and the evaluation of each stored report run in the background: wait until
    // every service has been evaluated with its latest demo run.
    const latestRun = new Map<string, string>();
    for (const report of buildDemoReports(new Date())) {
      latestRun.set(
        report.source.repository.name + report.source.workspacePath,
        report.source.ci.runId,
      );
    }
    const cards = new Map<string, EntityScorecard>();
    for (
      let attempt = 0;
      attempt < 200 && cards.size < entities.length;
      attempt++
    ) {
      for (const entity of entities) {
        const { body } = await request(server)
          .get(
            `${BASE}/entities/default/component/${entity.metadata.name}/scorecard`,
          )
          .set('Authorization', asUser)
          .expect(200);
        const card: EntityScorecard | null = body.scorecard;
        const annotations = entity.metadata.annotations!;
        const key =
          annotations['github.com/project-slug'].split('/')[1] +
          annotations['rust-build-cache/workspace'];
        const fresh = card?.results.find(r => r.ruleId === 'reports-fresh');
        if (fresh?.evidence.runIds[0] === latestRun.get(key)) {
          cards.set(entity.metadata.name, card!);
        }
      }
      if (cards.size < entities.length) {
        await new Promise(resolve => setTimeout(resolve, 250));
      }
    }
    expect([...cards.keys()].sort()).toEqual(
      entities.map(e => e.metadata.name).sort(),
    );

    // eslint-disable-next-line no-console
    console.log(
      [...cards.values()]
        .map(
          card =>
            `${card.entityRef}: ${card.level ?? 'none'} — ${card.results
              .filter(r => r.result !== 'pass')
              .map(r => `${r.ruleId}=${r.result}`)
              .join(', ')}`,
        )
        .join('\n'),
    );
    const outcomes = new Set(
      [...cards.values()].flatMap(card => card.results.map(r => r.result)),
    );
    // A mix: rules pass, fail and warn across the demo services.
    for (const outcome of ['pass', 'fail', 'warn']) {
      expect(outcomes.has(outcome as never)).toBe(true);
    }
    const levels = [...cards.values()].map(card => card.level);
    // Not all services reach the same level.
    expect(new Set(levels).size).toBeGreaterThan(1);

    const summary: ScorecardSummary = (
      await request(server)
        .get(`${BASE}/scorecards/summary`)
        .set('Authorization', asUser)
        .expect(200)
    ).body;
    expect(summary.entities).toBe(entities.length);
    expect(summary.compliant).toBeGreaterThan(0);
    expect(summary.compliant).toBeLessThan(entities.length);
  });
  it('backfills the 90-day trend from the seeded history at seed time', async () => {
    const server = await startDemoBackend();
    const reports = buildDemoReports(new Date());
    const today = new Date().toISOString().slice(0, 10);
    // Independently of the evaluator: the services with a demo report by the end of each
    // past day (a service counts from its first report on).
    const firstReportDay = new Map<string, string>();
    for (const report of reports) {
      const key = report.source.repository.name + report.source.workspacePath;
      const day = report.source.finishedAt.slice(0, 10);
      if (!firstReportDay.has(key) || day < firstReportDay.get(key)!) {
        firstReportDay.set(key, day);
      }
    }
    const firstDays = entities.map(entity => {
      const annotations = entity.metadata.annotations!;
      return firstReportDay.get(
        annotations['github.com/project-slug'].split('/')[1] +
          annotations['rust-build-cache/workspace'],
      )!;
    });
    const expectedEntities = (day: string) =>
      firstDays.filter(first => first <= day).length;
    const earliest = [...firstDays].sort()[0];
    const pastDays = (Date.parse(today) - Date.parse(earliest)) / 86_400_000;

    let trend: ScorecardTrend = { days: 90, points: [] };
    for (let attempt = 0; attempt < 200; attempt++) {
      trend = (
        await request(server)
          .get(`${BASE}/scorecards/trend?days=90`)
          .set('Authorization', asUser)
          .expect(200)
      ).body;
      const past = trend.points.filter(p => p.day < today);
      // Backfilled day by day, oldest first: done when yesterday is there.
      if (past.length === pastDays) break;
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    const past = trend.points.filter(point => point.day < today);
    // One point per day from the first seeded report to yesterday.
    expect(past[0]?.day).toBe(earliest);
    expect(past.length).toBe(pastDays);
    for (const point of past) {
      expect({ day: point.day, entities: point.entities }).toEqual({
        day: point.day,
        entities: expectedEntities(point.day),
      });
    }
    // The history is evaluated, not copied: compliance moves with it.
    const compliances = new Set(past.map(point => point.compliance));
    expect(compliances.size).toBeGreaterThan(1);

    // Recomputing adds nothing: every past day has its snapshots.
    const again = await request(server)
      .post(`${BASE}/scorecards/trend/backfill?days=90`)
      // As the demo module calls it: with this plugin's own service identity.
      .set(
        'Authorization',
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('plugin:rust-build-cache'),
          targetPluginId: 'rust-build-cache',
        }),
      )
      .expect(200);
    expect(again.body).toEqual({
      days: 90,
      entities: entities.length,
      snapshots: 0,
    });
  });
});
