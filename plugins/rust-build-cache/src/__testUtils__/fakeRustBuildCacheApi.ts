import type { RustBuildCacheApi } from '../api';

/**
 * A RustBuildCacheApi whose every method is a jest mock. Methods not given reject, so a
 * test notices when a component asks for data the test did not expect it to need.
 */
export function fakeRustBuildCacheApi(
  implementation: Partial<RustBuildCacheApi> = {},
): jest.Mocked<RustBuildCacheApi> {
  const unexpected = (method: string) =>
    jest.fn(() => Promise.reject(new Error(`unexpected call to ${method}`)));
  return {
    getLatestRun: jest.fn(
      implementation.getLatestRun ?? unexpected('getLatestRun'),
    ),
    getTimeSeries: jest.fn(
      implementation.getTimeSeries ?? unexpected('getTimeSeries'),
    ),
    getRuns: jest.fn(implementation.getRuns ?? unexpected('getRuns')),
    getRun: jest.fn(implementation.getRun ?? unexpected('getRun')),
    compareRuns: jest.fn(
      implementation.compareRuns ?? unexpected('compareRuns'),
    ),
    getUnmatchedSources: jest.fn(
      implementation.getUnmatchedSources ?? unexpected('getUnmatchedSources'),
    ),
    refreshEntity: jest.fn(
      implementation.refreshEntity ?? unexpected('refreshEntity'),
    ),
    getRefreshSources: jest.fn(
      implementation.getRefreshSources ?? unexpected('getRefreshSources'),
    ),
    getFixFiles: jest.fn(
      implementation.getFixFiles ?? unexpected('getFixFiles'),
    ),
    getPullStatus: jest.fn(
      implementation.getPullStatus ?? unexpected('getPullStatus'),
    ),
    getRepositorySnapshot: jest.fn(
      implementation.getRepositorySnapshot ??
        unexpected('getRepositorySnapshot'),
    ),
    getPolicy: jest.fn(implementation.getPolicy ?? unexpected('getPolicy')),
    getScorecardSummary: jest.fn(
      implementation.getScorecardSummary ?? unexpected('getScorecardSummary'),
    ),
    getScorecardEntities: jest.fn(
      implementation.getScorecardEntities ?? unexpected('getScorecardEntities'),
    ),
    downloadScorecardCsv: jest.fn(
      implementation.downloadScorecardCsv ?? unexpected('downloadScorecardCsv'),
    ),
    getScorecardTrend: jest.fn(
      implementation.getScorecardTrend ?? unexpected('getScorecardTrend'),
    ),
    getEntityScorecard: jest.fn(
      implementation.getEntityScorecard ?? unexpected('getEntityScorecard'),
    ),
    getExemptions: jest.fn(
      implementation.getExemptions ?? unexpected('getExemptions'),
    ),
    createExemption: jest.fn(
      implementation.createExemption ?? unexpected('createExemption'),
    ),
    revokeExemption: jest.fn(
      implementation.revokeExemption ?? unexpected('revokeExemption'),
    ),
    getExemptionAudit: jest.fn(
      implementation.getExemptionAudit ?? unexpected('getExemptionAudit'),
    ),
    getPrewarmExecutors: jest.fn(
      implementation.getPrewarmExecutors ?? unexpected('getPrewarmExecutors'),
    ),
    getPrewarmSchedules: jest.fn(
      implementation.getPrewarmSchedules ?? unexpected('getPrewarmSchedules'),
    ),
    createPrewarmSchedule: jest.fn(
      implementation.createPrewarmSchedule ??
        unexpected('createPrewarmSchedule'),
    ),
    updatePrewarmSchedule: jest.fn(
      implementation.updatePrewarmSchedule ??
        unexpected('updatePrewarmSchedule'),
    ),
    setPrewarmSchedulePaused: jest.fn(
      implementation.setPrewarmSchedulePaused ??
        unexpected('setPrewarmSchedulePaused'),
    ),
    deletePrewarmSchedule: jest.fn(
      implementation.deletePrewarmSchedule ??
        unexpected('deletePrewarmSchedule'),
    ),
    runPrewarmScheduleNow: jest.fn(
      implementation.runPrewarmScheduleNow ??
        unexpected('runPrewarmScheduleNow'),
    ),
    getWarmPlan: jest.fn(
      implementation.getWarmPlan ?? unexpected('getWarmPlan'),
    ),
    getPrewarmRuns: jest.fn(
      implementation.getPrewarmRuns ?? unexpected('getPrewarmRuns'),
    ),
    getPrewarmRun: jest.fn(
      implementation.getPrewarmRun ?? unexpected('getPrewarmRun'),
    ),
    cancelPrewarmRun: jest.fn(
      implementation.cancelPrewarmRun ?? unexpected('cancelPrewarmRun'),
    ),
    getPrewarmEffect: jest.fn(
      implementation.getPrewarmEffect ?? unexpected('getPrewarmEffect'),
    ),
    getFleetCompileTime: jest.fn(
      implementation.getFleetCompileTime ?? unexpected('getFleetCompileTime'),
    ),
    getFleetToolchains: jest.fn(
      implementation.getFleetToolchains ?? unexpected('getFleetToolchains'),
    ),
    getFleetFragmentation: jest.fn(
      implementation.getFleetFragmentation ??
        unexpected('getFleetFragmentation'),
    ),
    getFleetTimeSaved: jest.fn(
      implementation.getFleetTimeSaved ?? unexpected('getFleetTimeSaved'),
    ),
  };
}
