import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  PrewarmExecutor,
  PullProvider,
  rustBuildCachePrewarmExecutorsExtensionPoint,
  rustBuildCachePullProvidersExtensionPoint,
} from '@rust-build-cache/plugin-rust-build-cache-node';
import { mockCredentials } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import { startPluginBackend } from '../__testUtils__/pluginBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

// GitHub Actions pulls and the `local` and `github-actions` executors were built into the
// plugin and switched on by config; they are modules now. An adopter who enabled them by
// config but did not add the module must not silently lose them: the backend does not
// start, and the error names the module to add.

const databases = createTestDatabases();
const GITHUB =
  '@rust-build-cache/plugin-rust-build-cache-backend-module-github';
const LOCAL =
  '@rust-build-cache/plugin-rust-build-cache-backend-module-local-prewarm';

/** A module that provides pull providers and executors with the given ids. */
function moduleProviding(ids: { pull?: string[]; prewarm?: string[] }) {
  return createBackendModule({
    pluginId: 'rust-build-cache',
    moduleId: 'stand-in',
    register(env) {
      env.registerInit({
        deps: {
          pull: rustBuildCachePullProvidersExtensionPoint,
          prewarm: rustBuildCachePrewarmExecutorsExtensionPoint,
        },
        async init({ pull, prewarm }) {
          for (const id of ids.pull ?? []) {
            const provider: PullProvider = {
              id,
              supports: () => false,
              pull: async () => ({ cursor: null, ingested: 0, errors: [] }),
            };
            pull.addPullProvider(provider);
          }
          for (const id of ids.prewarm ?? []) {
            const executor: PrewarmExecutor = {
              id,
              title: id,
              description: id,
              execute: async () => ({ outcome: 'failed', error: 'unused' }),
            };
            prewarm.addPrewarmExecutor(executor);
          }
        },
      });
    },
  });
}

describe.each(databases.eachSupportedId())(
  'integrations enabled by config without their module (%s)',
  databaseId => {
    let knex: Knex;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
    });

    afterEach(async () => {
      await knex.destroy();
    });

    it.each([
      [
        { pull: { githubActions: { enabled: true } } },
        `rustBuildCache.pull.githubActions.enabled is true, but no module provides the 'github-actions' pull provider. Add backend.add(import('${GITHUB}'))`,
      ],
      [
        { prewarm: { executors: { githubActions: { enabled: true } } } },
        `rustBuildCache.prewarm.executors.githubActions.enabled is true, but no module provides the 'github-actions' pre-warm executor. Add backend.add(import('${GITHUB}'))`,
      ],
      [
        { prewarm: { executors: { local: { enabled: true } } } },
        `rustBuildCache.prewarm.executors.local.enabled is true, but no module provides the 'local' pre-warm executor. Add backend.add(import('${LOCAL}'))`,
      ],
    ])(
      'refuses to start, naming the module (%#)',
      async (settings, message) => {
        await expect(
          startPluginBackend({ knex, config: { rustBuildCache: settings } }),
        ).rejects.toThrow(message);
      },
    );

    it('names every missing module at once', async () => {
      await expect(
        startPluginBackend({
          knex,
          config: {
            rustBuildCache: {
              pull: { githubActions: { enabled: true } },
              prewarm: { executors: { local: { enabled: true } } },
            },
          },
        }),
      ).rejects.toThrow(
        `Add backend.add(import('${GITHUB}')) and backend.add(import('${LOCAL}')) to your backend`,
      );
    });

    /** The ids of the executors the started plugin offers. */
    async function executorIds(server: Parameters<typeof request>[0]) {
      const { body } = await request(server)
        .get('/api/rust-build-cache/prewarm/executors')
        .set('Authorization', mockCredentials.user.header())
        .expect(200);
      return body.items.map((executor: { id: string }) => executor.id).sort();
    }

    it('starts when a module provides what the config enables', async () => {
      const { backend, server } = await startPluginBackend({
        knex,
        config: {
          rustBuildCache: {
            pull: { githubActions: { enabled: true } },
            prewarm: {
              executors: {
                githubActions: { enabled: true },
                local: { enabled: true },
              },
            },
          },
        },
        features: [
          moduleProviding({
            pull: ['github-actions'],
            prewarm: ['github-actions', 'local'],
          }),
        ],
      });
      expect(await executorIds(server)).toEqual(['github-actions', 'local']);
      await backend.stop();
    });

    it('starts with the integrations switched off explicitly', async () => {
      const { backend, server } = await startPluginBackend({
        knex,
        config: {
          rustBuildCache: {
            pull: { githubActions: { enabled: false } },
            prewarm: { executors: { local: { enabled: false } } },
          },
        },
      });
      expect(await executorIds(server)).toEqual([]);
      await backend.stop();
    });
  },
);
