import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  annotatedComponent,
  createRouteTestBed,
} from '@rust-build-cache/plugin-rust-build-cache-node/testUtils';
import request from 'supertest';
import { FakeUrlReader } from '../__testUtils__/fakeUrlReader';
import { startPluginBackend } from '../__testUtils__/pluginBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { SNAPSHOT_TASK_ID } from '.';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const asUser = mockCredentials.user.header();
const entity = annotatedComponent({
  name: 'platform',
  workspace: '.',
  projectSlug: 'acme/platform',
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
});
const entityPath = '/api/rust-build-cache/entities/default/component/platform';

describe.each(databases.eachSupportedId())(
  'snapshot routes and task (%s)',
  databaseId => {
    const bed = createRouteTestBed({
      databases,
      databaseId,
      startBackend: startPluginBackend,
    });
    let reader: FakeUrlReader;

    beforeEach(() => {
      reader = new FakeUrlReader();
      reader.files.set('rust-toolchain', '1.95.0\n');
      reader.files.set('Cargo.toml', '[package]\nname = "platform"\n');
    });

    function startBackend(
      options: {
        permissionResult?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
        snapshot?: { enabled?: boolean };
      } = {},
    ) {
      return bed.start({
        config: { rustBuildCache: { snapshot: options.snapshot ?? {} } },
        entities: [entity],
        permissions: options.permissionResult,
        features: [
          mockServices.urlReader.mock({
            readUrl: url => reader.readUrl(url),
            readTree: (url, treeOptions) => reader.readTree(url, treeOptions),
          }).factory,
        ],
      });
    }

    it('re-reads the snapshot on refresh, even without a pull provider', async () => {
      const { server } = await startBackend();
      const sources = await request(server)
        .get(`${entityPath}/refresh-sources`)
        .set('Authorization', asUser)
        .expect(200);
      expect(sources.body).toEqual({
        pullProvider: null,
        repositorySnapshot: true,
      });
      const before = await request(server)
        .get(`${entityPath}/snapshot`)
        .set('Authorization', asUser)
        .expect(200);
      expect(before.body).toEqual({ snapshot: null, history: [] });

      // No pull provider: only the snapshot is refreshed.
      const refresh = await request(server)
        .post(`${entityPath}/refresh`)
        .set('Authorization', asUser)
        .expect(200);
      expect(refresh.body.status).toBeNull();
      expect(refresh.body.snapshot).toMatchObject({
        repository: 'github.com/acme/platform',
      });

      const after = await request(server)
        .get(`${entityPath}/snapshot`)
        .set('Authorization', asUser)
        .expect(200);
      expect(after.body.history).toEqual([]);
      expect(after.body.snapshot).toMatchObject({
        repository: 'github.com/acme/platform',
        workspacePath: '.',
        toolchainFile: { file: 'rust-toolchain', channel: '1.95.0' },
        cargoLockCommitted: false,
        workflows: { files: [], pinsToolchain: false },
        problems: [],
      });
    });

    it('schedules the snapshot task globally and reads when triggered', async () => {
      const { server, scheduler } = await startBackend();
      const tasks = await scheduler.getScheduledTasks();
      expect(tasks.find(task => task.id === SNAPSHOT_TASK_ID)).toMatchObject({
        scope: 'global',
      });
      await scheduler.triggerTask(SNAPSHOT_TASK_ID);
      await waitFor(async () => {
        const response = await request(server)
          .get(`${entityPath}/snapshot`)
          .set('Authorization', asUser);
        return response.body.snapshot !== null;
      });
    });

    it('reads no snapshot when disabled, and refuses a refresh with nothing to refresh', async () => {
      const { server } = await startBackend({
        snapshot: { enabled: false },
      });
      const sources = await request(server)
        .get(`${entityPath}/refresh-sources`)
        .set('Authorization', asUser)
        .expect(200);
      expect(sources.body).toEqual({
        pullProvider: null,
        repositorySnapshot: false,
      });
      const refresh = await request(server)
        .post(`${entityPath}/refresh`)
        .set('Authorization', asUser)
        .expect(400);
      expect(refresh.body.error.message).toMatch(/^Nothing to refresh for /);
      expect(reader.requests).toEqual([]);
      const response = await request(server)
        .get(`${entityPath}/snapshot`)
        .set('Authorization', asUser)
        .expect(200);
      expect(response.body).toEqual({ snapshot: null, history: [] });
    });

    it('refuses the snapshot with 403 without the read permission', async () => {
      const { server } = await startBackend({
        permissionResult: AuthorizeResult.DENY,
      });
      const response = await request(server)
        .get(`${entityPath}/snapshot`)
        .set('Authorization', asUser);
      expect(response.status).toBe(403);
      expect(response.body.error.name).toBe('NotAllowedError');
    });
  },
);

async function waitFor(check: () => Promise<boolean>) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  throw new Error('Timed out waiting for the snapshot task');
}
