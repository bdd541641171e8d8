import type { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import type { DailyRollup } from './ReportStore';
import { isPostgres } from '../lib/dbValues';
import { queryPlannedOnce, StatementOptions } from '../lib/plannedOnce';
import {
  givenSourceRelation,
  linkedSourceRelation,
  SourceRelation,
} from './reportRows';

/**
 * Reads of the daily rollups (`daily_rollups` and `daily_language_rollups`, written by
 * `dailyRollups.ts`) for an entity's time series: one statement, one row. The database
 * builds each table's rows of the range as one JSON array of arrays, so the driver parses
 * two strings instead of a row object per day and language, and the source and both tables
 * are read in the same statement (one round trip, one view of the link).
 */

/** `[day, runs, requests, hits, misses, errors, avoidable_not_cached, compile_seconds, cache_write_errors, languages]` */
type RollupTuple = [
  string,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  string,
];
/** `[day, language, hits, misses, errors, avoidable_not_cached]` */
type LanguageTuple = [string, string, number, number, number, number];

const ROLLUP_FIELDS =
  'd.day, d.runs, d.requests, d.hits, d.misses, d.errors, d.avoidable_not_cached, d.compile_seconds, d.cache_write_errors, d.languages';
const LANGUAGE_FIELDS =
  'd.day, d.language, d.hits, d.misses, d.errors, d.avoidable_not_cached';

export async function readDailyRollups(
  db: Knex,
  options: { source: ReportSourceKey; fromDay: string; toDay: string },
  statements: StatementOptions,
): Promise<DailyRollup[]> {
  const rows = await selectRollups(
    db,
    options,
    givenSourceRelation(db, options.source),
    statements,
  );
  return toDailyRollups(rows[0]);
}

/**
 * {@link readDailyRollups} of the source an entity is linked to, the link read in the same
 * statement. Undefined when the entity has no link.
 */
export async function readLinkedDailyRollups(
  db: Knex,
  options: { entityRef: string; fromDay: string; toDay: string },
  statements: StatementOptions,
): Promise<DailyRollup[] | undefined> {
  const rows = await selectRollups(
    db,
    options,
    linkedSourceRelation(options.entityRef),
    statements,
  );
  return rows.length === 0 ? undefined : toDailyRollups(rows[0]);
}

interface RollupsRow {
  rollups: string;
  languages: string;
}

/** Both tables' rows of the range, per source of the relation. */
async function selectRollups(
  db: Knex,
  range: { fromDay: string; toDay: string },
  { from, bindings: fromBindings }: SourceRelation,
  statements: StatementOptions,
): Promise<RollupsRow[]> {
  const postgres = isPostgres(db);
  const inRange =
    'd.repository = l.repository and d.workspace_path = l.workspace_path and d.day between ? and ?';
  // PostgreSQL: json_agg answers null over no rows; SQLite's json_group_array answers [].
  const jsonArray = (fields: string, table: string, order: string) =>
    postgres
      ? `(select coalesce(json_agg(json_build_array(${fields}) order by ${order}), '[]'::json) from ${table} as d where ${inRange})::text`
      : `(select json_group_array(json_array(${fields}) order by ${order}) from ${table} as d where ${inRange})`;
  const sql = `select ${jsonArray(
    ROLLUP_FIELDS,
    'daily_rollups',
    'd.day',
  )} as rollups, ${jsonArray(
    LANGUAGE_FIELDS,
    'daily_language_rollups',
    'd.day, d.language',
  )} as languages ${from}`;
  const { fromDay, toDay } = range;
  return await queryPlannedOnce<RollupsRow>(
    db,
    sql,
    [fromDay, toDay, fromDay, toDay, ...fromBindings],
    statements,
  );
}

function toDailyRollups(row: RollupsRow): DailyRollup[] {
  const rollups = JSON.parse(row.rollups) as RollupTuple[];
  const languages = JSON.parse(row.languages) as LanguageTuple[];
  // Both arrays are in day order: the languages of a day follow those of the day before.
  let next = 0;
  return rollups.map(
    ([
      day,
      runs,
      requests,
      hits,
      misses,
      errors,
      avoidableNotCached,
      compileSeconds,
      cacheWriteErrors,
      languagesKind,
    ]) => {
      while (next < languages.length && languages[next][0] < day) next++;
      const otherLanguages: DailyRollup['otherLanguages'] = [];
      for (; next < languages.length && languages[next][0] === day; next++) {
        const [, language, lHits, lMisses, lErrors, lAvoidable] =
          languages[next];
        otherLanguages.push({
          language,
          hits: Number(lHits),
          misses: Number(lMisses),
          errors: Number(lErrors),
          avoidableNotCached: Number(lAvoidable),
        });
      }
      return {
        day,
        runs: Number(runs),
        requests: Number(requests),
        hits: Number(hits),
        misses: Number(misses),
        errors: Number(errors),
        avoidableNotCached: Number(avoidableNotCached),
        otherLanguages,
        compileSeconds: Number(compileSeconds),
        cacheWriteErrors: Number(cacheWriteErrors),
        languagesMixed: languagesKind !== 'split',
      };
    },
  );
}
