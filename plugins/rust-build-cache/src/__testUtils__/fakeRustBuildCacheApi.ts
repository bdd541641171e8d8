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
    getPullStatus: jest.fn(
      implementation.getPullStatus ?? unexpected('getPullStatus'),
    ),
    getRepositorySnapshot: jest.fn(
      implementation.getRepositorySnapshot ??
        unexpected('getRepositorySnapshot'),
    ),
  };
}
