import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BUILT_IN_RULES,
  EntityScorecard,
  evaluatePolicy,
  LevelShare,
  OwnerRollup,
  PolicyConfig,
  PolicyEntity,
  PolicyExemption,
  PolicyResponse,
  PolicyResultCounts,
  PolicyRuleId,
  RuleOutcome,
  RuleResult,
  RuleRollup,
  RUST_BUILD_CACHE_WORKSPACE_ANNOTATION,
  ScorecardEntityPage,
  ScorecardEntityRow,
  ScorecardSummary,
  ScorecardTrend,
  ScorecardTrendPoint,
  summarisePolicyResults,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { ReportSourceKey } from '../database/RustBuildCacheStore';
import { toEntityRef } from '../service/EntityLinkService';
import {
  ownerRef,
  streamAnnotatedEntities,
} from '../service/annotatedEntities';
import { entitySourceKey } from '../service/reportSources';
import { addDays, utcDay } from '../utcDays';
import {
  PolicyResultFilter,
  PolicyResultRow,
  PolicyStore,
  sourceKeyString,
  StoredExemption,
  StoredPolicyResult,
} from './PolicyStore';
import { normalizeEntityRef } from '../service/entityRefs';

/** Pre-warm enrolment, built by the pre-warm feature; absent until it exists. */
export interface PrewarmEnrollment {
  /** Lower-case refs of the entities enrolled in nightly pre-warming. */
  enrolledEntityRefs(): Promise<Set<string>>;
}

/** How long an incremental evaluation may reuse the enrolled entities. */
const ENROLMENT_CACHE_MS = 60_000;

/** Daily snapshots older than this are deleted by the full evaluation. */
const SNAPSHOT_RETENTION_DAYS = 400;

/** Entities evaluated per batch of queries in a full evaluation. */
const EVALUATION_BATCH_SIZE = 1000;

/** The catalog fields the policy reads (besides those that locate the reports). */
/** Read besides those `streamAnnotatedEntities` always reads. */
const ENTITY_FIELDS = [
  'metadata.tags',
  'spec.type',
  'spec.owner',
  'spec.lifecycle',
  'relations',
];

interface EvaluationTarget {
  entityRef: string;
  entity: PolicyEntity;
  source: ReportSourceKey | undefined;
}

/**
 * Evaluates the policy for catalog entities from their stored reports, repository
 * snapshots and exemptions, stores the results with a daily snapshot, and serves the
 * scorecards built from them.
 */
export class PolicyService {
  private readonly pending = new Set<string>();
  private prewarmEnrollment: PrewarmEnrollment | undefined;
  private enrolledCache: { at: number; refs: Set<string> } | undefined;
  private summaryCache:
    | { version: string; summary: Promise<ScorecardSummary> }
    | undefined;
  private draining: Promise<void> | undefined;

  constructor(
    private readonly options: {
      policy: PolicyConfig;
      source: PolicyResponse['source'];
      store: PolicyStore;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      prewarmEnrollment?: PrewarmEnrollment;
      now?: () => Date;
    },
  ) {
    this.prewarmEnrollment = options.prewarmEnrollment;
  }

  /**
   * Sets where pre-warm enrolment comes from, for a pre-warm feature created after this
   * service (it needs the ingestion, which needs this service).
   */
  setPrewarmEnrollment(enrollment: PrewarmEnrollment): void {
    this.prewarmEnrollment = enrollment;
    this.enrolledCache = undefined;
  }

  /**
   * The enrolled entities, or null while pre-warming does not exist. Incremental
   * evaluations reuse a recent answer: computing it may read the whole catalog.
   */
  private async enrolled(maxAgeMs: number): Promise<Set<string> | null> {
    const enrollment = this.prewarmEnrollment;
    if (!enrollment) return null;
    const cached = this.enrolledCache;
    if (cached && Date.now() - cached.at <= maxAgeMs) return cached.refs;
    const refs = new Set(
      [...(await enrollment.enrolledEntityRefs())].map(normalizeEntityRef),
    );
    this.enrolledCache = { at: Date.now(), refs };
    return refs;
  }

