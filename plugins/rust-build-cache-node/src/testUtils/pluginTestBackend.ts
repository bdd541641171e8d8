import { BackendFeature } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { captureScheduler } from './captureScheduler';

/**
 * The rust-build-cache plugin in a test backend: `features` (the plugin and the modules
 * under test, a URL reader, ...) on the database `knex` (a `Knex` of `createTestDatabases`),
 * with `config` as the root config, a catalog holding `entities` and `permissions` (a
 * fixed decision, or a permissions service feature; default: allow everything). Returns
 * the backend (stop it when done), its server and the plugin's scheduler.
 *
 * @public
 */
export async function startPluginTestBackend(options: {
  features: BackendFeature[];
  knex: Parameters<typeof mockServices.database>[0]['knex'];
  config?: NonNullable<
    Parameters<typeof mockServices.rootConfig.factory>[0]
  >['data'];
  entities?: Entity[];
  permissions?: AuthorizeResult.ALLOW | AuthorizeResult.DENY | BackendFeature;
}) {
  const permissions = options.permissions ?? AuthorizeResult.ALLOW;
  const capture = captureScheduler();
  const backend = await startTestBackend({
    features: [
      ...options.features,
      capture.feature,
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      mockServices.database.factory({ knex: options.knex }),
      typeof permissions === 'object'
        ? permissions
        : mockServices.permissions.factory({ result: permissions }),
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
    ],
  });
  return { backend, server: backend.server, scheduler: capture.scheduler() };
}
