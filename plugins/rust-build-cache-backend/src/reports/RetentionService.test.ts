import { mockServices } from '@backstage/backend-test-utils';
import { ReportStore } from './ReportStore';
import { RetentionService } from './RetentionService';

describe('RetentionService', () => {
  it('deletes reports older than reportDays and rollups of days older than rollupDays', async () => {
    const store = {
      deleteRunsFinishedBefore: jest.fn().mockResolvedValue(3),
      deleteRollupsBefore: jest.fn().mockResolvedValue(2),
    };
    const retention = new RetentionService({
      store: store as Partial<ReportStore> as ReportStore,
      logger: mockServices.logger.mock(),
      reportRetentionDays: 90,
      rollupRetentionDays: 730,
    });

    const result = await retention.applyRetention(
      new Date('2026-11-27T12:00:00Z'),
    );

    expect(result).toEqual({ deletedRuns: 3, deletedRollups: 2 });
    expect(store.deleteRunsFinishedBefore).toHaveBeenCalledWith({
      before: new Date('2026-08-29T12:00:00Z'),
    });
    expect(store.deleteRollupsBefore).toHaveBeenCalledWith({
      day: '2024-11-27',
    });
  });
});
