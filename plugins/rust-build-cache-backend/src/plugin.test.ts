import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  BuildCacheReport,
  combineRunMetrics,
  compareReports,
  computeRunMetrics,
  RunDetail,
  RunPage,
  rustBuildCacheReportIngestPermission,
  TimeSeries,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import request from 'supertest';
import {
  makeReport,
  readExampleReport,
  readExampleReportJson,
} from './__testUtils__/reports';
import { snapshotReportTables } from './__testUtils__/reportTables';
import { captureScheduler } from './__testUtils__/schedulerCapture';
import { createTestDatabases } from './__testUtils__/testDatabases';
import { watchOpenApiContract } from './__testUtils__/openApiWatch';
import { rustBuildCachePlugin } from './plugin';
import { ENTITY_LINKS_TASK_ID } from './catalog';
import { RETENTION_TASK_ID } from './reports';
import { utcDay } from './lib/utcDays';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const BASE = '/api/rust-build-cache';

const platformRepository = {
  host: 'github.com',
  owner: 'acme',
  name: 'platform',
};

const billingEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'billing',
    annotations: {
      'rust-build-cache/workspace': 'services/billing',
      'github.com/project-slug': 'Acme/Platform',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};

const unannotatedEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'frontend' },
  spec: { type: 'website', lifecycle: 'production', owner: 'team-a' },
};

/** A billing CI run that finished `minutesAgo` minutes ago. */
function billingReport(
  runId: string,
  options: { minutesAgo?: number; rustcRelease?: string } = {},
): BuildCacheReport {
  return makeReport({
    repository: platformRepository,
    workspacePath: 'services/billing',
    kind: 'ci',
    runId,
    finishedAt: new Date(
      Date.now() - (options.minutesAgo ?? 1) * 60_000,
    ).toISOString(),
    rustcRelease: options.rustcRelease,
  });
}

type ConfigData = NonNullable<
  Parameters<typeof mockServices.rootConfig.factory>[0]
>['data'];

const asService = mockCredentials.service.header();
const asUser = mockCredentials.user.header();

