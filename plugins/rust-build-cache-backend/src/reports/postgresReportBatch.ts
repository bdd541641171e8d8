import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import {
  LANGUAGE_SUM_COLUMNS,
  ROLLUP_SUM_COLUMNS,
  RollupContribution,
  sumContributions,
} from './dailyRollups';

/**
 * PostgreSQL: a batch of new reports stored with one statement. The generic path is a
 * transaction of seven statements (BEGIN, the reports, their policy inputs, two rollup
 * upserts, the source counts, COMMIT), and each is a round trip to the server that the
 * batch waits for; here every table is written by one data-modifying CTE of a single
 * statement, which PostgreSQL runs atomically. The rows travel as JSON documents, one per
 * table, typed by the tables' own row types (`json_populate_record`), so the columns are
 * those of the row objects the generic path inserts. Each source stored to gets a new
 * `inputs_version` (see `addToSourceSummaries`).
 */

/** One report of a batch, with the rows it adds to each table. */
export interface ReportBatchItem {
  /** The `reports` row, with a fresh `id` and its `idempotency_key`. */
  report: { id: string; idempotency_key: string };
  /** Its `report_policy_inputs` row (`report_id` = `report.id`). */
  policyInput: object;
  /** What a new CI run adds to its day's rollups; undefined when it adds nothing. */
  rollup?: RollupContribution;
}

export interface StoredKey {
  id: string;
  /** False when the key was stored before this statement. */
  created: boolean;
}

/**
 * Stores the reports whose idempotency key is new, with their policy inputs, rollups and
 * source counts; answers the id of every key, new or already stored. Items should come
 * ordered by key, so that concurrent batches wait on each other instead of deadlocking.
 */
export async function insertReportBatchPostgres(
  db: Knex,
  items: ReportBatchItem[],
): Promise<Map<string, StoredKey>> {
  const reportColumns = columnsOf(items.map(item => item.report));
  const inputColumns = columnsOf(items.map(item => item.policyInput));
  // Each report's own rollup rows, tagged with its id: only those of created reports count.
  const rollups: object[] = [];
  const languages: object[] = [];
  for (const { report, rollup } of items) {
    if (!rollup) continue;
    const rows = sumContributions([rollup]);
    const tag = { report_id: report.id };
    rollups.push(...rows.rollups.map(row => ({ ...row, ...tag })));
    languages.push(...rows.languages.map(row => ({ ...row, ...tag })));
  }
  const rollupKey = ['repository', 'workspace_path', 'day'];
  const { rows } = await db.raw(
    `with input as (
      select * from json_populate_recordset(null::reports, ?::json)
    ), created as (
      insert into reports (${list(reportColumns)})
      select ${list(reportColumns)} from input
      on conflict (idempotency_key) do nothing
      returning id, idempotency_key, repository, workspace_path, finished_at
    ), policy_inputs as (
      insert into report_policy_inputs (${list(inputColumns)})
      select ${list(inputColumns, 'p')}
      from json_populate_recordset(null::report_policy_inputs, ?::json) p
      where p.report_id in (select id from created)
    ), rollups as (
      ${sumInto('daily_rollups', rollupKey, ROLLUP_SUM_COLUMNS)}
    ), language_rollups as (
      ${sumInto(
        'daily_language_rollups',
        [...rollupKey, 'language'],
        LANGUAGE_SUM_COLUMNS,
      )}
    ), sources as (
      insert into report_sources (repository, workspace_path, reports, last_finished_at, inputs_version)
      select repository, workspace_path, count(*), max(finished_at), ?::uuid from created
      group by repository, workspace_path order by repository, workspace_path
      on conflict (repository, workspace_path) do update set
        reports = report_sources.reports + excluded.reports,
        last_finished_at = greatest(report_sources.last_finished_at, excluded.last_finished_at),
        inputs_version = excluded.inputs_version
    )
    select id, idempotency_key, true as created from created
    union all
    select id, idempotency_key, false from reports
    where idempotency_key in (select idempotency_key from input)`,
    [
      JSON.stringify(items.map(item => item.report)),
      JSON.stringify(items.map(item => item.policyInput)),
      JSON.stringify(rollups),
      JSON.stringify(languages),
      randomUUID(),
    ],
  );
  const stored = new Map<string, StoredKey>();
  for (const row of rows as Array<StoredKey & { idempotency_key: string }>) {
    stored.set(row.idempotency_key, { id: row.id, created: row.created });
  }
  // The statement sees the reports committed before it started: a key that another
  // backend instance stored meanwhile was neither inserted nor seen. Read it now.
  const missing = items
    .map(item => item.report.idempotency_key)
    .filter(key => !stored.has(key));
  if (missing.length > 0) {
    const late: Array<{ id: string; idempotency_key: string }> = await db(
      'reports',
    )
      .select('id', 'idempotency_key')
      .whereIn('idempotency_key', missing);
    for (const row of late) {
      stored.set(row.idempotency_key, { id: row.id, created: false });
    }
  }
  return stored;
}

/**
 * An upsert CTE adding the rows of the report ids in `created` (from the JSON parameter
 * with each row's `report_id`) to `table`, summed per key first: PostgreSQL refuses to
 * upsert one row twice in a statement. Ordered by key, for one row lock order.
 */
function sumInto(
  table: string,
  key: string[],
  sumColumns: readonly string[],
): string {
  return `insert into ${table} (${list([...key, ...sumColumns])})
      select ${list(key, 'r')}, ${sumColumns
    .map(column => `sum(${quoted(column, 'r')})`)
    .join(', ')}
      from json_array_elements(?::json) e
      cross join lateral json_populate_record(null::${table}, e) r
      where (e->>'report_id')::uuid in (select id from created)
      group by ${list(key, 'r')} order by ${list(key, 'r')}
      on conflict (${list(key)}) do update set ${sumColumns
    .map(
      column =>
        `${quoted(column)} = ${quoted(column, table)} + ${quoted(
          column,
          'excluded',
        )}`,
    )
    .join(', ')}`;
}

/** The columns of the rows (the first row's keys; every row has the same). */
function columnsOf(rows: object[]): string[] {
  const columns = Object.keys(rows[0] ?? {});
  for (const column of columns) {
    // Written into the statement: only the plain names the code uses.
    if (!/^[a-z_]+$/.test(column)) {
      throw new Error(`Unexpected column name ${column}`);
    }
  }
  return columns;
}

/** Quoted column names (`commit` is a keyword), optionally of a table alias. */
function list(columns: readonly string[], alias?: string): string {
  return columns.map(column => quoted(column, alias)).join(', ');
}

function quoted(column: string, table?: string): string {
  return table ? `${table}."${column}"` : `"${column}"`;
}
