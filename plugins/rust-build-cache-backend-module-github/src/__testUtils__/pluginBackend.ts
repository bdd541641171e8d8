// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- tests run the module in the real plugin
import rustBuildCachePlugin from '@rust-build-cache/plugin-rust-build-cache-backend';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { captureScheduler } from '@rust-build-cache/plugin-rust-build-cache-node/testUtils';
import { Knex } from 'knex';
import rustBuildCacheModuleGithub from '..';

/** The task id of the plugin's scheduled pull (documented in its config.d.ts). */
export const PULL_TASK_ID = 'rust-build-cache-pull';

/**
 * The rust-build-cache plugin with this module in a test backend on `knex`, with `config`
 * as the root config, a catalog holding `entities` and a fixed permission decision
 * (default: allow). Returns the backend (stop it when done), its server and the plugin's
 * scheduler.
 */
export async function startPluginBackend(options: {
  knex: Knex;
  config: object;
  entities: Entity[];
  permissions?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
}) {
  const capture = captureScheduler();
  const backend = await startTestBackend({
    features: [
      rustBuildCachePlugin,
      rustBuildCacheModuleGithub,
      capture.feature,
      mockServices.rootConfig.factory({ data: options.config as any }),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.permissions.factory({
        result: options.permissions ?? AuthorizeResult.ALLOW,
      }),
      catalogServiceMock.factory({ entities: options.entities }),
    ],
  });
  return { backend, server: backend.server, scheduler: capture.scheduler() };
}
