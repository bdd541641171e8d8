import type { WarmGroup, WarmGroupKey, WarmPlan } from '../api/prewarmTypes';
import { computeRunMetrics } from '../metrics/computeRunMetrics';
import { pathSha256 } from '../build/collectKeyInputs';
import type { BuildCacheReport } from '../report/schema';
import { rustCacheKeyCargoVar } from '../sccache/rustCacheKeyEnv';
import { normaliseRepository } from '../source/reportSource';
import { sha256Hex } from '../util/sha256Hex';

/** The cargo profile of a build whose report does not name one: cargo's default. @public */
export const DEFAULT_CARGO_PROFILE = 'dev';

/** One entity in a schedule's scope, with the latest CI report of its workspace. @public */
export interface WarmPlanEntity {
  /** Lower-case entity ref. */
  entityRef: string;
  owner: string | null;
  tags: string[];
  /** The newest `kind: ci` report of the entity's workspace; null when it has none. */
  latestCiReport: BuildCacheReport | null;
}

/** Why an entity cannot be planned (the texts of {@link WarmPlan.skipped}). @public */
export const WARM_PLAN_SKIP_REASONS = {
  noReport: 'no CI report yet',
  noSccache:
    'its latest CI report has no sccache statistics (the build did not use sccache)',
  noRustc: 'its latest CI report does not name the rustc version',
  noDependencyFingerprint:
    'its latest CI report has no dependency fingerprint (no committed Cargo.lock)',
} as const;

/**
 * The key of a report's build: everything sccache's Rust cache keys depend on that one
 * warm build can reproduce for many consumers, CARGO_* variables by their values' hashes
 * when the report has them (not just by names). A build whose report does not name its
 * profile or target is taken as cargo's defaults: `dev`, and rustc's host triple.
 * Returns the skip reason instead when the report lacks what a key needs.
 * @public
 */
export function warmGroupKeyOf(
  report: BuildCacheReport,
): { key: WarmGroupKey } | { skipped: string } {
  if (!report.sccache) return { skipped: WARM_PLAN_SKIP_REASONS.noSccache };
  const rustc = report.toolchain.rustc;
  if (!rustc) return { skipped: WARM_PLAN_SKIP_REASONS.noRustc };
  const fingerprint = report.dependencies?.fingerprint;
  if (!fingerprint) {
    return { skipped: WARM_PLAN_SKIP_REASONS.noDependencyFingerprint };
  }
  const { env } = report.build;
  return {
    key: {
      rustc: rustc.release,
      target: report.build.target ?? rustc.host ?? 'unknown',
      profile: report.build.cargoProfile ?? DEFAULT_CARGO_PROFILE,
      rustflagsSha256: env.rustflags.set ? env.rustflags.sha256 : null,
      cargoVarNames: [...new Set(env.cargoVarNames)].sort(),
      ...keyInputsOf(report),
      cacheBackend: report.sccache.cache.backend,
      cacheLocation: report.sccache.cache.location || null,
      dependencyFingerprint: fingerprint,
    },
  };
}

/**
 * The value hashes of the CARGO_* variables sccache hashes (by the report's sccache
 * version) and the cargo home's sha256; nothing for reports without `keyInputs`, so their
 * keys and group ids stay as before.
 */
function keyInputsOf(
  report: BuildCacheReport,
): Pick<WarmGroupKey, 'cargoVarValueSha256' | 'cargoHomeSha256'> {
  const inputs = report.keyInputs;
  if (!inputs) return {};
  const version = report.sccache?.version ?? null;
  const cargoVarValueSha256: Record<string, string> = {};
  for (const name of Object.keys(inputs.cargoVarValueSha256).sort()) {
    if (rustCacheKeyCargoVar(name, version).hashed) {
      cargoVarValueSha256[name] = inputs.cargoVarValueSha256[name];
    }
  }
  return {
    cargoVarValueSha256,
    cargoHomeSha256: inputs.cargoHome ? pathSha256(inputs.cargoHome) : null,
  };
}

