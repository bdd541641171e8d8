import {
  BuildCacheReport,
  DailyPoint,
  LanguageTotals,
  ReportSourceKey,
  RunDetail,
  RunMetrics,
  RunSummary,
  UnmatchedSource,
} from '@rust-build-cache/plugin-rust-build-cache-common';

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

/** A run's place in the newest-first order: its finish time (ISO 8601) and id. */
export interface RunCursor {
  finishedAt: string;
  id: string;
  /**
   * How many runs preceded the page that follows the cursor when the cursor was made (the
   * next page's offset), so that pages after it need not count them. Cursors made before
   * it was carried lack it; the store counts then.
   */
  position?: number;
}

/** A page of runs, newest first (see {@link ReportStore.listRuns}). */
export interface RunPageOptions {
  kind?: BuildCacheReport['kind'];
  limit: number;
  offset: number;
  after?: RunCursor;
}

export interface RunPageRows {
  items: StoredRun[];
  total: number;
  /** The position of the first item among all runs. */
  offset: number;
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

/** Persistence of reports and their daily rollups (tables `reports`, `daily_rollups` and their read models). */
export interface ReportStore {
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

  getLatestRun(options: {
    source: ReportSourceKey;
    kind?: BuildCacheReport['kind'];
  }): Promise<StoredRunDetail | undefined>;

  /**
   * {@link ReportStore.getLatestRun} of the source the entity (normalised ref) is linked
   * to, with the link in the same statement; undefined when the entity has no link.
   */
  getLatestLinkedRun(options: {
    entityRef: string;
    kind?: BuildCacheReport['kind'];
  }): Promise<{ run: StoredRunDetail | undefined } | undefined>;

  /**
   * Newest first: `limit` runs after skipping `offset`, counted from the newest run or,
   * with `after`, from the first run older than that one (keyset pagination). Answers
   * the position of the first item among all runs as `offset`.
   */
  listRuns(
    options: RunPageOptions & { source: ReportSourceKey },
  ): Promise<RunPageRows>;

  /**
   * {@link ReportStore.listRuns} of the source the entity (normalised ref) is linked to,
   * the link read in the same statement (no round trip of its own); undefined when the
   * entity has no link.
   */
  listLinkedRuns(
    options: RunPageOptions & { entityRef: string },
  ): Promise<RunPageRows | undefined>;

  /** Days without CI runs have no rollup. Ordered by day, both ends inclusive. */
  getDailyRollups(options: {
    source: ReportSourceKey;
    fromDay: string;
    toDay: string;
  }): Promise<DailyRollup[]>;

  /**
   * {@link ReportStore.getDailyRollups} of the source the entity (normalised ref) is
   * linked to, the link read in the same statement; undefined when it has no link.
   */
  getLinkedDailyRollups(options: {
    entityRef: string;
    fromDay: string;
    toDay: string;
  }): Promise<DailyRollup[] | undefined>;

  /** Days without CI runs have no rollup. Ordered by day, both ends inclusive. */
  getDailyRollups(options: {
    source: ReportSourceKey;
    fromDay: string;
    toDay: string;
  }): Promise<DailyRollup[]>;

  /** Sources with stored reports and no entity link, most recently active first. */
  listUnmatchedSources(): Promise<UnmatchedSource[]>;

  /** Deletes runs that finished before `before`; returns how many. Rollups are kept. */
  deleteRunsFinishedBefore(options: { before: Date }): Promise<number>;

  /** Deletes rollups of days before `day` (`YYYY-MM-DD`); returns how many. */
  deleteRollupsBefore(options: { day: string }): Promise<number>;
}

/** A consumer's CI run, as the measured effect of pre-warming reads it. */
export interface ConsumerRun {
  id: string;
  finishedAt: Date;
  metrics: RunMetrics | null;
  /** cargo's `timings.totalSeconds`; null without timings. */
  buildSeconds: number | null;
}

/**
 * What pre-warming reads of the reports: the latest CI report of a workspace (to plan),
 * a warm build's own report and its consumers' runs (to measure).
 */
export interface WarmBuildReports extends Pick<ReportStore, 'getLatestRun'> {
  /** The `kind: prewarm` report a warm build pushed (its latest attempt), if any. */
  findPrewarmReport(options: {
    source: ReportSourceKey;
    ciRunId: string;
  }): Promise<{ id: string; cacheWrites: number | null } | undefined>;

  /** `kind: ci` runs of the sources that finished in [from, to). */
  listConsumerRuns(options: {
    sources: ReportSourceKey[];
    from: Date;
    to: Date;
  }): Promise<ConsumerRun[]>;
}
