import { randomUUID } from 'crypto';
import { UnmatchedSource } from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  chunks,
  compareStrings,
  DbNumber,
  DbTimestamp,
  isPostgres,
  toDate,
} from '../lib/dbValues';

/**
 * Table `report_sources`: per (repository, workspace), how many reports are stored and
 * when the latest finished. Ingestion adds to it in the report's transaction, retention
 * subtracts what it deletes, so that the sources no entity links to are read from this
 * small table instead of grouping every report. Both give the row a new random
 * `inputs_version`, which tells the policy whether the window of runs it stored for the
 * source (`policy_source_windows`) is still valid.
 */

const UPSERT_CHUNK_SIZE = 500;

interface SourceRow {
  repository: string;
  workspace_path: string;
  reports: DbNumber;
  last_finished_at: DbTimestamp;
}

/**
 * Counts newly stored reports (any kind) into their sources' rows, with a new
 * `inputs_version` for each: the policy's stored windows of those sources are outdated.
 */
export async function addToSourceSummaries(
  tx: Knex.Transaction,
  reports: Array<{ source: ReportSourceKey; finishedAt: Date }>,
): Promise<void> {
  const bySource = new Map<string, SourceRow & { inputs_version: string }>();
  const inputsVersion = randomUUID();
  for (const { source, finishedAt } of reports) {
    const key = JSON.stringify([source.repository, source.workspacePath]);
    const row = bySource.get(key);
    if (!row) {
      bySource.set(key, {
        repository: source.repository,
        workspace_path: source.workspacePath,
        reports: 1,
        last_finished_at: finishedAt,
        inputs_version: inputsVersion,
      });
    } else {
      row.reports = Number(row.reports) + 1;
      if (finishedAt > (row.last_finished_at as Date))
        row.last_finished_at = finishedAt;
    }
  }
  // One row lock order for concurrent batches (no deadlocks), one row per statement.
  const rows = [...bySource.values()].sort(
    (a, b) =>
      compareStrings(a.repository, b.repository) ||
      compareStrings(a.workspace_path, b.workspace_path),
  );
  for (const chunk of chunks(rows, UPSERT_CHUNK_SIZE)) {
    await tx('report_sources')
      .insert(chunk)
      .onConflict(['repository', 'workspace_path'])
      .merge({
        reports: tx.raw('?? + ??', [
          'report_sources.reports',
          'excluded.reports',
        ]),
        last_finished_at: tx.raw('case when ?? > ?? then ?? else ?? end', [
          'excluded.last_finished_at',
          'report_sources.last_finished_at',
          'excluded.last_finished_at',
          'report_sources.last_finished_at',
        ]),
        inputs_version: tx.raw('??', ['excluded.inputs_version']),
      });
  }
}

/**
 * Deletes the reports (and their policy inputs) that finished before `before` and takes
 * them off their sources' counts, with a new `inputs_version`, in one transaction;
 * answers how many reports.
 */
export async function deleteReportsFinishedBefore(
  db: Knex,
  before: Date,
): Promise<number> {
  // The policy's stored windows of the sources deleted from are outdated.
  const inputsVersion = randomUUID();
  return db.transaction(async tx => {
    let deleted = 0;
    if (isPostgres(tx)) {
      // Counts exactly the rows this delete removed, whatever arrives meanwhile.
      const { rows }: { rows: Array<Omit<SourceRow, 'last_finished_at'>> } =
        await tx.raw(
          'with d as (delete from reports where finished_at < ? returning repository, workspace_path) select repository, workspace_path, count(*) as reports from d group by repository, workspace_path',
          [before],
        );
      for (const chunk of chunks(rows, UPSERT_CHUNK_SIZE)) {
        await tx.raw(
          'update report_sources s set reports = s.reports - d.n, inputs_version = ?::uuid from unnest(?::text[], ?::text[], ?::bigint[]) as d(repository, workspace_path, n) where s.repository = d.repository and s.workspace_path = d.workspace_path',
          [
            inputsVersion,
            chunk.map(row => row.repository),
            chunk.map(row => row.workspace_path),
            chunk.map(row => String(row.reports)),
          ],
        );
      }
      deleted = rows.reduce((sum, row) => sum + Number(row.reports), 0);
    } else {
      // SQLite has one writer: nothing changes between this count and the delete.
      const deletedOf =
        'from reports r where r.repository = report_sources.repository and r.workspace_path = report_sources.workspace_path and r.finished_at < ?';
      await tx('report_sources')
        .whereRaw(`exists (select 1 ${deletedOf})`, [before])
        .update({
          reports: tx.raw(`reports - (select count(*) ${deletedOf})`, [before]),
          inputs_version: inputsVersion,
        });
      deleted = await tx('reports').where('finished_at', '<', before).delete();
    }
    await tx('report_policy_inputs').where('finished_at', '<', before).delete();
    await tx('report_sources').where('reports', '<=', 0).delete();
    // A source keeps its latest finish time unless that report was deleted, which only
    // happens when a report older than `before` arrived during this delete.
    await tx('report_sources')
      .where('last_finished_at', '<', before)
      .update({
        last_finished_at: tx.raw(
          '(select max(r.finished_at) from reports r where r.repository = report_sources.repository and r.workspace_path = report_sources.workspace_path)',
        ),
      });
    return deleted;
  });
}

/** Sources with stored reports and no entity link, most recently active first. */
export async function listUnmatchedSources(
  db: Knex,
): Promise<UnmatchedSource[]> {
  const rows: SourceRow[] = await db('report_sources as s')
    .select(
      's.repository',
      's.workspace_path',
      's.reports',
      's.last_finished_at',
    )
    .whereNotExists(
      db('entity_links as l')
        .select(db.raw('1'))
        .whereRaw('?? = ??', ['l.repository', 's.repository'])
        .whereRaw('?? = ??', ['l.workspace_path', 's.workspace_path']),
    )
    .orderBy([
      { column: 's.last_finished_at', order: 'desc' },
      { column: 's.repository', order: 'asc' },
      { column: 's.workspace_path', order: 'asc' },
    ]);
  return rows.map(row => ({
    repository: row.repository,
    workspacePath: row.workspace_path,
    reports: Number(row.reports),
    lastFinishedAt: toDate(row.last_finished_at).toISOString(),
  }));
}
