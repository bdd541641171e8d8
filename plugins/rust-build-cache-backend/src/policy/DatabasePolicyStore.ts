import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  BuildCacheReport,
  PolicyRepositoryFacts,
  PolicyResultCounts,
  PolicyRuleId,
  RepositorySnapshot,
  RuleOutcome,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import {
  chunks,
  compareStrings,
  DbNumber,
  DbTimestamp,
  toDate,
} from '../database/dbValues';
import { ReportSourceKey } from '../database/RustBuildCacheStore';
import {
  DailyLevelCount,
  ExemptionStateFilter,
  PolicyResultFilter,
  PolicyResultRow,
  PolicyStore,
  ResultSummary,
  sourceKeyString,
  StoredExemption,
  StoredExemptionAuditEntry,
  StoredPolicyResult,
  StoredRuleResult,
} from './PolicyStore';

/** Sources per query: two bound values each, far below the bind-parameter limits. */
const SOURCE_CHUNK_SIZE = 500;
/** Rows per upsert: ~14 bound values per row. */
const UPSERT_CHUNK_SIZE = 300;
const REF_CHUNK_SIZE = 1000;
/** Sources per UNION ALL statement: 2 branches each, below SQLite's limit of 500 terms. */
const UNION_CHUNK_SIZE = 200;

interface CountColumns {
  passed: DbNumber;
  failed: DbNumber;
  warned: DbNumber;
  exempt: DbNumber;
  not_applicable: DbNumber;
  insufficient_data: DbNumber;
}

interface ResultRow extends CountColumns {
  entity_ref: string;
  owner: string | null;
  level: string | null;
  outcomes_json: string;
  evaluated_at: DbTimestamp;
}

interface DetailRow {
  entity_ref: string;
  next_level_json: string | null;
  results_json: string;
}

interface ExemptionRow {
  id: string;
  entity_ref: string;
  rule_id: string;
  reason: string;
  author: string;
  created_at: DbTimestamp;
  expires_at: DbTimestamp;
  revoked_at: DbTimestamp | null;
  revoked_by: string | null;
}

interface AuditRow {
  id: DbNumber;
  exemption_id: string;
  entity_ref: string;
  rule_id: string;
  action: 'created' | 'revoked';
  actor: string;
  at: DbTimestamp;
  details_json: string;
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
 * Knex implementation of {@link PolicyStore}, for SQLite and PostgreSQL. Its tables are
 * created by the plugin's migrations, which `DatabaseRustBuildCacheStore.create` runs: create
 * that store first.
 */
export class DatabasePolicyStore implements PolicyStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabasePolicyStore> {
    return new DatabasePolicyStore(await options.database.getClient());
  }

  constructor(private readonly db: Knex) {}

  /** Some reads take a PostgreSQL-specific form that plans once for many sources. */
  private isPostgres(): boolean {
    return this.db.client.config.client === 'pg';
  }

