import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ForwardedError } from '@backstage/errors';

/**
 * Schedules a feature's background task `id`: `run` does the work and returns a summary
 * to log at info (or nothing, when there is nothing worth saying); a failure is rethrown
 * as `failure`, wrapping its cause, for the scheduler to log with the task.
 */
export async function scheduleLoggedTask(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  id: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** What failed, e.g. 'Pulling reports failed'. */
  failure: string;
  run(abortSignal: AbortSignal): Promise<string | undefined>;
}): Promise<void> {
  const { scheduler, logger, id, schedule, failure, run } = options;
  await scheduler.scheduleTask({
    id,
    ...schedule,
    fn: async abortSignal => {
      try {
        const summary = await run(abortSignal);
        if (summary) logger.info(summary);
      } catch (error) {
        throw new ForwardedError(failure, error);
      }
    },
  });
}
