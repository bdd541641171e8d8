import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { rustBuildCachePermissions } from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  PrewarmExecutor,
  PullProvider,
  rustBuildCachePrewarmExecutorsExtensionPoint,
  rustBuildCachePullProvidersExtensionPoint,
} from '@rust-build-cache/plugin-rust-build-cache-node';
import { registerRustBuildCacheActions } from './actions';
import { readRustBuildCacheConfig } from './config';
import { DatabaseRustBuildCacheStore } from './database/DatabaseRustBuildCacheStore';
import { createNotificationsFeature } from './notifications';
import { createPolicyFeature } from './policy';
import { createPrewarmFeature } from './prewarm';
import { createPullFeature } from './pull';
import { RepositorySnapshotService } from './snapshot/RepositorySnapshotService';
import { describeCiIngestionAccess } from './reports/ciIngestionAccess';
import { EntityLinkService } from './catalog/EntityLinkService';
import { ReportIngestionService } from './reports/ReportIngestionService';
import { RetentionService } from './reports/RetentionService';
import { createRouter } from './reports/reportsRouter';
import { RunQueryService } from './reports/RunQueryService';
import { scheduleTasks } from './tasks';

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

    const prewarmExecutors = new Map<string, PrewarmExecutor>();
    env.registerExtensionPoint(rustBuildCachePrewarmExecutorsExtensionPoint, {
      addPrewarmExecutor(...executors) {
        for (const executor of executors) {
          if (prewarmExecutors.has(executor.id)) {
            throw new Error(
              `A pre-warm executor with id '${executor.id}' is already registered`,
            );
          }
          prewarmExecutors.set(executor.id, executor);
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
        auditor: coreServices.auditor,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
        lifecycle: coreServices.lifecycle,
        notificationService,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init({
        logger,
        config,
        database,
        httpRouter,
        httpAuth,
        auth,
        permissions,
        auditor,
        permissionsRegistry,
        scheduler,
        urlReader,
        catalog,
        lifecycle,
        notificationService: notifier,
        actionsRegistry,
      }) {
        const settings = readRustBuildCacheConfig(config);
        logger.info(describeCiIngestionAccess(config).message);
        const store = await DatabaseRustBuildCacheStore.create({ database });
        const notifications = await createNotificationsFeature({
          config,
          database,
          notifications: notifier,
          scheduler,
          logger,
        });
        const policy = await createPolicyFeature({
          config,
          database,
          catalog,
          auth,
          httpAuth,
          permissions,
          auditor,
          logger,
          scheduler,
          decorateStore: notifications.decoratePolicyStore,
        });
        const regressions = notifications.hitRateRegression({
          store,
          policy: policy.service.getPolicy().policy,
        });
        const entityLinks = new EntityLinkService({
          store,
          catalog,
          auth,
          logger,
          // A newly linked entity is scored now, not at the next scorecards run, and its
          // reports stored before the link are checked for a regression to notify.
          onLinked: entityRefs => {
            policy.service.requestEvaluation(entityRefs);
            regressions
              .onEntitiesLinked(entityRefs)
              .catch(error =>
                logger.warn(
                  `Could not check newly linked entities for a hit-rate regression: ${error}`,
                ),
              );
          },
        });
        const retention = new RetentionService({
          store,
          logger,
          reportRetentionDays: settings.reportRetentionDays,
          rollupRetentionDays: settings.rollupRetentionDays,
        });

        // Per stored batch, not per report: the linked entities' policy results are only
        // marked stale (evaluated in the background, coalesced), and the regression
        // check reads each source's recent runs once.
        const ingestion = new ReportIngestionService(store, {
          onStoredBatch: async stored => {
            policy.service.requestEvaluation(stored.flatMap(s => s.entityRefs));
            await regressions.onReportsStored(stored);
          },
          linkOnPush: sources => entityLinks.linkOnPushMany(sources),
          logger,
        });
        // A clean shutdown answers the reports already received and evaluates what they
        // made stale before the database goes away.
        lifecycle.addShutdownHook(async () => {
          await ingestion.whenIdle();
          await policy.service.whenIdle();
        });
        const { service: pulls, providers } = createPullFeature({
          config,
          settings: settings.pull,
          providers: pullProviders,
          store,
          ingestion,
          catalog,
          auth,
          logger,
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
              onStored: source => policy.onSourceChanged(source),
            })
          : undefined;

        const prewarm = await createPrewarmFeature({
          config,
          database,
          decorateStore: notifications.decoratePrewarmStore,
          catalog,
          auth,
          httpAuth,
          permissions,
          auditor,
          logger,
          lifecycle,
          reports: store,
          executors: [...prewarmExecutors.values()],
          ingest: report => ingestion.ingest(report),
        });
        policy.service.setPrewarmEnrollment(prewarm.service);

        permissionsRegistry.addPermissions(rustBuildCachePermissions);
        await scheduleTasks({
          scheduler,
          logger,
          entityLinks,
          entityLinksSchedule: settings.entityLinksSchedule,
          retention,
          store,
          pull:
            providers.length > 0
              ? { service: pulls, schedule: settings.pull.schedule }
              : undefined,
          snapshot: snapshots
            ? { service: snapshots, schedule: settings.snapshot.schedule }
            : undefined,
          prewarm: {
            service: prewarm.service,
            schedule: prewarm.settings.dispatchSchedule,
          },
        });
        await policy.scheduleTasks();
        await notifications.scheduleTasks({ policyStore: policy.store });

        const runs = new RunQueryService({ store, entityLinks });
        registerRustBuildCacheActions({
          actionsRegistry,
          auth,
          permissions,
          catalog,
          runs,
          policy: policy.service,
          prewarm: prewarm.service,
        });
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            auditor,
            ingestion,
            runs,
            pulls,
            snapshots,
            maxReportBytes: settings.maxReportBytes,
          }),
        );
        httpRouter.use(policy.router);
        httpRouter.use(prewarm.router);
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