  async listRecentReports(options: {
    sources: ReportSourceKey[];
    ciRuns: number;
  }): Promise<Map<string, BuildCacheReport[]>> {
    const ciRuns = Math.max(1, Math.floor(options.ciRuns));
    const result = new Map<string, BuildCacheReport[]>();
    for (const chunk of chunks(
      uniqueSources(options.sources),
      this.isPostgres() ? SOURCE_CHUNK_SIZE : UNION_CHUNK_SIZE,
    )) {
      // Per source, two backward scans of reports_source_finished_at_idx that stop after
      // their LIMIT: the last CI runs, and the latest report of another kind. PostgreSQL
      // gets the sources as two arrays and a lateral join (planned once, whatever the
      // chunk's size); SQLite one UNION ALL branch per source and kind.
      const columns =
        'select repository, workspace_path, finished_at, id, report_json from reports';
      const newest = 'order by finished_at desc, id desc';
      let raw;
      if (this.isPostgres()) {
        raw = await this.db.raw(
          `select r.* from unnest(?::text[], ?::text[]) as s(repository, workspace_path) cross join lateral (select * from (${columns} where repository = s.repository and workspace_path = s.workspace_path and kind = 'ci' ${newest} limit ${ciRuns}) c union all select * from (${columns} where repository = s.repository and workspace_path = s.workspace_path and kind <> 'ci' ${newest} limit 1) x) r`,
          [
            chunk.map(source => source.repository),
            chunk.map(source => source.workspacePath),
          ],
        );
      } else {
        const branches: string[] = [];
        const bindings: string[] = [];
        chunk.forEach((source, i) => {
          branches.push(
            `select * from (${columns} where repository = ? and workspace_path = ? and kind = 'ci' ${newest} limit ${ciRuns}) as r${i}c`,
            `select * from (${columns} where repository = ? and workspace_path = ? and kind <> 'ci' ${newest} limit 1) as r${i}x`,
          );
          bindings.push(
            source.repository,
            source.workspacePath,
            source.repository,
            source.workspacePath,
          );
        });
        raw = await this.db.raw(branches.join(' union all '), bindings);
      }
      const rows: Array<{
        repository: string;
        workspace_path: string;
        finished_at: DbTimestamp;
        id: string;
        report_json: string;
      }> = Array.isArray(raw) ? raw : raw.rows;
      const bySource = new Map<string, typeof rows>();
      for (const row of rows) {
        const key = sourceKeyString({
          repository: row.repository,
          workspacePath: row.workspace_path,
        });
        const list = bySource.get(key) ?? [];
        list.push(row);
        bySource.set(key, list);
      }
      for (const [key, list] of bySource) {
        list.sort(
          (a, b) =>
            toDate(b.finished_at).getTime() - toDate(a.finished_at).getTime() ||
            compareStrings(b.id, a.id),
        );
        // Stored reports were validated when ingested.
        result.set(
          key,
          list.map(row => JSON.parse(row.report_json) as BuildCacheReport),
        );
      }
    }
    return result;
  }

  async getRepositoryFacts(options: {
    sources: ReportSourceKey[];
  }): Promise<Map<string, PolicyRepositoryFacts>> {
    const result = new Map<string, PolicyRepositoryFacts>();
    for (const chunk of chunks(
      uniqueSources(options.sources),
      SOURCE_CHUNK_SIZE,
    )) {
      const rows: Array<{
        repository: string;
        workspace_path: string;
        snapshot_json: string;
      }> = this.isPostgres()
        ? (
            await this.db.raw(
              'select s.repository, s.workspace_path, s.snapshot_json from repository_snapshots s join unnest(?::text[], ?::text[]) as u(repository, workspace_path) on u.repository = s.repository and u.workspace_path = s.workspace_path',
              [
                chunk.map(source => source.repository),
                chunk.map(source => source.workspacePath),
              ],
            )
          ).rows
        : await this.db('repository_snapshots')
            .select('repository', 'workspace_path', 'snapshot_json')
            .whereIn(
              ['repository', 'workspace_path'],
              chunk.map(source => [source.repository, source.workspacePath]),
            );
      for (const row of rows) {
        const snapshot = JSON.parse(row.snapshot_json) as RepositorySnapshot;
        result.set(
          sourceKeyString({
            repository: row.repository,
            workspacePath: row.workspace_path,
          }),
          {
            toolchainFile: snapshot.toolchainFile,
            cargoLockCommitted: snapshot.cargoLockCommitted,
            ...(snapshot.unreadable ? { unreadable: snapshot.unreadable } : {}),
          },
        );
      }
    }
    return result;
  }

  async listLinkedEntityRefs(options: {
    source: ReportSourceKey;
  }): Promise<string[]> {
    const rows: Array<{ entity_ref: string }> = await this.db('entity_links')
      .select('entity_ref')
      .where({
        repository: options.source.repository,
        workspace_path: options.source.workspacePath,
      })
      .orderBy('entity_ref');
    return rows.map(row => row.entity_ref);
  }

