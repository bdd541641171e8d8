import type { BuildCacheReport } from '../report/schema';
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
  offset: number;
}

/** One day of an entity's CI runs (kind `ci` only), summed over the runs of that day. @public */
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
  compileSeconds: number;
  cacheWriteErrors: number;
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
