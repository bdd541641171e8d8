import { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { DbNumber, isPostgres } from '../lib/dbValues';

/**
 * Table `policy_source_windows`: each source's window (its runs, and the policy projections
 * of the reports read in full) as the policy last read it from the runs, so that the next
 * evaluation reads one row by primary key instead of the source's runs and reports. A
 * window is valid while the source's `report_sources` row has the `inputs_version` and
 * report count it was read with (ingestion and retention give the row a new version in
 * their transactions) and it holds the number of CI runs asked for; the others are read
 * from the runs again and stored anew. See the table's migrations.
 */

/** The window of a source (named by its index in the sources read), as the policy reads it. */
export interface SourceWindow {
  n: number;
  /** JSON array of its runs' stored PolicyRuns (`encodePolicyRun`), newest first. */
  runs_json: string;
  /** JSON array of the policy projections of its reports read in full (`reportsReadInFull`). */
  reports_json: string;
}

/** A window read from the runs, with its source's `report_sources` row as of that read. */
export interface ReadWindow extends SourceWindow {
  /**
   * Null when the source has no such row, or one without a version (created by an earlier
   * version's ingestion during a rolling upgrade): its window is not stored.
   */
  inputs_version: string | null;
  source_reports: DbNumber | null;
}

/** The stored windows of `sources` that are valid and hold `ciRuns` CI runs. */
export async function readValidWindows(
  db: Knex,
  sources: ReportSourceKey[],
  ciRuns: number,
): Promise<SourceWindow[]> {
  const columns = 'w.runs_json, w.reports_json';
  const valid =
    'v.inputs_version = w.inputs_version and v.reports = w.source_reports and w.ci_runs = ?';
  if (isPostgres(db)) {
    const { rows } = await db.raw(
      `select (s.n - 1)::int as n, ${columns} from unnest(?::text[], ?::text[]) with ordinality as s(repository, workspace_path, n) join policy_source_windows w on w.repository = s.repository and w.workspace_path = s.workspace_path join report_sources v on v.repository = w.repository and v.workspace_path = w.workspace_path where ${valid}`,
      [
        sources.map(source => source.repository),
        sources.map(source => source.workspacePath),
        ciRuns,
      ],
    );
    return rows;
  }
  return db.raw(
    `select s.key as n, ${columns} from json_each(?) as s join policy_source_windows w on w.repository = json_extract(s.value, '$[0]') and w.workspace_path = json_extract(s.value, '$[1]') join report_sources v on v.repository = w.repository and v.workspace_path = w.workspace_path where ${valid}`,
    [
      JSON.stringify(
        sources.map(source => [source.repository, source.workspacePath]),
      ),
      ciRuns,
    ],
  );
}

/**
 * Stores the windows just read from the runs of `sources` (rows named by index), except
 * those of sources without a `report_sources` row. Rows are written in key order: two
 * evaluations storing windows of the same sources wait on each other, never deadlock.
 * A window stored late (its source changed since it was read) is simply not valid.
 */
export async function storeWindows(
  db: Knex,
  sources: ReportSourceKey[],
  ciRuns: number,
  rows: ReadWindow[],
): Promise<void> {
  const windows = rows
    .filter(row => row.inputs_version !== null && row.source_reports !== null)
    .map(row => ({
      repository: sources[row.n].repository,
      workspace_path: sources[row.n].workspacePath,
      inputs_version: row.inputs_version,
      source_reports: Number(row.source_reports),
      ci_runs: ciRuns,
      runs_json: row.runs_json,
      reports_json: row.reports_json,
    }));
  if (windows.length === 0) return;
  const updates = [
    'inputs_version',
    'source_reports',
    'ci_runs',
    'runs_json',
    'reports_json',
  ]
    .map(column => `${column} = excluded.${column}`)
    .join(', ');
  const into =
    'insert into policy_source_windows (repository, workspace_path, inputs_version, source_reports, ci_runs, runs_json, reports_json)';
  const onConflict = `on conflict (repository, workspace_path) do update set ${updates}`;
  if (isPostgres(db)) {
    await db.raw(
      `${into} select w.repository, w.workspace_path, w.inputs_version, w.source_reports, w.ci_runs, w.runs_json, w.reports_json from json_populate_recordset(null::policy_source_windows, ?::json) w order by w.repository, w.workspace_path ${onConflict}`,
      [JSON.stringify(windows)],
    );
    return;
  }
  // SQLite has one writer. `where true`: an upsert's SELECT needs a WHERE clause.
  await db.raw(
    `${into} select value ->> 'repository', value ->> 'workspace_path', value ->> 'inputs_version', value ->> 'source_reports', value ->> 'ci_runs', value ->> 'runs_json', value ->> 'reports_json' from json_each(?) where true ${onConflict}`,
    [JSON.stringify(windows)],
  );
}

/**
 * Deletes the windows that are no longer valid: their sources changed since (they are read
 * again when next needed) or have no reports left. PostgreSQL skips the rows an evaluation
 * is storing meanwhile, so that neither waits on the other.
 */
export async function deleteOutdatedWindows(db: Knex): Promise<number> {
  const outdated =
    'not exists (select 1 from report_sources v where v.repository = w.repository and v.workspace_path = w.workspace_path and v.inputs_version = w.inputs_version and v.reports = w.source_reports)';
  if (isPostgres(db)) {
    const { rowCount } = await db.raw(
      `with outdated as (select repository, workspace_path from policy_source_windows w where ${outdated} order by repository, workspace_path for update skip locked) delete from policy_source_windows w using outdated o where w.repository = o.repository and w.workspace_path = o.workspace_path`,
    );
    return rowCount ?? 0;
  }
  return db('policy_source_windows as w').whereRaw(outdated).delete();
}
