import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import { FakeUrlReader } from './__testUtils__/fakeUrlReader';
import { startPluginBackend } from './__testUtils__/pluginBackend';
import { recordingAuditor } from './__testUtils__/recordingAuditor';
import { createTestDatabases } from './__testUtils__/testDatabases';
import { executorModule } from './prewarm/__testUtils__/prewarmBackend';
import {
  FakeExecutor,
  realReport,
  reportFor,
  rustEntity,
  waitFor,
} from './prewarm/__testUtils__/prewarmTestKit';

// Every route that changes state, called by a user and by a service token (what CI's
// external-access token arrives as), against the whole plugin on each database.

jest.setTimeout(120_000);

const databases = createTestDatabases();

const BASE = '/api/rust-build-cache';
const asUser = mockCredentials.user.header();
/** An unrestricted service token: the worst case, a CI secret without permission limits. */
const asService = mockCredentials.service.header();

/** The tables that the mutating routes write (derived tables are written in the background). */
const WRITTEN_TABLES = [
  'reports',
  'daily_rollups',
  'policy_exemptions',
  'policy_exemption_audit',
  'prewarm_schedules',
  'prewarm_runs',
  'prewarm_jobs',
  'repository_snapshots',
  'repository_snapshot_changes',
  'entity_pull_status',
  'pull_cursors',
];

async function snapshotTables(knex: Knex): Promise<Record<string, string[]>> {
  const entries = await Promise.all(
    WRITTEN_TABLES.map(async table => {
      const rows: unknown[] = await knex(table).select('*');
      return [table, rows.map(row => JSON.stringify(row)).sort()] as const;
    }),
  );
  return Object.fromEntries(entries);
}

const schedule = {
  name: 'Nightly',
  cron: '0 3 * * *',
  timeZone: 'Europe/Berlin',
  scope: { owners: [], tags: [], entityRefs: ['component:default/billing'] },
  executorId: 'fake',
  concurrency: 1,
  timeLimitMinutes: 30,
};

const exemption = {
  entityRef: 'component:default/billing',
  ruleId: 'cargo-incremental-off',
  reason: 'Migrating off incremental builds',
  expiresAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
};

