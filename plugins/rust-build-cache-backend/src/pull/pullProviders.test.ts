import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  PullProvider,
  rustBuildCachePullProvidersExtensionPoint,
} from '@rust-build-cache/plugin-rust-build-cache-node';
import {
  annotatedComponent,
  createRouteTestBed,
  TRIGGERED_ONLY_SCHEDULE,
} from '@rust-build-cache/plugin-rust-build-cache-node/testUtils';
import request from 'supertest';
import { makeReport } from '../__testUtils__/reports';
import { startPluginBackend } from '../__testUtils__/pluginBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

// A pull provider of a module, through the extension point (the GitHub Actions provider
// is one too; its tests are in the module's package).

jest.setTimeout(60_000);

const databases = createTestDatabases();

const asUser = mockCredentials.user.header();
const repository = { host: 'github.test', owner: 'acme', name: 'platform' };
const entity = annotatedComponent({
  name: 'platform',
  workspace: '.',
  repository: 'github.test/acme/platform',
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
});
const entityPath = '/api/rust-build-cache/entities/default/component/platform';

describe.each(databases.eachSupportedId())(
  'pull providers of modules (%s)',
  databaseId => {
    const bed = createRouteTestBed({
      databases,
      databaseId,
      startBackend: startPluginBackend,
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
      const { server } = await bed.start({
        config: {
          rustBuildCache: { pull: { schedule: TRIGGERED_ONLY_SCHEDULE } },
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
        await bed.knex('pull_cursors').where({ provider_id: 'custom' }).first(),
      ).toMatchObject({ cursor: 'next' });
    });
  },
);
