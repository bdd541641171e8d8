import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  ReportDifference,
  RunDetail,
  RunSummary,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { PolicyService } from '../policy';
import { RunQueryService } from '../reports';
import { ActionAccess } from './actionAccess';
import { fixFor } from './missFixes';

/** "Hit well" when the policy sets no effective-hit-rate threshold. */
const DEFAULT_GOOD_EFFECTIVE_HIT_RATE = 0.8;
/** How many earlier CI runs are searched for one that hit well. */
const GOOD_RUN_SEARCH_LIMIT = 500;
const PAGE_SIZE = 100;

/**
 * `explain-build-cache-misses`: the run comparison (`RunQueryService.compareRuns`, the
 * same as the compare view) of two runs of one entity, reduced to the settings that
 * change sccache's cache keys, each with why and what to change.
 */
export function registerExplainMissesAction(options: {
  actionsRegistry: ActionsRegistryService;
  access: ActionAccess;
  runs: RunQueryService;
  policy: PolicyService;
}) {
  const { actionsRegistry, access, runs, policy } = options;
  actionsRegistry.register({
    name: 'explain-build-cache-misses',
    title: 'Explain Rust build cache misses',
    description: `Explains why a CI run of one catalog entity missed the Rust build cache (sccache): compares it with a run that hit, and lists the settings that differ and change sccache's cache keys (rustc, toolchain file, Cargo.lock, RUSTFLAGS, CARGO_* variables, checkout directory, cargo home, profile settings...), each with why it makes sccache miss and what to change.
Without run ids it compares the entity's latest CI run (head) with the most recent earlier CI run whose effective hit rate reached the policy's threshold (base). Pass baseRunId and headRunId (ids from get-build-cache-health or an earlier answer) to compare two runs of your choice. Use it for questions like "why did billing-api's CI compile everything yesterday?".`,
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .min(1)
            .describe('Catalog entity ref, e.g. component:default/billing-api'),
          baseRunId: z
            .string()
            .uuid()
            .optional()
            .describe('The run that hit well (default: the last one that did)'),
          headRunId: z
            .string()
            .uuid()
            .optional()
            .describe('The run that missed (default: the latest CI run)'),
        }),
      output: z => {
        const run = z.object({
          id: z.string(),
          finishedAt: z.string(),
          branch: z.string().nullable(),
          commit: z.string().nullable(),
          url: z.string().nullable(),
          effectiveHitRate: z.number().nullable(),
        });
        const change = z.object({
          setting: z.string(),
          key: z.string(),
          base: z.string().nullable(),
          head: z.string().nullable(),
          why: z.string(),
          fix: z.string(),
        });
        return z.object({
          entityRef: z.string(),
          base: run,
          head: run,
          summary: z.string(),
          keyChanges: change
            .array()
            .describe('Differences that change cache keys: the likely causes'),
          otherDifferences: z
            .array(
              z.object({
                setting: z.string(),
                base: z.string().nullable(),
                head: z.string().nullable(),
                why: z.string(),
              }),
            )
            .describe('Differences that do not change Rust cache keys'),
        });
      },
    },
    action: async ({ input, credentials }) => {
      const { entityRef, entity } = await access.requireReadableEntity(
        credentials,
        input.entityRef,
      );
      const head = input.headRunId
        ? await runOfEntity(runs, input.headRunId, entityRef)
        : await latestCiRun(runs, entity, entityRef, credentials);
      const base = input.baseRunId
        ? await runOfEntity(runs, input.baseRunId, entityRef)
        : await lastGoodRunBefore(
            runs,
            { entity, credentials, head },
            goodThreshold(policy),
          );
      const comparison = await runs.compareRuns({
        baseId: base.id,
        headId: head.id,
      });
      const keyChanges = comparison.differences
        .filter(d => d.affectsCacheKeys)
        .map(d => ({ ...describe(d), key: d.key, fix: fixFor(d.key) }));
      return {
        output: {
          entityRef,
          base: toRunOutput(comparison.base),
          head: toRunOutput(comparison.head),
          summary: summarise(keyChanges.length, comparison.head),
          keyChanges,
          otherDifferences: comparison.differences
            .filter(d => !d.affectsCacheKeys)
            .map(describe),
        },
      };
    },
  });
}

