import {
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ForwardedError } from '@backstage/errors';
import { scheduleLoggedTask } from './scheduleLoggedTask';

/** Schedules one task the way `scheduleLoggedTask` is given it, and runs it once. */
async function runTaskOnce(run: () => Promise<string | undefined>) {
  let task: SchedulerServiceTaskInvocationDefinition | undefined;
  const scheduler = {
    scheduleTask: async (
      definition: SchedulerServiceTaskInvocationDefinition,
    ) => {
      task = definition;
    },
  } as unknown as SchedulerService;
  const logger = mockServices.logger.mock();
  await scheduleLoggedTask({
    scheduler,
    logger,
    id: 'test-task',
    schedule: {
      frequency: { hours: 1 },
      timeout: { minutes: 5 },
      scope: 'global',
    },
    failure: 'Testing failed',
    run,
  });
  expect(task).toMatchObject({
    id: 'test-task',
    frequency: { hours: 1 },
    timeout: { minutes: 5 },
    scope: 'global',
  });
  const outcome = Promise.resolve(task!.fn(new AbortController().signal));
  return { outcome, logger };
}

describe('scheduleLoggedTask', () => {
  it('logs what the task returns', async () => {
    const { outcome, logger } = await runTaskOnce(async () => 'Did 3 things');
    await outcome;
    expect(logger.info).toHaveBeenCalledWith('Did 3 things');
  });

  it('logs nothing when the task has nothing to say', async () => {
    const { outcome, logger } = await runTaskOnce(async () => undefined);
    await outcome;
    expect(logger.info).not.toHaveBeenCalled();
  });

  it('rethrows a failure as the task failure, wrapping its cause', async () => {
    const { outcome } = await runTaskOnce(async () => {
      throw new Error('database gone');
    });
    const error = await outcome.then(
      () => undefined,
      (e: unknown) => e,
    );
    // ForwardedError keeps the name of its cause, so that callers see what failed.
    expect(error).toBeInstanceOf(ForwardedError);
    expect(error).toMatchObject({
      message: 'Testing failed; caused by Error: database gone',
      cause: expect.objectContaining({ message: 'database gone' }),
    });
  });
});
