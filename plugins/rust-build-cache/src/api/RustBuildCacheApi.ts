import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  PullStatus,
  RefreshResponse,
  RepositorySnapshot,
  RepositorySnapshotChange,
  RunComparison,
  RunDetail,
  RunPage,
  TimeSeries,
  UnmatchedSource,
} from '@rust-build-cache/plugin-rust-build-cache-common';

/**
 * Reads build-cache reports from the rust-build-cache backend.
 * @public
 */
export interface RustBuildCacheApi {
  /** The newest run of an entity with its whole report, or null before its first report. */
  getLatestRun(entity: CompoundEntityRef): Promise<RunDetail | null>;
  /** Daily hit rates of an entity's CI runs over the last `days` days. */
  getTimeSeries(
    entity: CompoundEntityRef,
    options: { days: number },
  ): Promise<TimeSeries>;
  /** One page of an entity's runs, newest first. */
  getRuns(
    entity: CompoundEntityRef,
    options: { limit: number; offset: number },
  ): Promise<RunPage>;
  getRun(id: string): Promise<RunDetail>;
  /** The settings that differ between two runs, with what each does to the cache keys. */
  compareRuns(options: { base: string; head: string }): Promise<RunComparison>;
  /** Repositories and workspaces that send reports but match no catalog entity. */
  getUnmatchedSources(): Promise<UnmatchedSource[]>;
  /**
   * Pulls the entity's CI runs and repository files now instead of waiting for the
   * schedule. Needs the refresh permission; fails with 400 when no pull provider
   * supports the entity.
   */
  refreshEntity(entity: CompoundEntityRef): Promise<RefreshResponse>;
  /** The last pull of the entity's CI runs, or null when none has run yet. */
  getPullStatus(entity: CompoundEntityRef): Promise<PullStatus | null>;
  /**
   * What the entity's repository pins, as last read from its default branch (null until
   * the first read), and the changes of the pin and of the dependency fingerprint.
   */
  getRepositorySnapshot(entity: CompoundEntityRef): Promise<{
    snapshot: RepositorySnapshot | null;
    history: RepositorySnapshotChange[];
  }>;
}

/** @public */
export const rustBuildCacheApiRef = createApiRef<RustBuildCacheApi>({
  id: 'plugin.rust-build-cache.service',
});
