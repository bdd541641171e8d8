import {
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  BuildCacheReport,
  DEFAULT_POLICY,
  evaluatePolicy,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import request from 'supertest';
import { annotatedComponent } from '../__testUtils__/entities';
import { startPluginBackend } from '../__testUtils__/pluginBackend';
import { makeReport, readSccacheFixture } from '../__testUtils__/reports';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { executorModule } from '../prewarm/__testUtils__/prewarmBackend';
import { FakeExecutor } from '../prewarm/__testUtils__/prewarmTestKit';

// The plugin's actions through the real actions registry (backend-defaults), over its HTTP
// endpoints, as the MCP actions backend and `backstage-cli actions` call them.

jest.setTimeout(120_000);

const ACTIONS = '/api/rust-build-cache/.backstage/actions/v1/actions';
const invoke = (name: string) => `${ACTIONS}/rust-build-cache:${name}/invoke`;

const alice = mockCredentials.user.header('user:default/alice'); // everything
const carol = mockCredentials.user.header('user:default/carol'); // read only
const bob = mockCredentials.user.header('user:default/bob'); // nothing
const service = mockCredentials.service.header(); // everything, but a service

/** Permissions per caller, as an adopter's policy would grant them. */
const permissionsByCaller = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: (): PermissionsService => {
    const allowed = (who: string | undefined, permission: string) =>
      who === 'user:default/alice' ||
      who === 'service' ||
      (who === 'user:default/carol' &&
        permission === 'rust-build-cache.reports.read');
    return {
      async authorize(requests, { credentials }) {
        const principal = credentials.principal as {
          type: string;
          userEntityRef?: string;
        };
        const who =
          principal.type === 'user' ? principal.userEntityRef : principal.type;
        return requests.map(r => ({
          result: allowed(who, r.permission.name)
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
        }));
      },
      async authorizeConditional(requests) {
        return requests.map(() => ({ result: AuthorizeResult.DENY }));
      },
    };
  },
});

const ENTITY_REF = 'component:default/tinyproj';
const entity = annotatedComponent({
  name: 'tinyproj',
  workspace: '.',
  repository: 'github.com/example-org/tinyproj',
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/platform',
  },
});

/** A warm run on rustc 1.95.0, then a cold one after an upgrade to 1.96.0. */
function runs(): BuildCacheReport[] {
  return [
    makeReport({
      runId: '1',
      finishedAt: '2026-11-26T10:00:00Z',
      sccache: readSccacheFixture('sccache-0.4.0-serde-dbg-2'),
    }),
    makeReport({
      runId: '2',
      finishedAt: '2026-11-27T10:00:00Z',
      sccache: readSccacheFixture('sccache-0.4.0-serde-dbg-1'),
      rustcRelease: '1.96.0',
    }),
  ];
}

