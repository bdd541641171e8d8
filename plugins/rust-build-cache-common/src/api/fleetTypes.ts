/**
 * HTTP API of the fleet insights (all under `/api/rust-build-cache`, read permission as the
 * scorecards). Each view is computed over the whole fleet and kept for a while
 * (`rustBuildCache.fleet.refreshSeconds`); `computedAt` says when it was computed.
 *
 * - `GET /fleet/compile-time?days=30&limit=50` → {@link FleetCompileTime}
 * - `GET /fleet/toolchains` → {@link FleetToolchainDrift}
 * - `GET /fleet/fragmentation?limit=50` → {@link FleetFragmentation}
 * - `GET /fleet/time-saved?weeks=12` → {@link FleetTimeSaved}
 */

/** How an estimate is made and what it leaves out, shown beside its numbers. @public */
export interface FleetEstimateMethod {
  formula: string;
  limits: string[];
}

/** A dependency crate's estimated compile seconds on cache misses. @public */
export interface FleetCrateCost {
  name: string;
  version: string;
  /** Estimated seconds compiling this crate on cache misses, summed over the window. */
  missSeconds: number;
  /** How many compiles of it were counted (one per CI report that counted it). */
  compiles: number;
  /** How many services compiled it on a miss in the window. */
  services: number;
  /** Up to {@link FLEET_LISTED_ENTITIES} of them, by entity ref (`services` counts all). */
  entityRefs: string[];
  /** How many of those services a pre-warm schedule covers (its scope selects them). */
  prewarmedServices: number;
}

/** @public */
export interface FleetCompileTime {
  computedAt: string;
  days: number;
  /** Start of the window, ISO 8601. */
  from: string;
  /** Most expensive first, at most `limit`. */
  crates: FleetCrateCost[];
  /** Distinct crates (name and version) counted in the window. */
  totalCrates: number;
  /** Sum of `missSeconds` over every crate, not only the listed ones. */
  totalMissSeconds: number;
  /** CI reports of linked services in the window with at least one Rust miss. */
  reportsWithMisses: number;
  /** Of those, the reports that kept cargo timings (the others add nothing). */
  reportsWithTimings: number;
  method: FleetEstimateMethod;
}

/** @public */
export interface FleetToolchainRelease {
  /** rustc release CI used, e.g. `1.95.0` or `1.97.0-nightly`. */
  release: string;
  services: number;
  entityRefs: string[];
  isBaseline: boolean;
}

/** A service whose toolchain pin differs from the rustc its latest CI run used. @public */
export interface FleetPinMismatch {
  entityRef: string;
  /** e.g. `rust-toolchain.toml` */
  file: string;
  /** The pinned channel, e.g. `1.94.0` or `nightly`. */
  pin: string;
  ciRelease: string;
}

/** @public */
export interface FleetToolchainDrift {
  computedAt: string;
  /** The policy's `baseline.rustRelease`; null when the policy sets none. */
  baseline: string | null;
  /** From the latest CI report of each linked service; most services first. */
  releases: FleetToolchainRelease[];
  /** By entity ref, at most 100 (`totalPinMismatches` counts all). */
  pinMismatches: FleetPinMismatch[];
  totalPinMismatches: number;
  /** Linked services with a CI report that names its rustc. */
  servicesWithRustc: number;
  /** Of those, services without an exact pin (no file, no channel, or a moving channel). */
  unpinned: number;
}

/** The parts of a cache key that can split services of one Cargo.lock. @public */
export const FLEET_KEY_DIMENSIONS = [
  'toolchain',
  'target',
  'profile',
  'rustflags',
  'cargoVars',
  'cargoHome',
  'cacheLocation',
] as const;

/** @public */
export type FleetKeyDimension = (typeof FLEET_KEY_DIMENSIONS)[number];

/** One cache-key group of a dependency fingerprint. @public */
export interface FleetKeyGroup {
  /** The pre-warm planner's warm group id. */
  id: string;
  services: number;
  /** At most 5 of them. */
  entityRefs: string[];
  rustc: string;
  target: string;
  profile: string;
  rustflagsSha256: string | null;
  cacheLocation: string | null;
}

/** The services that build one Cargo.lock and the key groups they fall into. @public */
export interface FleetFingerprintFragmentation {
  fingerprint: string;
  services: number;
  keyGroups: number;
  /**
   * Per dimension: how many groups fewer there would be if that dimension did not differ
   * (groups − groups with it ignored); dimensions that split nothing are left out.
   */
  splits: Partial<Record<FleetKeyDimension, number>>;
  /** The dimension with the most splits; null for a single group. */
  topSplit: { dimension: FleetKeyDimension; splits: number } | null;
  /** Most services first, at most 20 (`keyGroups` counts all). */
  groups: FleetKeyGroup[];
}

/** @public */
export interface FleetFragmentation {
  computedAt: string;
  /** Most key groups first, then most services; at most `limit`. */
  fingerprints: FleetFingerprintFragmentation[];
  totalFingerprints: number;
  /** Warm jobs that pre-warming every group needs now: the sum of the key groups. */
  warmJobs: number;
  /** With one key per Cargo.lock: one warm job per fingerprint. */
  warmJobsIfUnified: number;
  /** Services whose latest CI report has no cache key (no sccache, rustc or Cargo.lock). */
  servicesWithoutKey: number;
}

/** One week (Monday to Sunday, UTC) of estimated compile time saved by the cache. @public */
export interface FleetTimeSavedWeek {
  /** Monday, `YYYY-MM-DD`. */
  weekStart: string;
  secondsSaved: number;
  /** CI runs that week. */
  runs: number;
  /** Rust cache hits that week. */
  hits: number;
  /** Of those, hits of services without a miss in the whole range: not priced, not counted. */
  unpricedHits: number;
  /** False for the current week, which is not over yet. */
  complete: boolean;
}

/** @public */
export interface FleetTimeSaved {
  computedAt: string;
  /** Oldest first; weeks without reports are included with zeros. */
  weeks: FleetTimeSavedWeek[];
  /**
   * The last complete week against the mean of the complete weeks before it, as a fraction
   * (0.1 = 10 % more saved); null without at least two complete weeks with CI runs.
   */
  trend: number | null;
  method: FleetEstimateMethod;
}

/** How many entity refs a row lists at most (the count is always complete). @public */
export const FLEET_LISTED_ENTITIES = 10;

/** Bounds of the fleet routes' query parameters. @public */
export const FLEET_LIMITS = {
  days: { min: 1, max: 90, default: 30 },
  weeks: { min: 2, max: 26, default: 12 },
  limit: { min: 1, max: 500, default: 50 },
} as const;
