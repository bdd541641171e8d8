import {
  AuditorService,
  AuthService,
  HttpAuthService,
  LifecycleService,
  LoggerService,
  PermissionsService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PrewarmExecutor } from '@rust-build-cache/plugin-rust-build-cache-node';
import express from 'express';
import { Knex } from 'knex';
import { EntityLinkStore } from '../catalog';
import { WarmBuildReports } from '../reports';
import { DatabasePrewarmRunStore } from './DatabasePrewarmRunStore';
import { DatabasePrewarmScheduleStore } from './DatabasePrewarmScheduleStore';
import { PrewarmRunStore, PrewarmScheduleStore } from './PrewarmStore';
import { createConfiguredSchedules } from './configuredSchedules';
import { readPrewarmDispatchConfig } from './prewarmConfig';
import { createPrewarmRouter } from './prewarmRouter';
import { PrewarmService } from './PrewarmService';
import { scheduleLoggedTask } from '../lib/scheduleLoggedTask';

export type { PrewarmService } from './PrewarmService';
export type { PrewarmRunStore, PrewarmScheduleStore } from './PrewarmStore';

export const PREWARM_DISPATCH_TASK_ID = 'rust-build-cache-prewarm-dispatch';

/**
 * Pre-warming, wired: the service with the executors that modules added (`local` and
 * `github-actions` come from the two modules of this repository), the schedules declared
 * in config, its routes, and recovery of what a stopped backend left behind (tables `prewarm_schedules`, `prewarm_runs`,
 * `prewarm_jobs`).
 */
export async function createPrewarmFeature(options: {
  config: RootConfigService;
  /** Migrated by `migrateDatabase`. */
  db: Knex;
  catalog: CatalogService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
  lifecycle: LifecycleService;
  scheduler: SchedulerService;
  /** The reports feature's: warm builds' own reports and their consumers' runs. */
  reports: WarmBuildReports;
  /** The catalog feature's: which source an entity's reports come from. */
  entityLinks: Pick<EntityLinkStore, 'getEntityLink'>;
  /** Executors added by modules through the extension point. */
  executors: PrewarmExecutor[];
  ingest(report: unknown): Promise<{ id: string; created: boolean }>;
  /** Wraps the run store the service writes through, e.g. to notify on failed runs. */
  decorateRunStore?: (
    runs: PrewarmRunStore,
    schedules: PrewarmScheduleStore,
  ) => PrewarmRunStore;
}): Promise<{
  service: PrewarmService;
  router: express.Router;
  scheduleTasks(): Promise<void>;
}> {
  const { config, logger } = options;
  const settings = readPrewarmDispatchConfig(config);
  const scheduleStore = await DatabasePrewarmScheduleStore.create(options.db);
  const runStore = await DatabasePrewarmRunStore.create(options.db);
  const service = new PrewarmService({
    scheduleStore,
    runStore: options.decorateRunStore?.(runStore, scheduleStore) ?? runStore,
    reports: options.reports,
    entityLinks: options.entityLinks,
    catalog: options.catalog,
    auth: options.auth,
    logger: logger.child({ feature: 'prewarm' }),
    executors: options.executors,
    ingest: report => options.ingest(report),
    heartbeatIntervalMs: settings.heartbeatIntervalMs,
  });
  // Runs left behind by a backend that stopped (this one, or another replica), and
  // what their jobs left on this host (work directories, sccache servers).
  await service.recoverInterruptedRuns();
  await service.recoverExecutors();
  await createConfiguredSchedules({ config, prewarm: service, logger });
  options.lifecycle.addShutdownHook(() => service.shutdown());
  const router = await createPrewarmRouter({
    httpAuth: options.httpAuth,
    permissions: options.permissions,
    auditor: options.auditor,
    prewarm: service,
  });
  return {
    service,
    router,
    async scheduleTasks() {
      await scheduleLoggedTask({
        scheduler: options.scheduler,
        logger,
        id: PREWARM_DISPATCH_TASK_ID,
        schedule: { ...settings.dispatchSchedule, scope: 'global' },
        failure: 'Dispatching pre-warm schedules failed',
        run: async () => {
          // Claims and plans due runs; their jobs execute in the background, bounded
          // by each schedule's time limit, so this tick never waits for a build.
          const { runIds } = await service.dispatch();
          return runIds.length > 0
            ? `Dispatched pre-warm runs ${runIds.join(', ')}`
            : undefined;
        },
      });
    },
  };
}
