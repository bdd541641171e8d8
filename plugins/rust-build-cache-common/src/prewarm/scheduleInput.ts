import { z } from 'zod';
import type { PrewarmScheduleInput, PrewarmScope } from '../api/prewarmTypes';
import { normalizeEntityRef } from '../source/reportSource';
import { cronExpressionError, isValidTimeZone } from './cron';

/** Limits of a schedule's numbers, shared by the editor and the API. @public */
export const PREWARM_LIMITS = {
  concurrency: { min: 1, max: 16 },
  timeLimitMinutes: { min: 1, max: 720 },
} as const;

const refList = (what: string) =>
  z
    .array(
      z
        .string()
        .trim()
        .min(1, `${what} must not be empty`)
        .max(500)
        .transform(normalizeEntityRef),
    )
    .max(500);

/** @public */
export const prewarmScopeSchema = z.object({
  owners: refList('an owner ref'),
  tags: z
    .array(z.string().trim().min(1, 'a tag must not be empty').max(200))
    .max(500),
  entityRefs: refList('an entity ref'),
});

/**
 * A schedule as users send it (`POST`/`PUT /prewarm/schedules`, and the editor). Entity
 * and owner refs are compared case-insensitively, so they are stored lower case.
 * @public
 */
export const prewarmScheduleInputSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  cron: z
    .string()
    .trim()
    .superRefine((cron, ctx) => {
      const error = cronExpressionError(cron);
      if (error) ctx.addIssue({ code: 'custom', message: error });
    }),
  timeZone: z
    .string()
    .trim()
    .refine(
      isValidTimeZone,
      'must be an IANA time zone, e.g. Europe/Berlin or UTC',
    ),
  scope: prewarmScopeSchema,
  executorId: z.string().trim().min(1, 'must name an executor'),
  concurrency: z
    .number()
    .int('must be a whole number')
    .min(PREWARM_LIMITS.concurrency.min)
    .max(PREWARM_LIMITS.concurrency.max),
  timeLimitMinutes: z
    .number()
    .int('must be a whole number')
    .min(PREWARM_LIMITS.timeLimitMinutes.min)
    .max(PREWARM_LIMITS.timeLimitMinutes.max),
});

/** One problem of a schedule input; `path` names the field, e.g. `scope.owners.0`. @public */
export interface PrewarmScheduleIssue {
  path: string;
  message: string;
}

/** @public */
export type PrewarmScheduleValidation =
  | { ok: true; value: PrewarmScheduleInput }
  | { ok: false; issues: PrewarmScheduleIssue[] };

/**
 * Validates an unknown value as a {@link PrewarmScheduleInput}. Each issue names its
 * field: `cron: must have 5 fields ...`.
 * @public
 */
export function validatePrewarmScheduleInput(
  input: unknown,
): PrewarmScheduleValidation {
  const parsed = prewarmScheduleInputSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map(issue => ({
      path: issue.path.length ? issue.path.map(String).join('.') : '(root)',
      message: issue.message,
    })),
  };
}

/** Whether an entity falls in a schedule's scope. @public */
export interface PrewarmScopeEntity {
  /** Lower-case entity ref. */
  entityRef: string;
  /** Lower-case owner entity ref, e.g. `group:default/payments`; null without an owner. */
  owner: string | null;
  tags: string[];
}

/**
 * An entity is in scope when the scope is empty (every annotated entity), when it is one
 * of `entityRefs`, or when owners or tags are given and it matches both filters (an empty
 * list does not filter). Explicit entities add to what owners and tags select.
 * @public
 */
export function matchesPrewarmScope(
  entity: PrewarmScopeEntity,
  scope: PrewarmScope,
): boolean {
  const ref = normalizeEntityRef(entity.entityRef);
  const owners = scope.owners.map(normalizeEntityRef);
  const entityRefs = scope.entityRefs.map(normalizeEntityRef);
  if (owners.length === 0 && scope.tags.length === 0) {
    return entityRefs.length === 0 || entityRefs.includes(ref);
  }
  if (entityRefs.includes(ref)) return true;
  const ownerOk =
    owners.length === 0 ||
    (entity.owner !== null &&
      owners.includes(normalizeEntityRef(entity.owner)));
  const tagsOk =
    scope.tags.length === 0 ||
    scope.tags.some(tag => entity.tags.includes(tag));
  return ownerOk && tagsOk;
}
