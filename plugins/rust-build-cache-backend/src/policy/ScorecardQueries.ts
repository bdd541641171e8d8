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
import { VersionedCache } from './VersionedCache';
import { rollupLevels, sum, toEntityRow, toScorecard } from './scorecards';

/**
 * Answers kept per results version: the summary, the trend of each window, and the most
 * recently asked entity pages and filter totals.
 */
const CACHED_ANSWERS = 500;

/** The scorecards read model: entity scorecards, summary, entity list, CSV and trend. */
export class ScorecardQueries {
  private readonly cache = new VersionedCache(CACHED_ANSWERS);

  constructor(
    private readonly options: {
      policy: PolicyConfig;
      store: PolicyResultStore;
      now: () => Date;
    },
  ) {}

  async hasResults(): Promise<boolean> {
    const rows = await this.options.store.listResultPage({
      filter: {},
      limit: 1,
    });
    return rows.length > 0;
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
    return this.cache.get(version, 'summary', () => this.computeSummary());
  }

  /** Kept like the summary; a filter's total is kept apart from its pages. */
  async listEntities(options: {
    filter: PolicyResultFilter;
    limit: number;
    offset: number;
  }): Promise<ScorecardEntityPage> {
    const { store } = this.options;
    const { filter, limit, offset } = options;
    const version = await store.resultsVersion();
    const filterKey = JSON.stringify([
      filter.owner,
      filter.ruleId,
      filter.result,
      filter.level,
    ]);
    const [total, items] = await Promise.all([
      this.cache.get(version, `total ${filterKey}`, () =>
        store.countResultRows({ filter }),
      ),
      this.cache.get(version, `page ${filterKey} ${limit} ${offset}`, () =>
        store
          .listResultPage({ filter, limit, offset })
          .then(rows => rows.map(toEntityRow)),
      ),
    ]);
    return { items, total };
  }

  /** Every matching entity as CSV: one column per count and one per configured rule. */
  async exportCsv(filter: PolicyResultFilter): Promise<string> {
    const { items } = await this.options.store.listResultRows({ filter });
    return scorecardCsv(this.options.policy, items);
  }

  /** One point per UTC day that has snapshots, over the last `days` days (today included). */
  async getTrend(days: number): Promise<ScorecardTrend> {
    const { store, policy } = this.options;
    const fromDay = addDays(utcDay(this.options.now()), -(days - 1));
    const version = await store.resultsVersion();
    return this.cache.get(version, `trend ${days} ${fromDay}`, async () => {
      const counts = await store.countDailySnapshots({ fromDay });
      const points: ScorecardTrendPoint[] = [...groupBy(counts, c => c.day)]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([day, rows]) => ({ day, ...rollupLevels(policy, rows) }));
      return { days, points };
    });
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
