import { z } from 'zod';
import { reportProblemsSchema } from './problems';

/**
 * The build-cache report: what one CI job (or one pre-warm job) tells Backstage about one
 * Cargo workspace. Produced by the `rust-build-cache collect` CLI, accepted by
 * `POST /api/rust-build-cache/reports`, and published as JSON Schema in
 * `schema/report.schema.json` (generated from this file; a test keeps the two in step).
 *
 * Bump {@link REPORT_SCHEMA_VERSION} on any change that an older reader cannot accept.
 */

/** @public */
export const REPORT_SCHEMA_VERSION = 1;

const count = z.number().int().nonnegative();
const seconds = z.number().nonnegative();
const countsByKey = z.record(z.string().min(1).max(200), count);
const isoTimestamp = z.iso.datetime({ offset: true });
const sha256Hex = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex sha256');
const shortText = z.string().min(1).max(500);

/** Where the report comes from. */
const sourceSchema = z.object({
  repository: z.object({
    /** e.g. `github.com` */
    host: z
      .string()
      .min(1)
      .max(255)
      .regex(/^[A-Za-z0-9.-]+(:\d+)?$/, 'must be a host name'),
    /** Owner, organisation or group path (GitLab subgroups contain slashes). */
    owner: z.string().min(1).max(255),
    name: z.string().min(1).max(255),
  }),
  /** Path of the Cargo workspace inside the repository, `.` for the root. */
  workspacePath: z
    .string()
    .min(1)
    .max(500)
    .refine(
      p => !p.startsWith('/') && !p.split('/').includes('..'),
      'must be relative to the repository root',
    ),
  branch: z.string().max(500).nullable(),
  commit: z.string().max(100).nullable(),
  ci: z.object({
    provider: z.enum(['github-actions', 'gitlab-ci', 'buildkite', 'generic']),
    runId: shortText,
    runAttempt: z.number().int().min(1),
    job: shortText,
    url: z.string().url().max(2000).nullable(),
  }),
  startedAt: isoTimestamp.nullable(),
  finishedAt: isoTimestamp,
});

/** Known cache backends, parsed from sccache's `cache_location`. */
export const CACHE_BACKENDS = [
  'local',
  's3',
  'redis',
  'memcached',
  'gcs',
  'gha',
  'azure',
  'webdav',
  'oss',
  'cos',
  'multi-level',
  'unknown',
] as const;

const cacheSchema = z.object({
  /** sccache's `cache_location` with any credentials removed. */
  location: z.string().max(2000),
  backend: z.enum(CACHE_BACKENDS),
  /** Bucket, container or endpoint name for remote backends. */
  bucket: z.string().max(500).nullable(),
  /** Key prefix for remote backends. */
  prefix: z.string().max(500).nullable(),
  /** Directory for the local disk backend. */
  path: z.string().max(2000).nullable(),
  /** Bytes; null until the disk cache is first touched, and always for remote backends. */
  size: count.nullable(),
  maxSize: count.nullable(),
});

const multiLevelSchema = z.object({
  name: z.string().max(500),
  location: z.string().max(2000),
  hits: count,
  misses: count,
  writes: count,
  writeFailures: count,
});

/** The statistics of `sccache --show-stats --stats-format=json` (0.4 to 0.17), normalised. */
const sccacheSchema = z.object({
  /** Null for sccache older than 0.4.0, which does not report its version. */
  version: z.string().max(100).nullable(),
  counters: z.object({
    compileRequests: count,
    requestsExecuted: count,
    requestsNotCacheable: count,
    requestsNotCompile: count,
    requestsUnsupportedCompiler: count,
    /** Per language group (`Rust`, `C/C++`, ...). */
    hits: countsByKey,
    misses: countsByKey,
    errors: countsByKey,
    /** `stats.not_cached`: non-cacheable reason → count. */
    notCached: countsByKey,
    cacheWrites: count,
    cacheWriteErrors: count,
    cacheTimeouts: count,
    nonCacheableCompilations: count,
    forcedRecaches: count,
    compileFails: count,
    /** Null before sccache 0.9, which does not count compilations. */
    compilations: count.nullable(),
    distCompiles: count,
    distErrors: count,
  }),
  /** Totals over the run, not averages. */
  durations: z.object({
    cacheWriteSeconds: seconds,
    cacheReadHitSeconds: seconds,
    compilerWriteSeconds: seconds,
  }),
  cache: cacheSchema,
  multiLevel: z.array(multiLevelSchema).max(32).nullable(),
});

const toolchainFileSchema = z.object({
  /** Which file rustup uses: the legacy `rust-toolchain` wins when both exist. */
  file: z.enum(['rust-toolchain.toml', 'rust-toolchain']),
  channel: z.string().max(200).nullable(),
  /** Set when the toolchain is a local path instead of a channel. */
  path: z.string().max(2000).nullable(),
  components: z.array(z.string().max(200)).max(100),
  targets: z.array(z.string().max(200)).max(100),
  profile: z.string().max(50).nullable(),
});

const rustcSchema = z.object({
  /** e.g. `1.95.0` or `1.96.0-nightly` */
  release: z.string().min(1).max(100),
  /** The whole first line, e.g. `rustc 1.95.0 (59807616e 2026-04-14)` */
  version: z.string().min(1).max(300),
  commitHash: z.string().max(100).nullable(),
  commitDate: z.string().max(20).nullable(),
  host: z.string().max(200).nullable(),
});

