import {
  BUILT_IN_RULES,
  EntityScorecard,
  LevelShare,
  PolicyConfig,
  PolicyRuleId,
  RuleOutcome,
  RuleResult,
  ScorecardEntityRow,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { PolicyResultRow, StoredPolicyResult } from './PolicyStore';

/** A stored result with the policy's texts added. */
export function toScorecard(
  policy: PolicyConfig,
  result: StoredPolicyResult,
): EntityScorecard {
  const configured = new Map(
    policy.rules.map(rule => [rule.id as string, rule]),
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

export function toEntityRow(row: PolicyResultRow): ScorecardEntityRow {
  return {
    entityRef: row.entityRef,
    owner: row.owner,
    level: row.level,
    counts: row.counts,
    outcomes: row.outcomes as Partial<Record<PolicyRuleId, RuleOutcome>>,
    evaluatedAt: row.evaluatedAt.toISOString(),
  };
}

/** Counted entities of one level (null: below the lowest). */
export interface LevelCount {
  level: string | null;
  entities: number;
  compliant: number;
}

/**
 * Entities, compliance and the share reaching each level of the policy, from counts per
 * level; the one rollup behind the summary, its owners and the trend's points.
 */
export function rollupLevels(
  policy: PolicyConfig,
  rows: LevelCount[],
): {
  entities: number;
  compliant: number;
  compliance: number | null;
  levels: LevelShare[];
} {
  const rank = new Map(policy.levels.map((level, i) => [level.id, i]));
  const entities = sum(rows, row => row.entities);
  const compliant = sum(rows, row => row.compliant);
  return {
    entities,
    compliant,
    compliance: share(compliant, entities),
    levels: policy.levels.map((level, levelRank) => {
      const reaching = sum(
        rows.filter(row => (rank.get(row.level ?? '') ?? -1) >= levelRank),
        row => row.entities,
      );
      return {
        levelId: level.id,
        title: level.title,
        entities: reaching,
        share: share(reaching, entities),
      };
    }),
  };
}

export function sum<T>(items: T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
