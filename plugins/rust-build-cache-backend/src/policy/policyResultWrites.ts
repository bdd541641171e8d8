import { hash } from 'node:crypto';
import { PolicyResultCounts } from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { chunks, DbTimestamp, isPostgres, toDate } from '../lib/dbValues';
import { utcDay } from '../lib/utcDays';
import { StoredPolicyResult, StoredRuleResult } from './PolicyStore';

/**
 * Writes of the current results (`policy_results`, `policy_result_details`,
 * `policy_rule_outcomes`) and the day's snapshots (`policy_daily_snapshots`). Most
 * evaluations find what is stored already: each result row keeps a hash of what it stores.
 * A result with the same hash only gets its evaluation time written, and in a full
 * evaluation not even that: the full evaluation's time is kept once
 * (`policy_results_version.full_evaluation_at`, see its migration).
 */

/** Rows per upsert: ~15 bound values per row. */
const UPSERT_CHUNK_SIZE = 300;

export interface ResultRow {
  entity_ref: string;
  owner: string | null;
  level: string | null;
  passed: number;
  failed: number;
  warned: number;
  exempt: number;
  not_applicable: number;
  insufficient_data: number;
  outcomes_json: string;
  evaluated_at: DbTimestamp;
  results_hash: string | null;
}

export interface DetailRow {
  entity_ref: string;
  next_level_json: string | null;
  results_json: string;
}

interface Prepared {
  result: StoredPolicyResult;
  /** The row but its outcomes, which are only made for a row that is written. */
  row: Omit<ResultRow, 'outcomes_json'>;
  detail: DetailRow;
}

/**
 * What is stored of a result: its hash, when its row was last written, and the latest full
 * evaluation's time (`policy_results_version`), which dates the rows it left unchanged.
 */
interface StoredState {
  entity_ref: string;
  results_hash: string | null;
  evaluated_at: DbTimestamp;
  full_evaluation_at: DbTimestamp | null;
}

/**
 * Upserts results and their snapshots of `day`. `inFullEvaluation`: the results are part of
 * a full evaluation at their `evaluatedAt`, which records that time once when it finishes
 * (`recordFullEvaluation`); unchanged results are not written at all.
 */
export async function saveEvaluations(
  db: Knex,
  results: StoredPolicyResult[],
  day: string,
  options: { inFullEvaluation?: boolean } = {},
): Promise<void> {
  if (results.length === 0) return;
  // Last one wins when an entity is given twice; a statement must not touch a row twice.
  const prepared = [
    ...new Map(results.map(result => [result.entityRef, result])).values(),
  ].map(prepare);
  // A full evaluation reads what is stored once, without a transaction: it mostly finds
  // every result of a batch stored as it is, with the day's snapshot, and writes nothing.
  const storedBefore = options.inFullEvaluation
    ? await readStoredStates(db, prepared)
    : undefined;
  if (
    storedBefore &&
    prepared.every(p => {
      const stored = storedBefore.get(p.row.entity_ref);
      return (
        stored?.results_hash === p.row.results_hash &&
        snapshotWritten(stored, day)
      );
    })
  ) {
    return;
  }
  const postgres = isPostgres(db);
  await db.transaction(async tx => {
    // Elsewhere every result is written or gets its time; a full evaluation may write nothing.
    let wrote = !options.inFullEvaluation;
    for (const chunk of chunks(prepared, UPSERT_CHUNK_SIZE)) {
      const previous = storedBefore ?? (await readStoredStates(tx, chunk));
      const same = chunk.filter(
        p =>
          previous.get(p.row.entity_ref)?.results_hash === p.row.results_hash,
      );
      // A full evaluation's unchanged results keep their rows (their time is recorded once
      // when it finishes). Elsewhere, on PostgreSQL, a result that another evaluation
      // changed since it was read is written whole.
      const sameRefs = new Set(
        options.inFullEvaluation
          ? same.map(p => p.row.entity_ref)
          : await touchUnchanged(tx, postgres, same),
      );
      const changed = chunk.filter(p => !sameRefs.has(p.row.entity_ref));
      await writeChanged(tx, changed);
      // The day's snapshot of an unchanged result was written when it was last evaluated
      // on that day.
      const snapshots = chunk.filter(
        p =>
          !sameRefs.has(p.row.entity_ref) ||
          !snapshotWritten(previous.get(p.row.entity_ref)!, day),
      );
      if (snapshots.length > 0) {
        await tx('policy_daily_snapshots')
          .insert(snapshots.map(p => toSnapshotRow(p.result, day)))
          .onConflict(['entity_ref', 'day'])
          .merge();
      }
      if (changed.length > 0 || snapshots.length > 0) wrote = true;
    }
    // A full evaluation's batch that found every result unchanged wrote nothing: the
    // scorecards' caches stay valid.
    if (wrote) await raiseResultsVersion(tx);
  });
}

