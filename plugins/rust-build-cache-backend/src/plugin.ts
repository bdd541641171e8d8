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
  rustBuildCachePrewarmExecutorsExtensionPoint as executorsPoint,
  rustBuildCachePullProvidersExtensionPoint as pullProvidersPoint,
} from '@rust-build-cache/plugin-rust-build-cache-node';
import { registerRustBuildCacheActions } from './actions';
import { createCatalogFeature } from './catalog';
import { readRustBuildCacheConfig } from './config';
import { migrateDatabase } from './database/migrations';
import { createFleetFeature } from './fleet';
import { requireIntegrationModules } from './lib/integrationModules';
import { createUniqueRegistry } from './lib/uniqueRegistry';
import { createNotificationsFeature } from './notifications';
import { createPolicyFeature } from './policy';
import { createPrewarmFeature } from './prewarm';
import { createPullFeature } from './pull';
import { createReportsFeature, describeCiIngestionAccess } from './reports';
import { createSnapshotFeature } from './snapshot';

/**
 * The rust-build-cache backend: ingests build-cache reports from CI, stores them, links
 * them to catalog entities and serves them per entity.
 *
 * @public
 */
export const rustBuildCachePlugin = createBackendPlugin({
  pluginId: 'rust-build-cache',
  register(env) {
    const pullProviders = createUniqueRegistry<PullProvider>('pull provider');
    env.registerExtensionPoint(pullProvidersPoint, {
      addPullProvider: (...providers) => pullProviders.add(...providers),
    });
    const executors = createUniqueRegistry<PrewarmExecutor>('pre-warm executor');
    env.registerExtensionPoint(executorsPoint, {
      addPrewarmExecutor: (...added) => executors.add(...added),
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
        notifier: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { config, logger, httpRouter, lifecycle, notifier } = deps;
        const settings = readRustBuildCacheConfig(config);
        requireIntegrationModules({
          config,
          pullProviderIds: pullProviders.ids(),
          prewarmExecutorIds: executors.ids(),
        });
        logger.info(describeCiIngestionAccess(config).message);
        const db = await migrateDatabase(deps.database);
        const common = { ...deps, db };

        const notifications = await createNotificationsFeature({
          ...common,
          notifications: notifier,
        });
        const catalog = await createCatalogFeature({
          ...common,
          schedule: settings.entityLinksSchedule,
        });
        const snapshots = await createSnapshotFeature({
          ...common,
          settings: settings.snapshot,
          integrations: ScmIntegrations.fromConfig(config),
          links: catalog.links,
        });
        const policy = await createPolicyFeature({
          ...common,
          entityLinks: catalog.store,
          snapshots: snapshots.store,
          decorateResults: notifications.decoratePolicyResults,
        });
        const reports = await createReportsFeature({
          ...common,
          settings,
          links: catalog.links,
        });
        const regressions = notifications.hitRateRegression({
          reports: reports.store,
          entityLinks: catalog.store,
          policy: policy.service.getPolicy().policy,
        });
        // A newly linked entity is scored now, not at the next scorecards run, and its
        // reports stored before the link are checked for a regression to notify.
        catalog.onEntitiesLinked(entityRefs => {
          policy.service.requestEvaluation(entityRefs);
          regressions
            .onEntitiesLinked(entityRefs)
            .catch(error =>
              logger.warn(
                `Could not check newly linked entities for a hit-rate regression: ${error}`,
              ),
            );
        });
        // Per stored batch, not per report: the linked entities' policy results are only
        // marked stale (evaluated in the background, coalesced), and the regression
        // check reads each source's recent runs once.
        reports.onReportsStored(async stored => {
          policy.service.requestEvaluation(stored.flatMap(s => s.entityRefs));
          await regressions.onReportsStored(stored);
        });
        snapshots.onSnapshotStored(source => policy.onSourceChanged(source));
        // A clean shutdown answers the reports already received and evaluates what they
        // made stale before the database goes away.
        lifecycle.addShutdownHook(async () => {
          await reports.ingestion.whenIdle();
          await policy.service.whenIdle();
        });
        const pull = await createPullFeature({
          ...common,
          settings: settings.pull,
          providers: pullProviders.values(),
          ingestion: reports.ingestion,
          snapshots: snapshots.service,
        });
        const prewarm = await createPrewarmFeature({
          ...common,
          decorateRunStore: notifications.decoratePrewarmRuns,
          reports: reports.warmBuilds,
          entityLinks: catalog.store,
          executors: executors.values(),
          ingest: report => reports.ingestion.ingest(report),
        });
        policy.service.setPrewarmEnrollment(prewarm.service);
        const fleet = await createFleetFeature({
          ...common,
          baseline:
            policy.service.getPolicy().policy.baseline?.rustRelease ?? null,
          prewarm: prewarm.service,
        });

        deps.permissionsRegistry.addPermissions(rustBuildCachePermissions);
        for (const feature of [catalog, reports, pull, snapshots, prewarm]) {
          await feature.scheduleTasks();
        }
        await policy.scheduleTasks();
        await notifications.scheduleTasks({ exemptions: policy.exemptions });
        registerRustBuildCacheActions({
          ...common,
          runs: reports.runs,
          policy: policy.service,
          prewarm: prewarm.service,
        });
        for (const feature of [reports, pull, policy, prewarm, fleet]) {
          httpRouter.use(feature.router);
        }
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