describe.each(databases.eachSupportedId())(
  'rust-build-cache backend (%s)',
  databaseId => {
    let knex: Knex;

    async function startBackend(
      options: {
        config?: ConfigData;
        permissionResult?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
      } = {},
    ) {
      knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          rustBuildCachePlugin,
          mockServices.rootConfig.factory({ data: options.config ?? {} }),
          mockServices.database.factory({ knex }),
          // As in production: a request without a token is unauthenticated.
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
          // `permissionResult` decides for users. Services are allowed, as Backstage's
          // permission client does for service tokens without permission restrictions.
          mockServices.permissions.mock({
            authorize: async (requests, { credentials }) =>
              requests.map(() => ({
                result:
                  (credentials.principal as { type: string }).type === 'service'
                    ? AuthorizeResult.ALLOW
                    : options.permissionResult ?? AuthorizeResult.ALLOW,
              })),
          }).factory,
          catalogServiceMock.factory({
            entities: [billingEntity, unannotatedEntity],
          }),
        ],
      });
      return watchOpenApiContract(backend.server);
    }

    const storedReports = async () =>
      Number((await knex('reports').count({ n: '*' }))[0].n);

    afterEach(async () => {
      await knex?.destroy();
    });

    it('answers /health without credentials', async () => {
      const server = await startBackend();
      const response = await request(server).get(`${BASE}/health`).expect(200);
      expect(response.body).toEqual({ status: 'ok' });
    });

    describe('POST /reports', () => {
      it('refuses callers without credentials with 401', async () => {
        const server = await startBackend();
        await request(server)
          .post(`${BASE}/reports`)
          .send(billingReport('1'))
          .expect(401);
        expect(await storedReports()).toBe(0);
      });

      it('refuses users with 403: reports come from CI', async () => {
        const server = await startBackend();
        const response = await request(server)
          .post(`${BASE}/reports`)
          .set('Authorization', asUser)
          .send(billingReport('1'))
          .expect(403);
        expect(response.body.error.name).toBe('NotAllowedError');
        expect(await storedReports()).toBe(0);
      });

      it('stores a report once: 201, then 200 with the same id', async () => {
        const server = await startBackend();
        const report = billingReport('1');

        const first = await request(server)
          .post(`${BASE}/reports`)
          .set('Authorization', asService)
          .send(report)
          .expect(201);
        expect(first.body).toEqual({
          id: expect.any(String),
          created: true,
          entityRef: 'component:default/billing',
          entityStatus: 'linked',
        });

        const again = await request(server)
          .post(`${BASE}/reports`)
          .set('Authorization', asService)
          .send(report)
          .expect(200);
        expect(again.body).toEqual({ ...first.body, created: false });
        expect(await storedReports()).toBe(1);
      });

      it('stores the example report exactly as the CLI sends it', async () => {
        const server = await startBackend();
        const response = await request(server)
          .post(`${BASE}/reports`)
          .set('Authorization', asService)
          .set('Content-Type', 'application/json')
          .send(readExampleReportJson())
          .expect(201);
        expect(response.body.created).toBe(true);
      });

      it('refuses an invalid report with 400 naming each bad field, and stores nothing', async () => {
        const server = await startBackend();
        const report = billingReport('1');
        const invalid = {
          ...report,
          kind: 'nightly',
          source: {
            ...report.source,
            ci: { ...report.source.ci, runAttempt: 0 },
          },
        };

        const response = await request(server)
          .post(`${BASE}/reports`)
          .set('Authorization', asService)
          .send(invalid)
          .expect(400);
        expect(response.body.error.name).toBe('InputError');
        expect(response.body.error.message).toContain('kind:');
        expect(response.body.error.message).toContain('source.ci.runAttempt:');
        expect(await storedReports()).toBe(0);
      });

      it('refuses malformed JSON and other content types with 400', async () => {
        const server = await startBackend();
        const malformed = await request(server)
          .post(`${BASE}/reports`)
          .set('Authorization', asService)
          .set('Content-Type', 'application/json')
          .send('{"kind": ')
          .expect(400);
        expect(malformed.body.error).toMatchObject({ name: 'InputError' });
        expect(malformed.body.error.message).toContain('not valid JSON');

        const text = await request(server)
          .post(`${BASE}/reports`)
          .set('Authorization', asService)
          .set('Content-Type', 'text/plain')
          .send(JSON.stringify(billingReport('1')))
          .expect(400);
        expect(text.body.error.message).toContain(
          'Content-Type: application/json',
        );
        expect(await storedReports()).toBe(0);
      });

      it('refuses a report over the configured size with a 413 JSON error, and stores nothing', async () => {
        const body = JSON.stringify(billingReport('1'));
        const server = await startBackend({
          config: {
            rustBuildCache: { ingestion: { maxReportBytes: body.length - 1 } },
          },
        });

        const response = await request(server)
          .post(`${BASE}/reports`)
          .set('Authorization', asService)
          .set('Content-Type', 'application/json')
          .send(body)
          .expect(413);
        expect(response.body.error).toMatchObject({
          name: 'ReportTooLargeError',
          message: expect.stringContaining(
            'rustBuildCache.ingestion.maxReportBytes',
          ),
        });
        expect(await storedReports()).toBe(0);
      });

      it('limits reports to 1 MiB by default', async () => {
        const server = await startBackend();
        const padded = {
          ...billingReport('1'),
          padding: 'x'.repeat(1024 * 1024),
        };
        await request(server)
          .post(`${BASE}/reports`)
          .set('Authorization', asService)
          .send(padded)
          .expect(413);
        expect(await storedReports()).toBe(0);
      });
    });

    describe('reading runs', () => {
      it('serves latest run, time series, run pages, single runs and comparisons of an entity', async () => {
        const server = await startBackend();
        const older = billingReport('100', {
          minutesAgo: 3,
          rustcRelease: '1.94.0',
        });
        const newer = billingReport('101', { minutesAgo: 2 });
        // Checked out elsewhere: the stored reports keep their key inputs for the comparison.
        const keyInputs = (workspaceDir: string) => ({
          workspaceDir: { path: workspaceDir },
          cargoHome: { path: '/home/runner/.cargo' },
          cargoVarValueSha256: { CARGO_INCREMENTAL: 'a'.repeat(64) },
        });
        older.keyInputs = keyInputs('/runner/a/platform/services/billing');
        newer.keyInputs = keyInputs('/runner/b/platform/services/billing');
        const ids: string[] = [];
        for (const report of [older, newer]) {
          const { body } = await request(server)
            .post(`${BASE}/reports`)
            .set('Authorization', asService)
            .send(report)
            .expect(201);
          ids.push(body.id);
        }
        const entityPath = `${BASE}/entities/default/component/billing`;

        const latest = await request(server)
          .get(`${entityPath}/latest`)
          .set('Authorization', asUser)
          .expect(200);
        const run: RunDetail = latest.body.run;
        expect(run).toMatchObject({
          id: ids[1],
          entityRef: 'component:default/billing',
          repository: 'github.com/acme/platform',
          workspacePath: 'services/billing',
          runId: '101',
          report: newer,
          metrics: newer.sccache && computeRunMetrics(newer.sccache),
        });

        const series: TimeSeries = (
          await request(server)
            .get(`${entityPath}/timeseries?days=7`)
            .set('Authorization', asUser)
            .expect(200)
        ).body;
        expect(series.entityRef).toBe('component:default/billing');
        expect(series.to).toBe(utcDay(new Date()));
        const metricsByDay = new Map<
          string,
          ReturnType<typeof computeRunMetrics>[]
        >();
        for (const report of [older, newer]) {
          const day = utcDay(report.source.finishedAt);
          metricsByDay.set(day, [
            ...(metricsByDay.get(day) ?? []),
            computeRunMetrics(report.sccache!),
          ]);
        }
        expect(series.points).toEqual(
          [...metricsByDay].map(([day, metrics]) => ({
            day,
            ...combineRunMetrics(metrics),
            languagesMixed: false,
          })),
        );

        const page: RunPage = (
          await request(server)
            .get(`${entityPath}/runs?limit=1`)
            .set('Authorization', asUser)
            .expect(200)
        ).body;
        expect(page).toMatchObject({ total: 2, limit: 1, offset: 0 });
        expect(page.items.map(item => item.id)).toEqual([ids[1]]);
        expect(page.items[0]).not.toHaveProperty('report');
        const prewarm = await request(server)
          .get(`${entityPath}/runs?kind=prewarm`)
          .set('Authorization', asUser)
          .expect(200);
        expect(prewarm.body).toEqual({
          items: [],
          total: 0,
          limit: 20,
          offset: 0,
        });

        const single = await request(server)
          .get(`${BASE}/runs/${ids[0]}`)
          .set('Authorization', asUser)
          .expect(200);
        expect(single.body).toMatchObject({
          id: ids[0],
          runId: '100',
          entityRef: 'component:default/billing',
          report: older,
        });

        const comparison = await request(server)
          .get(`${BASE}/runs/compare?base=${ids[0]}&head=${ids[1]}`)
          .set('Authorization', asUser)
          .expect(200);
        expect(comparison.body.base).toMatchObject({ id: ids[0] });
        expect(comparison.body.head).toMatchObject({ id: ids[1] });
        expect(comparison.body.base).not.toHaveProperty('report');
        expect(comparison.body.differences).toEqual(
          compareReports(older, newer),
        );
        expect(
          comparison.body.differences.map((d: { key: string }) => d.key),
        ).toContain('keyInputs.workspaceDir');
      });

      it('answers an annotated entity without reports, and an entity without annotations, with empty data', async () => {
        const server = await startBackend();
        for (const name of ['billing', 'frontend']) {
          const path = `${BASE}/entities/default/component/${name}`;
          await request(server)
            .get(`${path}/latest`)
            .set('Authorization', asUser)
            .expect(200, { run: null });
          const series = await request(server)
            .get(`${path}/timeseries`)
            .set('Authorization', asUser)
            .expect(200);
          expect(series.body.points).toEqual([]);
          await request(server)
            .get(`${path}/runs`)
            .set('Authorization', asUser)
            .expect(200, { items: [], total: 0, limit: 20, offset: 0 });
        }
      });

      it('answers 404 for unknown entities and runs, 400 for bad parameters', async () => {
        const server = await startBackend();
        await request(server)
          .get(`${BASE}/entities/default/component/nope/latest`)
          .set('Authorization', asUser)
          .expect(404);
        await request(server)
          .get(`${BASE}/runs/0b6e2a54-4a57-4a0e-8d0b-3f1c2b9d7e11`)
          .set('Authorization', asUser)
          .expect(404);
        const badId = await request(server)
          .get(`${BASE}/runs/not-a-uuid`)
          .set('Authorization', asUser)
          .expect(400);
        expect(badId.body.error.message).toContain('id:');
        for (const days of ['0', '366', 'many']) {
          const response = await request(server)
            .get(
              `${BASE}/entities/default/component/billing/timeseries?days=${days}`,
            )
            .set('Authorization', asUser)
            .expect(400);
          expect(response.body.error.message).toContain('days:');
        }
        await request(server)
          .get(`${BASE}/entities/default/component/billing/runs?limit=101`)
          .set('Authorization', asUser)
          .expect(400);
        await request(server)
          .get(`${BASE}/entities/default/component/billing/runs?kind=nightly`)
          .set('Authorization', asUser)
          .expect(400);
        await request(server)
          .get(`${BASE}/runs/compare?base=x`)
          .set('Authorization', asUser)
          .expect(400);
      });

      it('lists sources with reports and no entity', async () => {
        const server = await startBackend();
        for (const report of [
          billingReport('1'),
          makeReport({
            runId: '2',
            repository: { host: 'github.com', owner: 'acme', name: 'orphan' },
            workspacePath: '.',
          }),
        ]) {
          await request(server)
            .post(`${BASE}/reports`)
            .set('Authorization', asService)
            .send(report)
            .expect(201);
        }

        const { body } = await request(server)
          .get(`${BASE}/unmatched`)
          .set('Authorization', asUser)
          .expect(200);
        expect(body).toEqual({
          items: [
            {
              repository: 'github.com/acme/orphan',
              workspacePath: '.',
              reports: 1,
              lastFinishedAt: new Date(
                readExampleReport().source.finishedAt,
              ).toISOString(),
            },
          ],
        });
      });

      it('refuses every read with 403 when the read permission is denied', async () => {
        const server = await startBackend({
          permissionResult: AuthorizeResult.DENY,
        });
        const { body } = await request(server)
          .post(`${BASE}/reports`)
          .set('Authorization', asService)
          .send(billingReport('1'))
          .expect(201);

        for (const path of [
          '/entities/default/component/billing/latest',
          '/entities/default/component/billing/timeseries',
          '/entities/default/component/billing/runs',
          `/runs/${body.id}`,
          `/runs/compare?base=${body.id}&head=${body.id}`,
          '/unmatched',
        ]) {
          const response = await request(server)
            .get(`${BASE}${path}`)
            .set('Authorization', asUser)
            .expect(403);
          expect(response.body.error.name).toBe('NotAllowedError');
        }
      });
    });
  },
);

