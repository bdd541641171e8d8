import {
  BuildCacheReport,
  DailyPoint,
  LanguageTotals,
  ReportSourceKey,
  RepositorySnapshot,
  RepositorySnapshotChange,
  RunDetail,
  RunMetrics,
  RunSummary,
  UnmatchedSource,
} from '@rust-build-cache/plugin-rust-build-cache-common';

// Where reports come from; defined in -common, which every feature shares.
export type { ReportSourceKey };

/** A validated report, ready to store. */
export interface NewRun {
  /** Same key, same run: a second insert returns the stored run instead of adding one. */
  idempotencyKey: string;
  source: ReportSourceKey;
  report: BuildCacheReport;
  /** Null when the report carried no sccache statistics. */
  metrics: RunMetrics | null;
  receivedAt: Date;
}

export interface InsertedRun {
  id: string;
  /** False when a run with the same idempotency key was already stored. */
  created: boolean;
}

/** A stored run. Entity refs are not stored with runs: callers resolve them from links. */
export type StoredRun = Omit<RunSummary, 'entityRef'>;
export type StoredRunDetail = Omit<RunDetail, 'entityRef'>;

/** Metric sums of the CI runs of one workspace on one UTC day: a daily point without rates. */
export type DailyRollup = Omit<
  DailyPoint,
  'hitRate' | 'effectiveHitRate' | 'otherLanguages'
> & {
  otherLanguages: Array<Omit<LanguageTotals, 'hitRate' | 'effectiveHitRate'>>;
};

export interface EntityLink {
  /** Lower-case entity ref, e.g. `component:default/billing`. */
  entityRef: string;
  source: ReportSourceKey;
}

/** Outcome of the last pull of an entity from a CI provider. */
export interface EntityPullStatus {
  entityRef: string;
  providerId: string;
  lastPulledAt: Date;
  /** Last pull that ran to the end (per-run errors aside); null if none did yet. */
  lastSuccessAt: Date | null;
  /** Reports newly stored by the last pull. */
  lastIngested: number;
  /** Why the last pull stopped early, or its per-run errors; null when it had none. */
  lastError: string | null;
  rateLimitedUntil: Date | null;
}

/** A snapshot to store, with the changes it brings against the previous one. */
export interface NewRepositorySnapshot {
  source: ReportSourceKey;
  snapshot: RepositorySnapshot;
  changes: RepositorySnapshotChange[];
}

/** Persistence of reports, their daily rollups, entity links and pull state. */
export interface RustBuildCacheStore {
  /**
   * Stores runs and adds the CI runs that carry metrics to the daily rollups, all in one
   * transaction. Runs whose idempotency key is already stored are left as they are.
   * Results are in the order of `runs`.
   */
  insertRuns(options: { runs: NewRun[] }): Promise<InsertedRun[]>;

  getRun(options: { id: string }): Promise<StoredRunDetail | undefined>;

  /**
   * Splits up to `limit` daily rollups that were summed over all languages (before
   * per-language metrics) by language again, from their day's stored reports; a rollup
   * whose reports retention has deleted stays summed and is marked mixed.
   */
  splitLegacyRollups(options: {
    limit: number;
  }): Promise<{ split: number; mixed: number; remaining: boolean }>;

  getLatestRun(options: {
    source: ReportSourceKey;
    kind?: BuildCacheReport['kind'];
  }): Promise<StoredRunDetail | undefined>;

  /** Newest first. */
  listRuns(options: {
    source: ReportSourceKey;
    kind?: BuildCacheReport['kind'];
    limit: number;
    offset: number;
  }): Promise<{ items: StoredRun[]; total: number }>;

  /** Days without CI runs have no rollup. Ordered by day, both ends inclusive. */
  getDailyRollups(options: {
    source: ReportSourceKey;
    fromDay: string;
    toDay: string;
  }): Promise<DailyRollup[]>;

  /** Sources with stored reports and no entity link, most recently active first. */
  listUnmatchedSources(): Promise<UnmatchedSource[]>;

  /**
   * Replaces all entity links with the given set, atomically; answers the entity refs
   * whose link is new or now names another source.
   */
  replaceEntityLinks(options: {
    links: EntityLink[];
  }): Promise<{ changed: string[] }>;

  upsertEntityLink(options: { link: EntityLink }): Promise<void>;

  getEntityLink(options: {
    entityRef: string;
  }): Promise<EntityLink | undefined>;

  /** The entity whose link names this source; the first by ref if several do. */
  getLinkedEntityRef(options: {
    source: ReportSourceKey;
  }): Promise<string | undefined>;

  /**
   * Every entity linked to each of the sources, by ref, in one read; keyed by
   * `sourceKeyString`. Sources without a link are absent.
   */
  listLinkedEntityRefsBySource(options: {
    sources: ReportSourceKey[];
  }): Promise<Map<string, string[]>>;

  /** Deletes runs that finished before `before`; returns how many. Rollups are kept. */
  deleteRunsFinishedBefore(options: { before: Date }): Promise<number>;

  /** Deletes rollups of days before `day` (`YYYY-MM-DD`); returns how many. */
  deleteRollupsBefore(options: { day: string }): Promise<number>;

  /** Where a pull provider resumes for a repository; undefined before its first pull. */
  getPullCursor(options: {
    providerId: string;
    repository: string;
  }): Promise<string | undefined>;

  setPullCursor(options: {
    providerId: string;
    repository: string;
    cursor: string;
  }): Promise<void>;

  getEntityPullStatus(options: {
    entityRef: string;
  }): Promise<EntityPullStatus | undefined>;

  /** Records the outcome of a pull for each given status (one per entity). */
  upsertEntityPullStatuses(options: {
    statuses: EntityPullStatus[];
  }): Promise<void>;

  /** The latest snapshot of a repository workspace; undefined before the first. */
  getRepositorySnapshot(options: {
    source: ReportSourceKey;
  }): Promise<RepositorySnapshot | undefined>;

  /** Replaces the latest snapshot and appends its changes, in one transaction. */
  saveRepositorySnapshot(options: NewRepositorySnapshot): Promise<void>;

  /** Changes of a repository workspace's snapshot, newest first. */
  listRepositorySnapshotChanges(options: {
    source: ReportSourceKey;
    limit: number;
  }): Promise<RepositorySnapshotChange[]>;
}
