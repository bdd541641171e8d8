import { LoggerService } from '@backstage/backend-plugin-api';
import { ReportStore } from './ReportStore';
import { addDays, utcDay } from '../lib/utcDays';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes reports and rollups older than their configured retention. */
export class RetentionService {
  constructor(
    private readonly options: {
      store: Pick<
        ReportStore,
        'deleteRunsFinishedBefore' | 'deleteRollupsBefore'
      >;
      logger: LoggerService;
      reportRetentionDays: number;
      rollupRetentionDays: number;
    },
  ) {}

  async applyRetention(
    now: Date = new Date(),
  ): Promise<{ deletedRuns: number; deletedRollups: number }> {
    const { store, logger, reportRetentionDays, rollupRetentionDays } =
      this.options;
    const deletedRuns = await store.deleteRunsFinishedBefore({
      before: new Date(now.getTime() - reportRetentionDays * DAY_MS),
    });
    // Whole days: the rollup of the oldest kept day is kept entire.
    const deletedRollups = await store.deleteRollupsBefore({
      day: addDays(utcDay(now), -rollupRetentionDays),
    });
    logger.info(
      `Retention: deleted ${deletedRuns} reports older than ${reportRetentionDays} days and ${deletedRollups} daily rollups older than ${rollupRetentionDays} days`,
    );
    return { deletedRuns, deletedRollups };
  }
}
