import { z } from 'zod';
import {
  boundedMap,
  bytes,
  count,
  countsByKey,
  finishedAtTimestamp,
  isTimestamp,
  MAX_REPORT_COUNT,
  seconds,
  sha256Digest,
  text,
  timestamp,
  webUrl,
  workspacePath,
} from './fields';
import { formatIssuePath, reportIssueOf, type ReportIssue } from './issues';
import { reportKeyInputsSchema } from './keyInputs';
import { reportProblemsSchema } from './problems';
import { findPrototypeKeys } from './prototypeKeys';

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

const shortText = text(500, 1);

/** Where the report comes from; `now` is the receiver's clock, for `finishedAt`. */
function createSourceSchema(now: () => number) {
  return z
    .object({
      repository: z.object({
        /** e.g. `github.com` */
        host: z
          .string()
          .min(1)
          .max(255)
          .regex(/^[A-Za-z0-9.-]+(:\d+)?$/, 'must be a host name'),
        /** Owner, organisation or group path (GitLab subgroups contain slashes). */
        owner: text(255, 1),
        name: text(255, 1),
      }),
      /** Path of the Cargo workspace inside the repository, `.` for the root. */
      workspacePath,
      branch: text(500).nullable(),
      commit: text(100).nullable(),
      ci: z.object({
        provider: z.enum([
          'github-actions',
          'gitlab-ci',
          'buildkite',
          'generic',
        ]),
        runId: shortText,
        runAttempt: z.int().min(1).max(MAX_REPORT_COUNT),
        job: shortText,
        url: webUrl.nullable(),
      }),
      startedAt: timestamp.nullable().meta({
        description: 'Not after finishedAt (checked by validateReport only).',
      }),
      finishedAt: finishedAtTimestamp(now),
    })
    .refine(
      ({ startedAt, finishedAt }) =>
        startedAt === null || Date.parse(startedAt) <= Date.parse(finishedAt),
      {
        path: ['startedAt'],
        message: 'must not be after finishedAt',
        when: ({ value }) => {
          const source = value as { startedAt?: unknown; finishedAt?: unknown };
          return (
            isTimestamp(source?.startedAt) && isTimestamp(source?.finishedAt)
          );
        },
      },
    );
}

/** Known cache backends, parsed from sccache's `cache_location`. @public */
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
  location: text(2000),
  backend: z.enum(CACHE_BACKENDS),
  /** Bucket, container or endpoint name for remote backends. */
  bucket: text(500).nullable(),
  /** Key prefix for remote backends. */
  prefix: text(500).nullable(),
  /** Directory for the local disk backend. */
  path: text(2000).nullable(),
  /** Bytes; null until the disk cache is first touched, and always for remote backends. */
  size: bytes.nullable(),
  maxSize: bytes.nullable(),
});

/**
 * One level of a multi-level cache (sccache 0.15+), in lookup order (L0 first). The fields
 * after `writeFailures` are absent in reports of older CLIs.
 */
const multiLevelSchema = z.object({
  /** sccache's level name, e.g. `L0 (disk)`, `L1 (s3)`. */
  name: text(500),
  location: text(2000),
  /** Parsed from `location` as for the top-level cache. */
  backend: z.enum(CACHE_BACKENDS).optional(),
  bucket: text(500).nullable().optional(),
  prefix: text(500).nullable().optional(),
  path: text(2000).nullable().optional(),
  /** Lookups found at this level. */
  hits: count,
  /** Lookups that reached this level and did not find the entry there. */
  misses: count,
  writes: count,
  writeFailures: count,
  /** Times an entry found here was copied to faster levels (one per faster level). */
  backfillsFrom: count.optional(),
  /** Entries copied into this level from slower ones. */
  backfillsTo: count.optional(),
  /** Totals over the run, not averages. */
  hitSeconds: seconds.optional(),
  writeSeconds: seconds.optional(),
});

/** The statistics of `sccache --show-stats --stats-format=json` (0.4 to 0.17), normalised. */
const sccacheSchema = z.object({
  /** Null for sccache older than 0.4.0, which does not report its version. */
  version: text(100).nullable(),
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
    /**
     * sccache's `cache_read_errors`, which no release up to 0.17 increments (unreadable
     * entries count as `errors` plus `misses`); absent in reports of older CLIs.
     */
    cacheReadErrors: count.optional(),
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
  channel: text(200).nullable(),
  /** Set when the toolchain is a local path instead of a channel. */
  path: text(2000).nullable(),
  components: z.array(text(200)).max(100),
  targets: z.array(text(200)).max(100),
  profile: text(50).nullable(),
});

const rustcSchema = z.object({
  /** e.g. `1.95.0` or `1.96.0-nightly` */
  release: text(100, 1),
  /** The whole first line, e.g. `rustc 1.95.0 (59807616e 2026-04-14)` */
  version: text(300, 1),
  commitHash: text(100).nullable(),
  commitDate: text(20).nullable(),
  host: text(200).nullable(),
});

