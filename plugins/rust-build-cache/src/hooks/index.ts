export { useLatestRun } from './useLatestRun';
export { useTimeSeries } from './useTimeSeries';
export { useRuns } from './useRuns';
export { useRunComparison } from './useRunComparison';
export { useUnmatchedSources } from './useUnmatchedSources';
export { usePullStatus } from './usePullStatus';
export { useRefreshSources } from './useRefreshSources';
export { useRepositorySnapshot } from './useRepositorySnapshot';
export {
  usePolicy,
  useScorecardSummary,
  useScorecardEntities,
  useScorecardTrend,
  useEntityScorecard,
} from './useScorecards';
export { useExemptions, useExemptionAudit } from './useExemptions';
export {
  useCanManageExemptions,
  useManageableEntityRefs,
} from './useCanManageExemptions';
export {
  PREWARM_POLL_INTERVAL_MS,
  isActivePrewarmState,
  useCanManagePrewarm,
  usePrewarmEffect,
  usePrewarmExecutors,
  usePrewarmRun,
  usePrewarmRuns,
  usePrewarmSchedules,
  useWarmPlan,
} from './usePrewarm';
export { useOperation, type Operation } from './useOperation';
export { useReloadKey } from './useReloadKey';
export {
  useFleetCompileTime,
  useFleetToolchains,
  useFleetFragmentation,
  useFleetTimeSaved,
} from './useFleet';
