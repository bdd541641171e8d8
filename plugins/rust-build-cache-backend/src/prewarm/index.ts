import {
  AuditorService,
  AuthService,
  DatabaseService,
  HttpAuthService,
  LifecycleService,
  LoggerService,
  PermissionsService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PrewarmExecutor } from '@rust-build-cache/plugin-rust-build-cache-node';
import express from 'express';
import { RustBuildCacheStore } from '../database/RustBuildCacheStore';
import { DatabasePrewarmStore } from './DatabasePrewarmStore';
import { PrewarmStore } from './PrewarmStore';
import {
  PrewarmDispatchConfig,
  readPrewarmDispatchConfig,
} from './prewarmConfig';
import { createPrewarmRouter } from './prewarmRouter';
import { PrewarmService } from './PrewarmService';

/**
 * Pre-warming, wired: the service with the executors that modules added (`local` and
 * `github-actions` come from the two modules of this repository), its routes, and
 * recovery of what a stopped backend left behind. Create it after the reports store, which runs the
 * migrations.
 */
export async function createPrewarmFeature(options: {
  config: RootConfigService;
  database: DatabaseService;
  catalog: CatalogService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
  lifecycle: LifecycleService;
  reports: RustBuildCacheStore;
  /** Executors added by modules through the extension point. */
  executors: PrewarmExecutor[];
  ingest(report: unknown): Promise<{ id: string; created: boolean }>;
  /** Wraps the store the service writes through, e.g. to notify on failed runs. */
  decorateStore?: (store: PrewarmStore) => PrewarmStore;
}): Promise<{
  service: PrewarmService;
  router: express.Router;
  settings: PrewarmDispatchConfig;
}> {
  const { config, logger } = options;
  const settings = readPrewarmDispatchConfig(config);
  const databaseStore = new DatabasePrewarmStore(
    await options.database.getClient(),
  );
  const service = new PrewarmService({
    store: options.decorateStore?.(databaseStore) ?? databaseStore,
    reports: options.reports,
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
  options.lifecycle.addShutdownHook(() => service.shutdown());
  const router = await createPrewarmRouter({
    httpAuth: options.httpAuth,
    permissions: options.permissions,
    auditor: options.auditor,
    prewarm: service,
  });
  return { service, router, settings };
}
