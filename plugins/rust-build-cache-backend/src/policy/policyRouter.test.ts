import { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { annotatedComponent } from '../__testUtils__/entities';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEFAULT_POLICY,
  EntityScorecard,
  ExemptionRecord,
  rustBuildCacheExemptionManagePermission,
  ScorecardSummary,
  ScorecardTrend,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import request from 'supertest';
import { makeReport } from '../__testUtils__/reports';
import { startPluginBackend } from '../__testUtils__/pluginBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { rustBuildCachePlugin } from '../plugin';
import { POLICY_EVALUATION_TASK_ID } from './policyTasks';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const BASE = '/api/rust-build-cache';
const repository = { host: 'github.com', owner: 'acme', name: 'platform' };

function component(name: string, owner: string): Entity {
  return annotatedComponent({
    name,
    workspace: `services/${name}`,
    projectSlug: 'acme/platform',
    spec: { type: 'service', lifecycle: 'production', owner },
  });
}

const billing = component('billing', 'payments');
const ledger = component('ledger', 'payments');
const search = component('search', 'discovery');

/** A CI run of `name` that finished a few minutes ago (the example report's real data). */
function report(name: string, runId: string) {
  return makeReport({
    repository,
    workspacePath: `services/${name}`,
    kind: 'ci',
    runId,
    finishedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  });
}

const asUser = mockCredentials.user.header();
const asService = mockCredentials.service.header();
/** A token of one of this plugin's own backend modules. */
const asOwnModule = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('plugin:rust-build-cache'),
  targetPluginId: 'rust-build-cache',
});
const inDays = (days: number) =>
  new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

type ConfigData = NonNullable<
  Parameters<typeof mockServices.rootConfig.factory>[0]
>['data'];

