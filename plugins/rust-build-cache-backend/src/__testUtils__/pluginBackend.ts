import { BackendFeature } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { rustBuildCachePlugin } from '../plugin';
import { captureScheduler } from './schedulerCapture';
import { watchOpenApiContract } from './openApiWatch';

/** The root config's data, as `mockServices.rootConfig` takes it. */
export type TestConfigData = NonNullable<
  Parameters<typeof mockServices.rootConfig.factory>[0]
>['data'];

/**
 * The plugin in a test backend on `knex`, with `config` as the root config, a catalog
 * holding `entities`, and `permissions` (a fixed decision, or a permissions service
 * feature of the test's own; default: allow everything). `features` are added as they
 * are (executor modules, a URL reader, a scheduler per replica, ...). Returns the backend
 * (stop it when done), its server and the plugin's scheduler.
 */
export async function startPluginBackend(options: {
  knex: Knex;
  config?: TestConfigData;
  entities?: Entity[];
  permissions?: AuthorizeResult.ALLOW | AuthorizeResult.DENY | BackendFeature;
  features?: NonNullable<Parameters<typeof startTestBackend>[0]['features']>;
}) {
  const { knex, config = {}, entities = [], features = [] } = options;
  const permissions = options.permissions ?? AuthorizeResult.ALLOW;
  const capture = captureScheduler();
  const backend = await startTestBackend({
    features: [
      rustBuildCachePlugin,
      capture.feature,
      mockServices.rootConfig.factory({ data: config }),
      mockServices.database.factory({ knex }),
      typeof permissions === 'object'
        ? permissions
        : mockServices.permissions.factory({ result: permissions }),
      catalogServiceMock.factory({ entities }),
      ...features,
    ],
  });
  return {
    backend,
    // Every exchange with the plugin is checked against src/schema/openapi.yaml.
    server: watchOpenApiContract(backend.server),
    scheduler: capture.scheduler(),
  };
}