function describe(difference: ReportDifference) {
  return {
    setting: difference.label,
    base: difference.base,
    head: difference.head,
    why: difference.explanation,
  };
}

function summarise(keyChanges: number, head: RunSummary): string {
  if (keyChanges > 0) {
    return `${keyChanges} setting${
      keyChanges === 1 ? '' : 's'
    } that sccache puts into its cache keys changed between the runs: each one makes the crates it reaches miss until the cache holds entries under the new keys.`;
  }
  return `No setting that changes sccache's Rust cache keys differs between the runs. Misses in the head run (effective hit rate ${formatRate(
    head.metrics?.effectiveHitRate ?? null,
  )}) then come from elsewhere: an empty or evicted cache, cache read errors, or workspace crates whose sources changed.`;
}

function formatRate(rate: number | null): string {
  return rate === null ? 'unknown' : `${Math.round(rate * 100)}%`;
}

function toRunOutput(run: RunSummary) {
  return {
    id: run.id,
    finishedAt: run.finishedAt,
    branch: run.branch,
    commit: run.commit,
    url: run.url,
    effectiveHitRate: run.metrics?.effectiveHitRate ?? null,
  };
}

/** The threshold of the policy's effective-hit-rate rule, when it has one. */
function goodThreshold(policy: PolicyService): number {
  const rule = policy
    .getPolicy()
    .policy.rules.find(r => r.id === 'effective-hit-rate');
  const threshold = (rule?.params as { threshold?: unknown } | undefined)
    ?.threshold;
  return typeof threshold === 'number'
    ? threshold
    : DEFAULT_GOOD_EFFECTIVE_HIT_RATE;
}

/** A run by id that belongs to the entity: another entity's run is not answered here. */
async function runOfEntity(
  runs: RunQueryService,
  id: string,
  entityRef: string,
): Promise<RunDetail> {
  const run = await runs.getRun({ id });
  if (run.entityRef !== entityRef) {
    throw new InputError(`Run ${id} is not a run of ${entityRef}`);
  }
  return run;
}

async function latestCiRun(
  runs: RunQueryService,
  entity: CompoundEntityRef,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<RunDetail> {
  const run = await runs.getLatestRun({ entity, credentials, kind: 'ci' });
  if (!run) {
    throw new NotFoundError(
      `${entityRef} has no CI runs: its CI does not push build-cache reports yet`,
    );
  }
  return run;
}

/** The most recent CI run finished before `head` with an effective hit rate ≥ threshold. */
async function lastGoodRunBefore(
  runs: RunQueryService,
  query: {
    entity: CompoundEntityRef;
    credentials: BackstageCredentials;
    head: RunSummary;
  },
  threshold: number,
): Promise<RunSummary> {
  const { entity, credentials, head } = query;
  for (let offset = 0; offset < GOOD_RUN_SEARCH_LIMIT; offset += PAGE_SIZE) {
    const page = await runs.listRuns({
      entity,
      credentials,
      kind: 'ci',
      limit: PAGE_SIZE,
      offset,
    });
    const good = page.items.find(
      run =>
        run.id !== head.id &&
        run.finishedAt < head.finishedAt &&
        (run.metrics?.effectiveHitRate ?? -1) >= threshold,
    );
    if (good) return good;
    if (offset + PAGE_SIZE >= page.total) break;
  }
  throw new NotFoundError(
    `No CI run of ${toRef(head)} before run ${
      head.id
    } reached an effective hit rate of ${formatRate(
      threshold,
    )} (the policy's threshold), so there is no good run to compare with; pass baseRunId to compare with a run of your choice`,
  );
}

function toRef(run: RunSummary): string {
  return run.entityRef ?? `${run.repository} ${run.workspacePath}`;
}