const dependenciesSchema = z.object({
  /** 1 to 4; null when Cargo.lock is not committed. */
  lockVersion: z.number().int().min(1).max(4).nullable(),
  /** Stable across lockfile formats and workspace version bumps; see `analyzeCargoLock`. */
  fingerprint: sha256Digest.nullable(),
  packages: z.object({ registry: count, git: count, path: count }),
});

const profileSchema = z.object({
  incremental: z.boolean().nullable(),
  codegenUnits: z.int().min(1).max(MAX_REPORT_COUNT).nullable(),
  debug: z.union([z.boolean(), z.number().int(), text(50)]).nullable(),
  lto: z.union([z.boolean(), text(50)]).nullable(),
  optLevel: z.union([z.number().int(), text(10)]).nullable(),
});

const buildSchema = z.object({
  /** `[profile.<name>]` of the workspace Cargo.toml, only the keys that matter for caching. */
  profiles: boundedMap(100, profileSchema),
  /**
   * The cargo profile the build used (`dev`, `release`, a custom one); null or absent when
   * unknown (reports of older CLIs).
   */
  cargoProfile: text(100, 1).nullable().optional(),
  /**
   * The target triple the build compiled for (`--target` / `CARGO_BUILD_TARGET`); null or
   * absent when unknown, i.e. the host triple unless the build set one in cargo's config.
   */
  target: text(200, 1).nullable().optional(),
  env: z.object({
    rustcWrapper: text(500).nullable(),
    cargoIncremental: text(50).nullable(),
    rustflags: z.object({ set: z.boolean(), sha256: sha256Digest.nullable() }),
    /** Names only: values may hold secrets. */
    cargoVarNames: z.array(text(200)).max(500),
    sccacheVarNames: z.array(text(200)).max(500),
    sccacheCacheSize: text(50).nullable(),
  }),
});

const timingUnitSchema = z.object({
  name: text(300),
  version: text(100),
  /** cargo's target label, trimmed: `lib` (cargo leaves it empty), `server "bin"`, `build-script`, `build-script (run)`. */
  target: text(300),
  mode: text(50),
  seconds,
});

const timingsSchema = z.object({
  totalSeconds: seconds,
  unitCount: count,
  slowest: z.array(timingUnitSchema).max(100),
});

function createReportSchema(now: () => number) {
  return z.object({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    kind: z.enum(['ci', 'prewarm']),
    source: createSourceSchema(now),
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
    /** Working directories, cargo home and CARGO_* value hashes (see `./keyInputs.ts`); absent from older CLIs. */
    keyInputs: reportKeyInputsSchema,
  });
}

/**
 * The `now` given to the {@link validateReport} call in progress (parsing is synchronous),
 * so that one schema serves every clock: building and compiling a schema per call cost
 * more than ten validations.
 */
let clockOfValidation: number | undefined;

/**
 * The report schema, checking `finishedAt` against the current time. Prefer
 * {@link validateReport}, which names every bad field.
 * @public
 */
export const buildCacheReportSchema = createReportSchema(
  () => clockOfValidation ?? Date.now(),
);

/** @public */
export type BuildCacheReport = z.infer<typeof buildCacheReportSchema>;
/** @public */
export type SccacheStats = z.infer<typeof sccacheSchema>;
/** @public */
export type SccacheCounters = SccacheStats['counters'];
/** @public */
export type CacheInfo = z.infer<typeof cacheSchema>;
/** @public */
export type CacheLevelStats = z.infer<typeof multiLevelSchema>;
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
export type ReportSource = BuildCacheReport['source'];

/** @public */
export type ReportValidationResult =
  | { ok: true; report: BuildCacheReport }
  | { ok: false; issues: ReportIssue[] };

/**
 * Validates an unknown value (parsed JSON) as a {@link BuildCacheReport}. Every issue names
 * the path of the bad field, e.g. `source.ci.runAttempt`. `now` (default: the current
 * time) is the clock `source.finishedAt` may not be more than an hour ahead of.
 * @public
 */
export function validateReport(
  input: unknown,
  options: { now?: Date } = {},
): ReportValidationResult {
  clockOfValidation = options.now?.getTime();
  let parsed;
  try {
    parsed = buildCacheReportSchema.safeParse(input);
  } finally {
    clockOfValidation = undefined;
  }
  const issues: ReportIssue[] = findPrototypeKeys(input).map(path => ({
    path: formatIssuePath(path),
    message: 'must not be a key: JavaScript readers drop it',
  }));
  if (parsed.success && issues.length === 0) {
    return { ok: true, report: parsed.data };
  }
  for (const issue of parsed.error?.issues ?? []) {
    issues.push(reportIssueOf(issue));
  }
  return { ok: false, issues };
}