/** The stable id of a warm group: sha256 of its key in a fixed field order. @public */
export function warmGroupId(key: WarmGroupKey): string {
  const fields: unknown[] = [
    key.rustc,
    key.target,
    key.profile,
    key.rustflagsSha256,
    [...key.cargoVarNames].sort(),
    key.cacheBackend,
    key.cacheLocation,
    key.dependencyFingerprint,
  ];
  // Only in keys of reports with key inputs: the ids of older keys do not change.
  if (key.cargoVarValueSha256 !== undefined) {
    fields.push(
      Object.entries(key.cargoVarValueSha256).sort(([a], [b]) => compare(a, b)),
      key.cargoHomeSha256 ?? null,
    );
  }
  return sha256Hex(JSON.stringify(fields));
}

/**
 * Groups entities into warm groups, one warm job per distinct {@link WarmGroupKey}. Pure.
 *
 * - The representative of a group is the entity with the newest report (by its
 *   `finishedAt`), so the job builds the repository and commit the consumers build now.
 * - `deduplicated` counts the entities a group's job serves besides its representative.
 * - Expected benefit of a group = M × S × N, where over the latest reports of its N
 *   entities, M is the mean sccache misses (`computeRunMetrics(...).misses`) and S the mean
 *   build seconds (cargo's `timings.totalSeconds`, else sccache's compile seconds). That is
 *   "misses × compile time × entities served": groups whose consumers miss a lot in long
 *   builds, many of them, come first. Ties: more entities first, then by group id.
 * @public
 */
export function planWarmGroups(options: {
  entities: WarmPlanEntity[];
}): WarmPlan {
  const skipped: WarmPlan['skipped'] = [];
  const members = new Map<
    string,
    {
      key: WarmGroupKey;
      entities: Array<{ entity: WarmPlanEntity; report: BuildCacheReport }>;
    }
  >();
  const seen = new Set<string>();
  for (const entity of options.entities) {
    if (seen.has(entity.entityRef)) continue;
    seen.add(entity.entityRef);
    const report = entity.latestCiReport;
    if (!report) {
      skipped.push({
        entityRef: entity.entityRef,
        reason: WARM_PLAN_SKIP_REASONS.noReport,
      });
      continue;
    }
    const keyed = warmGroupKeyOf(report);
    if ('skipped' in keyed) {
      skipped.push({ entityRef: entity.entityRef, reason: keyed.skipped });
      continue;
    }
    const id = warmGroupId(keyed.key);
    const group = members.get(id) ?? { key: keyed.key, entities: [] };
    group.entities.push({ entity, report });
    members.set(id, group);
  }

  const groups: WarmGroup[] = [...members.entries()].map(([id, group]) => {
    // Newest report first; equal times by entity ref, so plans are deterministic.
    const ordered = [...group.entities].sort(
      (a, b) =>
        Date.parse(b.report.source.finishedAt) -
          Date.parse(a.report.source.finishedAt) ||
        compare(a.entity.entityRef, b.entity.entityRef),
    );
    const newest = ordered[0];
    const { host, owner, name } = newest.report.source.repository;
    return {
      id,
      key: group.key,
      representative: {
        entityRef: newest.entity.entityRef,
        repository: normaliseRepository(`${host}/${owner}/${name}`),
        workspacePath: newest.report.source.workspacePath,
        commit: newest.report.source.commit,
      },
      entityRefs: ordered.map(member => member.entity.entityRef),
      expectedBenefit: expectedBenefit(ordered.map(member => member.report)),
    };
  });

  groups.sort(
    (a, b) =>
      b.expectedBenefit - a.expectedBenefit ||
      b.entityRefs.length - a.entityRefs.length ||
      compare(a.id, b.id),
  );
  return {
    groups,
    deduplicated: groups.reduce((sum, g) => sum + g.entityRefs.length - 1, 0),
    skipped: skipped.sort((a, b) => compare(a.entityRef, b.entityRef)),
  };
}

function expectedBenefit(reports: BuildCacheReport[]): number {
  let misses = 0;
  let seconds = 0;
  for (const report of reports) {
    // Only reports with sccache statistics get here (see warmGroupKeyOf).
    const metrics = computeRunMetrics(report.sccache!);
    misses += metrics.misses;
    seconds += report.timings?.totalSeconds ?? metrics.compileSeconds;
  }
  const n = reports.length;
  return (misses / n) * (seconds / n) * n;
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