describe('rust-build-cache backend tasks', () => {
  it('schedules the entity link refresh and the retention globally, and retention keeps rollups', async () => {
    const knex = await databases.init('SQLITE_3');
    // The plugin's own scheduler (the test backend's mock), caught by a module.
    const capture = captureScheduler();
    const backend = await startTestBackend({
      features: [
        rustBuildCachePlugin,
        capture.feature,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities: [billingEntity] }),
      ],
    });
    const scheduler = capture.scheduler();

    expect(await scheduler.getScheduledTasks()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: ENTITY_LINKS_TASK_ID, scope: 'global' }),
        expect.objectContaining({ id: RETENTION_TASK_ID, scope: 'global' }),
      ]),
    );

    const oldRun = billingReport('old', { minutesAgo: 100 * 24 * 60 });
    await request(backend.server)
      .post(`${BASE}/reports`)
      .set('Authorization', asService)
      .send(oldRun)
      .expect(201);
    await scheduler.triggerTask(RETENTION_TASK_ID);

    const entityPath = `${BASE}/entities/default/component/billing`;
    const runs = await request(backend.server)
      .get(`${entityPath}/runs`)
      .set('Authorization', asUser)
      .expect(200);
    expect(runs.body.total).toBe(0);
    const series = await request(backend.server)
      .get(`${entityPath}/timeseries?days=365`)
      .set('Authorization', asUser)
      .expect(200);
    expect(series.body.points.map((p: { day: string }) => p.day)).toEqual([
      utcDay(oldRun.source.finishedAt),
    ]);
    await knex.destroy();
  });
});

