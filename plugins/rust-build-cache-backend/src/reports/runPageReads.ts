import {
  BuildCacheReport,
  ReportSourceKey,
  RUN_METRICS_VERSION,
  RunMetrics,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { DbNumber, DbTimestamp, isPostgres } from '../lib/dbValues';
import { queryPlannedOnce, StatementOptions } from '../lib/plannedOnce';
import {
  givenSourceRelation,
  linkedSourceRelation,
  metricsOf,
  runFields,
  SourceRelation,
} from './reportRows';
import type { RunPageOptions, RunPageRows } from './ReportStore';

/**
 * A page of a source's runs, newest first, in one statement that answers one row: the
 * source's total, the position of a cursor, and the page's runs as one JSON array built by
 * the database (the driver parses one string instead of a row object per run). A run's
 * metrics are served as stored at ingestion while their version is current; otherwise its
 * report comes along and they are computed again (`metricsOf`), so that corrections of
 * `computeRunMetrics` apply to runs stored before them.
 */

/** A run as the statement answers it; times in milliseconds since the epoch. */
type RunTuple = [
  id: string,
  kind: BuildCacheReport['kind'],
  repository: string,
  workspacePath: string,
  branch: string | null,
  commit: string | null,
  provider: BuildCacheReport['source']['ci']['provider'],
  runId: string,
  runAttempt: number,
  job: string,
  url: string | null,
  startedAt: DbTimestamp | null,
  finishedAt: DbTimestamp,
  receivedAt: DbTimestamp,
  sccacheVersion: string | null,
  cacheBackend: string | null,
  rustcRelease: string | null,
  metricsVersion: number | null,
  metrics: RunMetrics | null,
  report: BuildCacheReport | null,
];

/** The page of the source an entity is linked to; undefined when it has no link. */
export async function readLinkedRunPage(
  db: Knex,
  options: RunPageOptions & { entityRef: string },
  statements: StatementOptions,
): Promise<RunPageRows | undefined> {
  return readRunPage(
    db,
    options,
    linkedSourceRelation(options.entityRef),
    statements,
  );
}

export async function readSourceRunPage(
  db: Knex,
  options: RunPageOptions & { source: ReportSourceKey },
  statements: StatementOptions,
): Promise<RunPageRows> {
  // A given source always answers its row.
  const page = await readRunPage(
    db,
    options,
    givenSourceRelation(db, options.source),
    statements,
  );
  return page!;
}

/** Undefined when the relation has no source (an entity without a link). */
async function readRunPage(
  db: Knex,
  options: RunPageOptions,
  { from, bindings: fromBindings }: SourceRelation,
  statements: StatementOptions,
): Promise<RunPageRows | undefined> {
  const postgres = isPostgres(db);
  const { kind, after } = options;
  const ofSource = (alias: string) =>
    `${alias}.repository = l.repository and ${alias}.workspace_path = l.workspace_path${
      kind ? ` and ${alias}.kind = ?` : ''
    }`;
  const kindBinding = kind ? [kind] : [];
  const cursorBindings = after ? [new Date(after.finishedAt), after.id] : [];
  // Every run is counted in `report_sources` (with each insert and retention delete): one
  // row instead of counting the source's range; runs of one kind are counted.
  const total = kind
    ? `(select count(*) from reports as c where ${ofSource('c')})`
    : '(select s.reports from report_sources as s where s.repository = l.repository and s.workspace_path = l.workspace_path)';
  // After a cursor: the runs older than it, a range of reports_source_finished_at_idx read
  // from its start (deep pages cost what the first does). How many runs precede it comes
  // with the cursor; only a cursor made before cursors carried it has them counted.
  const countNewer = after !== undefined && after.position === undefined;
  const newer = countNewer
    ? `(select count(*) from reports as n where ${ofSource(
        'n',
      )} and (n.finished_at, n.id) >= (?, ?))`
    : '0';
  const page = `select ${runTuple(
    postgres,
  )} as run, r.finished_at, r.id from reports as r where ${ofSource('r')}${
    after ? ' and (r.finished_at, r.id) < (?, ?)' : ''
  } order by r.finished_at desc, r.id desc limit ? offset ?`;
  const newestFirst = 'order by p.finished_at desc, p.id desc';
  // PostgreSQL's json_agg answers null over no rows; SQLite's json_group_array answers []
  // (and needs json() to embed each run as JSON, not as its text, through the subquery).
  const items = postgres
    ? `(select coalesce(json_agg(p.run ${newestFirst}), '[]'::json)::text from (${page}) as p)`
    : `(select json_group_array(json(p.run) ${newestFirst}) from (${page}) as p)`;
  const sql = `select ${total} as total, ${newer} as newer, ${items} as items ${from}`;
  const rows = await queryPlannedOnce<{
    total: DbNumber | null;
    newer: DbNumber;
    items: string;
  }>(
    db,
    sql,
    [
      ...kindBinding,
      ...(countNewer ? [...kindBinding, ...cursorBindings] : []),
      ...kindBinding,
      ...cursorBindings,
      options.limit,
      options.offset,
      ...fromBindings,
    ],
    statements,
  );
  if (rows.length === 0) return undefined;
  const [row] = rows;
  return {
    items: (JSON.parse(row.items) as RunTuple[]).map(toStoredRun),
    total: Number(row.total ?? 0),
    offset: (after?.position ?? 0) + Number(row.newer) + options.offset,
  };
}

/** The run's fields as one JSON array ({@link RunTuple}). */
function runTuple(postgres: boolean): string {
  const time = (column: string) =>
    postgres
      ? `(extract(epoch from r.${column}) * 1000)::bigint`
      : `r.${column}`;
  const json = (column: string) =>
    postgres ? `r.${column}::json` : `json(r.${column})`;
  const fields = [
    'r.id',
    'r.kind',
    'r.repository',
    'r.workspace_path',
    'r.branch',
    'r."commit"',
    'r.provider',
    'r.run_id',
    'r.run_attempt',
    'r.job',
    'r.url',
    time('started_at'),
    time('finished_at'),
    time('received_at'),
    'r.sccache_version',
    'r.cache_backend',
    'r.rustc_release',
    'r.metrics_version',
    json('metrics_json'),
    `case when r.metrics_version = ${RUN_METRICS_VERSION} then null else ${json(
      'report_json',
    )} end`,
  ];
  return postgres
    ? `json_build_array(${fields.join(', ')})`
    : `json_array(${fields.join(', ')})`;
}

function toStoredRun(tuple: RunTuple) {
  const [
    id,
    kind,
    repository,
    workspacePath,
    branch,
    commit,
    provider,
    runId,
    runAttempt,
    job,
    url,
    startedAt,
    finishedAt,
    receivedAt,
    sccacheVersion,
    cacheBackend,
    rustcRelease,
    metricsVersion,
    metrics,
    report,
  ] = tuple;
  const fields = runFields({
    id,
    kind,
    repository,
    workspace_path: workspacePath,
    branch,
    commit,
    provider,
    run_id: runId,
    run_attempt: runAttempt,
    job,
    url,
    started_at: startedAt,
    finished_at: finishedAt,
    received_at: receivedAt,
    sccache_version: sccacheVersion,
    cache_backend: cacheBackend,
    rustc_release: rustcRelease,
  });
  if (metricsVersion === RUN_METRICS_VERSION) return { ...fields, metrics };
  if (!report) throw new Error(`Run ${id} was read without its report`);
  return { ...fields, metrics: metricsOf(report) };
}
