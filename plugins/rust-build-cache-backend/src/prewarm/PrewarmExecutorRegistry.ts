import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { PrewarmExecutorInfo } from '@rust-build-cache/plugin-rust-build-cache-common';
import { PrewarmExecutor } from '@rust-build-cache/plugin-rust-build-cache-node';
import { createUniqueRegistry } from '../lib/uniqueRegistry';
import { PrewarmRunStore } from './PrewarmStore';

/** The registered pre-warm executors, one per id. */
export class PrewarmExecutorRegistry {
  private readonly executors =
    createUniqueRegistry<PrewarmExecutor>('pre-warm executor');

  constructor(executors: PrewarmExecutor[]) {
    this.executors.add(...executors);
  }

  list(): PrewarmExecutorInfo[] {
    return this.executors.values().map(({ id, title, description }) => ({
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
      const known = [...this.executors.ids()];
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
