import type { z as zod } from 'zod/v3';

/** One rule's result as -common's `RuleResult` holds it: outcome, evidence, what to change. */
export function ruleResultSchema(z: typeof zod) {
  return z.object({
    ruleId: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    severity: z.enum(['error', 'warning']),
    result: z.enum([
      'pass',
      'fail',
      'warn',
      'exempt',
      'not-applicable',
      'insufficient-data',
    ]),
    summary: z.string(),
    evidence: z.object({
      numbers: z.record(z.union([z.number(), z.string(), z.null()])),
      runIds: z.array(z.string()),
    }),
    remediation: z.string(),
  });
}
