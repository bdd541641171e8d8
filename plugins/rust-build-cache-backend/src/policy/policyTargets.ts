import { Entity } from '@backstage/catalog-model';
import {
  PolicyEntity,
  PolicyEvaluation,
  ReportSourceKey,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { entitySourceKey, ownerRef, toEntityRef } from '../catalog';
import { StoredPolicyResult } from './PolicyStore';

/** Entities evaluated per batch of queries in a full evaluation. */
export const EVALUATION_BATCH_SIZE = 250;

/** The catalog fields the policy reads besides those `streamAnnotatedEntities` always reads. */
export const ENTITY_FIELDS = [
  'metadata.tags',
  'spec.type',
  'spec.owner',
  'spec.lifecycle',
  'relations',
];

/** A catalog entity as the evaluation reads it: its ref, policy entity and report source. */
export interface EvaluationTarget {
  entityRef: string;
  entity: PolicyEntity;
  source: ReportSourceKey | undefined;
}

export function toTarget(entity: Entity): EvaluationTarget {
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

/** What is stored of an evaluation: the rule results without titles and remediations. */
export function toStoredResult(
  target: EvaluationTarget,
  evaluation: PolicyEvaluation,
  evaluatedAt: Date,
): StoredPolicyResult {
  return {
    entityRef: target.entityRef,
    owner: target.entity.owner ?? null,
    level: evaluation.level,
    nextLevel: evaluation.nextLevel,
    counts: {
      passed: evaluation.passed,
      failed: evaluation.failed,
      warned: evaluation.warned,
      exempt: evaluation.exempt,
      notApplicable: evaluation.notApplicable,
      insufficientData: evaluation.insufficientData,
    },
    results: evaluation.results.map(r => ({
      ruleId: r.ruleId,
      severity: r.severity,
      result: r.result,
      summary: r.summary,
      evidence: r.evidence,
    })),
    evaluatedAt,
  };
}
