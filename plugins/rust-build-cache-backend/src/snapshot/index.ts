import {
  AuthService,
  LoggerService,
  RootConfigService,
  SchedulerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { ForwardedError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { EntityLinkService } from '../catalog';
import { SnapshotConfig } from '../config';
import { DatabaseSnapshotStore } from './DatabaseSnapshotStore';
import { RepositorySnapshotService } from './RepositorySnapshotService';
import { SnapshotStore } from './SnapshotStore';

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
      await scheduler.scheduleTask({
        id: SNAPSHOT_TASK_ID,
        ...settings.schedule,
        fn: async abortSignal => {
          try {
            const { workspaces } = await service.snapshotAll(abortSignal);
            logger.info(
              `Read repository snapshots of ${workspaces} workspaces`,
            );
          } catch (error) {
            throw new ForwardedError(
              'Reading repository snapshots failed',
              error,
            );
          }
        },
      });
    },
  };
}