/** The stored states of the results' rows, by entity ref, each with the full evaluation's time. */
async function readStoredStates(
  db: Knex,
  prepared: Prepared[],
): Promise<Map<string, StoredState>> {
  const states = new Map<string, StoredState>();
  for (const chunk of chunks(prepared, UPSERT_CHUNK_SIZE)) {
    const rows: StoredState[] = await db('policy_results')
      .select(
        'entity_ref',
        'results_hash',
        'evaluated_at',
        db('policy_results_version')
          .where('id', 1)
          .select('full_evaluation_at')
          .as('full_evaluation_at'),
      )
      .whereIn(
        'entity_ref',
        chunk.map(p => p.row.entity_ref),
      );
    for (const row of rows) states.set(row.entity_ref, row);
  }
  return states;
}

/** Whether a stored result was last evaluated on `day`, when its snapshot of the day was written. */
function snapshotWritten(stored: StoredState, day: string): boolean {
  return (
    utcDay(evaluationTime(stored.evaluated_at, stored.full_evaluation_at)) ===
    day
  );
}

/**
 * Raises `policy_results_version` (see its migration): last in each writing transaction,
 * so that concurrent writers hold its row lock only until they commit.
 */
export async function raiseResultsVersion(tx: Knex.Transaction): Promise<void> {
  await tx('policy_results_version').where('id', 1).increment('version', 1);
}

/**
 * Records that a full evaluation at `evaluatedAt` finished: every result stored now was
 * evaluated then, or later when its row says so. Raises the version too (the evaluation
 * times that pages show change).
 */
export async function recordFullEvaluation(
  db: Knex,
  evaluatedAt: Date,
): Promise<void> {
  await db('policy_results_version')
    .where('id', 1)
    .update({
      full_evaluation_at: evaluatedAt,
      version: db.raw('version + 1'),
    });
}

/** `policy_results_version.full_evaluation_at`: null before the first full evaluation. */
export async function readFullEvaluationTime(
  db: Knex,
): Promise<DbTimestamp | null> {
  const row: { full_evaluation_at: DbTimestamp | null } | undefined = await db(
    'policy_results_version',
  )
    .where('id', 1)
    .first('full_evaluation_at');
  return row?.full_evaluation_at ?? null;
}

/**
 * When a stored result was last evaluated: its row's time, or the latest full evaluation's
 * when that came later (the row was unchanged by it, and so not written).
 */
export function evaluationTime(
  rowEvaluatedAt: DbTimestamp,
  fullEvaluationAt: DbTimestamp | null,
): Date {
  const row = toDate(rowEvaluatedAt);
  if (fullEvaluationAt === null) return row;
  const full = toDate(fullEvaluationAt);
  return full > row ? full : row;
}

export async function addDailySnapshots(
  db: Knex,
  results: StoredPolicyResult[],
  day: string,
): Promise<number> {
  let written = 0;
  await db.transaction(async tx => {
    for (const chunk of chunks(results, UPSERT_CHUNK_SIZE)) {
      const existing = new Set(
        (
          await tx('policy_daily_snapshots')
            .where('day', day)
            .whereIn(
              'entity_ref',
              chunk.map(r => r.entityRef),
            )
            .select('entity_ref')
        ).map((row: { entity_ref: string }) => row.entity_ref),
      );
      const missing = chunk.filter(r => !existing.has(r.entityRef));
      if (missing.length === 0) continue;
      await tx('policy_daily_snapshots')
        .insert(missing.map(r => toSnapshotRow(r, day)))
        .onConflict(['entity_ref', 'day'])
        .ignore();
      written += missing.length;
    }
    if (written > 0) await raiseResultsVersion(tx);
  });
  return written;
}

function prepare(result: StoredPolicyResult): Prepared {
  const nextLevelJson = result.nextLevel
    ? JSON.stringify(result.nextLevel)
    : null;
  const resultsJson = JSON.stringify(result.results);
  // Everything stored but the time: counts and outcomes follow from the results. The
  // results' JSON is hashed as it is (one JSON array before it delimits it), not quoted
  // inside the array: escaping it again cost as much as making it. One-shot hashing of
  // the concatenation: the same digest as two updates, at half the cost per result.
  const resultsHash = hash(
    'sha256',
    JSON.stringify([result.owner, result.level, nextLevelJson]) + resultsJson,
  );
  return {
    result,
    detail: {
      entity_ref: result.entityRef,
      next_level_json: nextLevelJson,
      results_json: resultsJson,
    },
    row: {
      entity_ref: result.entityRef,
      owner: result.owner,
      level: result.level,
      ...toCountColumns(result.counts),
      evaluated_at: result.evaluatedAt,
      results_hash: resultsHash,
    },
  };
}

