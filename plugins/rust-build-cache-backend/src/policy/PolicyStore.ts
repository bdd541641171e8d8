import {
  PolicyReport,
  PolicyRun,
  PolicyRepositoryFacts,
  PolicyResultCounts,
  PolicyRuleId,
  RuleEvidence,
  RuleOutcome,
  RuleSeverity,
  ReportSourceKey,
} from '@rust-build-cache/plugin-rust-build-cache-common';

/**
 * One rule's stored result: what the evaluation found. The policy's texts (title,
 * description, remediation) are not stored; they are added from the policy when read.
 */
export interface StoredRuleResult {
  ruleId: PolicyRuleId;
  severity: RuleSeverity;
  result: RuleOutcome;
  summary: string;
  evidence: RuleEvidence;
}

/** The current evaluation of one entity. */
export interface StoredPolicyResult {
  /** Lower-case entity ref. */
  entityRef: string;
  owner: string | null;
  level: string | null;
  nextLevel: { id: string; blockingRuleIds: string[] } | null;
  counts: PolicyResultCounts;
  results: StoredRuleResult[];
  evaluatedAt: Date;
}

/** A row of the entity table: the stored result without the per-rule details. */
export interface PolicyResultRow {
  entityRef: string;
  owner: string | null;
  level: string | null;
  counts: PolicyResultCounts;
  outcomes: Partial<Record<PolicyRuleId, RuleOutcome>>;
  evaluatedAt: Date;
}

/** Filters of the entity table; unset ones do not filter. */
export interface PolicyResultFilter {
  /** Lower-case entity ref of the owner. */
  owner?: string;
  /** With `result`: entities whose result for this rule is `result`; alone: fail or warn. */
  ruleId?: PolicyRuleId;
  /** Alone: entities with at least one rule of this outcome. */
  result?: RuleOutcome;
  /** The highest level reached equals this one; `null` for entities below every level. */
  level?: string | null;
}

/** The current results counted per (owner, level), and per rule and outcome. */
export interface ResultSummary {
  groups: Array<{
    owner: string | null;
    level: string | null;
    entities: number;
    /** Entities without a failing rule of severity `error`. */
    compliant: number;
    /** Rules that fail, summed over the entities. */
    failed: number;
    warned: number;
    lastEvaluatedAt: Date | null;
  }>;
  ruleOutcomes: Map<PolicyRuleId, PolicyResultCounts>;
}

/** Per UTC day and level: how many entities, and how many had no failing error rule. */
export interface DailyLevelCount {
  day: string;
  level: string | null;
  entities: number;
  compliant: number;
}

export interface StoredExemption {
  id: string;
  entityRef: string;
  ruleId: PolicyRuleId;
  reason: string;
  author: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
}

export type ExemptionStateFilter = 'active' | 'expired' | 'revoked' | 'all';

export interface StoredExemptionAuditEntry {
  id: string;
  exemptionId: string;
  entityRef: string;
  ruleId: PolicyRuleId;
  action: 'created' | 'revoked';
  actor: string;
  at: Date;
  details: Record<string, string | null>;
}

/** A source's recent reports, in the two forms the policy's rules read them. */
export interface RecentReports {
  /** Every recent report as a `PolicyRun`, newest first. */
  runs: PolicyRun[];
  /** The policy projections of the runs that `reportsReadInFull(runs)` names, newest first. */
  reports: PolicyReport[];
}

/**
 * A source's recent reports as read from the store, parsed anew by each `read()`: a batch
 * of sources keeps their stored texts, and each source's objects live only while its
 * entities are evaluated (parsed for a whole batch while the next was read, most of them
 * outlived young-generation collections and were copied).
 */
export interface StoredRecentReports {
  read(): RecentReports;
}

/**
 * What the policy reads of other features: recent reports (their policy projections),
 * repository facts from the snapshot feature and the entities the catalog feature links
 * to a source. One read per table for a batch of sources.
 */
export interface PolicyInputs {
  /**
   * The recent reports of each source: its last `ciRuns` CI reports plus its latest
   * report of another kind, as the policy reads them (their projections, stored at
   * ingestion). Keyed by {@link sourceKeyString}. Each source's window may be kept for
   * the next read while the source's stored reports do not change.
   */
  listRecentReports(options: {
    sources: ReportSourceKey[];
    ciRuns: number;
    /** Only reports that finished before this time (the policy's view of a past day). */
    finishedBefore?: Date;
  }): Promise<Map<string, StoredRecentReports>>;

  /**
   * Drops what {@link PolicyInputs.listRecentReports} keeps between reads that is no longer
   * valid (the windows of sources whose reports changed since); answers how many were
   * dropped. The full evaluation calls it when it has read every source.
   */
  deleteOutdatedWindows(): Promise<number>;

