import {
  BuildCacheReport,
  computeRunMetrics,
  ReportSourceKey,
  RunMetrics,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { StoredRun, StoredRunDetail } from './ReportStore';
import { Knex } from 'knex';
import { DbTimestamp, isPostgres, toDate } from '../lib/dbValues';

/** Rows of table `reports`, the columns runs are read with, and the filters by source. */

export interface ReportRow {
  id: string;
  idempotency_key: string;
  repository: string;
  workspace_path: string;
  kind: BuildCacheReport['kind'];
  branch: string | null;
  commit: string | null;
  provider: BuildCacheReport['source']['ci']['provider'];
  run_id: string;
  run_attempt: number;
  job: string;
  url: string | null;
  started_at: DbTimestamp | null;
  finished_at: DbTimestamp;
  received_at: DbTimestamp;
  sccache_version: string | null;
  cache_backend: string | null;
  rustc_release: string | null;
  requests: number | null;
  hits: number | null;
  misses: number | null;
  errors: number | null;
  avoidable_not_cached: number | null;
  compile_seconds: number | null;
  cache_write_errors: number | null;
  cache_timeouts: number | null;
  hit_rate: number | null;
  effective_hit_rate: number | null;
  /** RunMetrics as computed at ingestion, by `computeRunMetrics` of `metrics_version`. */
  metrics_json: string | null;
  /** RUN_METRICS_VERSION at ingestion; null for reports stored before it was kept. */
  metrics_version: number | null;
  report_json: string;
}

/** The columns of a run but its metrics and report. */
export type RunFieldRow = Omit<
  ReportRow,
  | 'idempotency_key'
  | 'report_json'
  | 'metrics_json'
  | 'metrics_version'
  | MetricColumn
>;
/** Metrics also stored in columns at ingestion; runs are served from metrics_json. */
type MetricColumn =
  | 'requests'
  | 'hits'
  | 'misses'
  | 'errors'
  | 'avoidable_not_cached'
  | 'compile_seconds'
  | 'cache_write_errors'
  | 'cache_timeouts'
  | 'hit_rate'
  | 'effective_hit_rate';

// Matches the index reports_source_finished_at_idx; id breaks ties of finish time.
export const NEWEST_FIRST = [
  { column: 'finished_at', order: 'desc' },
  { column: 'id', order: 'desc' },
];

export function toStoredRunDetail(row: ReportRow): StoredRunDetail {
  const report = JSON.parse(row.report_json) as BuildCacheReport;
  return { ...runFields(row), metrics: metricsOf(report), report };
}

/** A run's metrics computed from its report, by this version of `computeRunMetrics`. */
export function metricsOf(report: BuildCacheReport): RunMetrics | null {
  return report.sccache ? computeRunMetrics(report.sccache) : null;
}

export function runFields(row: RunFieldRow): Omit<StoredRun, 'metrics'> {
  return {
    id: row.id,
    kind: row.kind,
    repository: row.repository,
    workspacePath: row.workspace_path,
    branch: row.branch,
    commit: row.commit,
    provider: row.provider,
    runId: row.run_id,
    runAttempt: Number(row.run_attempt),
    job: row.job,
    url: row.url,
    startedAt: row.started_at === null ? null : toIsoString(row.started_at),
    finishedAt: toIsoString(row.finished_at),
    receivedAt: toIsoString(row.received_at),
    sccacheVersion: row.sccache_version,
    cacheBackend: row.cache_backend,
    rustcRelease: row.rustc_release,
  };
}

export function sourceFilter(source: ReportSourceKey) {
  return {
    repository: source.repository,
    workspace_path: source.workspacePath,
  };
}

/**
 * A FROM clause naming one source as relation `l` (columns repository, workspace_path),
 * for raw statements that read a source's rows by `l`: the entity's link (no row when it has
 * none), or a given source.
 */
export interface SourceRelation {
  from: string;
  bindings: string[];
}

export function linkedSourceRelation(entityRef: string): SourceRelation {
  return {
    from: 'from entity_links as l where l.entity_ref = ?',
    bindings: [entityRef],
  };
}

export function givenSourceRelation(
  db: Knex,
  source: ReportSourceKey,
): SourceRelation {
  const text = isPostgres(db) ? '?::text' : '?';
  return {
    from: `from (select ${text} as repository, ${text} as workspace_path) as l`,
    bindings: [source.repository, source.workspacePath],
  };
}

function toIsoString(value: DbTimestamp): string {
  return toDate(value).toISOString();
}