describe.each(databases.eachSupportedId())(
  'mutating routes (%s)',
  databaseId => {
    let knex: Knex;
    let stop: (() => Promise<void>) | undefined;

    afterEach(async () => {
      await stop?.();
      stop = undefined;
      await knex?.destroy();
    });

    async function startBackend() {
      knex = await databases.init(databaseId);
      // Jobs run until cancelled, so that a running run can be cancelled.
      const executor = new FakeExecutor('fake', 10 * 60_000);
      const reader = new FakeUrlReader();
      reader.files.set('rust-toolchain', '1.95.0\n');
      reader.files.set('Cargo.toml', '[package]\nname = "billing"\n');
      const { auditor, events } = recordingAuditor();
      const { backend, server } = await startPluginBackend({
        knex,
        // Heartbeats would change a running run's row while the test compares tables.
        config: { rustBuildCache: { prewarm: { heartbeatSeconds: 3600 } } },
        entities: [rustEntity('billing', { owner: 'payments' })],
        features: [
          executorModule(executor),
          auditor.factory,
          mockServices.urlReader.mock({
            readUrl: url => reader.readUrl(url),
            readTree: (url, treeOptions) => reader.readTree(url, treeOptions),
          }).factory,
        ],
      });
      stop = () => backend.stop();
      return { server, events };
    }

    const call = (
      server: any,
      method: 'post' | 'put' | 'delete',
      path: string,
      authorization: string,
      body?: object,
    ) => {
      const pending = request(server)
        [method](`${BASE}${path}`)
        .set('Authorization', authorization);
      return body ? pending.send(body) : pending;
    };

    /** A schedule with a run in progress and an active exemption, made by a user. */
    async function seed(server: any) {
      await call(
        server,
        'post',
        '/reports',
        asService,
        reportFor(realReport('billing-api-warm'), {
          repository: 'github.com/acme/billing',
          runId: 'ci-1',
        }),
      ).expect(201);
      const { body: created } = await call(
        server,
        'post',
        '/prewarm/schedules',
        asUser,
        schedule,
      ).expect(201);
      const { body: run } = await call(
        server,
        'post',
        `/prewarm/schedules/${created.id}/run`,
        asUser,
      ).expect(202);
      await waitFor(async () => {
        const { body } = await request(server)
          .get(`${BASE}/prewarm/runs/${run.id}`)
          .set('Authorization', asUser)
          .expect(200);
        return body.state === 'running' && body.jobs[0]?.state === 'running';
      });
      const { body: exempted } = await call(
        server,
        'post',
        '/exemptions',
        asUser,
        exemption,
      ).expect(201);
      return {
        scheduleId: created.id,
        runId: run.id,
        exemptionId: exempted.id,
      };
    }

    it('refuses service tokens on every state-changing route with 403 and changes nothing', async () => {
      const { server } = await startBackend();
      const { scheduleId, runId, exemptionId } = await seed(server);
      const before = await snapshotTables(knex);

      const routes: Array<
        [string, 'post' | 'put' | 'delete', string, object?]
      > = [
        ['exemption create', 'post', '/exemptions', exemption],
        [
          'exemption revoke',
          'post',
          `/exemptions/${exemptionId}/revoke`,
          { reason: 'leaked token' },
        ],
        ['schedule create', 'post', '/prewarm/schedules', schedule],
        [
          'schedule edit',
          'put',
          `/prewarm/schedules/${scheduleId}`,
          { ...schedule, name: 'Hijacked' },
        ],
        ['schedule pause', 'post', `/prewarm/schedules/${scheduleId}/pause`],
        ['schedule resume', 'post', `/prewarm/schedules/${scheduleId}/resume`],
        ['schedule delete', 'delete', `/prewarm/schedules/${scheduleId}`],
        ['run now', 'post', `/prewarm/schedules/${scheduleId}/run`],
        ['run cancel', 'post', `/prewarm/runs/${runId}/cancel`],
        ['refresh', 'post', '/entities/default/component/billing/refresh'],
      ];
      for (const [name, method, path, body] of routes) {
        const response = await call(server, method, path, asService, body);
        expect([name, response.status]).toEqual([name, 403]);
        expect([name, response.body.error.message]).toEqual([
          name,
          'This action is for signed-in users; service tokens may only push reports',
        ]);
      }
      expect(await snapshotTables(knex)).toEqual(before);

      // The same routes do change things for a user: the refusals above were not luck.
      await call(
        server,
        'post',
        '/entities/default/component/billing/refresh',
        asUser,
      ).expect(200);
      await call(
        server,
        'post',
        `/prewarm/runs/${runId}/cancel`,
        asUser,
      ).expect(200);
      expect(await snapshotTables(knex)).not.toEqual(before);
    });

    it('records an audit event for every change, with its outcome', async () => {
      const { server, events } = await startBackend();
      const { scheduleId, runId, exemptionId } = await seed(server);
      await call(server, 'put', `/prewarm/schedules/${scheduleId}`, asUser, {
        ...schedule,
        name: 'Every night',
      }).expect(200);
      await call(
        server,
        'post',
        `/prewarm/schedules/${scheduleId}/pause`,
        asUser,
      ).expect(200);
      await call(
        server,
        'post',
        `/prewarm/schedules/${scheduleId}/resume`,
        asUser,
      ).expect(200);
      await call(
        server,
        'post',
        `/prewarm/runs/${runId}/cancel`,
        asUser,
      ).expect(200);
      await call(
        server,
        'post',
        '/entities/default/component/billing/refresh',
        asUser,
      ).expect(200);
      await call(
        server,
        'post',
        `/exemptions/${exemptionId}/revoke`,
        asUser,
        {},
      ).expect(200);
      // Failures are events too: revoking twice, and a service token trying.
      await call(
        server,
        'post',
        `/exemptions/${exemptionId}/revoke`,
        asUser,
        {},
      ).expect(409);
      await call(
        server,
        'delete',
        `/prewarm/schedules/${scheduleId}`,
        asService,
      ).expect(403);
      await call(
        server,
        'delete',
        `/prewarm/schedules/${scheduleId}`,
        asUser,
      ).expect(204);

      expect(events).toEqual([
        expect.objectContaining({
          eventId: 'report-ingest',
          severityLevel: 'low',
          outcome: 'success',
          successMeta: { runId: expect.any(String), created: true },
        }),
        expect.objectContaining({
          eventId: 'schedule-create',
          severityLevel: 'medium',
          outcome: 'success',
          successMeta: { id: scheduleId },
        }),
        expect.objectContaining({
          eventId: 'schedule-run',
          meta: { id: scheduleId },
          outcome: 'success',
          successMeta: { runId },
        }),
        expect.objectContaining({
          eventId: 'exemption-create',
          outcome: 'success',
          successMeta: {
            id: exemptionId,
            entityRef: 'component:default/billing',
          },
        }),
        expect.objectContaining({
          eventId: 'schedule-update',
          meta: { id: scheduleId },
          outcome: 'success',
        }),
        expect.objectContaining({
          eventId: 'schedule-pause',
          meta: { id: scheduleId },
          outcome: 'success',
        }),
        expect.objectContaining({
          eventId: 'schedule-resume',
          meta: { id: scheduleId },
          outcome: 'success',
        }),
        expect.objectContaining({
          eventId: 'run-cancel',
          meta: { id: runId },
          outcome: 'success',
        }),
        expect.objectContaining({
          eventId: 'entity-refresh',
          meta: { entityRef: 'component:default/billing' },
          outcome: 'success',
        }),
        expect.objectContaining({
          eventId: 'exemption-revoke',
          meta: { id: exemptionId },
          outcome: 'success',
          successMeta: { entityRef: 'component:default/billing' },
        }),
        expect.objectContaining({
          eventId: 'exemption-revoke',
          meta: { id: exemptionId },
          outcome: 'fail',
          error: expect.stringMatching(/^ConflictError: /),
        }),
        expect.objectContaining({
          eventId: 'schedule-delete',
          meta: { id: scheduleId },
          outcome: 'fail',
          error:
            'NotAllowedError: This action is for signed-in users; service tokens may only push reports',
        }),
        expect.objectContaining({
          eventId: 'schedule-delete',
          meta: { id: scheduleId },
          outcome: 'success',
        }),
      ]);
    });
  },
);
