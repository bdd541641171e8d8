import {
  BuildCacheReport,
  computeRunMetrics,
  RunMetrics,
  RUST_LANGUAGE,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { addDays, utcDay } from '../lib/utcDays';
import { chunks, compareStrings, DbNumber, isPostgres } from '../lib/dbValues';
import type { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';

/**
 * The daily rollups (`daily_rollups`: Rust's counts and the run-wide sums;
 * `daily_language_rollups`: every other language group), owned by
 * `DatabaseReportStore`.
 */

// Rows per INSERT, well below the bind-parameter limits of SQLite and PostgreSQL.
const INSERT_CHUNK_SIZE = 500;

/** `split`: counts are Rust's; `legacy`/`mixed`: all languages (see the migration). */
type RollupLanguages = 'split' | 'legacy' | 'mixed';

export interface RollupInsertRow {
  repository: string;
  workspace_path: string;
  day: string;
  runs: number;
  requests: number;
  hits: number;
  misses: number;
  errors: number;
  avoidable_not_cached: number;
  compile_seconds: number;
  cache_write_errors: number;
}

export const ROLLUP_SUM_COLUMNS = [
  'runs',
  'requests',
  'hits',
  'misses',
  'errors',
  'avoidable_not_cached',
  'compile_seconds',
  'cache_write_errors',
] as const;

export interface LanguageInsertRow {
  repository: string;
  workspace_path: string;
  day: string;
  language: string;
  hits: number;
  misses: number;
  errors: number;
  avoidable_not_cached: number;
}

export const LANGUAGE_SUM_COLUMNS = [
  'hits',
  'misses',
  'errors',
  'avoidable_not_cached',
] as const;

type Numbers<T> = {
  [column in keyof T]: T[column] extends number ? DbNumber : T[column];
};
type RollupRow = Numbers<RollupInsertRow> & { languages: RollupLanguages };

/** The part of a new CI run that its day's rollup needs. */
export interface RollupContribution {
  source: ReportSourceKey;
  finishedAt: string;
  metrics: RunMetrics;
}

function sourceFilter(source: ReportSourceKey) {
  return {
    repository: source.repository,
    workspace_path: source.workspacePath,
  };
}

/** Sums the contributions per (source, day) and language, as rows to add. */
export function sumContributions(contributions: RollupContribution[]): {
  rollups: RollupInsertRow[];
  languages: LanguageInsertRow[];
} {
  const rollups = new Map<string, RollupInsertRow>();
  const languages = new Map<string, LanguageInsertRow>();
  for (const { source, finishedAt, metrics } of contributions) {
    const day = utcDay(finishedAt);
    const key = JSON.stringify([source.repository, source.workspacePath, day]);
    const rollup = rollups.get(key) ?? {
      ...sourceFilter(source),
      day,
      runs: 0,
      requests: 0,
      hits: 0,
      misses: 0,
      errors: 0,
      avoidable_not_cached: 0,
      compile_seconds: 0,
      cache_write_errors: 0,
    };
    rollup.runs += 1;
    rollup.requests += metrics.requests;
    rollup.hits += metrics.hits;
    rollup.misses += metrics.misses;
    rollup.errors += metrics.errors;
    rollup.avoidable_not_cached += metrics.avoidableNotCached;
    rollup.compile_seconds += metrics.compileSeconds;
    rollup.cache_write_errors += metrics.failures.writeErrors;
    rollups.set(key, rollup);
    for (const language of metrics.languages) {
      if (language.language === RUST_LANGUAGE) continue;
      const languageKey = JSON.stringify([key, language.language]);
      const row = languages.get(languageKey) ?? {
        ...sourceFilter(source),
        day,
        language: language.language,
        hits: 0,
        misses: 0,
        errors: 0,
        avoidable_not_cached: 0,
      };
      row.hits += language.hits;
      row.misses += language.misses;
      row.errors += language.errors;
      row.avoidable_not_cached += language.avoidableNotCached;
      languages.set(languageKey, row);
    }
  }
  // Sorted for one lock order across concurrent batches.
  const sorted = <T>(map: Map<string, T>) =>
    [...map.entries()]
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([, row]) => row);
  return { rollups: sorted(rollups), languages: sorted(languages) };
}

/** Upserts rows, adding the sum columns to those already stored. */
async function addRows(
  tx: Knex.Transaction,
  table: string,
  rows: object[],
  conflict: string[],
  sumColumns: readonly string[],
) {
  for (const chunk of chunks(rows, INSERT_CHUNK_SIZE)) {
    await tx(table)
      .insert(chunk)
      .onConflict(conflict)
      .merge(
        Object.fromEntries(
          sumColumns.map(column => [
            column,
            tx.raw('?? + ??', [`${table}.${column}`, `excluded.${column}`]),
          ]),
        ),
      );
  }
}

/** Adds new CI runs to their days' rollups (PostgreSQL refuses to upsert one row twice per statement, hence the sums first). */
export async function addToDailyRollups(
  tx: Knex.Transaction,
  contributions: RollupContribution[],
): Promise<void> {
  const { rollups, languages } = sumContributions(contributions);
  const key = ['repository', 'workspace_path', 'day'];
  await addRows(tx, 'daily_rollups', rollups, key, ROLLUP_SUM_COLUMNS);
  await addRows(
    tx,
    'daily_language_rollups',
    languages,
    [...key, 'language'],
    LANGUAGE_SUM_COLUMNS,
  );
}

export async function deleteDailyRollupsBefore(
  db: Knex,
  day: string,
): Promise<number> {
  await db('daily_language_rollups').where('day', '<', day).delete();
  return db('daily_rollups').where('day', '<', day).delete();
}

/**
 * Splits rollups summed before per-language metrics (`legacy`) by language again, from the
 * stored CI reports of their day, with today's `computeRunMetrics`. A rollup whose reports
 * are no longer all stored (retention) cannot be split and becomes `mixed`. Each rollup is
 * rewritten in a transaction of its own; at most `limit` per call.
 */
export async function splitLegacyRollups(
  db: Knex,
  limit: number,
): Promise<{ split: number; mixed: number; remaining: boolean }> {
  const legacy: RollupRow[] = await db('daily_rollups')
    .where('languages', 'legacy')
    .orderBy(['repository', 'workspace_path', 'day'])
    .limit(limit);
  let split = 0;
  for (const row of legacy) {
    const done = await db.transaction(tx => splitRollup(tx, row));
    if (done) split += 1;
  }
  return {
    split,
    mixed: legacy.length - split,
    remaining: legacy.length === limit,
  };
}

async function splitRollup(
  tx: Knex.Transaction,
  legacy: RollupRow,
): Promise<boolean> {
  const key = {
    repository: legacy.repository,
    workspace_path: legacy.workspace_path,
    day: legacy.day,
  };
  // Read again and lock: a run added concurrently then waits for this split and adds to
  // the rewritten row. SQLite runs one write transaction at a time and has no row locks.
  const row: RollupRow | undefined = await tx('daily_rollups')
    .where({ ...key, languages: 'legacy' })
    .modify(query => {
      if (isPostgres(tx)) query.forUpdate();
    })
    .first();
  if (!row) return false;
  const reports: Array<{ report_json: string }> = await tx('reports')
    .select('report_json')
    .where({
      repository: key.repository,
      workspace_path: key.workspace_path,
      kind: 'ci',
    })
    .andWhere('finished_at', '>=', new Date(`${key.day}T00:00:00Z`))
    .andWhere('finished_at', '<', new Date(`${addDays(key.day, 1)}T00:00:00Z`));
  const contributions: RollupContribution[] = [];
  for (const { report_json } of reports) {
    const report = JSON.parse(report_json) as BuildCacheReport;
    if (!report.sccache) continue;
    contributions.push({
      source: {
        repository: key.repository,
        workspacePath: key.workspace_path,
      },
      finishedAt: report.source.finishedAt,
      metrics: computeRunMetrics(report.sccache),
    });
  }
  if (contributions.length !== Number(row.runs)) {
    await tx('daily_rollups').where(key).update({ languages: 'mixed' });
    return false;
  }
  await tx('daily_language_rollups').where(key).delete();
  await tx('daily_rollups').where(key).delete();
  await addToDailyRollups(tx, contributions);
  return true;
}