  /** What the latest repository snapshot of each source says, keyed by {@link sourceKeyString}. */
  getRepositoryFacts(options: {
    sources: ReportSourceKey[];
  }): Promise<Map<string, PolicyRepositoryFacts>>;

  /** Every entity linked to a source (several entities may share one workspace). */
  listLinkedEntityRefs(options: { source: ReportSourceKey }): Promise<string[]>;

  /** {@link PolicyInputs.listLinkedEntityRefs} of many sources in one read, keyed by {@link sourceKeyString}. */
  listLinkedEntityRefsBySource(options: {
    sources: ReportSourceKey[];
  }): Promise<Map<string, string[]>>;
}

/** Persistence of policy results and their daily snapshots. */
export interface PolicyResultStore {
  /**
   * Upserts the current results and the snapshot of `day` of each entity, in one
   * transaction. `inFullEvaluation`: they are part of a full evaluation, which calls
   * `recordFullEvaluation` when it finishes; results that did not change are not written.
   */
  saveEvaluations(options: {
    results: StoredPolicyResult[];
    day: string;
    inFullEvaluation?: boolean;
  }): Promise<void>;

  /**
   * Records that a full evaluation at `evaluatedAt` finished: every stored result was
   * evaluated then (or later). The evaluation time of a result is the later of its own and
   * this one.
   */
  recordFullEvaluation(options: { evaluatedAt: Date }): Promise<void>;

  /** Drops the current results of these entities; returns how many there were. */
  deleteResults(options: { entityRefs: string[] }): Promise<number>;

  /** Every entity ref with a current result. */
  listResultEntityRefs(): Promise<string[]>;

  /** The stored level of each of these entities that has a result (null: none reached). */
  listLevels(options: {
    entityRefs: string[];
  }): Promise<Map<string, string | null>>;

  getResult(options: {
    entityRef: string;
  }): Promise<StoredPolicyResult | undefined>;

  /** Matching rows by entity ref (all of them without `limit`) and how many match. */
  listResultRows(options: {
    filter: PolicyResultFilter;
    limit?: number;
    offset?: number;
  }): Promise<{ items: PolicyResultRow[]; total: number }>;

  /** How many rows match; {@link PolicyResultStore.listResultRows}' total alone. */
  countResultRows(options: { filter: PolicyResultFilter }): Promise<number>;

  /** {@link PolicyResultStore.listResultRows}' items alone. */
  listResultPage(options: {
    filter: PolicyResultFilter;
    limit?: number;
    offset?: number;
  }): Promise<PolicyResultRow[]>;

  /**
   * Changes whenever a current result or a daily snapshot is written or deleted (by any
   * replica). One primary-key read, for caching what is computed from all results.
   */
  resultsVersion(): Promise<number>;

  /** Counts over all current results, without reading them one by one. */
  summarise(options: { ruleIds: PolicyRuleId[] }): Promise<ResultSummary>;

  /** Daily snapshots from `fromDay` on, counted per day and level. */
  countDailySnapshots(options: { fromDay: string }): Promise<DailyLevelCount[]>;

  /**
   * Writes the snapshot of `day` of each entity where that day has none yet (a day's
   * own evaluation is never overwritten), without touching the current results; returns
   * how many it wrote. For recomputing past days of the trend.
   */
  addDailySnapshots(options: {
    results: StoredPolicyResult[];
    day: string;
  }): Promise<number>;

  /** Deletes daily snapshots of days before `day`; returns how many. */
  deleteDailySnapshotsBefore(options: { day: string }): Promise<number>;
}

/** Persistence of exemptions and their audit log. */
export interface ExemptionStore {
  /** Creates the exemption and its `created` audit entry in one transaction. */
  createExemption(options: {
    exemption: Omit<StoredExemption, 'revokedAt' | 'revokedBy'>;
  }): Promise<StoredExemption>;

  /**
   * Revokes the exemption and writes its `revoked` audit entry in one transaction.
   * @throws NotFoundError for an unknown id, ConflictError when already revoked.
   */
  revokeExemption(options: {
    id: string;
    actor: string;
    at: Date;
    reason: string | null;
  }): Promise<StoredExemption>;

  getExemption(options: { id: string }): Promise<StoredExemption | undefined>;

  /** Newest first; `state` is judged at `now`. */
  listExemptions(options: {
    entityRefs?: string[];
    ruleId?: string;
    state: ExemptionStateFilter;
    now: Date;
  }): Promise<StoredExemption[]>;

  /** Newest first. */
  listExemptionAudit(options: {
    entityRef?: string;
    limit: number;
    offset: number;
  }): Promise<{ items: StoredExemptionAuditEntry[]; total: number }>;
}

/** The key of a source in the maps of {@link PolicyInputs}. */
export { sourceKeyString } from '../catalog';
