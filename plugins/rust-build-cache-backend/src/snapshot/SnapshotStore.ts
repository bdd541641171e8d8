import {
  ReportSourceKey,
  RepositorySnapshot,
  RepositorySnapshotChange,
} from '@rust-build-cache/plugin-rust-build-cache-common';

/** A snapshot to store, with the changes it brings against the previous one. */
export interface NewRepositorySnapshot {
  source: ReportSourceKey;
  snapshot: RepositorySnapshot;
  changes: RepositorySnapshotChange[];
}

/** The latest repository snapshot per source and its changes. */
export interface SnapshotStore {
  /** The latest snapshot of a repository workspace; undefined before the first. */
  getRepositorySnapshot(options: {
    source: ReportSourceKey;
  }): Promise<RepositorySnapshot | undefined>;

  /**
   * The latest snapshots of many sources in one read per chunk, keyed by
   * `sourceKeyString`. Sources without a snapshot are absent.
   */
  listLatestSnapshots(options: {
    sources: ReportSourceKey[];
  }): Promise<Map<string, RepositorySnapshot>>;

  /** Replaces the latest snapshot and appends its changes, in one transaction. */
  saveRepositorySnapshot(options: NewRepositorySnapshot): Promise<void>;

  /** Changes of a repository workspace's snapshot, newest first. */
  listRepositorySnapshotChanges(options: {
    source: ReportSourceKey;
    limit: number;
  }): Promise<RepositorySnapshotChange[]>;
}