/**
 * `JSON.stringify(Object.fromEntries(results.map(r => [r.ruleId, r.result])))`, written
 * out: the object built for it cost more than the text. Rule ids are never integer-like
 * keys (which an object would put first); a repeated id takes that way (the last value
 * at the first place).
 */
export function outcomesJson(
  results: ReadonlyArray<Pick<StoredRuleResult, 'ruleId' | 'result'>>,
): string {
  let json = '{';
  for (let i = 0; i < results.length; i++) {
    const { ruleId, result } = results[i];
    for (let j = 0; j < i; j++) {
      if (results[j].ruleId === ruleId) {
        return JSON.stringify(
          Object.fromEntries(results.map(r => [r.ruleId, r.result])),
        );
      }
    }
    json += `${i > 0 ? ',' : ''}${JSON.stringify(ruleId)}:${JSON.stringify(
      result,
    )}`;
  }
  return `${json}}`;
}

/**
 * Sets the evaluation time of results stored with the same hash; answers the refs it
 * set. On PostgreSQL a result that another evaluation changed meanwhile is not touched
 * (and gets written whole); SQLite has one writer.
 */
async function touchUnchanged(
  tx: Knex.Transaction,
  postgres: boolean,
  same: Prepared[],
): Promise<string[]> {
  const touched: string[] = [];
  const byTime = new Map<number, Prepared[]>();
  for (const p of same) {
    const time = p.result.evaluatedAt.getTime();
    const group = byTime.get(time);
    if (group) group.push(p);
    else byTime.set(time, [p]);
  }
  for (const [time, group] of byTime) {
    if (postgres) {
      const { rows }: { rows: Array<{ entity_ref: string }> } = await tx.raw(
        'update policy_results p set evaluated_at = ? from unnest(?::text[], ?::text[]) as u(entity_ref, results_hash) where p.entity_ref = u.entity_ref and p.results_hash = u.results_hash returning p.entity_ref',
        [
          new Date(time),
          group.map(p => p.row.entity_ref),
          group.map(p => p.row.results_hash ?? ''),
        ],
      );
      touched.push(...rows.map(row => row.entity_ref));
    } else {
      const refs = group.map(p => p.row.entity_ref);
      await tx('policy_results')
        .whereIn('entity_ref', refs)
        .update({ evaluated_at: new Date(time) });
      touched.push(...refs);
    }
  }
  return touched;
}

async function writeChanged(tx: Knex.Transaction, changed: Prepared[]) {
  if (changed.length === 0) return;
  const refs = changed.map(p => p.row.entity_ref);
  await tx('policy_results')
    .insert(
      changed.map(p => ({
        ...p.row,
        outcomes_json: outcomesJson(p.result.results),
      })),
    )
    .onConflict('entity_ref')
    .merge();
  await tx('policy_result_details')
    .insert(changed.map(p => p.detail))
    .onConflict('entity_ref')
    .merge();
  await tx('policy_rule_outcomes').whereIn('entity_ref', refs).delete();
  const outcomes = changed.flatMap(p =>
    p.result.results.map(r => ({
      entity_ref: p.row.entity_ref,
      rule_id: r.ruleId,
      outcome: r.result,
    })),
  );
  // SQLite inserts several rows as a compound SELECT of at most 500 terms.
  for (const rows of chunks(outcomes, UPSERT_CHUNK_SIZE)) {
    await tx('policy_rule_outcomes').insert(rows);
  }
}

function toSnapshotRow(result: StoredPolicyResult, day: string) {
  return {
    entity_ref: result.entityRef,
    day,
    owner: result.owner,
    level: result.level,
    ...toCountColumns(result.counts),
    failing_rule_ids_json: JSON.stringify(
      result.results
        .filter(r => r.result === 'fail' || r.result === 'warn')
        .map(r => r.ruleId),
    ),
  };
}

export function toCountColumns(counts: PolicyResultCounts) {
  return {
    passed: counts.passed,
    failed: counts.failed,
    warned: counts.warned,
    exempt: counts.exempt,
    not_applicable: counts.notApplicable,
    insufficient_data: counts.insufficientData,
  };
}
