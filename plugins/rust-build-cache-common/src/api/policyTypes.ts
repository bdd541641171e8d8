import type { PolicyResultCounts } from '../policy/evaluatePolicy';
import type { PolicyConfig } from '../policy/policySchema';
import type { PolicyRuleId, RuleOutcome, RuleResult } from '../policy/types';

/**
 * HTTP API of the policy scorecards (all under `/api/rust-build-cache`). Reads need
 * `rustBuildCacheReadPermission`; creating and revoking exemptions needs
 * `rustBuildCacheExemptionManagePermission`.
 *
 * - `GET /policy` → {@link PolicyResponse} (the CLI's `check --url` reads `.policy`)
 * - `GET /scorecards/summary` → {@link ScorecardSummary}
 * - `GET /scorecards/entities?owner&ruleId&result&level&limit&offset` → {@link ScorecardEntityPage}
 * - `GET /scorecards/entities.csv?<same filters>` → text/csv of every matching entity
 * - `GET /scorecards/trend?days=90` → {@link ScorecardTrend}
 * - `GET /entities/:namespace/:kind/:name/scorecard` → `{ scorecard: EntityScorecard | null, pendingSince: string | null }`
 *   (`pendingSince`: since when the answering replica knows the result to be stale, a
 *   report or snapshot stored since `evaluatedAt` and its evaluation pending; null if none)
 * - `GET /exemptions?entityRef&ruleId&state=active|expired|revoked|all` → `{ items: ExemptionRecord[] }`
 * - `POST /exemptions` with {@link CreateExemptionRequest} → 201 {@link ExemptionRecord}
 * - `POST /exemptions/:id/revoke` with `{ reason?: string }` → {@link ExemptionRecord}
 * - `GET /exemptions/audit?entityRef&limit&offset` → {@link ExemptionAuditPage}
 */

/** @public */
export interface PolicyResponse {
  policy: PolicyConfig;
  /** Where the policy came from: app-config, or the built-in default when none is set. */
  source: 'config' | 'default';
}

/** The stored evaluation of one entity. @public */
export interface EntityScorecard {
  entityRef: string;
  /** Entity ref of the owner, null when the entity has none. */
  owner: string | null;
  /** The highest level reached, null when not even the first one is. */
  level: string | null;
  nextLevel: { id: string; blockingRuleIds: string[] } | null;
  counts: PolicyResultCounts;
  /** In the order of the policy's rules, each with its evidence and remediation. */
  results: RuleResult[];
  evaluatedAt: string;
}

/** One row of the entity table: the scorecard without the evidence. @public */
export interface ScorecardEntityRow {
  entityRef: string;
  owner: string | null;
  level: string | null;
  counts: PolicyResultCounts;
  /** Outcome per rule id, for the table's columns and filters. */
  outcomes: Partial<Record<PolicyRuleId, RuleOutcome>>;
  evaluatedAt: string;
}

/** @public */
export interface ScorecardEntityPage {
  items: ScorecardEntityRow[];
  total: number;
}

/** How many entities reach a level (cumulative: gold counts toward silver). @public */
export interface LevelShare {
  levelId: string;
  title: string;
  entities: number;
  /** entities / all evaluated entities, 0..1; null when none is evaluated. */
  share: number | null;
}

/** One owner's (team's) rollup. @public */
export interface OwnerRollup {
  /** Null groups the entities without an owner. */
  owner: string | null;
  entities: number;
  /** Entities with no failing rule of severity `error`. */
  compliant: number;
  compliance: number | null;
  levels: LevelShare[];
  failed: number;
  warned: number;
}

/** How often one rule ended in each outcome across the evaluated entities. @public */
export interface RuleRollup extends PolicyResultCounts {
  ruleId: PolicyRuleId;
  title: string;
  severity: 'error' | 'warning';
}

/** @public */
export interface ScorecardSummary {
  /** Null before the first evaluation. */
  evaluatedAt: string | null;
  entities: number;
  /** Entities with no failing rule of severity `error`. */
  compliant: number;
  /** compliant / entities, 0..1; null when no entity is evaluated. */
  compliance: number | null;
  levels: LevelShare[];
  owners: OwnerRollup[];
  rules: RuleRollup[];
}

/** One day of the org's daily snapshots. @public */
export interface ScorecardTrendPoint {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  entities: number;
  compliant: number;
  compliance: number | null;
  levels: LevelShare[];
}

/** @public */
export interface ScorecardTrend {
  days: number;
  points: ScorecardTrendPoint[];
}

/** @public */
export interface CreateExemptionRequest {
  entityRef: string;
  ruleId: PolicyRuleId;
  reason: string;
  /** ISO 8601, in the future; mandatory. */
  expiresAt: string;
}

/** @public */
export type ExemptionState = 'active' | 'expired' | 'revoked';

/** A stored exemption; `author` is the user entity ref that created it. @public */
export interface ExemptionRecord {
  id: string;
  entityRef: string;
  ruleId: PolicyRuleId;
  reason: string;
  author: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  state: ExemptionState;
}

/** One audited change of an exemption: who, when, what. @public */
export interface ExemptionAuditEntry {
  id: string;
  exemptionId: string;
  entityRef: string;
  ruleId: PolicyRuleId;
  action: 'created' | 'revoked';
  actor: string;
  at: string;
  /** The exemption's reason and expiry for `created`, the revoke reason for `revoked`. */
  details: Record<string, string | null>;
}

/** @public */
export interface ExemptionAuditPage {
  items: ExemptionAuditEntry[];
  total: number;
}
