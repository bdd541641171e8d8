import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { rustBuildCachePermissions } from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  PullProvider,
  rustBuildCachePullProvidersExtensionPoint,
} from '@rust-build-cache/plugin-rust-build-cache-node';
import { readRustBuildCacheConfig } from './config';
import { DatabaseRustBuildCacheStore } from './database/DatabaseRustBuildCacheStore';
import { GithubActionsPullProvider } from './pull/github/GithubActionsPullProvider';
import { PullService } from './pull/PullService';
import { RepositorySnapshotService } from './snapshot/RepositorySnapshotService';
import { EntityLinkService } from './service/EntityLinkService';
import { ReportIngestionService } from './service/ReportIngestionService';
import { RetentionService } from './service/RetentionService';
import { createRouter } from './service/router';
import { RunQueryService } from './service/RunQueryService';
import { scheduleTasks } from './service/tasks';

/**
 * The rust-build-cache backend: ingests build-cache reports from CI, stores them, links
 * them to catalog entities and serves them per entity.
 *
 * @public
 */
export const rustBuildCachePlugin = createBackendPlugin({
  pluginId: 'rust-build-cache',
  register(env) {
    const pullProviders = new Map<string, PullProvider>();
    env.registerExtensionPoint(rustBuildCachePullProvidersExtensionPoint, {
      addPullProvider(...providers) {
        for (const provider of providers) {
          if (pullProviders.has(provider.id)) {
            throw new Error(
              `A pull provider with id '${provider.id}' is already registered`,
            );
          }
          pullProviders.set(provider.id, provider);
        }
      },
    });

    env.registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
      },
      async init({
        logger,
        config,
        database,
        httpRouter,
        httpAuth,
        auth,
        permissions,
        permissionsRegistry,
        scheduler,
        urlReader,
        catalog,
      }) {
        const settings = readRustBuildCacheConfig(config);
        const store = await DatabaseRustBuildCacheStore.create({ database });
        const entityLinks = new EntityLinkService({
          store,
          catalog,
          auth,
          logger,
        });
        const retention = new RetentionService({
          store,
          logger,
          reportRetentionDays: settings.reportRetentionDays,
          rollupRetentionDays: settings.rollupRetentionDays,
        });

        const ingestion = new ReportIngestionService(store);
        // GitHub Actions is built in (opt-in by config); modules add other providers
        // through the extension point. Module providers come first, so a module can
        // take over repositories that the built-in provider would otherwise pull.
        const providers = [...pullProviders.values()];
        if (settings.pull.githubActions.enabled) {
          if (pullProviders.has('github-actions')) {
            throw new Error(
              `rustBuildCache.pull.githubActions.enabled is set, but a module already registered a pull provider with id 'github-actions'`,
            );
          }
          providers.push(
            GithubActionsPullProvider.fromConfig(
              config,
              settings.pull.githubActions,
            ),
          );
        }
        const pulls = new PullService({
          providers,
          store,
          ingestion,
          catalog,
          auth,
          logger,
          concurrency: settings.pull.concurrency,
        });

        // Reads only through the org's UrlReader integrations: a repository on a host
        // without one gets a problem in its snapshot, not a failure.
        const snapshots = settings.snapshot.enabled
          ? new RepositorySnapshotService({
              urlReader,
              integrations: ScmIntegrations.fromConfig(config),
              store,
              entityLinks,
              catalog,
              auth,
              logger,
              concurrency: settings.snapshot.concurrency,
            })
          : undefined;

        permissionsRegistry.addPermissions(rustBuildCachePermissions);
        await scheduleTasks({
          scheduler,
          logger,
          entityLinks,
          entityLinksSchedule: settings.entityLinksSchedule,
          retention,
          pull:
            providers.length > 0
              ? { service: pulls, schedule: settings.pull.schedule }
              : undefined,
          snapshot: snapshots
            ? { service: snapshots, schedule: settings.snapshot.schedule }
            : undefined,
        });
        if (providers.length > 0) {
          logger.info(
            `Pulling reports with: ${providers.map(p => p.id).join(', ')}`,
          );
        }

        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            ingestion,
            runs: new RunQueryService({ store, entityLinks }),
            pulls,
            snapshots,
            maxReportBytes: settings.maxReportBytes,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
