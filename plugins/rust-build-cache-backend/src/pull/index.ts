import {
  AuditorService,
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PullProvider } from '@rust-build-cache/plugin-rust-build-cache-node';
import express from 'express';
import { Knex } from 'knex';
import { PullConfig } from '../config';
import { ReportIngestionService } from '../reports';
import { RepositorySnapshotService } from '../snapshot';
import { DatabasePullStateStore } from './DatabasePullStateStore';
import { PullService } from './PullService';
import { createRefreshRouter } from './refreshRouter';
import { scheduleLoggedTask } from '../lib/scheduleLoggedTask';

export const PULL_TASK_ID = 'rust-build-cache-pull';

/**
 * Pulling reports from CI providers, wired with the providers that modules added through
 * the extension point (GitHub Actions: the module
 * `@rust-build-cache/plugin-rust-build-cache-backend-module-github`), and an entity's
 * refresh on demand (a pull and, when enabled, a repository snapshot). Without a
 * provider there is nothing to schedule.
 */
export async function createPullFeature(options: {
  /** Migrated by `migrateDatabase`. */
  db: Knex;
  settings: PullConfig;
  /** Providers added by modules through the extension point. */
  providers: PullProvider[];
  ingestion: ReportIngestionService;
  /** The snapshot feature's service; absent when snapshots are disabled. */
  snapshots: RepositorySnapshotService | undefined;
  catalog: CatalogService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
  scheduler: SchedulerService;
}): Promise<{
  service: PullService;
  router: express.Router;
  scheduleTasks(): Promise<void>;
}> {
  const { settings, providers, logger, scheduler } = options;
  if (providers.length > 0) {
    logger.info(`Pulling reports with: ${providers.map(p => p.id).join(', ')}`);
  }
  const service = new PullService({
    providers,
    store: await DatabasePullStateStore.create(options.db),
    ingestion: options.ingestion,
    catalog: options.catalog,
    auth: options.auth,
    logger,
    concurrency: settings.concurrency,
  });
  return {
    service,
    router: createRefreshRouter({
      httpAuth: options.httpAuth,
      permissions: options.permissions,
      auditor: options.auditor,
      pulls: service,
      snapshots: options.snapshots,
    }),
    async scheduleTasks() {
      if (providers.length === 0) return;
      await scheduleLoggedTask({
        scheduler,
        logger,
        id: PULL_TASK_ID,
        schedule: settings.schedule,
        failure: 'Pulling reports failed',
        run: async abortSignal => {
          const { repositories } = await service.pullAll(abortSignal);
          return `Pulled build-cache reports of ${repositories} repositories`;
        },
      });
    },
  };
}
