import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ForwardedError } from '@backstage/errors';
import { ReportStore } from './ReportStore';
import { RetentionService } from './RetentionService';

export const RETENTION_TASK_ID = 'rust-build-cache-retention';
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

/** Retention, and the split of the daily rollups stored before per-language metrics. */
export async function scheduleReportsTasks(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  retention: RetentionService;
  store: Pick<ReportStore, 'splitLegacyRollups'>;
}): Promise<void> {
  const { scheduler, logger, retention, store } = options;

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
}
