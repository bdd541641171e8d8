import {
  PolicyResultCounts,
  PolicyRuleId,
  RuleOutcome,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { chunks, DbNumber, DbTimestamp } from '../lib/dbValues';
import {
  DailyLevelCount,
  PolicyResultFilter,
  PolicyResultStore,
  PolicyResultRow,
  ResultSummary,
  StoredPolicyResult,
  StoredRuleResult,
} from './PolicyStore';
import {
  addDailySnapshots,
  DetailRow,
  evaluationTime,
  raiseResultsVersion,
  readFullEvaluationTime,
  recordFullEvaluation,
  ResultRow,
  saveEvaluations,
} from './policyResultWrites';

const REF_CHUNK_SIZE = 1000;

interface FullEvaluationColumn {
  full_evaluation_at: DbTimestamp | null;
}

interface CountColumns {
  passed: DbNumber;
  failed: DbNumber;
  warned: DbNumber;
  exempt: DbNumber;
  not_applicable: DbNumber;
  insufficient_data: DbNumber;
}

const ROW_COLUMNS = [
  'entity_ref',
  'owner',
  'level',
  'passed',
  'failed',
  'warned',
  'exempt',
  'not_applicable',
  'insufficient_data',
  'outcomes_json',
  'evaluated_at',
];

/** Which count column holds each outcome, for the `result` filter. */
const OUTCOME_COLUMNS: Record<RuleOutcome, keyof CountColumns> = {
  pass: 'passed',
  fail: 'failed',
  warn: 'warned',
  exempt: 'exempt',
  'not-applicable': 'not_applicable',
  'insufficient-data': 'insufficient_data',
};

/**
 * The policy's results and their daily snapshots (tables `policy_results`,
 * `policy_result_details`, `policy_daily_snapshots`): writes, pages, summary and trend.
 */
export class DatabasePolicyResults implements PolicyResultStore {
  /** On a database the plugin's migrations were applied to (`migrateDatabase`). */
  static async create(db: Knex): Promise<DatabasePolicyResults> {
    return new DatabasePolicyResults(db);
  }

  private constructor(private readonly db: Knex) {}

  async saveEvaluations(options: {
    results: StoredPolicyResult[];
    day: string;
    inFullEvaluation?: boolean;
  }): Promise<void> {
    await saveEvaluations(this.db, options.results, options.day, options);
  }

  async recordFullEvaluation(options: { evaluatedAt: Date }): Promise<void> {
    await recordFullEvaluation(this.db, options.evaluatedAt);
  }

  async deleteResults(options: { entityRefs: string[] }): Promise<number> {
    let deleted = 0;
    for (const chunk of chunks(options.entityRefs, REF_CHUNK_SIZE)) {
      deleted += await this.db.transaction(async tx => {
        await tx('policy_result_details').whereIn('entity_ref', chunk).delete();
        await tx('policy_rule_outcomes').whereIn('entity_ref', chunk).delete();
        const count: number = await tx('policy_results')
          .whereIn('entity_ref', chunk)
          .delete();
        if (count > 0) await raiseResultsVersion(tx);
        return count;
      });
    }
    return deleted;
  }

  async listResultEntityRefs(): Promise<string[]> {
    const rows: Array<{ entity_ref: string }> = await this.db(
      'policy_results',
    ).select('entity_ref');
    return rows.map(row => row.entity_ref);
  }

  async listLevels(options: {
    entityRefs: string[];
  }): Promise<Map<string, string | null>> {
    const levels = new Map<string, string | null>();
    for (const chunk of chunks(options.entityRefs, REF_CHUNK_SIZE)) {
      const rows: Array<{ entity_ref: string; level: string | null }> =
        await this.db('policy_results')
          .whereIn('entity_ref', chunk)
          .select('entity_ref', 'level');
      for (const row of rows) levels.set(row.entity_ref, row.level);
    }
    return levels;
  }

  async getResult(options: {
    entityRef: string;
  }): Promise<StoredPolicyResult | undefined> {
    const row: (ResultRow & DetailRow & FullEvaluationColumn) | undefined =
      await this.db('policy_results as r')
        .join('policy_result_details as d', 'd.entity_ref', 'r.entity_ref')
        .modify(query => this.withFullEvaluationTime(query))
        .where('r.entity_ref', options.entityRef)
        .select('r.*', 'd.next_level_json', 'd.results_json')
        .select('v.full_evaluation_at')
        .first();
    if (!row) return undefined;
    return {
      entityRef: row.entity_ref,
      owner: row.owner,
      level: row.level,
      nextLevel: row.next_level_json ? JSON.parse(row.next_level_json) : null,
      counts: toCounts(row),
      results: JSON.parse(row.results_json) as StoredRuleResult[],
      evaluatedAt: evaluationTime(row.evaluated_at, row.full_evaluation_at),
    };
  }

  async listResultRows(options: {
    filter: PolicyResultFilter;
    limit?: number;
    offset?: number;
  }): Promise<{ items: PolicyResultRow[]; total: number }> {
    const [total, items] = await Promise.all([
      this.countResultRows(options),
      this.listResultPage(options),
    ]);
    return { items, total };
  }

  async countResultRows(options: {
    filter: PolicyResultFilter;
  }): Promise<number> {
    const [{ count }] = await this.filteredResults(options.filter).count<
      Array<{ count: DbNumber }>
    >({ count: '*' });
    return Number(count);
  }

  async listResultPage(options: {
    filter: PolicyResultFilter;
    limit?: number;
    offset?: number;
  }): Promise<PolicyResultRow[]> {
    const { filter, limit, offset = 0 } = options;
    // Each row with the latest full evaluation's time: one statement.
    const columns = [...ROW_COLUMNS, 'v.full_evaluation_at'];
    const rows: Array<ResultRow & FullEvaluationColumn> =
      limit === undefined
        ? await this.withFullEvaluationTime(this.filteredResults(filter))
            .select(columns)
            .orderBy('entity_ref')
            .offset(offset)
        : // The page's refs first (the rows skipped by the offset are read from an index
          // or sorted as refs alone), then only the page's wide rows.
          await this.withFullEvaluationTime(this.db('policy_results'))
            .select(columns)
            .whereIn(
              'entity_ref',
              this.filteredResults(filter)
                .select('entity_ref')
                .orderBy('entity_ref')
                .offset(offset)
                .limit(limit),
            )
            .orderBy('entity_ref');
    return rows.map(row => ({
      entityRef: row.entity_ref,
      owner: row.owner,
      level: row.level,
      counts: toCounts(row),
      outcomes: JSON.parse(row.outcomes_json),
      evaluatedAt: evaluationTime(row.evaluated_at, row.full_evaluation_at),
    }));
  }

  /** Joins the one row that holds the latest full evaluation's time (`v`). */
  private withFullEvaluationTime(query: Knex.QueryBuilder): Knex.QueryBuilder {
    return query.join('policy_results_version as v', 'v.id', this.db.raw('1'));
  }

  private filteredResults(filter: PolicyResultFilter): Knex.QueryBuilder {
    const query = this.db('policy_results');
    if (filter.owner !== undefined) query.where('owner', filter.owner);
    if (filter.level !== undefined) {
      if (filter.level === null) query.whereNull('level');
      else query.where('level', filter.level);
    }
    if (filter.ruleId !== undefined) {
      // A range of policy_rule_outcomes_filter_idx per outcome.
      const outcomes: RuleOutcome[] = filter.result
        ? [filter.result]
        : ['fail', 'warn'];
      query.whereIn(
        'entity_ref',
        this.db('policy_rule_outcomes')
          .select('entity_ref')
          .where('rule_id', filter.ruleId)
          .whereIn('outcome', outcomes),
      );
    } else if (filter.result !== undefined) {
      query.where(OUTCOME_COLUMNS[filter.result], '>', 0);
    }
    return query;
  }

  async resultsVersion(): Promise<number> {
    // One primary-key read: every writing transaction raises the counter.
    const row: { version: DbNumber } | undefined = await this.db(
      'policy_results_version',
    )
      .where('id', 1)
      .first('version');
    if (!row) {
      throw new Error(
        'policy_results_version has no row: the plugin migrations were not applied',
      );
    }
    return Number(row.version);
  }

  async summarise(options: {
    ruleIds: PolicyRuleId[];
  }): Promise<ResultSummary> {
    const groupRows: Array<{
      owner: string | null;
      level: string | null;
      entities: DbNumber;
      compliant: DbNumber;
      failed: DbNumber;
      warned: DbNumber;
      evaluated_at: DbTimestamp | null;
    }> = await this.db('policy_results')
      .select(
        'owner',
        'level',
        this.db.raw('count(*) as entities'),
        this.db.raw('sum(case when failed = 0 then 1 else 0 end) as compliant'),
        this.db.raw('sum(failed) as failed'),
        this.db.raw('sum(warned) as warned'),
        this.db.raw('max(evaluated_at) as evaluated_at'),
      )
      .groupBy('owner', 'level');
    // Counted from policy_rule_outcomes_filter_idx alone.
    const outcomeRows: Array<{
      rule_id: string;
      result: RuleOutcome;
      n: DbNumber;
    }> = await this.db('policy_rule_outcomes')
      .select('rule_id', { result: 'outcome' }, this.db.raw('count(*) as n'))
      .groupBy('rule_id', 'outcome');
    const fullEvaluationAt = await readFullEvaluationTime(this.db);
    const ruleOutcomes = new Map<PolicyRuleId, PolicyResultCounts>();
    for (const ruleId of options.ruleIds) {
      const counts = toCounts({
        passed: 0,
        failed: 0,
        warned: 0,
        exempt: 0,
        not_applicable: 0,
        insufficient_data: 0,
      });
      ruleOutcomes.set(ruleId, counts);
    }
    const countKeys: Record<RuleOutcome, keyof PolicyResultCounts> = {
      pass: 'passed',
      fail: 'failed',
      warn: 'warned',
      exempt: 'exempt',
      'not-applicable': 'notApplicable',
      'insufficient-data': 'insufficientData',
    };
    for (const row of outcomeRows) {
      const counts = ruleOutcomes.get(row.rule_id as PolicyRuleId);
      const key = countKeys[row.result];
      if (counts && key) counts[key] += Number(row.n);
    }
    return {
      groups: groupRows.map(row => ({
        owner: row.owner,
        level: row.level,
        entities: Number(row.entities),
        compliant: Number(row.compliant),
        failed: Number(row.failed),
        warned: Number(row.warned),
        lastEvaluatedAt:
          row.evaluated_at === null
            ? null
            : evaluationTime(row.evaluated_at, fullEvaluationAt),
      })),
      ruleOutcomes,
    };
  }

  async countDailySnapshots(options: {
    fromDay: string;
  }): Promise<DailyLevelCount[]> {
    const rows: Array<{
      day: string;
      level: string | null;
      entities: DbNumber;
      compliant: DbNumber;
    }> = await this.db('policy_daily_snapshots')
      .select(
        'day',
        'level',
        this.db.raw('count(*) as entities'),
        this.db.raw('sum(case when failed = 0 then 1 else 0 end) as compliant'),
      )
      .where('day', '>=', options.fromDay)
      .groupBy('day', 'level')
      .orderBy('day');
    return rows.map(row => ({
      day: row.day,
      level: row.level,
      entities: Number(row.entities),
      compliant: Number(row.compliant),
    }));
  }

  addDailySnapshots(options: {
    results: StoredPolicyResult[];
    day: string;
  }): Promise<number> {
    return addDailySnapshots(this.db, options.results, options.day);
  }

  async deleteDailySnapshotsBefore(options: { day: string }): Promise<number> {
    return this.db.transaction(async tx => {
      const deleted: number = await tx('policy_daily_snapshots')
        .where('day', '<', options.day)
        .delete();
      if (deleted > 0) await raiseResultsVersion(tx);
      return deleted;
    });
  }
}

function toCounts(row: CountColumns): PolicyResultCounts {
  return {
    passed: Number(row.passed),
    failed: Number(row.failed),
    warned: Number(row.warned),
    exempt: Number(row.exempt),
    notApplicable: Number(row.not_applicable),
    insufficientData: Number(row.insufficient_data),
  };
}