  async saveEvaluations(options: {
    results: StoredPolicyResult[];
    day: string;
  }): Promise<void> {
    const { results, day } = options;
    if (results.length === 0) return;
    // Last one wins when an entity is given twice; a statement must not touch a row twice.
    const unique = [
      ...new Map(results.map(result => [result.entityRef, result])).values(),
    ];
    await this.db.transaction(async tx => {
      for (const chunk of chunks(unique, UPSERT_CHUNK_SIZE)) {
        await tx('policy_results')
          .insert(chunk.map(toResultRow))
          .onConflict('entity_ref')
          .merge();
        await tx('policy_result_details')
          .insert(chunk.map(toDetailRow))
          .onConflict('entity_ref')
          .merge();
        await tx('policy_daily_snapshots')
          .insert(
            chunk.map(result => ({
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
            })),
          )
          .onConflict(['entity_ref', 'day'])
          .merge();
      }
    });
  }

  async deleteResults(options: { entityRefs: string[] }): Promise<number> {
    let deleted = 0;
    for (const chunk of chunks(options.entityRefs, REF_CHUNK_SIZE)) {
      deleted += await this.db.transaction(async tx => {
        await tx('policy_result_details').whereIn('entity_ref', chunk).delete();
        const count: number = await tx('policy_results')
          .whereIn('entity_ref', chunk)
          .delete();
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

  async getResult(options: {
    entityRef: string;
  }): Promise<StoredPolicyResult | undefined> {
    const row: (ResultRow & DetailRow) | undefined = await this.db(
      'policy_results as r',
    )
      .join('policy_result_details as d', 'd.entity_ref', 'r.entity_ref')
      .where('r.entity_ref', options.entityRef)
      .select('r.*', 'd.next_level_json', 'd.results_json')
      .first();
    if (!row) return undefined;
    return {
      entityRef: row.entity_ref,
      owner: row.owner,
      level: row.level,
      nextLevel: row.next_level_json ? JSON.parse(row.next_level_json) : null,
      counts: toCounts(row),
      results: JSON.parse(row.results_json) as StoredRuleResult[],
      evaluatedAt: toDate(row.evaluated_at),
    };
  }

  async listResultRows(options: {
    filter: PolicyResultFilter;
    limit?: number;
    offset?: number;
  }): Promise<{ items: PolicyResultRow[]; total: number }> {
    const { filter, limit, offset = 0 } = options;
    const filtered = () => {
      const query = this.db('policy_results');
      if (filter.owner !== undefined) query.where('owner', filter.owner);
      if (filter.level !== undefined) {
        if (filter.level === null) query.whereNull('level');
        else query.where('level', filter.level);
      }
      if (filter.ruleId !== undefined) {
        // outcomes_json is written by JSON.stringify: `"<rule id>":"<outcome>"`. Neither
        // rule ids nor outcomes contain LIKE wildcards or characters JSON escapes.
        const outcomes: RuleOutcome[] = filter.result
          ? [filter.result]
          : ['fail', 'warn'];
        query.where(q => {
          for (const outcome of outcomes) {
            q.orWhere(
              'outcomes_json',
              'like',
              `%${JSON.stringify(filter.ruleId)}:${JSON.stringify(outcome)}%`,
            );
          }
        });
      } else if (filter.result !== undefined) {
        query.where(OUTCOME_COLUMNS[filter.result], '>', 0);
      }
      return query;
    };
    const [{ count }] = await filtered().count<Array<{ count: DbNumber }>>({
      count: '*',
    });
    const page = filtered()
      .select(ROW_COLUMNS)
      .orderBy('entity_ref')
      .offset(offset);
    if (limit !== undefined) page.limit(limit);
    const rows: ResultRow[] = await page;
    return {
      items: rows.map(row => ({
        entityRef: row.entity_ref,
        owner: row.owner,
        level: row.level,
        counts: toCounts(row),
        outcomes: JSON.parse(row.outcomes_json),
        evaluatedAt: toDate(row.evaluated_at),
      })),
      total: Number(count),
    };
  }

  async resultsVersion(): Promise<string> {
    // How many results, the latest evaluation time, and how many have that time: a full
    // evaluation writes one time in batches, so the last figure moves with each batch.
    const [row]: Array<{
      n: DbNumber;
      latest: DbTimestamp | null;
      at_latest: DbNumber | null;
    }> = await this.db('policy_results').select(
      this.db.raw('count(*) as n'),
      this.db.raw('max(evaluated_at) as latest'),
      this.db.raw(
        'sum(case when evaluated_at = (select max(evaluated_at) from policy_results) then 1 else 0 end) as at_latest',
      ),
    );
    return [
      Number(row.n),
      row.latest === null ? '-' : toDate(row.latest).getTime(),
      Number(row.at_latest ?? 0),
    ].join('/');
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
    // One pass over the outcomes of every entity, unnested by the database.
    const raw = await this.db.raw(
      this.isPostgres()
        ? 'select j.key as rule_id, j.value as result, count(*) as n from policy_results, json_each_text(outcomes_json::json) as j group by j.key, j.value'
        : 'select j.key as rule_id, j.value as result, count(*) as n from policy_results, json_each(policy_results.outcomes_json) as j group by j.key, j.value',
    );
    const outcomeRows: Array<{
      rule_id: string;
      result: RuleOutcome;
      n: DbNumber;
    }> = Array.isArray(raw) ? raw : raw.rows;
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
          row.evaluated_at === null ? null : toDate(row.evaluated_at),
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

  async deleteDailySnapshotsBefore(options: { day: string }): Promise<number> {
    return this.db('policy_daily_snapshots')
      .where('day', '<', options.day)
      .delete();
  }

  async createExemption(options: {
    exemption: Omit<StoredExemption, 'revokedAt' | 'revokedBy'>;
  }): Promise<StoredExemption> {
    const { exemption } = options;
    await this.db.transaction(async tx => {
      await tx<ExemptionRow>('policy_exemptions').insert({
        id: exemption.id,
        entity_ref: exemption.entityRef,
        rule_id: exemption.ruleId,
        reason: exemption.reason,
        author: exemption.author,
        created_at: exemption.createdAt,
        expires_at: exemption.expiresAt,
        revoked_at: null,
        revoked_by: null,
      });
      await tx('policy_exemption_audit').insert({
        exemption_id: exemption.id,
        entity_ref: exemption.entityRef,
        rule_id: exemption.ruleId,
        action: 'created',
        actor: exemption.author,
        at: exemption.createdAt,
        details_json: JSON.stringify({
          reason: exemption.reason,
          expiresAt: exemption.expiresAt.toISOString(),
        }),
      });
    });
    return { ...exemption, revokedAt: null, revokedBy: null };
  }

  async revokeExemption(options: {
    id: string;
    actor: string;
    at: Date;
    reason: string | null;
  }): Promise<StoredExemption> {
    const { id, actor, at, reason } = options;
    return this.db.transaction(async tx => {
      // Only a row that is not revoked yet is updated, so two concurrent revokes cannot
      // both succeed (and audit twice).
      const updated = await tx('policy_exemptions')
        .where('id', id)
        .whereNull('revoked_at')
        .update({ revoked_at: at, revoked_by: actor });
      const row: ExemptionRow | undefined = await tx('policy_exemptions')
        .where('id', id)
        .first();
      if (!row) throw new NotFoundError(`No exemption with id ${id}`);
      if (updated === 0) {
        throw new ConflictError(
          `Exemption ${id} was already revoked at ${toDate(
            row.revoked_at!,
          ).toISOString()} by ${row.revoked_by}`,
        );
      }
      await tx('policy_exemption_audit').insert({
        exemption_id: id,
        entity_ref: row.entity_ref,
        rule_id: row.rule_id,
        action: 'revoked',
        actor,
        at,
        details_json: JSON.stringify({ reason }),
      });
      return toExemption(row);
    });
  }

  async getExemption(options: {
    id: string;
  }): Promise<StoredExemption | undefined> {
    const row: ExemptionRow | undefined = await this.db('policy_exemptions')
      .where('id', options.id)
      .first();
    return row ? toExemption(row) : undefined;
  }

  async listExemptions(options: {
    entityRefs?: string[];
    ruleId?: string;
    state: ExemptionStateFilter;
    now: Date;
  }): Promise<StoredExemption[]> {
    const { entityRefs, ruleId, state, now } = options;
    const query = this.db<ExemptionRow>('policy_exemptions');
    if (entityRefs) query.whereIn('entity_ref', entityRefs);
    if (ruleId !== undefined) query.where('rule_id', ruleId);
    if (state === 'active') {
      query.whereNull('revoked_at').where('expires_at', '>', now);
    } else if (state === 'expired') {
      query.whereNull('revoked_at').where('expires_at', '<=', now);
    } else if (state === 'revoked') {
      query.whereNotNull('revoked_at');
    }
    const rows: ExemptionRow[] = await query.orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
    return rows.map(toExemption);
  }

  async listExemptionAudit(options: {
    entityRef?: string;
    limit: number;
    offset: number;
  }): Promise<{ items: StoredExemptionAuditEntry[]; total: number }> {
    const filtered = () => {
      const query = this.db('policy_exemption_audit');
      if (options.entityRef !== undefined) {
        query.where('entity_ref', options.entityRef);
      }
      return query;
    };
    const [{ count }] = await filtered().count<Array<{ count: DbNumber }>>({
      count: '*',
    });
    const rows: AuditRow[] = await filtered()
      .select('*')
      .orderBy([
        { column: 'at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(options.limit)
      .offset(options.offset);
    return {
      items: rows.map(row => ({
        id: String(row.id),
        exemptionId: row.exemption_id,
        entityRef: row.entity_ref,
        ruleId: row.rule_id as PolicyRuleId,
        action: row.action,
        actor: row.actor,
        at: toDate(row.at),
        details: JSON.parse(row.details_json),
      })),
      total: Number(count),
    };
  }
}

function toResultRow(result: StoredPolicyResult): ResultRow {
  return {
    entity_ref: result.entityRef,
    owner: result.owner,
    level: result.level,
    ...toCountColumns(result.counts),
    outcomes_json: JSON.stringify(
      Object.fromEntries(result.results.map(r => [r.ruleId, r.result])),
    ),
    evaluated_at: result.evaluatedAt,
  };
}

function toDetailRow(result: StoredPolicyResult): DetailRow {
  return {
    entity_ref: result.entityRef,
    next_level_json: result.nextLevel ? JSON.stringify(result.nextLevel) : null,
    results_json: JSON.stringify(result.results),
  };
}

function toCountColumns(counts: PolicyResultCounts) {
  return {
    passed: counts.passed,
    failed: counts.failed,
    warned: counts.warned,
    exempt: counts.exempt,
    not_applicable: counts.notApplicable,
    insufficient_data: counts.insufficientData,
  };
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

function toExemption(row: ExemptionRow): StoredExemption {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    ruleId: row.rule_id as PolicyRuleId,
    reason: row.reason,
    author: row.author,
    createdAt: toDate(row.created_at),
    expiresAt: toDate(row.expires_at),
    revokedAt: row.revoked_at === null ? null : toDate(row.revoked_at),
    revokedBy: row.revoked_by,
  };
}

function uniqueSources(sources: ReportSourceKey[]): ReportSourceKey[] {
  return [...new Map(sources.map(s => [sourceKeyString(s), s])).values()];
}
