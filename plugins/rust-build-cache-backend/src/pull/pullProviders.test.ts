import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  PullProvider,
  rustBuildCachePullProvidersExtensionPoint,
} from '@rust-build-cache/plugin-rust-build-cache-node';
import { Knex } from 'knex';
import request from 'supertest';
import { makeReport } from '../__testUtils__/reports';
import { startPluginBackend } from '../__testUtils__/pluginBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

// A pull provider of a module, through the extension point (the GitHub Actions provider
// is one too; its tests are in the module's package).

jest.setTimeout(60_000);

const databases = createTestDatabases();

const BASE = '/api/rust-build-cache';
const asUser = mockCredentials.user.header();
const repository = { host: 'github.test', owner: 'acme', name: 'platform' };

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'platform',
    annotations: {
      'rust-build-cache/workspace': '.',
      'rust-build-cache/repository': 'github.test/acme/platform',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};
const entityPath = `${BASE}/entities/default/component/platform`;

describe.each(databases.eachSupportedId())(
  'pull providers of modules (%s)',
  databaseId => {
    let knex: Knex;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
    });

    afterEach(async () => {
      await knex.destroy();
    });

    it('lets modules add pull providers through the extension point', async () => {
      const pulled: string[] = [];
      const provider: PullProvider = {
        id: 'custom',
        supports: () => true,
        async pull(context) {
          pulled.push(context.repository);
          await context.ingest(
            makeReport({ repository, workspacePath: '.', runId: 'custom' }),
          );
          return { cursor: 'next', ingested: 1, errors: [] };
        },
      };
      const { server } = await startPluginBackend({
        knex,
        config: {
          rustBuildCache: {
            pull: {
              schedule: {
                frequency: { hours: 1 },
                timeout: { minutes: 5 },
                // Keeps the mock scheduler from pulling at startup.
                initialDelay: { hours: 1 },
              },
            },
          },
        },
        entities: [entity],
        features: [
          createBackendModule({
            pluginId: 'rust-build-cache',
            moduleId: 'custom-pull',
            register(env) {
              env.registerInit({
                deps: { pulls: rustBuildCachePullProvidersExtensionPoint },
                async init({ pulls }) {
                  pulls.addPullProvider(provider);
                },
              });
            },
          }),
        ],
      });
      const refreshed = await request(server)
        .post(`${entityPath}/refresh`)
        .set('Authorization', asUser)
        .expect(200);
      expect(refreshed.body.status.providerId).toBe('custom');
      expect(pulled).toEqual(['github.test/acme/platform']);
      expect(
        await knex('pull_cursors').where({ provider_id: 'custom' }).first(),
      ).toMatchObject({ cursor: 'next' });
    });
  },
);