describe.each(databases.eachSupportedId())(
  'rust-build-cache backend with real external access tokens (%s)',
  databaseId => {
    const token = 'ci-token-for-tests-0123456789abcdef';
    const catalogOnlyToken = 'token-for-the-catalog-only-0123456789';
    /** CI's token as app-config.production.yaml has it: the ingest permission, nothing else. */
    const ingestOnlyToken = 'ci-token-restricted-to-ingest-0123456789';

    async function startBackend() {
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          rustBuildCachePlugin,
          authServiceFactory,
          httpAuthServiceFactory,
          // Backstage's permission client: it decides for service tokens by their restrictions.
          permissionsServiceFactory,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities: [billingEntity] }),
          mockServices.rootConfig.factory({
            data: {
              backend: {
                auth: {
                  externalAccess: [
                    {
                      type: 'static',
                      options: { token, subject: 'rust-build-cache-ci' },
                      accessRestrictions: [{ plugin: 'rust-build-cache' }],
                    },
                    {
                      type: 'static',
                      options: { token: ingestOnlyToken, subject: 'ci' },
                      accessRestrictions: [
                        {
                          plugin: 'rust-build-cache',
                          permission: rustBuildCacheReportIngestPermission.name,
                        },
                      ],
                    },
                    {
                      type: 'static',
                      options: {
                        token: catalogOnlyToken,
                        subject: 'catalog-sync',
                      },
                      accessRestrictions: [{ plugin: 'catalog' }],
                    },
                  ],
                },
              },
            },
          }),
        ],
      });
      return {
        server: backend.server,
        knex,
        stop: async () => {
          await backend.stop();
          await knex.destroy();
        },
      };
    }

    it('accepts reports with the configured static token and nothing else', async () => {
      const { server, knex, stop } = await startBackend();
      const report = billingReport('1');

      await request(server).get(`${BASE}/health`).expect(200);
      await request(server).post(`${BASE}/reports`).send(report).expect(401);
      await request(server)
        .post(`${BASE}/reports`)
        .set('Authorization', 'Bearer wrong-token-0123456789')
        .send(report)
        .expect(401);
      await request(server)
        .post(`${BASE}/reports`)
        .set('Authorization', `Bearer ${catalogOnlyToken}`)
        .send(report)
        .expect(403);
      expect(Number((await knex('reports').count({ n: '*' }))[0].n)).toBe(0);

      const { body } = await request(server)
        .post(`${BASE}/reports`)
        .set('Authorization', `Bearer ${token}`)
        .send(report)
        .expect(201);
      expect(body).toMatchObject({
        created: true,
        entityRef: 'component:default/billing',
      });
      await stop();
    });

    it('lets a token restricted to the ingest permission push reports and do nothing else', async () => {
      const { server, knex, stop } = await startBackend();
      const bearer = `Bearer ${ingestOnlyToken}`;
      await request(server)
        .post(`${BASE}/reports`)
        .set('Authorization', bearer)
        .send(billingReport('1'))
        .expect(201);
      const before = await snapshotReportTables(knex);

      const read = await request(server)
        .get(`${BASE}/unmatched`)
        .set('Authorization', bearer)
        .expect(403);
      expect(read.body.error.message).toBe(
        'Missing permission rust-build-cache.reports.read',
      );
      for (const caller of [bearer, `Bearer ${token}`]) {
        const exempt = await request(server)
          .post(`${BASE}/exemptions`)
          .set('Authorization', caller)
          .send({
            entityRef: 'component:default/billing',
            ruleId: 'cargo-incremental-off',
            reason: 'a leaked CI secret',
            expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          })
          .expect(403);
        expect(exempt.body.error.message).toBe(
          'This action is for signed-in users; service tokens may only push reports',
        );
      }
      expect(
        Number((await knex('policy_exemptions').count({ n: '*' }))[0].n),
      ).toBe(0);
      expect(await snapshotReportTables(knex)).toEqual(before);
      await stop();
    });
  },
);
