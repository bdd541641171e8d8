import type { CacheLevelStats, SccacheStats } from '../report/schema';
import {
  clip,
  describeValue,
  isJsonObject,
  type JsonObject,
} from '../util/json';
import { sumCounts } from '../metrics/sumCounts';
import { parseCacheLocation, redactCredentials } from './parseCacheLocation';

/**
 * Thrown when the input is not the JSON statistics of sccache; the message names the bad
 * field, e.g. `stats.cache_hits.counts must be an object of counts`.
 * @public
 */
export class SccacheStatsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SccacheStatsError';
  }
}

const COMMAND = 'sccache --show-stats --stats-format=json';

/**
 * Parses the output of `sccache --show-stats --stats-format=json` of any sccache from
 * 0.4.0-pre.6 to 0.17, given as text or as the parsed object, into the report's
 * normalised form. Fields that older versions lack (`version`, `stats.compilations`,
 * `stats.multi_level`) become null; `adv_counts`, `use_preprocessor_cache_mode`,
 * `basedirs` and any field a newer sccache adds are ignored, so that a new release does
 * not break collection. Durations (`{secs, nanos}` totals) become seconds.
 * @public
 */
export function parseSccacheStats(input: string | unknown): SccacheStats {
  const info = typeof input === 'string' ? parseJson(input) : input;
  if (!isJsonObject(info)) {
    throw new SccacheStatsError(
      `sccache statistics must be a JSON object (got ${describeValue(info)})`,
    );
  }
  const stats = info.stats;
  if (!isJsonObject(stats)) {
    throw new SccacheStatsError(
      `sccache statistics have no "stats" object: is this the output of '${COMMAND}'?`,
    );
  }

  const location = info.cache_location;
  if (typeof location !== 'string') {
    throw new SccacheStatsError(
      `cache_location must be a string (got ${describeValue(location)})`,
    );
  }
  const version = info.version;
  if (version !== undefined && typeof version !== 'string') {
    throw new SccacheStatsError(
      `version must be a string (got ${describeValue(version)})`,
    );
  }

  return {
    version: version === undefined ? null : clip(version, 100),
    counters: {
      compileRequests: readCount(stats, 'compile_requests', 'stats'),
      requestsExecuted: readCount(stats, 'requests_executed', 'stats'),
      requestsNotCacheable: readCount(stats, 'requests_not_cacheable', 'stats'),
      requestsNotCompile: readCount(stats, 'requests_not_compile', 'stats'),
      requestsUnsupportedCompiler: readCount(
        stats,
        'requests_unsupported_compiler',
        'stats',
      ),
      hits: readPerLanguageCounts(stats, 'cache_hits'),
      misses: readPerLanguageCounts(stats, 'cache_misses'),
      errors: readPerLanguageCounts(stats, 'cache_errors'),
      notCached: readCounts(stats, 'not_cached', 'stats'),
      cacheWrites: readCount(stats, 'cache_writes', 'stats'),
      cacheWriteErrors: readCount(stats, 'cache_write_errors', 'stats'),
      cacheTimeouts: readCount(stats, 'cache_timeouts', 'stats'),
      ...(stats.cache_read_errors === undefined
        ? {}
        : { cacheReadErrors: readCount(stats, 'cache_read_errors', 'stats') }),
      nonCacheableCompilations: readCount(
        stats,
        'non_cacheable_compilations',
        'stats',
      ),
      forcedRecaches: readCount(stats, 'forced_recaches', 'stats'),
      compileFails: readCount(stats, 'compile_fails', 'stats'),
      // Counted since sccache 0.9.0.
      compilations:
        stats.compilations === undefined
          ? null
          : readCount(stats, 'compilations', 'stats'),
      // A map of dist server → compiles.
      distCompiles: sumCounts(readCounts(stats, 'dist_compiles', 'stats')),
      distErrors: readCount(stats, 'dist_errors', 'stats'),
    },
    durations: {
      cacheWriteSeconds: readSeconds(stats, 'cache_write_duration', 'stats'),
      cacheReadHitSeconds: readSeconds(
        stats,
        'cache_read_hit_duration',
        'stats',
      ),
      compilerWriteSeconds: readSeconds(
        stats,
        'compiler_write_duration',
        'stats',
      ),
    },
    cache: {
      ...parseCacheLocation(location),
      // Null until the disk cache is first touched, and always for remote backends.
      size:
        info.cache_size === null
          ? null
          : readCount(info, 'cache_size', '(root)'),
      maxSize:
        info.max_cache_size === null
          ? null
          : readCount(info, 'max_cache_size', '(root)'),
    },
    multiLevel: readMultiLevel(stats.multi_level),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SccacheStatsError(
      `sccache statistics are not JSON (${reason}); expected the output of '${COMMAND}'`,
    );
  }
}

function fieldName(parent: string, key: string): string {
  return parent === '(root)' ? key : `${parent}.${key}`;
}

