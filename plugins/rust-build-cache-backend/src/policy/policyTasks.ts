import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ForwardedError } from '@backstage/errors';
import { PolicyService } from './PolicyService';

export const POLICY_EVALUATION_TASK_ID = 'rust-build-cache-policy-evaluation';
export const POLICY_BOOTSTRAP_TASK_ID =
  'rust-build-cache-policy-evaluation-bootstrap';

/**
 * Shortly after start, and every few minutes after, a full evaluation when there are no
 * results yet (a fresh installation, or one whose catalog was empty): the nightly one can
 * be up to a day away. Cheap once results exist: one count query.
 */
const BOOTSTRAP_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 20 },
  scope: 'global',
};

export async function schedulePolicyTasks(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  policy: PolicyService;
  schedule: SchedulerServiceTaskScheduleDefinition;
}): Promise<void> {
  const { scheduler, logger, policy, schedule } = options;
  const evaluateAll = async () => {
    try {
      const started = Date.now();
      const { evaluated, removed } = await policy.evaluateAll();
      logger.info(
        `Evaluated the caching policy for ${evaluated} entities in ${
          Date.now() - started
        } ms (${removed} results of removed entities dropped)`,
      );
    } catch (error) {
      throw new ForwardedError('Evaluating the caching policy failed', error);
    }
  };

  await scheduler.scheduleTask({
    id: POLICY_EVALUATION_TASK_ID,
    ...schedule,
    fn: evaluateAll,
  });

  await scheduler.scheduleTask({
    id: POLICY_BOOTSTRAP_TASK_ID,
    ...BOOTSTRAP_SCHEDULE,
    fn: async () => {
      if (!(await policy.hasResults())) await evaluateAll();
    },
  });
}
