import type {
  BuildCacheReport,
  BuildSettings,
  DependencyInfo,
  ToolchainFile,
} from '../report/schema';
import type { RunMetrics } from '../metrics/types';

/**
 * Types of the HTTP API at `/api/rust-build-cache`, shared by the backend router and the
 * frontend client.
 */

/** Answer of `POST /reports`: 201 when stored, 200 when the same run was already stored. @public */
export interface IngestReportResponse {
  id: string;
  created: boolean;
  /** The catalog entity the report was linked to, or null while it is unmatched. */
  entityRef: string | null;
  /**
   * `linked`; `no-entity` when no catalog entity names the report's repository and
   * workspace; `linking-pending` when the backend could not ask the catalog now (the
   * scheduled link task links it later). Absent from backends before 0.1.
   */
  entityStatus?: 'linked' | 'no-entity' | 'linking-pending';
}

/** Body of `POST /reports/batch`: 1 to `rustBuildCache.ingestion.maxBatchReports` reports. @public */
export interface IngestReportBatchRequest {
  reports: BuildCacheReport[];
}

/**
 * One report's outcome in a batch, as `POST /reports` would have answered it: 201 stored
 * now, 200 stored before (also by an earlier item of the same batch), 400 not a valid
 * report (nothing of it stored), 500 not stored for a server error (send it again).
 * @public
 */
export type IngestReportBatchItem =
  | ({ status: 201 | 200 } & IngestReportResponse)
  | { status: 400 | 500; error: string };

/** Answer of `POST /reports/batch`: one item per report, in the request's order. @public */
export interface IngestReportBatchResponse {
  results: IngestReportBatchItem[];
}

/** One stored run, without the full report. @public */
export interface RunSummary {
  id: string;
  entityRef: string | null;
  kind: BuildCacheReport['kind'];
  /** `host/owner/name` */
  repository: string;
  workspacePath: string;
  branch: string | null;
  commit: string | null;
  provider: BuildCacheReport['source']['ci']['provider'];
  runId: string;
  runAttempt: number;
  job: string;
  url: string | null;
  startedAt: string | null;
  finishedAt: string;
  receivedAt: string;
  sccacheVersion: string | null;
  cacheBackend: string | null;
  rustcRelease: string | null;
  /** Null when the report carried no sccache statistics. */
  metrics: RunMetrics | null;
}

/** One run with its whole report. @public */
export interface RunDetail extends RunSummary {
  report: BuildCacheReport;
}

/** `GET /entities/:namespace/:kind/:name/runs` @public */
export interface RunPage {
  items: RunSummary[];
  total: number;
  limit: number;
  /** Position of the first item among all runs, newest first. */
  offset: number;
  /**
   * Present when older runs follow: pass it as `cursor` for the next page, which then
   * costs the same however deep it is (keyset pagination).
   */
  nextCursor?: string;
}

/** One language group's counts summed over several runs, with the rates over the sums. @public */
export interface LanguageTotals {
  /** sccache's language group, e.g. `C/C++`. */
  language: string;
  hits: number;
  misses: number;
  errors: number;
  avoidableNotCached: number;
  hitRate: number | null;
  effectiveHitRate: number | null;
}

/**
 * One day of an entity's CI runs (kind `ci` only), summed over the runs of that day. The
 * hit and miss counts and the rates are Rust's; other language groups are in
 * `otherLanguages`.
 * @public
 */
export interface DailyPoint {
  /** `YYYY-MM-DD`, UTC */
  day: string;
  runs: number;
  requests: number;
  hits: number;
  misses: number;
  errors: number;
  avoidableNotCached: number;
  hitRate: number | null;
  effectiveHitRate: number | null;
  /** The language groups other than Rust (C/C++, CUDA, …) that the day's runs compiled. */
  otherLanguages: LanguageTotals[];
  compileSeconds: number;
  /** Failed cache writes (`RunMetrics.failures.writeErrors`). */
  cacheWriteErrors: number;
  /**
   * True for a day summed before per-language metrics existed whose reports are gone, so
   * that it could not be split again: its counts and rates are of all languages together.
   */
  languagesMixed: boolean;
}

/** `GET /entities/:namespace/:kind/:name/timeseries` @public */
export interface TimeSeries {
  entityRef: string;
  from: string;
  to: string;
  points: DailyPoint[];
}

/** One setting that differs between two runs, a likely cause of a change in misses. @public */
export interface ReportDifference {
  /** Stable id of the compared setting, e.g. `toolchain.rustc`, `build.env.rustflags`. */
  key: string;
  /** Human label, e.g. "rustc used in CI". */
  label: string;
  base: string | null;
  head: string | null;
  /** Why a change here invalidates sccache keys (or why it does not). */
  explanation: string;
  /** True when a change in this setting changes sccache's cache keys for Rust. */
  affectsCacheKeys: boolean;
}

