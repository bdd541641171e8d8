import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { rustBuildCachePermissions } from '@rust-build-cache/plugin-rust-build-cache-common';
import { registerRustBuildCacheActions } from './actions';
import { createCatalogFeature } from './catalog';
import { readRustBuildCacheConfig } from './config';
import { migrateDatabase } from './database/migrations';
import { createFixPreviewFeature } from './fixPreview';
import { createFleetFeature } from './fleet';
import { registerIntegrationPoints } from './lib/integrationPoints';
import { pluginDeps } from './lib/pluginDeps';
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
    const integrations = registerIntegrationPoints(env);
    env.registerInit({
      deps: pluginDeps,
      async init(deps) {
        const { config } = deps;
        const settings = readRustBuildCacheConfig(config);
        integrations.requireModulesFor(config);
        deps.logger.info(describeCiIngestionAccess(config).message);
        const common = { ...deps, db: await migrateDatabase(deps.database) };

        const notifications = await createNotificationsFeature({
          ...common,
          notifications: deps.notifier,
        });
        const catalog = await createCatalogFeature({
          ...common,
          schedule: settings.entityLinksSchedule,
        });
        const snapshots = await createSnapshotFeature({
          ...common,
          settings: settings.snapshot,
          links: catalog.links,
        });
        const reports = await createReportsFeature({
          ...common,
          settings,
          links: catalog.links,
        });
        const prewarm = await createPrewarmFeature({
          ...common,
          decorateRunStore: notifications.decoratePrewarmRuns,
          reports: reports.warmBuilds,
          entityLinks: catalog.store,
          executors: integrations.prewarmExecutors(),
          ingest: report => reports.ingestion.ingest(report),
        });
        const policy = await createPolicyFeature({
          ...common,
          entityLinks: catalog.store,
          snapshots: snapshots.store,
          decorateResults: notifications.decoratePolicyResults,
          prewarmEnrollment: prewarm.service,
        });
        const regressions = notifications.hitRateRegression({
          reports: reports.store,
          entityLinks: catalog.store,
          policy: policy.service.getPolicy().policy,
        });
        // New data marks the linked entities' results stale (evaluated in the background,
        // coalesced) and is checked for a hit-rate regression.
        reports.onReportsStored(async stored =>
          policy.requestEvaluation(stored.flatMap(s => s.entityRefs)),
        );
        reports.onReportsStored(regressions.onReportsStored);
        snapshots.onSnapshotStored(policy.onSourceChanged);
        catalog.onEntitiesLinked(policy.requestEvaluation);
        catalog.onEntitiesLinked(regressions.onEntitiesLinked);
        // A clean shutdown answers the reports already received and evaluates what they
        // made stale before the database goes away.
        deps.lifecycle.addShutdownHook(async () => {
          await reports.ingestion.whenIdle();
          await policy.service.whenIdle();
        });
        const pull = await createPullFeature({
          ...common,
          settings: settings.pull,
          providers: integrations.pullProviders(),
          ingestion: reports.ingestion,
          snapshots: snapshots.service,
        });
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
        const fixPreview = createFixPreviewFeature(deps);
        for (const feature of [
          reports,
          pull,
          policy,
          prewarm,
          fleet,
          fixPreview,
        ]) {
          deps.httpRouter.use(feature.router);
        }
        deps.lifecycle.addStartupHook(() =>
          integrations.prewarmStarted({
            listSchedules: () => prewarm.service.listSchedules(),
            plan: scheduleId => prewarm.service.plan({ scheduleId }),
            runNow: (scheduleId, triggeredBy) =>
              prewarm.service.runNow(scheduleId, triggeredBy),
            getRun: runId => prewarm.service.getRun(runId),
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
