import type { SccacheStats } from '../report/schema';
import { sumCounts } from './sumCounts';
import type { CacheFailures } from './types';

/** The kinds of {@link CacheFailures} that are counts. @public */
export type CacheFailureKind =
  | 'timeouts'
  | 'readErrors'
  | 'writeErrors'
  | 'errorsBeforeLookup';

/** What a failure kind means and what to do about it, for every place that shows it. @public */
export interface CacheFailureDescription {
  kind: CacheFailureKind;
  label: string;
  /** One line: what happened. */
  meaning: string;
  /** One line: what to do. */
  fix: string;
  /** False when the failure says nothing about the cache's health. */
  cacheFault: boolean;
}

const SERVER_LOG =
  'the sccache server log (start the server with SCCACHE_LOG=debug and SCCACHE_ERROR_LOG=<file>)';

/** @public */
export const CACHE_FAILURE_KINDS: Readonly<
  Record<CacheFailureKind, CacheFailureDescription>
> = Object.freeze({
  timeouts: {
    kind: 'timeouts',
    label: 'Cache timeouts',
    meaning:
      'The cache did not answer a lookup within 60 seconds (a fixed limit in sccache), so the crate was compiled as a miss.',
    fix: "Check the remote backend's latency from the runners (region, endpoint, proxy) and its load; a slow cache can cost more than it saves.",
    cacheFault: true,
  },
  readErrors: {
    kind: 'readErrors',
    label: 'Read errors',
    meaning:
      'Cache entries that could not be read: the backend failed on the read, or the entry was corrupt (its zip CRC-32 or zstd data did not check out). Each was counted as a miss, compiled again and written again.',
    fix: `Look for "Cache read error" in ${SERVER_LOG}; for a remote backend check its credentials, endpoint and network; a corrupt local cache can be emptied (delete SCCACHE_DIR).`,
    cacheFault: true,
  },
  writeErrors: {
    kind: 'writeErrors',
    label: 'Write errors',
    meaning:
      'Compile results that could not be stored, so the next run misses on them. From sccache 0.8 on, every write to a cache set to read-only (an SCCACHE_*_RW_MODE=READ_ONLY variable) counts here.',
    fix: `If the cache is read-only on purpose, expect one per miss; otherwise check free space and permissions of SCCACHE_DIR, or the remote backend's credentials and quota, in ${SERVER_LOG}.`,
    cacheFault: true,
  },
  errorsBeforeLookup: {
    kind: 'errorsBeforeLookup',
    label: 'Errors before the lookup',
    meaning:
      "Cache errors without a miss: the compiler failed while sccache computed the cache key (rustc's dependency pass or the C preprocessor), e.g. on a syntax error or a missing header, or sccache failed on the request. The cache was not used: this is no cache fault.",
    fix: `Fix the compile error the build log shows; if the build succeeded, read ${SERVER_LOG}.`,
    cacheFault: false,
  },
});

/**
 * Tells the failures of a run apart. A cache error that came with a miss is an entry that
 * could not be read (sccache counts it as error and miss, then compiles and writes again);
 * one without a miss failed before the lookup. The counters do not say per request which
 * was which, but the executed requests do in total: each is a hit, a miss, a compile
 * failure, a non-cacheable compilation (0.9+; counted as misses before) or an error before
 * the lookup.
 */
export function cacheFailures(stats: SccacheStats): CacheFailures {
  const { counters } = stats;
  const errors = sumCounts(counters.errors);
  const hits = sumCounts(counters.hits);
  const misses = sumCounts(counters.misses);
  const notCachedCompiles =
    counters.compilations === null ? 0 : counters.nonCacheableCompilations;
  const unexplained =
    counters.requestsExecuted -
    hits -
    misses -
    counters.compileFails -
    notCachedCompiles;
  const errorsBeforeLookup = Math.min(errors, Math.max(0, unexplained));
  const levelWriteFailures = (stats.multiLevel ?? []).reduce(
    (total, level) => total + level.writeFailures,
    0,
  );
  return {
    timeouts: counters.cacheTimeouts,
    readErrors: errors - errorsBeforeLookup + (counters.cacheReadErrors ?? 0),
    writeErrors: Math.max(counters.cacheWriteErrors, levelWriteFailures),
    writeErrorsCounted: countsWriteErrors(stats.version),
    errorsBeforeLookup,
  };
}

/** sccache up to 0.5 logs a failed cache write and counts it as a write (compiler.rs). */
function countsWriteErrors(version: string | null): boolean {
  const match = version === null ? null : /^(\d+)\.(\d+)/.exec(version);
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > 0 || minor >= 6;
}