const dependenciesSchema = z.object({
  /** 1 to 4; null when Cargo.lock is not committed. */
  lockVersion: z.number().int().min(1).max(4).nullable(),
  /** Stable across lockfile formats and workspace version bumps; see `analyzeCargoLock`. */
  fingerprint: sha256Hex.nullable(),
  packages: z.object({ registry: count, git: count, path: count }),
});

const profileSchema = z.object({
  incremental: z.boolean().nullable(),
  codegenUnits: z.number().int().positive().nullable(),
  debug: z
    .union([z.boolean(), z.number().int(), z.string().max(50)])
    .nullable(),
  lto: z.union([z.boolean(), z.string().max(50)]).nullable(),
  optLevel: z.union([z.number().int(), z.string().max(10)]).nullable(),
});

const buildSchema = z.object({
  /** `[profile.<name>]` of the workspace Cargo.toml, only the keys that matter for caching. */
  profiles: z.record(z.string().min(1).max(100), profileSchema),
  /**
   * The cargo profile the build used (`dev`, `release`, a custom one); null or absent when
   * unknown (reports of older CLIs).
   */
  cargoProfile: z.string().min(1).max(100).nullable().optional(),
  /**
   * The target triple the build compiled for (`--target` / `CARGO_BUILD_TARGET`); null or
   * absent when unknown, i.e. the host triple unless the build set one in cargo's config.
   */
  target: z.string().min(1).max(200).nullable().optional(),
  env: z.object({
    rustcWrapper: z.string().max(500).nullable(),
    cargoIncremental: z.string().max(50).nullable(),
    rustflags: z.object({ set: z.boolean(), sha256: sha256Hex.nullable() }),
    /** Names only: values may hold secrets. */
    cargoVarNames: z.array(z.string().max(200)).max(500),
    sccacheVarNames: z.array(z.string().max(200)).max(500),
    sccacheCacheSize: z.string().max(50).nullable(),
  }),
});

const timingUnitSchema = z.object({
  name: z.string().max(300),
  version: z.string().max(100),
  /** cargo's target label, trimmed: `lib` (cargo leaves it empty), `server "bin"`, `build-script`, `build-script (run)`. */
  target: z.string().max(300),
  mode: z.string().max(50),
  seconds,
});

const timingsSchema = z.object({
  totalSeconds: seconds,
  unitCount: count,
  slowest: z.array(timingUnitSchema).max(100),
});

/** @public */
export const buildCacheReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  kind: z.enum(['ci', 'prewarm']),
  source: sourceSchema,
  sccache: sccacheSchema.nullable(),
  toolchain: z.object({
    file: toolchainFileSchema.nullable(),
    rustc: rustcSchema.nullable(),
  }),
  dependencies: dependenciesSchema.nullable(),
  build: buildSchema,
  timings: timingsSchema.nullable(),
  /** Input files collect found broken (see `./problems.ts`); absent from older CLIs. */
  problems: reportProblemsSchema,
});

/** @public */
export type BuildCacheReport = z.infer<typeof buildCacheReportSchema>;
/** @public */
export type SccacheStats = z.infer<typeof sccacheSchema>;
/** @public */
export type SccacheCounters = SccacheStats['counters'];
/** @public */
export type CacheInfo = z.infer<typeof cacheSchema>;
/** @public */
export type CacheBackend = (typeof CACHE_BACKENDS)[number];
/** @public */
export type ToolchainFile = z.infer<typeof toolchainFileSchema>;
/** @public */
export type RustcInfo = z.infer<typeof rustcSchema>;
/** @public */
export type DependencyInfo = z.infer<typeof dependenciesSchema>;
/** @public */
export type ProfileSettings = z.infer<typeof profileSchema>;
/** @public */
export type BuildSettings = z.infer<typeof buildSchema>;
/** @public */
export type CargoTimings = z.infer<typeof timingsSchema>;
/** @public */
export type TimingUnit = z.infer<typeof timingUnitSchema>;
/** @public */
export type ReportSource = z.infer<typeof sourceSchema>;

/** One problem found in a report, with the JSON path of the bad field. @public */
export interface ReportIssue {
  path: string;
  message: string;
}

/** @public */
export type ReportValidationResult =
  | { ok: true; report: BuildCacheReport }
  | { ok: false; issues: ReportIssue[] };

/**
 * Validates an unknown value (parsed JSON) as a {@link BuildCacheReport}. Every issue names
 * the path of the bad field, e.g. `source.ci.runAttempt`.
 * @public
 */
export function validateReport(input: unknown): ReportValidationResult {
  const parsed = buildCacheReportSchema.safeParse(input);
  if (parsed.success) return { ok: true, report: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map(issue => ({
      path: issue.path.length ? issue.path.map(String).join('.') : '(root)',
      message: issue.message,
    })),
  };
}

/** Formats validation issues as one line each, for CLI and HTTP error messages. @public */
export function formatReportIssues(issues: ReportIssue[]): string {
  return issues.map(i => `${i.path}: ${i.message}`).join('\n');
}
