import {
  BuildCacheReport,
  computeRunMetrics,
  ReportSourceKey,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { StoredRun, StoredRunDetail } from './ReportStore';
import { DbTimestamp, toDate } from '../lib/dbValues';

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
  /** RunMetrics as computed at ingestion; kept for audit, the API recomputes them. */
  metrics_json: string | null;
  report_json: string;
}

// Everything a run needs but the metrics stored at ingestion: the API computes metrics from
// the report, so that corrections of the metrics apply to runs stored before them.
export const RUN_COLUMNS: Array<keyof ReportRow> = [
  'id',
  'idempotency_key',
  'repository',
  'workspace_path',
  'kind',
  'branch',
  'commit',
  'provider',
  'run_id',
  'run_attempt',
  'job',
  'url',
  'started_at',
  'finished_at',
  'received_at',
  'sccache_version',
  'cache_backend',
  'rustc_release',
  'requests',
  'hits',
  'misses',
  'errors',
  'avoidable_not_cached',
  'compile_seconds',
  'cache_write_errors',
  'cache_timeouts',
  'hit_rate',
  'effective_hit_rate',
  'report_json',
];

// Matches the index reports_source_finished_at_idx; id breaks ties of finish time.
export const NEWEST_FIRST = [
  { column: 'finished_at', order: 'desc' },
  { column: 'id', order: 'desc' },
];

export function toStoredRun(row: ReportRow): StoredRun {
  const { report: _report, ...run } = toStoredRunDetail(row);
  return run;
}

export function toStoredRunDetail(row: ReportRow): StoredRunDetail {
  const report = JSON.parse(row.report_json) as BuildCacheReport;
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
    metrics: report.sccache ? computeRunMetrics(report.sccache) : null,
    report,
  };
}

export function sourceFilter(source: ReportSourceKey) {
  return {
    repository: source.repository,
    workspace_path: source.workspacePath,
  };
}

/**
 * The reports of the source an entity is linked to, the link read within the statement:
 * each column equal to a one-row subquery, so that PostgreSQL still reads the range of
 * reports_source_finished_at_idx in order (an `in (select …)` join sorts the whole source).
 */
export function linkedSourceFilter(db: Knex, entityRef: string) {
  const linked = (column: string) =>
    db('entity_links').select(column).where('entity_ref', entityRef);
  return (query: Knex.QueryBuilder) =>
    query
      .where('repository', linked('repository'))
      .where('workspace_path', linked('workspace_path'));
}

function toIsoString(value: DbTimestamp): string {
  return toDate(value).toISOString();
}