  getPolicy(): PolicyResponse {
    return { policy: this.options.policy, source: this.options.source };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** CI reports the rules look at, per source: the longest window of any rule. */
  private ciRunsNeeded(): number {
    let runs = 1;
    for (const rule of this.options.policy.rules) {
      if (
        rule.id === 'effective-hit-rate' ||
        rule.id === 'cache-errors-bounded' ||
        rule.id === 'rustflags-stable'
      ) {
        runs = Math.max(runs, rule.params.runs);
      }
    }
    return runs;
  }

  /**
   * Evaluates one entity now and stores its result; an entity that is no longer in the
   * catalog (or lost the workspace annotation) has its result dropped. Null then.
   */
  async evaluateEntity(entityRef: string): Promise<EntityScorecard | null> {
    const { catalog, auth, store } = this.options;
    const ref = normalizeEntityRef(entityRef);
    const entity = await catalog.getEntityByRef(ref, {
      credentials: await auth.getOwnServiceCredentials(),
    });
    if (
      !entity?.metadata.annotations?.[RUST_BUILD_CACHE_WORKSPACE_ANNOTATION]
    ) {
      await store.deleteResults({ entityRefs: [ref] });
      return null;
    }
    const now = this.now();
    const target = toTarget(entity);
    const [enrolled, exemptions] = await Promise.all([
      this.enrolled(ENROLMENT_CACHE_MS),
      store.listExemptions({
        entityRefs: [target.entityRef],
        state: 'active',
        now,
      }),
    ]);
    const [result] = await this.evaluateBatch(
      [target],
      enrolled,
      groupExemptions(exemptions),
      now,
    );
    await store.saveEvaluations({ results: [result], day: utcDay(now) });
    return this.toScorecard(result);
  }

  /**
   * Evaluates every catalog entity with the workspace annotation, in batches (a few
   * queries per batch, not per entity or rule), and drops the results of entities that
   * are gone from the catalog.
   */
  async evaluateAll(): Promise<{ evaluated: number; removed: number }> {
    const { catalog, auth, store } = this.options;
    const now = this.now();
    const day = utcDay(now);
    const [enrolled, exemptions] = await Promise.all([
      this.enrolled(0),
      store.listExemptions({ state: 'active', now }),
    ]);
    const exemptionsByEntity = groupExemptions(exemptions);
    const seen = new Set<string>();
    const targets: EvaluationTarget[] = [];
    const pages = streamAnnotatedEntities(
      catalog,
      await auth.getOwnServiceCredentials(),
      ENTITY_FIELDS,
    );
    for await (const page of pages) {
      for (const entity of page) {
        const target = toTarget(entity);
        if (seen.has(target.entityRef)) continue;
        seen.add(target.entityRef);
        targets.push(target);
      }
    }
    // While one batch is evaluated, the database reads the next (PostgreSQL works in its own
    // process meanwhile).
    const batches: EvaluationTarget[][] = [];
    for (let i = 0; i < targets.length; i += EVALUATION_BATCH_SIZE) {
      batches.push(targets.slice(i, i + EVALUATION_BATCH_SIZE));
    }
    let next = batches.length ? this.loadInputs(batches[0]) : undefined;
    for (let i = 0; i < batches.length; i++) {
      const inputs = await next!;
      next =
        i + 1 < batches.length ? this.loadInputs(batches[i + 1]) : undefined;
      const results = this.evaluateLoaded(
        batches[i],
        inputs,
        enrolled,
        exemptionsByEntity,
        now,
      );
      await store.saveEvaluations({ results, day });
    }
    const gone = (await store.listResultEntityRefs()).filter(
      ref => !seen.has(ref),
    );
    const removed = gone.length
      ? await store.deleteResults({ entityRefs: gone })
      : 0;
    // The trend reaches back 365 days at most.
    await store.deleteDailySnapshotsBefore({
      day: addDays(day, -SNAPSHOT_RETENTION_DAYS),
    });
    return { evaluated: seen.size, removed };
  }

  private async evaluateBatch(
    targets: EvaluationTarget[],
    enrolled: Set<string> | null,
    exemptionsByEntity: Map<string, PolicyExemption[]>,
    now: Date,
  ): Promise<StoredPolicyResult[]> {
    return this.evaluateLoaded(
      targets,
      await this.loadInputs(targets),
      enrolled,
      exemptionsByEntity,
      now,
    );
  }

  /** The reports and repository facts of a batch: two kinds of queries, whatever its size. */
  private async loadInputs(targets: EvaluationTarget[]) {
    const { store } = this.options;
    const sources = targets.flatMap(t => (t.source ? [t.source] : []));
    const [reports, facts] = await Promise.all([
      store.listRecentReports({ sources, ciRuns: this.ciRunsNeeded() }),
      store.getRepositoryFacts({ sources }),
    ]);
    return { reports, facts };
  }

  private evaluateLoaded(
    targets: EvaluationTarget[],
    inputs: Awaited<ReturnType<PolicyService['loadInputs']>>,
    enrolled: Set<string> | null,
    exemptionsByEntity: Map<string, PolicyExemption[]>,
    now: Date,
  ): StoredPolicyResult[] {
    const { policy } = this.options;
    const { reports, facts } = inputs;
    return targets.map(target => {
      const key = target.source ? sourceKeyString(target.source) : undefined;
      const evaluation = evaluatePolicy({
        policy,
        input: {
          entity: target.entity,
          reports: (key && reports.get(key)) || [],
          snapshot: (key && facts.get(key)) || null,
          now,
          prewarmEnrolled: enrolled ? enrolled.has(target.entityRef) : null,
        },
        exemptions: exemptionsByEntity.get(target.entityRef) ?? [],
      });
      return {
        entityRef: target.entityRef,
        owner: target.entity.owner ?? null,
        level: evaluation.level,
        nextLevel: evaluation.nextLevel,
        counts: summarisePolicyResults(evaluation.results),
        results: evaluation.results.map(r => ({
          ruleId: r.ruleId,
          severity: r.severity,
          result: r.result,
          summary: r.summary,
          evidence: r.evidence,
        })),
        evaluatedAt: now,
      };
    });
  }

  /**
   * Queues entities for evaluation in the background (each once, however often asked);
   * failures are logged. Used after each stored report or snapshot.
   */
  requestEvaluation(entityRefs: Iterable<string>): void {
    for (const ref of entityRefs) {
      this.pending.add(normalizeEntityRef(ref));
    }
    this.kick();
  }

  /** Queues the entities linked to a source; never throws. */
  async onSourceChanged(source: ReportSourceKey): Promise<void> {
    try {
      this.requestEvaluation(
        await this.options.store.listLinkedEntityRefs({ source }),
      );
    } catch (error) {
      this.options.logger.warn(
        `Could not queue the policy evaluation of ${source.repository} (${source.workspacePath}): ${error}`,
      );
    }
  }

  /** Resolves when the queued evaluations are done. */
  async whenIdle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private kick() {
    if (this.draining || this.pending.size === 0) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      this.kick();
    });
  }

  private async drain() {
    while (this.pending.size > 0) {
      const [ref] = this.pending;
      this.pending.delete(ref);
      try {
        await this.evaluateEntity(ref);
      } catch (error) {
        this.options.logger.warn(
          `Evaluating the caching policy for ${ref} failed: ${error}`,
        );
      }
    }
  }

  async hasResults(): Promise<boolean> {
    const { total } = await this.options.store.listResultRows({
      filter: {},
      limit: 1,
    });
    return total > 0;
  }

  async getEntityScorecard(entityRef: string): Promise<EntityScorecard | null> {
    const result = await this.options.store.getResult({
      entityRef: normalizeEntityRef(entityRef),
    });
    return result ? this.toScorecard(result) : null;
  }

  /**
   * Computed by the database from the narrow result rows (no per-entity reads), and kept
   * until a result is written or deleted (by any replica: the version is read each time).
   */
  async getSummary(): Promise<ScorecardSummary> {
    const version = await this.options.store.resultsVersion();
    if (this.summaryCache?.version !== version) {
      const summary = this.computeSummary();
      this.summaryCache = { version, summary };
      // A failed computation is not kept.
      summary.catch(() => {
        if (this.summaryCache?.summary === summary)
          this.summaryCache = undefined;
      });
    }
    return this.summaryCache.summary;
  }

  private async computeSummary(): Promise<ScorecardSummary> {
    const { policy, store } = this.options;
    const { groups, ruleOutcomes } = await store.summarise({
      ruleIds: policy.rules.map(rule => rule.id),
    });
    const levelRank = this.levelRanks();
    type Group = (typeof groups)[number];
    const rollup = (rows: Group[]) => {
      const entities = sum(rows, row => row.entities);
      const compliant = sum(rows, row => row.compliant);
      return {
        entities,
        compliant,
        compliance: share(compliant, entities),
        levels: this.levelShares(entities, rank =>
          sum(
            rows.filter(row => (levelRank.get(row.level ?? '') ?? -1) >= rank),
            row => row.entities,
          ),
        ),
      };
    };
    const byOwner = new Map<string | null, Group[]>();
    let evaluatedAt: Date | null = null;
    for (const group of groups) {
      const rows = byOwner.get(group.owner) ?? [];
      rows.push(group);
      byOwner.set(group.owner, rows);
      if (
        group.lastEvaluatedAt &&
        (!evaluatedAt || group.lastEvaluatedAt > evaluatedAt)
      ) {
        evaluatedAt = group.lastEvaluatedAt;
      }
    }
    const owners: OwnerRollup[] = [...byOwner.entries()]
      .sort(([a], [b]) => compareOwners(a, b))
      .map(([owner, rows]) => ({
        owner,
        ...rollup(rows),
        failed: sum(rows, row => row.failed),
        warned: sum(rows, row => row.warned),
      }));
    const none = summarisePolicyResults([]);
    const rules: RuleRollup[] = policy.rules.map(rule => ({
      ruleId: rule.id,
      title: rule.title ?? BUILT_IN_RULES[rule.id].title,
      severity: rule.severity,
      ...(ruleOutcomes.get(rule.id) ?? none),
    }));
    const all = rollup(groups);
    return {
      evaluatedAt: evaluatedAt?.toISOString() ?? null,
      entities: all.entities,
      compliant: all.compliant,
      compliance: all.compliance,
      levels: all.levels,
      owners,
      rules,
    };
  }

  async listEntities(options: {
    filter: PolicyResultFilter;
    limit: number;
    offset: number;
  }): Promise<ScorecardEntityPage> {
    const { items, total } = await this.options.store.listResultRows(options);
    return { items: items.map(toEntityRow), total };
  }

  /** Every matching entity as CSV: one column per count and one per configured rule. */
  async exportCsv(filter: PolicyResultFilter): Promise<string> {
    const { policy, store } = this.options;
    const { items } = await store.listResultRows({ filter });
    const ruleIds = policy.rules.map(rule => rule.id);
    const lines = [
      [
        'entity_ref',
        'owner',
        'level',
        'compliant',
        'passed',
        'failed',
        'warned',
        'exempt',
        'not_applicable',
        'insufficient_data',
        'evaluated_at',
        ...ruleIds,
      ],
      ...items.map(row => [
        row.entityRef,
        row.owner ?? '',
        row.level ?? '',
        row.counts.failed === 0 ? 'yes' : 'no',
        ...countValues(row.counts),
        row.evaluatedAt.toISOString(),
        ...ruleIds.map(id => row.outcomes[id] ?? ''),
      ]),
    ];
    return `${lines
      .map(line => line.map(csvField).join(','))
      .join('\r\n')}\r\n`;
  }

  /** One point per UTC day that has snapshots, over the last `days` days (today included). */
  async getTrend(days: number): Promise<ScorecardTrend> {
    const fromDay = addDays(utcDay(this.now()), -(days - 1));
    const counts = await this.options.store.countDailySnapshots({ fromDay });
    const levelRank = this.levelRanks();
    const byDay = new Map<string, typeof counts>();
    for (const count of counts) {
      const rows = byDay.get(count.day) ?? [];
      rows.push(count);
      byDay.set(count.day, rows);
    }
    const points: ScorecardTrendPoint[] = [...byDay.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([day, rows]) => {
        const entities = sum(rows, row => row.entities);
        const compliant = sum(rows, row => row.compliant);
        return {
          day,
          entities,
          compliant,
          compliance: share(compliant, entities),
          levels: this.levelShares(entities, rank =>
            sum(
              rows.filter(
                row => (levelRank.get(row.level ?? '') ?? -1) >= rank,
              ),
              row => row.entities,
            ),
          ),
        };
      });
    return { days, points };
  }

  /** Position of each level of the policy, lowest first. */
  private levelRanks(): Map<string, number> {
    return new Map(this.options.policy.levels.map((level, i) => [level.id, i]));
  }

  private levelShares(
    entities: number,
    reaching: (rank: number) => number,
  ): LevelShare[] {
    return this.options.policy.levels.map((level, rank) => {
      const count = reaching(rank);
      return {
        levelId: level.id,
        title: level.title,
        entities: count,
        share: share(count, entities),
      };
    });
  }

  /** Adds the policy's texts to the stored results. */
  private toScorecard(result: StoredPolicyResult): EntityScorecard {
    const configured = new Map(
      this.options.policy.rules.map(rule => [rule.id as string, rule]),
    );
    const results: RuleResult[] = result.results.map(stored => {
      const rule = configured.get(stored.ruleId);
      const builtIn = BUILT_IN_RULES[stored.ruleId];
      return {
        ruleId: stored.ruleId,
        title: rule?.title ?? builtIn.title,
        description: rule?.description ?? null,
        severity: stored.severity,
        result: stored.result,
        summary: stored.summary,
        evidence: stored.evidence,
        remediation: rule?.remediation ?? builtIn.remediation,
      };
    });
    return {
      entityRef: result.entityRef,
      owner: result.owner,
      level: result.level,
      nextLevel: result.nextLevel,
      counts: result.counts,
      results,
      evaluatedAt: result.evaluatedAt.toISOString(),
    };
  }
}