/** `GET /runs/compare?base=<id>&head=<id>` @public */
export interface RunComparison {
  base: RunSummary;
  head: RunSummary;
  differences: ReportDifference[];
}

/** A repository/workspace that sent reports but matches no catalog entity. @public */
export interface UnmatchedSource {
  repository: string;
  workspacePath: string;
  reports: number;
  lastFinishedAt: string;
}

/**
 * The last pull of an entity's CI runs. `GET /entities/:namespace/:kind/:name/pull-status`
 * answers `{ status: PullStatus | null }`.
 * @public
 */
export interface PullStatus {
  entityRef: string;
  providerId: string;
  lastPulledAt: string;
  /** Last pull that ran to the end (per-run errors aside); null if none did yet. */
  lastSuccessAt: string | null;
  /** Reports newly stored by the last pull. */
  lastIngested: number;
  /** Why the last pull stopped early, or its per-run errors; null when it had none. */
  lastError: string | null;
  rateLimitedUntil: string | null;
}

/** How the repository's CI workflows are set up for caching, as read from their files. @public */
export interface WorkflowCachingSetup {
  /** Paths of the workflow files read, e.g. `.github/workflows/ci.yml`. */
  files: string[];
  /** Some workflow sets `RUSTC_WRAPPER: sccache` (or uses an sccache setup action that does). */
  setsRustcWrapperSccache: boolean;
  /** Some workflow uses an sccache set-up action (e.g. `mozilla-actions/sccache-action`). */
  usesSccacheAction: boolean;
  setsCargoIncrementalZero: boolean;
  setsSccacheCacheSize: boolean;
  /** Some workflow installs an explicit toolchain version (not `stable`). */
  pinsToolchain: boolean;
}

/**
 * What an entity's repository pins, read from its default branch with the UrlReader.
 * `GET /entities/:namespace/:kind/:name/snapshot` answers
 * `{ snapshot: RepositorySnapshot | null, history: RepositorySnapshotChange[] }`.
 * @public
 */
export interface RepositorySnapshot {
  /** `host/owner/name` */
  repository: string;
  workspacePath: string;
  readAt: string;
  toolchainFile: ToolchainFile | null;
  /** Null when the workspace has no committed Cargo.lock. */
  dependencies: DependencyInfo | null;
  cargoLockCommitted: boolean;
  profiles: BuildSettings['profiles'];
  workflows: WorkflowCachingSetup | null;
  /** Files that could not be read or parsed, each with the reason. */
  problems: string[];
  /**
   * Set for the toolchain file or Cargo.lock when no snapshot could read it yet: what
   * could not be read and which integration would fix it. Rules then answer from the CI
   * report, or with insufficient data, instead of judging the empty value.
   */
  unreadable?: { toolchain?: string; dependencies?: string };
}

/** A change of the toolchain pin or of the dependency fingerprint between two snapshots. @public */
export interface RepositorySnapshotChange {
  at: string;
  field: 'toolchain' | 'dependencies';
  from: string | null;
  to: string | null;
}

/**
 * `POST /entities/:namespace/:kind/:name/refresh`: pulls the entity's CI runs and re-reads
 * its repository now. Each part is null when it does not apply (no pull provider supports
 * the repository, or snapshots are disabled); the request fails with 400 when neither does.
 * @public
 */
export interface RefreshResponse {
  status: PullStatus | null;
  snapshot: RepositorySnapshot | null;
}

/**
 * `GET /entities/:namespace/:kind/:name/refresh-sources`: what a refresh of the entity would
 * do, so that the UI offers "Refresh now" only when it can do something.
 * @public
 */
export interface RefreshSources {
  /** Id of the pull provider that supports the entity's repository, null when none does. */
  pullProvider: string | null;
  /** True when repository snapshots are enabled and the entity names its repository. */
  repositorySnapshot: boolean;
}

/**
 * `GET /entities/:namespace/:kind/:name/fix-files`: the files of the entity's repository
 * that the fix actions read and edit (the workspace's `rust-toolchain` and
 * `rust-toolchain.toml`, the workflows in `.github/workflows`), read from its default
 * branch through the backend's UrlReader, as the fix template's `fetch:plain` reads them.
 * The fix preview runs the template's dry-run on them.
 * @public
 */
export interface FixFilesResponse {
  /** `host/owner/name`. */
  repository: string;
  /** The Cargo workspace directory in the repository (`.` for the root). */
  workspacePath: string;
  /** The files that exist, paths relative to the repository root, sorted. */
  files: Array<{ path: string; content: string }>;
}
