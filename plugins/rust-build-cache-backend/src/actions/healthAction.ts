import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { RunSummary } from '@rust-build-cache/plugin-rust-build-cache-common';
import type { z as zod } from 'zod/v3';
import { PolicyService } from '../policy';
import { RunQueryService } from '../reports';
import { ActionAccess } from './actionAccess';
import { ruleResultSchema } from './schemas';

/** A latest run older than this is called stale in the answer. */
const STALE_AFTER_HOURS = 7 * 24;

const NEEDS_ACTION = new Set(['fail', 'warn']);

function runMetricsSchema(z: typeof zod) {
  return z
    .object({
      requests: z.number(),
      hits: z.number(),
      misses: z.number(),
      errors: z.number(),
      hitRate: z.number().nullable(),
      effectiveHitRate: z.number().nullable(),
      compileSeconds: z.number(),
      languages: z.array(
        z.object({
          language: z.string(),
          hits: z.number(),
          misses: z.number(),
          errors: z.number(),
          hitRate: z.number().nullable(),
          effectiveHitRate: z.number().nullable(),
        }),
      ),
      cacheLevels: z
        .array(
          z.object({
            name: z.string(),
            location: z.string(),
            hits: z
              .number()
              .nullable()
              .describe(
                'Null when sccache did not count lookups per level (client-side mode)',
              ),
            misses: z.number().nullable(),
            hitRate: z.number().nullable(),
            writes: z.number(),
            writeFailures: z.number(),
          }),
        )
        .nullable()
        .describe('Per cache level of a multi-level cache; null for one level'),
    })
    .nullable();
}

/** `get-build-cache-health`: one entity's latest CI run, scorecard and data age. */
export function registerHealthAction(options: {
  actionsRegistry: ActionsRegistryService;
  access: ActionAccess;
  runs: RunQueryService;
  policy: PolicyService;
  now?: () => Date;
}) {
  const { actionsRegistry, access, runs, policy } = options;
  const now = options.now ?? (() => new Date());
  actionsRegistry.register({
    name: 'get-build-cache-health',
    title: 'Get Rust build cache health',
    description: `Health of one catalog entity's Rust build cache (sccache in CI): the metrics of its latest CI run (hit rate and effective hit rate overall, per compiler language and per cache level), the caching-policy level it reached, every rule that fails or warns with the numbers behind it and what to change, and how old the data is.
Use it to answer "is the build cache of X healthy?" or "why is X not gold?". Rates are fractions from 0 to 1; null means nothing was compiled. To learn why a particular run missed, call explain-build-cache-misses next.`,
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .min(1)
            .describe(
              'Catalog entity ref, e.g. component:default/billing-api (kind defaults to Component, namespace to default)',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          latestRun: z
            .object({
              id: z.string(),
              finishedAt: z.string(),
              branch: z.string().nullable(),
              commit: z.string().nullable(),
              url: z.string().nullable(),
              sccacheVersion: z.string().nullable(),
              metrics: runMetricsSchema(z),
            })
            .nullable()
            .describe('Null when no CI report of the entity was received'),
          policy: z
            .object({
              level: z.string().nullable(),
              nextLevel: z
                .object({
                  id: z.string(),
                  blockingRuleIds: z.array(z.string()),
                })
                .nullable(),
              evaluatedAt: z.string(),
              failingRules: z.array(ruleResultSchema(z)),
            })
            .nullable()
            .describe('Null when the entity has not been scored yet'),
          freshness: z.object({
            latestRunAgeHours: z.number().nullable(),
            stale: z.boolean(),
            note: z.string(),
          }),
        }),
    },
    action: async ({ input, credentials }) => {
      const { entityRef, entity } = await access.requireReadableEntity(
        credentials,
        input.entityRef,
      );
      const [run, scorecard] = await Promise.all([
        runs.getLatestRun({ entity, credentials, kind: 'ci' }),
        policy.getEntityScorecard(entityRef),
      ]);
      const ageHours = run ? hoursBetween(run.finishedAt, now()) : null;
      const stale = ageHours === null || ageHours > STALE_AFTER_HOURS;
      return {
        output: {
          entityRef,
          latestRun: run && {
            id: run.id,
            finishedAt: run.finishedAt,
            branch: run.branch,
            commit: run.commit,
            url: run.url,
            sccacheVersion: run.sccacheVersion,
            metrics: toMetricsOutput(run.metrics),
          },
          policy: scorecard && {
            level: scorecard.level,
            nextLevel: scorecard.nextLevel,
            evaluatedAt: scorecard.evaluatedAt,
            failingRules: scorecard.results.filter(r =>
              NEEDS_ACTION.has(r.result),
            ),
          },
          freshness: {
            latestRunAgeHours: ageHours,
            stale,
            note: describeFreshness(ageHours),
          },
        },
      };
    },
  });
}

function toMetricsOutput(metrics: RunSummary['metrics']) {
  if (!metrics) return null;
  return {
    requests: metrics.requests,
    hits: metrics.hits,
    misses: metrics.misses,
    errors: metrics.errors,
    hitRate: metrics.hitRate,
    effectiveHitRate: metrics.effectiveHitRate,
    compileSeconds: metrics.compileSeconds,
    languages: metrics.languages.map(l => ({
      language: l.language,
      hits: l.hits,
      misses: l.misses,
      errors: l.errors,
      hitRate: l.hitRate,
      effectiveHitRate: l.effectiveHitRate,
    })),
    cacheLevels:
      metrics.cacheLevels?.map(level => ({
        name: level.name,
        location: level.location,
        hits: level.countsRecorded ? level.hits : null,
        misses: level.countsRecorded ? level.misses : null,
        hitRate: level.hitRate,
        writes: level.writes,
        writeFailures: level.writeFailures,
      })) ?? null,
  };
}

function hoursBetween(iso: string, now: Date): number {
  return Math.round(((now.getTime() - Date.parse(iso)) / 3_600_000) * 10) / 10;
}

function describeFreshness(ageHours: number | null): string {
  if (ageHours === null) {
    return 'No CI report was received for this entity: its CI does not run `rust-build-cache collect` and `push`, or its reports name another repository or workspace.';
  }
  return ageHours > STALE_AFTER_HOURS
    ? `The latest CI report is ${Math.round(
        ageHours / 24,
      )} days old: the numbers may not describe the current build.`
    : `The latest CI report is ${ageHours} hours old.`;
}