function readCount(object: JsonObject, key: string, parent: string): number {
  const value = object[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new SccacheStatsError(
      `${fieldName(
        parent,
        key,
      )} must be a non-negative integer (got ${describeValue(value)})`,
    );
  }
  return value;
}

/** A map of name → count, such as `not_cached` or the `counts` of a per-language counter. */
function readCounts(
  object: JsonObject,
  key: string,
  parent: string,
): Record<string, number> {
  const name = fieldName(parent, key);
  const value = object[key];
  if (!isJsonObject(value)) {
    throw new SccacheStatsError(
      `${name} must be an object of counts (got ${describeValue(value)})`,
    );
  }
  const counts: Record<string, number> = {};
  for (const countKey of Object.keys(value)) {
    if (countKey.length === 0 || countKey.length > 200) {
      throw new SccacheStatsError(
        `${name} has a key of ${countKey.length} characters (1 to 200 allowed)`,
      );
    }
    const count = value[countKey];
    if (
      typeof count !== 'number' ||
      !Number.isSafeInteger(count) ||
      count < 0
    ) {
      throw new SccacheStatsError(
        `${name} must be an object of counts: "${countKey}" is ${describeValue(
          count,
        )}`,
      );
    }
    counts[countKey] = count;
  }
  return counts;
}

/** `cache_hits`, `cache_misses`, `cache_errors`: `{counts, adv_counts?}`; only `counts` is kept. */
function readPerLanguageCounts(
  stats: JsonObject,
  key: string,
): Record<string, number> {
  const value = stats[key];
  if (!isJsonObject(value)) {
    throw new SccacheStatsError(
      `stats.${key} must be an object with "counts" (got ${describeValue(
        value,
      )})`,
    );
  }
  return readCounts(value, 'counts', `stats.${key}`);
}

/** A serde `Duration`: `{secs, nanos}`. */
function readSeconds(object: JsonObject, key: string, parent: string): number {
  const name = fieldName(parent, key);
  const value = object[key];
  if (!isJsonObject(value)) {
    throw new SccacheStatsError(
      `${name} must be a duration {secs, nanos} (got ${describeValue(value)})`,
    );
  }
  const secs = readCount(value, 'secs', name);
  const nanos = readCount(value, 'nanos', name);
  if (nanos >= 1e9) {
    throw new SccacheStatsError(
      `${name}.nanos must be below 1000000000 (got ${nanos})`,
    );
  }
  return secs + nanos / 1e9;
}

/** A count or duration that a layout may lack: absent stays absent. */
function optional<T>(
  object: JsonObject,
  key: string,
  read: (object: JsonObject, key: string, parent: string) => T,
  parent: string,
): T | undefined {
  return object[key] === undefined ? undefined : read(object, key, parent);
}

/**
 * `stats.multi_level` (0.15+): null when no chain is configured, else one entry per level.
 * A development layout wrapped the list as `{levels: [...]}` and had no `location`; both are
 * accepted.
 */
function readMultiLevel(value: unknown): SccacheStats['multiLevel'] {
  if (value === undefined || value === null) return null;
  const levels = isJsonObject(value) ? value.levels : value;
  if (!Array.isArray(levels)) {
    throw new SccacheStatsError(
      `stats.multi_level must be null or an array of levels (got ${describeValue(
        value,
      )})`,
    );
  }
  if (levels.length > 32) {
    throw new SccacheStatsError(
      `stats.multi_level has ${levels.length} levels (at most 32 supported)`,
    );
  }
  return levels.map((level: unknown, index) => {
    const path = `stats.multi_level[${index}]`;
    if (!isJsonObject(level)) {
      throw new SccacheStatsError(
        `${path} must be an object (got ${describeValue(level)})`,
      );
    }
    const { name, location } = level;
    if (typeof name !== 'string') {
      throw new SccacheStatsError(
        `${path}.name must be a string (got ${describeValue(name)})`,
      );
    }
    if (location !== undefined && typeof location !== 'string') {
      throw new SccacheStatsError(
        `${path}.location must be a string (got ${describeValue(location)})`,
      );
    }
    const parsed = parseCacheLocation(location ?? '');
    const entry: CacheLevelStats = {
      name: clip(name, 500),
      location: clip(redactCredentials(location ?? ''), 2000),
      backend: parsed.backend,
      bucket: parsed.bucket,
      prefix: parsed.prefix,
      path: parsed.path,
      hits: readCount(level, 'hits', path),
      misses: readCount(level, 'misses', path),
      writes: readCount(level, 'writes', path),
      writeFailures: readCount(level, 'write_failures', path),
      backfillsFrom: optional(level, 'backfills_from', readCount, path),
      backfillsTo: optional(level, 'backfills_to', readCount, path),
      hitSeconds: optional(level, 'hit_duration', readSeconds, path),
      writeSeconds: optional(level, 'write_duration', readSeconds, path),
    };
    // Absent fields stay absent (the schema's optional fields), not `undefined` values.
    return Object.fromEntries(
      Object.entries(entry).filter(([, v]) => v !== undefined),
    ) as CacheLevelStats;
  });
}
