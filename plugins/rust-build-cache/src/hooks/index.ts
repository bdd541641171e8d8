export { useLatestRun } from './useLatestRun';
export { useTimeSeries } from './useTimeSeries';
export { useRuns } from './useRuns';
export { useRunComparison } from './useRunComparison';
export { useUnmatchedSources } from './useUnmatchedSources';
export { usePullStatus } from './usePullStatus';
export { useRepositorySnapshot } from './useRepositorySnapshot';
