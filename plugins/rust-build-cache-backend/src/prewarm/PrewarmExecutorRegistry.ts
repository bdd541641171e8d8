import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { PrewarmExecutorInfo } from '@rust-build-cache/plugin-rust-build-cache-common';
import { PrewarmExecutor } from '@rust-build-cache/plugin-rust-build-cache-node';
import { PrewarmRunStore } from './PrewarmStore';

/** The registered pre-warm executors, one per id. */
export class PrewarmExecutorRegistry {
  private readonly executors = new Map<string, PrewarmExecutor>();

  constructor(executors: PrewarmExecutor[]) {
    for (const executor of executors) {
      if (this.executors.has(executor.id)) {
        throw new Error(
          `A pre-warm executor with id '${executor.id}' is already registered`,
        );
      }
      this.executors.set(executor.id, executor);
    }
  }

  list(): PrewarmExecutorInfo[] {
    return [...this.executors.values()].map(({ id, title, description }) => ({
      id,
      title,
      description,
    }));
  }

  get(id: string): PrewarmExecutor | undefined {
    return this.executors.get(id);
  }

  /** The executor, or an input error naming the registered ones. */
  require(id: string): PrewarmExecutor {
    const executor = this.executors.get(id);
    if (!executor) {
      const known = [...this.executors.keys()];
      throw new InputError(
        `executorId: no pre-warm executor '${id}' is registered (${
          known.length
            ? `registered: ${known.join(', ')}`
            : 'none is registered'
        })`,
      );
    }
    return executor;
  }

  /**
   * Lets each executor release what jobs of stopped backends left behind (work
   * directories, processes). A failure is logged, never thrown.
   */
  async recoverStaleJobs(options: {
    runStore: Pick<PrewarmRunStore, 'isJobUnfinished'>;
    logger: LoggerService;
  }): Promise<void> {
    const { runStore, logger } = options;
    for (const executor of this.executors.values()) {
      try {
        await executor.recoverStaleJobs?.({
          logger,
          isJobUnfinished: jobId => runStore.isJobUnfinished({ jobId }),
        });
      } catch (error) {
        logger.warn(
          `Pre-warm executor '${executor.id}' could not clean up after jobs of a stopped backend: ${error}`,
        );
      }
    }
  }
}
