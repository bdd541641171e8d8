import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  annotatedComponent,
  createRouteTestBed,
  createTestDatabases,
  TRIGGERED_ONLY_SCHEDULE,
} from '@rust-build-cache/plugin-rust-build-cache-node/testUtils';
import request from 'supertest';
import {
  compileGithubValidators,
  FakeGithub,
} from '../__testUtils__/fakeGithub';
import {
  PULL_TASK_ID,
  startPluginBackend,
} from '../__testUtils__/pluginBackend';
import { reportOf } from '../__testUtils__/reports';
import { writeZip } from '../__testUtils__/zipWriter';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const BASE = '/api/rust-build-cache';
const asUser = mockCredentials.user.header();
const repository = { host: 'github.test', owner: 'acme', name: 'platform' };
const entity = annotatedComponent({
  name: 'platform',
  workspace: '.',
  repository: 'github.test/acme/platform',
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
});
const entityPath = `${BASE}/entities/default/component/platform`;

describe.each(databases.eachSupportedId())(
  'pull routes and task (%s)',
  databaseId => {
    beforeAll(() => compileGithubValidators(), 600_000);

    const bed = createRouteTestBed({
      databases,
      databaseId,
      startBackend: startPluginBackend,
    });
    let github: FakeGithub;

    beforeEach(async () => {
      github = new FakeGithub(repository.owner, repository.name);
      await github.start();
      github.runs.push({
        id: 7,
        createdAt: new Date(Date.now() - 60_000)
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z'),
        zip: writeZip([
          {
            name: 'report.json',
            data: Buffer.from(JSON.stringify(reportOf(repository, '7'))),
          },
        ]),
      });
    });

    afterEach(async () => {
      await github.stop();
      // Not expect(): jest allows none outside tests; a throw here fails the test too.
      if (github.schemaViolations.length > 0) {
        throw new Error(
          `The fake served responses that GitHub's OpenAPI description forbids:\n${github.schemaViolations.join(
            '\n',
          )}`,
        );
      }
    });

    function startBackend(
      options: {
        permissionResult?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
      } = {},
    ) {
      return bed.start({
        config: {
          integrations: {
            github: [
              {
                host: 'github.test',
                apiBaseUrl: github.apiBaseUrl,
                token: 'test-token',
              },
            ],
          },
          rustBuildCache: {
            pull: {
              githubActions: { enabled: true },
              schedule: TRIGGERED_ONLY_SCHEDULE,
            },
          },
        },
        entities: [entity],
        permissions: options.permissionResult,
      });
    }

    it('pulls an entity on refresh and reports its pull status', async () => {
      const { server } = await startBackend();
      const sources = await request(server)
        .get(`${entityPath}/refresh-sources`)
        .set('Authorization', asUser)
        .expect(200);
      expect(sources.body).toEqual({
        pullProvider: 'github-actions',
        repositorySnapshot: true,
      });
      const before = await request(server)
        .get(`${entityPath}/pull-status`)
        .set('Authorization', asUser)
        .expect(200);
      expect(before.body).toEqual({ status: null });

      const refreshed = await request(server)
        .post(`${entityPath}/refresh`)
        .set('Authorization', asUser)
        .expect(200);
      expect(refreshed.body.status).toEqual({
        entityRef: 'component:default/platform',
        providerId: 'github-actions',
        lastPulledAt: expect.any(String),
        lastSuccessAt: refreshed.body.status.lastPulledAt,
        lastIngested: 1,
        lastError: null,
        rateLimitedUntil: null,
      });

      const status = await request(server)
        .get(`${entityPath}/pull-status`)
        .set('Authorization', asUser)
        .expect(200);
      expect(status.body).toEqual({ status: refreshed.body.status });
      const runs = await request(server)
        .get(`${entityPath}/runs`)
        .set('Authorization', asUser)
        .expect(200);
      expect(runs.body.total).toBe(1);
    });

    it('refuses a refresh with 403 without the refresh permission', async () => {
      const denied = await startBackend({
        permissionResult: AuthorizeResult.DENY,
      });
      await request(denied.server)
        .post(`${entityPath}/refresh`)
        .set('Authorization', asUser)
        .expect(403);
      expect(github.requests).toHaveLength(0);
    });

    it('answers 404 for an unknown entity', async () => {
      const { server } = await startBackend();
      await request(server)
        .get(`${BASE}/entities/default/component/nope/refresh-sources`)
        .set('Authorization', asUser)
        .expect(404);
      const response = await request(server)
        .post(`${BASE}/entities/default/component/nope/refresh`)
        .set('Authorization', asUser);
      expect(response.status).toBe(404);
      expect(response.body.error.name).toBe('NotFoundError');
    });

    it('schedules the pull globally and pulls when triggered', async () => {
      const { server, scheduler } = await startBackend();
      expect(await scheduler.getScheduledTasks()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: PULL_TASK_ID, scope: 'global' }),
        ]),
      );
      await scheduler.triggerTask(PULL_TASK_ID);
      const { body } = await request(server)
        .get(`${entityPath}/pull-status`)
        .set('Authorization', asUser)
        .expect(200);
      expect(body.status).toMatchObject({ lastIngested: 1, lastError: null });
    });
  },
);
