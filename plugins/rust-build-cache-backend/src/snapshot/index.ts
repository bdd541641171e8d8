import {
  AuthService,
  LoggerService,
  RootConfigService,
  SchedulerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { EntityLinkService } from '../catalog';
import { SnapshotConfig } from '../config';
import { DatabaseSnapshotStore } from './DatabaseSnapshotStore';
import { RepositorySnapshotService } from './RepositorySnapshotService';
import { SnapshotStore } from './SnapshotStore';
import { scheduleLoggedTask } from '../lib/scheduleLoggedTask';

export type { RepositorySnapshotService } from './RepositorySnapshotService';
export type { SnapshotStore } from './SnapshotStore';

export const SNAPSHOT_TASK_ID = 'rust-build-cache-snapshot';

/**
 * Repository snapshots, wired: the store (table `repository_snapshots` and its changes)
 * always, for the policy's repository facts; the service and its task only when
 * `rustBuildCache.snapshot.enabled`. It reads only through the org's UrlReader
 * integrations: a repository on a host without one gets a problem in its snapshot, not
 * a failure.
 */
export async function createSnapshotFeature(options: {
  /** Migrated by `migrateDatabase`. */
  db: Knex;
  settings: SnapshotConfig;
  config: RootConfigService;
  urlReader: UrlReaderService;
  links: EntityLinkService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  scheduler: SchedulerService;
}): Promise<{
  store: SnapshotStore;
  /** Absent when snapshots are disabled. */
  service: RepositorySnapshotService | undefined;
  /** Adds a listener told about each stored snapshot; it must not throw. */
  onSnapshotStored(listener: (source: ReportSourceKey) => Promise<void>): void;
  scheduleTasks(): Promise<void>;
}> {
  const { settings, logger, scheduler } = options;
  const store = await DatabaseSnapshotStore.create(options.db);
  const listeners: Array<(source: ReportSourceKey) => Promise<void>> = [];
  const service = settings.enabled
    ? new RepositorySnapshotService({
        urlReader: options.urlReader,
        integrations: ScmIntegrations.fromConfig(options.config),
        store,
        entityLinks: options.links,
        catalog: options.catalog,
        auth: options.auth,
        logger,
        concurrency: settings.concurrency,
        onStored: async source => {
          for (const listener of listeners) await listener(source);
        },
      })
    : undefined;
  return {
    store,
    service,
    onSnapshotStored: listener => listeners.push(listener),
    async scheduleTasks() {
      if (!service) return;
      await scheduleLoggedTask({
        scheduler,
        logger,
        id: SNAPSHOT_TASK_ID,
        schedule: settings.schedule,
        failure: 'Reading repository snapshots failed',
        run: async abortSignal => {
          const { workspaces } = await service.snapshotAll(abortSignal);
          return `Read repository snapshots of ${workspaces} workspaces`;
        },
      });
    },
  };
}
