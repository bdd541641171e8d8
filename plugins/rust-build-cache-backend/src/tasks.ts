import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ForwardedError } from '@backstage/errors';
import { EntityLinkService } from './catalog/EntityLinkService';
import { RetentionService } from './reports/RetentionService';
import { RustBuildCacheStore } from './database/RustBuildCacheStore';
import { PullService } from './pull/PullService';
import { RepositorySnapshotService } from './snapshot/RepositorySnapshotService';
import { PrewarmService } from './prewarm/PrewarmService';

export const ENTITY_LINKS_TASK_ID = 'rust-build-cache-refresh-entity-links';
export const RETENTION_TASK_ID = 'rust-build-cache-retention';
export const PULL_TASK_ID = 'rust-build-cache-pull';
export const SNAPSHOT_TASK_ID = 'rust-build-cache-snapshot';
export const PREWARM_DISPATCH_TASK_ID = 'rust-build-cache-prewarm-dispatch';
export const SPLIT_ROLLUPS_TASK_ID = 'rust-build-cache-split-legacy-rollups';

/** Legacy rollups split per call of the store (each in its own transaction). */
const SPLIT_ROLLUPS_BATCH = 200;

const SPLIT_ROLLUPS_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  // Does work once after the upgrade that added per-language rollups; later a cheap query.
  frequency: { hours: 24 },
  timeout: { hours: 1 },
  initialDelay: { seconds: 30 },
  scope: 'global',
};

const RETENTION_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 24 },
  timeout: { hours: 1 },
  // Deleting is never urgent: let a (re)starting backend settle first.
  initialDelay: { minutes: 10 },
  scope: 'global',
};

export async function scheduleTasks(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  entityLinks: EntityLinkService;
  entityLinksSchedule: SchedulerServiceTaskScheduleDefinition;
  retention: RetentionService;
  /** For splitting the daily rollups stored before per-language metrics. */
  store: Pick<RustBuildCacheStore, 'splitLegacyRollups'>;
  /** Absent when no pull provider is active. */
  pull?: {
    service: PullService;
    schedule: SchedulerServiceTaskScheduleDefinition;
  };
  /** Absent when snapshots are disabled. */
  snapshot?: {
    service: RepositorySnapshotService;
    schedule: SchedulerServiceTaskScheduleDefinition;
  };
  /** Dispatches due pre-warm schedules; always global scope. */
  prewarm?: {
    service: PrewarmService;
    schedule: SchedulerServiceTaskScheduleDefinition;
  };
}): Promise<void> {
  const {
    scheduler,
    logger,
    entityLinks,
    entityLinksSchedule,
    retention,
    store,
    pull,
    snapshot,
    prewarm,
  } = options;

  // No initial delay: a fresh installation links entities right at startup.
  await scheduler.scheduleTask({
    id: ENTITY_LINKS_TASK_ID,
    ...entityLinksSchedule,
    fn: async () => {
      try {
        const { linked } = await entityLinks.refreshLinks();
        logger.info(
          `Linked ${linked} catalog entities to their build-cache reports`,
        );
      } catch (error) {
        throw new ForwardedError('Refreshing entity links failed', error);
      }
    },
  });

  await scheduler.scheduleTask({
    id: RETENTION_TASK_ID,
    ...RETENTION_SCHEDULE,
    fn: async () => {
      try {
        await retention.applyRetention();
      } catch (error) {
        throw new ForwardedError('Applying retention failed', error);
      }
    },
  });

  await scheduler.scheduleTask({
    id: SPLIT_ROLLUPS_TASK_ID,
    ...SPLIT_ROLLUPS_SCHEDULE,
    fn: async abortSignal => {
      try {
        let split = 0;
        let mixed = 0;
        for (;;) {
          const batch = await store.splitLegacyRollups({
            limit: SPLIT_ROLLUPS_BATCH,
          });
          split += batch.split;
          mixed += batch.mixed;
          if (!batch.remaining || abortSignal.aborted) break;
        }
        if (split + mixed > 0)
          logger.info(
            `Split ${split} daily rollups by language from their stored reports; ${mixed} stay summed over all languages because retention deleted their reports`,
          );
      } catch (error) {
        throw new ForwardedError(
          'Splitting daily rollups by language failed',
          error,
        );
      }
    },
  });

  if (pull) {
    await scheduler.scheduleTask({
      id: PULL_TASK_ID,
      ...pull.schedule,
      fn: async abortSignal => {
        try {
          const { repositories } = await pull.service.pullAll(abortSignal);
          logger.info(
            `Pulled build-cache reports of ${repositories} repositories`,
          );
        } catch (error) {
          throw new ForwardedError('Pulling reports failed', error);
        }
      },
    });
  }

  if (snapshot) {
    await scheduler.scheduleTask({
      id: SNAPSHOT_TASK_ID,
      ...snapshot.schedule,
      fn: async abortSignal => {
        try {
          const { workspaces } = await snapshot.service.snapshotAll(
            abortSignal,
          );
          logger.info(`Read repository snapshots of ${workspaces} workspaces`);
        } catch (error) {
          throw new ForwardedError(
            'Reading repository snapshots failed',
            error,
          );
        }
      },
    });
  }

  if (prewarm) {
    await scheduler.scheduleTask({
      id: PREWARM_DISPATCH_TASK_ID,
      ...prewarm.schedule,
      scope: 'global',
      fn: async () => {
        try {
          // Claims and plans due runs; their jobs execute in the background, bounded by
          // each schedule's time limit, so this tick never waits for a build.
          const { runIds } = await prewarm.service.dispatch();
          if (runIds.length > 0) {
            logger.info(`Dispatched pre-warm runs ${runIds.join(', ')}`);
          }
        } catch (error) {
          throw new ForwardedError(
            'Dispatching pre-warm schedules failed',
            error,
          );
        }
      },
    });
  }
}