function toTarget(entity: Entity): EvaluationTarget {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const text = (value: unknown) =>
    typeof value === 'string' && value ? value : undefined;
  return {
    entityRef: toEntityRef(entity),
    entity: {
      kind: entity.kind,
      type: text(spec.type),
      tags: entity.metadata.tags ?? [],
      owner: ownerRef(entity),
      lifecycle: text(spec.lifecycle),
    },
    source: entitySourceKey(entity),
  };
}

function groupExemptions(
  exemptions: StoredExemption[],
): Map<string, PolicyExemption[]> {
  const result = new Map<string, PolicyExemption[]>();
  for (const e of exemptions) {
    const list = result.get(e.entityRef) ?? [];
    list.push({
      ruleId: e.ruleId,
      expiresAt: e.expiresAt.toISOString(),
      reason: e.reason,
      author: e.author,
    });
    result.set(e.entityRef, list);
  }
  return result;
}

function toEntityRow(row: PolicyResultRow): ScorecardEntityRow {
  return {
    entityRef: row.entityRef,
    owner: row.owner,
    level: row.level,
    counts: row.counts,
    outcomes: row.outcomes as Partial<Record<PolicyRuleId, RuleOutcome>>,
    evaluatedAt: row.evaluatedAt.toISOString(),
  };
}

function countValues(counts: PolicyResultCounts): string[] {
  return [
    counts.passed,
    counts.failed,
    counts.warned,
    counts.exempt,
    counts.notApplicable,
    counts.insufficientData,
  ].map(String);
}

/** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function sum<T>(items: T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

/** By owner ref; the group without an owner last. */
function compareOwners(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