describe.each(databases.eachSupportedId())(
  'policy scorecards API (%s)',
  databaseId => {
    let knex: Knex;

    afterEach(async () => {
      await knex?.destroy();
    });

    async function startBackend(
      options: {
        config?: ConfigData;
        entities?: Entity[];
        permissions?: BackendFeature;
      } = {},
    ) {
      knex = await databases.init(databaseId);
      const { server, scheduler } = await startPluginBackend({
        knex,
        config: options.config,
        entities: options.entities ?? [billing, ledger, search],
        permissions: options.permissions,
      });
      return { server, scheduler };
    }

    const get = (server: any, path: string) =>
      request(server).get(`${BASE}${path}`).set('Authorization', asUser);

    async function scorecard(server: any, name: string) {
      const { body } = await get(
        server,
        `/entities/default/component/${name}/scorecard`,
      ).expect(200);
      return body.scorecard as EntityScorecard | null;
    }

    /** Ingested reports are evaluated in the background: wait for the expected runs. */
    async function waitForRuns(server: any, name: string, runs: number) {
      for (let i = 0; i < 100; i++) {
        const card = await scorecard(server, name);
        const hitRate = card?.results.find(
          r => r.ruleId === 'effective-hit-rate',
        );
        if (hitRate?.evidence.runIds.length === runs) return card!;
        await new Promise(resolve => setTimeout(resolve, 50));
      }
      throw new Error(`${name} was not evaluated with ${runs} runs`);
    }

    async function push(server: any, name: string, runIds: string[]) {
      for (const runId of runIds) {
        await request(server)
          .post(`${BASE}/reports`)
          .set('Authorization', asService)
          .send(report(name, runId))
          .expect(201);
      }
    }

    it('serves the built-in default policy when none is configured', async () => {
      const { server } = await startBackend();
      const { body } = await get(server, '/policy').expect(200);
      expect(body).toEqual({ policy: DEFAULT_POLICY, source: 'default' });
    });

    it('serves the configured policy with defaults filled in', async () => {
      const { server } = await startBackend({
        config: {
          rustBuildCache: {
            policy: {
              rules: [{ id: 'effective-hit-rate', severity: 'warning' }],
              levels: [
                { id: 'gold', title: 'Gold', rules: ['effective-hit-rate'] },
              ],
            },
          },
        },
      });
      const { body } = await get(server, '/policy').expect(200);
      expect(body.source).toBe('config');
      expect(body.policy.rules).toEqual([
        {
          id: 'effective-hit-rate',
          severity: 'warning',
          params: { threshold: 0.8, runs: 10, minRuns: 3 },
        },
      ]);
    });

    it('evaluates entities on ingest, and serves summary, table, CSV and trend', async () => {
      const { server } = await startBackend();
      // The full evaluation ran at start (the test scheduler runs tasks then): no reports.
      const before = await scorecard(server, 'billing');
      expect(
        before?.results.find(r => r.ruleId === 'reports-fresh')?.result,
      ).toBe('warn');
      expect(before?.level).toBeNull();

      await push(server, 'billing', ['1', '2', '3']);
      await push(server, 'ledger', ['11']);
      const card = await waitForRuns(server, 'billing', 3);
      await waitForRuns(server, 'ledger', 1);

      const outcome = (id: string) => card.results.find(r => r.ruleId === id)!;
      expect(card.entityRef).toBe('component:default/billing');
      expect(card.owner).toBe('group:default/payments');
      expect(outcome('reports-fresh').result).toBe('pass');
      expect(outcome('cargo-incremental-off')).toMatchObject({
        result: 'fail',
        severity: 'error',
        title: 'Incremental compilation off in CI',
        remediation: expect.stringContaining('CARGO_INCREMENTAL=0'),
      });
      expect(outcome('effective-hit-rate').evidence).toEqual({
        numbers: expect.objectContaining({ runs: 3, threshold: 0.8 }),
        runIds: ['3', '2', '1'],
      });
      expect(card.level).toBe('bronze');
      expect(card.nextLevel).toEqual({
        id: 'silver',
        blockingRuleIds: ['cargo-incremental-off'],
      });

      const summary: ScorecardSummary = (
        await get(server, '/scorecards/summary').expect(200)
      ).body;
      expect(summary).toMatchObject({
        entities: 3,
        // search has no report: nothing fails (insufficient data), so it is compliant.
        compliant: 1,
        compliance: 1 / 3,
        levels: [
          { levelId: 'bronze', title: 'Bronze', entities: 2, share: 2 / 3 },
          { levelId: 'silver', title: 'Silver', entities: 0, share: 0 },
          { levelId: 'gold', title: 'Gold', entities: 0, share: 0 },
        ],
      });
      expect(summary.owners.map(o => [o.owner, o.entities])).toEqual([
        ['group:default/discovery', 1],
        ['group:default/payments', 2],
      ]);
      const incremental = summary.rules.find(
        r => r.ruleId === 'cargo-incremental-off',
      );
      expect(incremental).toMatchObject({ failed: 2, insufficientData: 1 });

      const page = await get(
        server,
        '/scorecards/entities?owner=group:default/payments&limit=1',
      ).expect(200);
      expect(page.body.total).toBe(2);
      expect(page.body.items).toEqual([
        expect.objectContaining({
          entityRef: 'component:default/billing',
          level: 'bronze',
          outcomes: expect.objectContaining({
            'cargo-incremental-off': 'fail',
          }),
        }),
      ]);
      const none = await get(server, '/scorecards/entities?level=none');
      expect(none.body.items.map((i: any) => i.entityRef)).toEqual([
        'component:default/search',
      ]);
      const failingFresh = await get(
        server,
        '/scorecards/entities?ruleId=reports-fresh&result=warn',
      );
      expect(failingFresh.body.total).toBe(1);
      await get(server, '/scorecards/entities?result=maybe').expect(400);

      const csv = await get(
        server,
        '/scorecards/entities.csv?owner=group:default/payments',
      ).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const lines = csv.text.trim().split('\r\n');
      expect(lines[0]).toMatch(
        /^entity_ref,owner,level,compliant,passed,failed,warned,exempt,not_applicable,insufficient_data,evaluated_at,reports-fresh,/,
      );
      expect(lines.slice(1).map(l => l.split(',')[0])).toEqual([
        'component:default/billing',
        'component:default/ledger',
      ]);

      const trend = await get(server, '/scorecards/trend?days=90').expect(200);
      expect(trend.body).toEqual({
        days: 90,
        points: [
          expect.objectContaining({
            day: new Date().toISOString().slice(0, 10),
            entities: 3,
            compliant: 1,
          }),
        ],
      });
    });

    it('applies exemptions until revoked or expired, and audits every change', async () => {
      const { server, scheduler } = await startBackend();
      await push(server, 'billing', ['1', '2', '3']);
      await waitForRuns(server, 'billing', 3);

      const create = (body: object) =>
        request(server)
          .post(`${BASE}/exemptions`)
          .set('Authorization', asUser)
          .send(body);
      const valid = {
        entityRef: 'Component:default/Billing',
        ruleId: 'cargo-incremental-off',
        reason: 'Incremental stays on until the new runners land',
        expiresAt: inDays(30),
      };

      for (const [body, message] of [
        [{ ...valid, expiresAt: undefined }, /expiresAt/],
        [{ ...valid, expiresAt: 'next week' }, /expiresAt/],
        [
          { ...valid, expiresAt: inDays(-1) },
          /expiresAt: must be in the future/,
        ],
        [
          { ...valid, expiresAt: inDays(400) },
          /expiresAt: must be at most 365 days/,
        ],
        [{ ...valid, reason: '  ' }, /reason: must not be empty/],
        [
          { ...valid, ruleId: 'toolchain-near-baseline' },
          /ruleId: .* not one of the configured rules/,
        ],
        [
          { ...valid, entityRef: 'component:default/unknown' },
          /entityRef: .* not in the catalog/,
        ],
        [{ ...valid, entityRef: 'not a ref:' }, /entityRef/],
      ] as const) {
        const response = await create(body).expect(400);
        expect(response.body.error.message).toMatch(message);
      }

      const created = await create(valid).expect(201);
      const exemption: ExemptionRecord = created.body;
      expect(exemption).toMatchObject({
        entityRef: 'component:default/billing',
        ruleId: 'cargo-incremental-off',
        author: 'user:default/mock',
        state: 'active',
        revokedAt: null,
      });

      // Re-evaluated right away: exempt, so billing reaches silver.
      let card = await scorecard(server, 'billing');
      let incremental = card!.results.find(
        r => r.ruleId === 'cargo-incremental-off',
      )!;
      expect(incremental.result).toBe('exempt');
      expect(incremental.summary).toContain('user:default/mock');
      expect(card!.level).toBe('silver');

      const listed = await get(
        server,
        '/exemptions?entityRef=component:default/billing&state=active',
      ).expect(200);
      expect(listed.body.items.map((e: ExemptionRecord) => e.id)).toEqual([
        exemption.id,
      ]);

      const revoked = await request(server)
        .post(`${BASE}/exemptions/${exemption.id}/revoke`)
        .set('Authorization', mockCredentials.user.header('user:default/bob'))
        .send({ reason: 'runners landed' })
        .expect(200);
      expect(revoked.body).toMatchObject({
        state: 'revoked',
        revokedBy: 'user:default/bob',
      });
      card = await scorecard(server, 'billing');
      incremental = card!.results.find(
        r => r.ruleId === 'cargo-incremental-off',
      )!;
      expect(incremental.result).toBe('fail');
      expect(card!.level).toBe('bronze');

      await request(server)
        .post(`${BASE}/exemptions/${exemption.id}/revoke`)
        .set('Authorization', asUser)
        .send({})
        .expect(409);
      await request(server)
        .post(`${BASE}/exemptions/6f0a1c2e-8b1d-4c55-9a43-1f7b5f2b9eff/revoke`)
        .set('Authorization', asUser)
        .send({})
        .expect(404);

      const audit = await get(
        server,
        '/exemptions/audit?entityRef=component:default/billing',
      ).expect(200);
      expect(audit.body.total).toBe(2);
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          exemptionId: exemption.id,
          action: 'revoked',
          actor: 'user:default/bob',
          details: { reason: 'runners landed' },
        }),
        expect.objectContaining({
          exemptionId: exemption.id,
          action: 'created',
          actor: 'user:default/mock',
          details: { reason: valid.reason, expiresAt: exemption.expiresAt },
        }),
      ]);

      // An exemption that expires stops applying by itself at the next evaluation.
      const second: ExemptionRecord = (await create(valid).expect(201)).body;
      expect(
        (await scorecard(server, 'billing'))!.results.find(
          r => r.ruleId === 'cargo-incremental-off',
        )!.result,
      ).toBe('exempt');
      await knex('policy_exemptions')
        .where('id', second.id)
        .update({ expires_at: new Date(Date.now() - 1000) });
      await scheduler.triggerTask(POLICY_EVALUATION_TASK_ID);
      expect(
        (await scorecard(server, 'billing'))!.results.find(
          r => r.ruleId === 'cargo-incremental-off',
        )!.result,
      ).toBe('fail');
      const expired = await get(server, '/exemptions?state=expired');
      expect(expired.body.items).toEqual([
        expect.objectContaining({ id: second.id, state: 'expired' }),
      ]);
    });

    it('backfills the past days of the trend from the reports each day had', async () => {
      const { server } = await startBackend();
      const daysAgo = (days: number) =>
        new Date(Date.now() - days * 86_400_000);
      const pushAt = async (name: string, runId: string, days: number) =>
        request(server)
          .post(`${BASE}/reports`)
          .set('Authorization', asService)
          .send(
            makeReport({
              repository,
              workspacePath: `services/${name}`,
              kind: 'ci',
              runId,
              finishedAt: daysAgo(days).toISOString(),
            }),
          )
          .expect(201);
      await pushAt('billing', 'b3', 3);
      await pushAt('billing', 'b1', 1);
      await pushAt('ledger', 'l1', 1);
      await waitForRuns(server, 'ledger', 1);

      // Neither signed-in users nor other services (a CI token) may start it: only this
      // plugin's own modules, such as the demo's seeding module.
      await request(server)
        .post(`${BASE}/scorecards/trend/backfill?days=5`)
        .set('Authorization', asUser)
        .expect(403);
      const ci = await request(server)
        .post(`${BASE}/scorecards/trend/backfill?days=5`)
        .set('Authorization', asService)
        .expect(403);
      expect(ci.body.error.message).toContain('external:test-service');
      await request(server)
        .post(`${BASE}/scorecards/trend/backfill?days=400`)
        .set('Authorization', asOwnModule)
        .expect(400);
      const { body } = await request(server)
        .post(`${BASE}/scorecards/trend/backfill?days=5`)
        .set('Authorization', asOwnModule)
        .expect(200);
      // Three days ago and two days ago: billing only; yesterday: billing and ledger.
      expect(body).toEqual({ days: 5, entities: 3, snapshots: 1 + 1 + 2 });

      const trend = (await get(server, '/scorecards/trend?days=5').expect(200))
        .body as ScorecardTrend;
      const day = (days: number) => daysAgo(days).toISOString().slice(0, 10);
      expect(trend.points.map(point => [point.day, point.entities])).toEqual([
        [day(3), 1],
        [day(2), 1],
        [day(1), 2],
        // Today's snapshot is the ordinary evaluation's, of every annotated entity.
        [day(0), 3],
      ]);

      // Days that have their snapshots keep them.
      const again = await request(server)
        .post(`${BASE}/scorecards/trend/backfill?days=5`)
        .set('Authorization', asOwnModule)
        .expect(200);
      expect(again.body.snapshots).toBe(0);
    });

    it('drops the results of entities that left the catalog at the full evaluation', async () => {
      const { server, scheduler } = await startBackend({ entities: [billing] });
      expect(await scorecard(server, 'billing')).not.toBeNull();
      // A stale result, e.g. of an entity deleted since the last evaluation.
      await knex('policy_results').insert({
        entity_ref: 'component:default/gone',
        owner: null,
        level: null,
        passed: 0,
        failed: 0,
        warned: 0,
        exempt: 0,
        not_applicable: 0,
        insufficient_data: 0,
        outcomes_json: '{}',
        evaluated_at: new Date(),
      });
      await knex('policy_result_details').insert({
        entity_ref: 'component:default/gone',
        next_level_json: null,
        results_json: '[]',
      });
      expect(await scorecard(server, 'gone')).not.toBeNull();
      await scheduler.triggerTask(POLICY_EVALUATION_TASK_ID);
      expect(await scorecard(server, 'gone')).toBeNull();
      expect(await scorecard(server, 'billing')).not.toBeNull();
    });

    it('refuses reads and exemption changes without the permissions', async () => {
      const { server } = await startBackend({
        permissions: mockServices.permissions.factory({
          result: AuthorizeResult.DENY,
        }),
      });
      for (const path of [
        '/policy',
        '/scorecards/summary',
        '/scorecards/entities',
        '/scorecards/entities.csv',
        '/scorecards/trend',
        '/entities/default/component/billing/scorecard',
        '/exemptions',
        '/exemptions/audit',
      ]) {
        const response = await get(server, path);
        expect([path, response.status]).toEqual([path, 403]);
      }
      const post = await request(server)
        .post(`${BASE}/exemptions`)
        .set('Authorization', asUser)
        .send({
          entityRef: 'component:default/billing',
          ruleId: 'cargo-incremental-off',
          reason: 'r',
          expiresAt: inDays(3),
        });
      expect(post.status).toBe(403);
      expect(
        Number((await knex('policy_exemptions').count({ n: '*' }))[0].n),
      ).toBe(0);
    });

    it('lets readers read but not manage exemptions', async () => {
      const manager = 'user:default/platform-lead';
      // Only the manager holds the manage permission; everyone may read.
      const permissions = mockServices.permissions.mock({
        authorize: async (requests, { credentials }) =>
          requests.map(r => ({
            result:
              r.permission.name !==
                rustBuildCacheExemptionManagePermission.name ||
              (credentials.principal as { userEntityRef?: string })
                .userEntityRef === manager
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          })),
      });
      const { server } = await startBackend({
        permissions: permissions.factory,
      });
      const exemption = {
        entityRef: 'component:default/billing',
        ruleId: 'cargo-incremental-off',
        reason: 'r',
        expiresAt: inDays(3),
      };
      const { body: created } = await request(server)
        .post(`${BASE}/exemptions`)
        .set('Authorization', mockCredentials.user.header(manager))
        .send(exemption)
        .expect(201);

      await get(server, '/exemptions').expect(200);
      await request(server)
        .post(`${BASE}/exemptions`)
        .set('Authorization', asUser)
        .send(exemption)
        .expect(403);
      await request(server)
        .post(`${BASE}/exemptions/${created.id}/revoke`)
        .set('Authorization', asUser)
        .send({})
        .expect(403);
      const [{ n }] = await knex('policy_exemption_audit').count({ n: '*' });
      expect(Number(n)).toBe(1);
      expect(
        (await get(server, `/exemptions?state=active`).expect(200)).body.items,
      ).toEqual([expect.objectContaining({ id: created.id })]);
    });
  },
);

describe('policy configuration', () => {
  it('stops the backend at start when the policy is invalid, naming the key', async () => {
    const knex = await databases.init('SQLITE_3');
    await expect(
      startTestBackend({
        features: [
          rustBuildCachePlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities: [] }),
          mockServices.rootConfig.factory({
            data: {
              rustBuildCache: {
                policy: {
                  rules: [
                    { id: 'cargo-incremental-off', severity: 'fatal' },
                    {
                      id: 'effective-hit-rate',
                      severity: 'error',
                      params: { threshold: 80 },
                    },
                  ],
                  levels: [],
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      /rustBuildCache\.policy\.rules\[0\]\.severity: must be 'error' or 'warning'\nrustBuildCache\.policy\.rules\[1\]\.params\.threshold: must be between 0 and 1/,
    );
    await knex.destroy();
  });
});
