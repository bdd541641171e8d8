import {
  BUILT_IN_RULES,
  EntityScorecard,
  OwnerRollup,
  PolicyConfig,
  RuleRollup,
  ScorecardEntityPage,
  ScorecardSummary,
  ScorecardTrend,
  ScorecardTrendPoint,
  summarisePolicyResults,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { normalizeEntityRef } from '../catalog';
import { addDays, utcDay } from '../lib/utcDays';
import { PolicyResultFilter, PolicyResultStore } from './PolicyStore';
import { scorecardCsv } from './scorecardCsv';
import { rollupLevels, sum, toEntityRow, toScorecard } from './scorecards';

/** The scorecards read model: entity scorecards, summary, entity list, CSV and trend. */
export class ScorecardQueries {
  private summaryCache:
    | { version: string; summary: Promise<ScorecardSummary> }
    | undefined;

  constructor(
    private readonly options: {
      policy: PolicyConfig;
      store: PolicyResultStore;
      now: () => Date;
    },
  ) {}

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
    return result ? toScorecard(this.options.policy, result) : null;
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
    const { items } = await this.options.store.listResultRows({ filter });
    return scorecardCsv(this.options.policy, items);
  }

  /** One point per UTC day that has snapshots, over the last `days` days (today included). */
  async getTrend(days: number): Promise<ScorecardTrend> {
    const fromDay = addDays(utcDay(this.options.now()), -(days - 1));
    const counts = await this.options.store.countDailySnapshots({ fromDay });
    const points: ScorecardTrendPoint[] = [...groupBy(counts, c => c.day)]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([day, rows]) => ({
        day,
        ...rollupLevels(this.options.policy, rows),
      }));
    return { days, points };
  }

  private async computeSummary(): Promise<ScorecardSummary> {
    const { policy, store } = this.options;
    const { groups, ruleOutcomes } = await store.summarise({
      ruleIds: policy.rules.map(rule => rule.id),
    });
    let evaluatedAt: Date | null = null;
    for (const group of groups) {
      if (
        group.lastEvaluatedAt &&
        (!evaluatedAt || group.lastEvaluatedAt > evaluatedAt)
      ) {
        evaluatedAt = group.lastEvaluatedAt;
      }
    }
    const owners: OwnerRollup[] = [...groupBy(groups, g => g.owner)]
      .sort(([a], [b]) => compareOwners(a, b))
      .map(([owner, rows]) => ({
        owner,
        ...rollupLevels(policy, rows),
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
    const all = rollupLevels(policy, groups);
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
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const list = groups.get(key(item)) ?? [];
    list.push(item);
    groups.set(key(item), list);
  }
  return groups;
}

/** By owner ref; the group without an owner last. */
function compareOwners(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