describe('rust-build-cache actions', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'are listed and answer through the actions registry, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { backend, server } = await startPluginBackend({
        knex,
        entities: [entity],
        permissions: permissionsByCaller,
        features: [
          actionsRegistryServiceFactory,
          executorModule(new FakeExecutor()),
        ],
      });
      try {
        for (const report of runs()) {
          await request(server)
            .post('/api/rust-build-cache/reports')
            .set('Authorization', service)
            .send(report)
            .expect(201);
        }

        const listed = await request(server)
          .get(ACTIONS)
          .set('Authorization', alice)
          .expect(200);
        expect(
          listed.body.actions.map((a: { name: string }) => a.name).sort(),
        ).toEqual([
          'check-build-cache-report',
          'explain-build-cache-misses',
          'get-build-cache-health',
          'list-services-failing-rule',
          'run-prewarm-schedule',
        ]);

        // Health: the latest CI run (the cold one) with its per-language numbers.
        const health = await request(server)
          .post(invoke('get-build-cache-health'))
          .set('Authorization', carol)
          .send({ entityRef: 'tinyproj' })
          .expect(200);
        const latest = health.body.output.latestRun;
        expect(health.body.output.entityRef).toBe(ENTITY_REF);
        expect(latest.finishedAt).toBe('2026-11-27T10:00:00.000Z');
        expect(latest.metrics.misses).toBeGreaterThan(0);
        expect(latest.metrics.languages[0].language).toBe('Rust');
        expect(health.body.output.freshness.latestRunAgeHours).toBeGreaterThan(
          0,
        );

        // Explain: latest run against the warm one found by itself; rustc changed.
        const explained = await request(server)
          .post(invoke('explain-build-cache-misses'))
          .set('Authorization', carol)
          .send({ entityRef: ENTITY_REF })
          .expect(200);
        const { base, head, keyChanges } = explained.body.output;
        expect(base.finishedAt).toBe('2026-11-26T10:00:00.000Z');
        expect(head.id).toBe(latest.id);
        expect(base.effectiveHitRate).toBeGreaterThanOrEqual(0.8);
        const rustc = keyChanges.find(
          (c: { key: string }) => c.key === 'toolchain.rustc',
        );
        expect(rustc).toMatchObject({
          base: expect.stringContaining('1.95.0'),
        });
        expect(rustc.head).toContain('1.96.0');
        expect(rustc.fix).toContain('rust-toolchain.toml');

        // A run id of another entity (here: none) is refused with what is wrong.
        const wrongRun = await request(server)
          .post(invoke('explain-build-cache-misses'))
          .set('Authorization', carol)
          .send({
            entityRef: ENTITY_REF,
            baseRunId: '00000000-0000-4000-8000-000000000000',
          })
          .expect(404);
        expect(wrongRun.body.error.message).toContain('not found');

        // Check a report: the same evaluation as `rust-build-cache check`.
        const checked = await request(server)
          .post(invoke('check-build-cache-report'))
          .set('Authorization', carol)
          .send({ report: runs()[1] })
          .expect(200);
        // No policy configured: the built-in one, as `check` without --policy uses it.
        const expected = evaluatePolicy({
          policy: DEFAULT_POLICY,
          input: {
            entity: { kind: 'Component', tags: [] },
            reports: [runs()[1]],
            now: new Date(),
          },
        });
        expect(checked.body.output.level).toBe(expected.level);
        expect(
          checked.body.output.results.map(
            (r: { ruleId: string; result: string }) => [r.ruleId, r.result],
          ),
        ).toEqual(expected.results.map(r => [r.ruleId, r.result]));
        expect(checked.body.output.failed).toBeGreaterThan(0);
        const invalid = await request(server)
          .post(invoke('check-build-cache-report'))
          .set('Authorization', carol)
          .send({ report: { schemaVersion: 1 } })
          .expect(400);
        expect(invalid.body.error.message).toContain(
          'not a valid build-cache report',
        );

        // Failing rule: whichever rule the stored scorecard fails, once it is scored.
        const failing = await waitForFailingRule(server);
        const page = await request(server)
          .post(invoke('list-services-failing-rule'))
          .set('Authorization', carol)
          .send({ ruleId: failing.ruleId, owner: 'platform' })
          .expect(200);
        expect(page.body.output.total).toBe(1);
        expect(page.body.output.items[0]).toMatchObject({
          entityRef: ENTITY_REF,
          result: { ruleId: failing.ruleId, result: failing.result },
        });
        const otherOwner = await request(server)
          .post(invoke('list-services-failing-rule'))
          .set('Authorization', carol)
          .send({ ruleId: failing.ruleId, owner: 'group:default/nobody' })
          .expect(200);
        expect(otherOwner.body.output).toMatchObject({ total: 0, items: [] });

        // Refusals: no read permission; unknown entity; service and read-only user on
        // run-prewarm-schedule. Alice passes the checks and learns the schedule is unknown.
        for (const name of [
          'get-build-cache-health',
          'explain-build-cache-misses',
        ]) {
          const refused = await request(server)
            .post(invoke(name))
            .set('Authorization', bob)
            .send({ entityRef: ENTITY_REF })
            .expect(403);
          expect(refused.body.error.message).toBe(
            'Missing permission rust-build-cache.reports.read',
          );
        }
        await request(server)
          .post(invoke('list-services-failing-rule'))
          .set('Authorization', bob)
          .send({ ruleId: failing.ruleId })
          .expect(403);
        await request(server)
          .post(invoke('check-build-cache-report'))
          .set('Authorization', bob)
          .send({ report: runs()[1] })
          .expect(403);
        const unknown = await request(server)
          .post(invoke('get-build-cache-health'))
          .set('Authorization', carol)
          .send({ entityRef: 'component:default/nope' })
          .expect(404);
        expect(unknown.body.error.message).toContain(
          'No catalog entity component:default/nope',
        );
        const badRef = await request(server)
          .post(invoke('get-build-cache-health'))
          .set('Authorization', carol)
          .send({ entityRef: 'component:default/' })
          .expect(400);
        expect(badRef.body.error.message).toContain('is not an entity ref');

        const byService = await request(server)
          .post(invoke('run-prewarm-schedule'))
          .set('Authorization', service)
          .send({ scheduleId: 'nightly' })
          .expect(403);
        expect(byService.body.error.message).toBe(
          'run-prewarm-schedule is for signed-in users only; a service token cannot call it',
        );
        const byReader = await request(server)
          .post(invoke('run-prewarm-schedule'))
          .set('Authorization', carol)
          .send({ scheduleId: 'nightly' })
          .expect(403);
        expect(byReader.body.error.message).toBe(
          'Missing permission rust-build-cache.prewarm.manage',
        );
        const unknownSchedule = await request(server)
          .post(invoke('run-prewarm-schedule'))
          .set('Authorization', alice)
          .send({ scheduleId: 'nightly' })
          .expect(404);
        expect(unknownSchedule.body.error.message).toContain('nightly');

        // A pre-warm manager starts a run: the same "run now" as the Pre-warm page.
        const schedule = await request(server)
          .post('/api/rust-build-cache/prewarm/schedules')
          .set('Authorization', alice)
          .send({
            name: 'Nightly',
            cron: '0 3 * * *',
            timeZone: 'UTC',
            scope: { owners: [], tags: [], entityRefs: [ENTITY_REF] },
            executorId: 'fake',
            concurrency: 1,
            timeLimitMinutes: 30,
          })
          .expect(201);
        const started = await request(server)
          .post(invoke('run-prewarm-schedule'))
          .set('Authorization', alice)
          .send({ scheduleId: schedule.body.id })
          .expect(200);
        expect(started.body.output).toMatchObject({
          scheduleId: schedule.body.id,
          scheduleName: 'Nightly',
          triggeredBy: 'user:default/alice',
        });
        const stored = await request(server)
          .get(
            `/api/rust-build-cache/prewarm/runs/${started.body.output.runId}`,
          )
          .set('Authorization', alice)
          .expect(200);
        expect(stored.body).toMatchObject({
          trigger: 'manual',
          triggeredBy: 'user:default/alice',
        });
      } finally {
        await backend.stop();
      }
    },
  );
});

async function waitForFailingRule(
  server: Parameters<typeof request>[0],
): Promise<{ ruleId: string; result: string }> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await request(server)
      .get(
        '/api/rust-build-cache/entities/default/component/tinyproj/scorecard',
      )
      .set('Authorization', alice)
      .expect(200);
    const failing = res.body.scorecard?.results.find(
      (r: { result: string }) => r.result === 'fail' || r.result === 'warn',
    );
    if (failing) return failing;
    if (Date.now() > deadline) {
      throw new Error(
        `no failing rule in ${JSON.stringify(res.body.scorecard)}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}
