import { readFixture } from '../testUtils/fixtures';
import { parseSccacheStats, SccacheStatsError } from './parseSccacheStats';

/**
 * The 0.15–0.17 layout from rust-caching-facts.md §1. It was assembled from the struct
 * definitions in the sccache source (not produced by a running sccache, which cannot be
 * built offline here).
 */
const V0_17_LAYOUT = `{"stats":{"compile_requests":7,"requests_unsupported_compiler":0,"requests_not_compile":0,"requests_not_cacheable":5,"requests_executed":2,
 "cache_errors":{"counts":{},"adv_counts":{}},
 "cache_hits":{"counts":{"Rust":2},"adv_counts":{"rust":2}},
 "cache_misses":{"counts":{},"adv_counts":{}},
 "cache_timeouts":0,"cache_read_errors":0,"non_cacheable_compilations":0,"forced_recaches":0,"cache_write_errors":0,"cache_writes":0,
 "cache_write_duration":{"secs":0,"nanos":0},"cache_read_hit_duration":{"secs":0,"nanos":3827},
 "compilations":0,"compiler_write_duration":{"secs":0,"nanos":0},"compile_fails":0,
 "not_cached":{"-":1,"missing input":2,"crate-type":1,"incremental":1},
 "dist_compiles":{},"dist_errors":0,"multi_level":null},
 "cache_location":"Local disk: \\"/home/u/.cache/sccache\\"","cache_size":80114,"max_cache_size":10737418240,
 "use_preprocessor_cache_mode":true,"version":"0.17.0","basedirs":[]}`;

/** One level of `stats.multi_level`, exactly as rust-caching-facts.md §1 gives it (also from the source). */
const MULTI_LEVEL_ENTRY = {
  name: 'L0 (disk)',
  location: 'Local disk: "/home/u/.cache/sccache"',
  hits: 0,
  misses: 0,
  writes: 0,
  write_failures: 0,
  backfills_from: 0,
  backfills_to: 0,
  hit_duration: { secs: 0, nanos: 0 },
  write_duration: { secs: 0, nanos: 0 },
};

const LOCAL_RUNNER_CACHE = {
  location: 'Local disk: "/home/runner/.cache/sccache"',
  backend: 'local',
  bucket: null,
  prefix: null,
  path: '/home/runner/.cache/sccache',
  size: 80114,
  maxSize: 10737418240,
};

/** The real 0.4.0 dbg-2 output, reshaped as sccache `version` would print it. */
function layoutOf(version: '0.8.0' | '0.9.1'): Record<string, unknown> {
  const info = JSON.parse(readFixture('sccache/sccache-0.4.0-dbg-2.json'));
  for (const key of ['cache_hits', 'cache_misses', 'cache_errors']) {
    const counts = info.stats[key].counts as Record<string, number>;
    info.stats[key].adv_counts = Object.fromEntries(
      Object.entries(counts).map(([k, v]) => [k.toLowerCase(), v]),
    );
  }
  info.use_preprocessor_cache_mode = false;
  info.version = version;
  if (version === '0.9.1') info.stats.compilations = 0;
  return info;
}

describe('parseSccacheStats', () => {
  it('parses the real Debian 0.4.0-pre.6 cold run (dbg-1)', () => {
    const stats = parseSccacheStats(
      readFixture('sccache/sccache-0.4.0-dbg-1.json'),
    );
    expect(stats).toEqual({
      version: null,
      counters: {
        compileRequests: 7,
        requestsExecuted: 2,
        requestsNotCacheable: 5,
        requestsNotCompile: 0,
        requestsUnsupportedCompiler: 0,
        hits: {},
        misses: { Rust: 2 },
        errors: {},
        notCached: {
          'missing input': 2,
          'crate-type': 1,
          '-': 1,
          incremental: 1,
        },
        cacheWrites: 2,
        cacheWriteErrors: 0,
        cacheTimeouts: 0,
        cacheReadErrors: 0,
        nonCacheableCompilations: 0,
        forcedRecaches: 0,
        compileFails: 0,
        compilations: null,
        distCompiles: 0,
        distErrors: 0,
      },
      durations: {
        cacheWriteSeconds: 0.0064118,
        cacheReadHitSeconds: 0,
        compilerWriteSeconds: 0.634154514,
      },
      cache: LOCAL_RUNNER_CACHE,
      multiLevel: null,
    });
  });

  it('parses the real warm run (dbg-2): 2 Rust hits', () => {
    const stats = parseSccacheStats(
      readFixture('sccache/sccache-0.4.0-dbg-2.json'),
    );
    expect(stats.counters.hits).toEqual({ Rust: 2 });
    expect(stats.counters.misses).toEqual({});
    expect(stats.counters.cacheWrites).toBe(0);
    expect(stats.durations.cacheReadHitSeconds).toBeCloseTo(0.000003827, 12);
  });

  it('parses the real serde runs, with seconds from secs + nanos', () => {
    const cold = parseSccacheStats(
      readFixture('sccache/sccache-0.4.0-serde-dbg-1.json'),
    );
    expect(cold.counters.misses).toEqual({ Rust: 8 });
    expect(cold.counters.notCached).toEqual({
      'missing input': 2,
      'crate-type': 9,
      '-': 1,
    });
    expect(cold.durations.compilerWriteSeconds).toBeCloseTo(10.339612021, 9);
    expect(cold.cache.size).toBe(7558756);

    const warm = parseSccacheStats(
      readFixture('sccache/sccache-0.4.0-serde-dbg-2.json'),
    );
    expect(warm.counters.hits).toEqual({ Rust: 8 });
    expect(warm.counters.compileRequests).toBe(20);
  });

  it('accepts the parsed object as well as the text', () => {
    const text = readFixture('sccache/sccache-0.4.0-dbg-2.json');
    expect(parseSccacheStats(JSON.parse(text))).toEqual(
      parseSccacheStats(text),
    );
  });

  it('parses the 0.15–0.17 layout (version, adv_counts, compilations, multi_level null, basedirs)', () => {
    const stats = parseSccacheStats(V0_17_LAYOUT);
    expect(stats.version).toBe('0.17.0');
    expect(stats.counters.hits).toEqual({ Rust: 2 });
    expect(stats.counters.compilations).toBe(0);
    expect(stats.counters.notCached).toEqual({
      '-': 1,
      'missing input': 2,
      'crate-type': 1,
      incremental: 1,
    });
    expect(stats.multiLevel).toBeNull();
    expect(stats.cache).toEqual({
      ...LOCAL_RUNNER_CACHE,
      location: 'Local disk: "/home/u/.cache/sccache"',
      path: '/home/u/.cache/sccache',
    });
  });

  it('parses a multi-level chain, keeping each level', () => {
    const info = JSON.parse(V0_17_LAYOUT);
    info.cache_location = 'Multi-level (2 levels)';
    info.cache_size = null;
    info.max_cache_size = null;
    info.stats.multi_level = [
      MULTI_LEVEL_ENTRY,
      {
        ...MULTI_LEVEL_ENTRY,
        name: 'L1 (redis)',
        location:
          'redis, name: redis://:hunter2@cache.internal:6379/0, prefix: /',
        hits: 5,
        misses: 1,
        writes: 1,
        write_failures: 2,
      },
    ];
    const stats = parseSccacheStats(info);
    expect(stats.cache).toEqual({
      location: 'Multi-level (2 levels)',
      backend: 'multi-level',
      bucket: null,
      prefix: null,
      path: null,
      size: null,
      maxSize: null,
    });
    const timings = {
      backfillsFrom: 0,
      backfillsTo: 0,
      hitSeconds: 0,
      writeSeconds: 0,
    };
    expect(stats.multiLevel).toEqual([
      {
        name: 'L0 (disk)',
        location: 'Local disk: "/home/u/.cache/sccache"',
        backend: 'local',
        bucket: null,
        prefix: null,
        path: '/home/u/.cache/sccache',
        hits: 0,
        misses: 0,
        writes: 0,
        writeFailures: 0,
        ...timings,
      },
      {
        name: 'L1 (redis)',
        location: 'redis, name: redis://cache.internal:6379/0, prefix: /',
        backend: 'redis',
        bucket: 'redis://cache.internal:6379/0',
        prefix: '/',
        path: null,
        hits: 5,
        misses: 1,
        writes: 1,
        writeFailures: 2,
        ...timings,
      },
    ]);
    expect(JSON.stringify(stats)).not.toContain('hunter2');
  });

  it('accepts the development layout of multi_level wrapped in {levels}', () => {
    const info = JSON.parse(V0_17_LAYOUT);
    const { location: _location, ...withoutLocation } = MULTI_LEVEL_ENTRY;
    info.stats.multi_level = { levels: [withoutLocation] };
    expect(parseSccacheStats(info).multiLevel).toEqual([
      {
        name: 'L0 (disk)',
        location: '',
        backend: 'unknown',
        bucket: null,
        prefix: null,
        path: null,
        hits: 0,
        misses: 0,
        writes: 0,
        writeFailures: 0,
        backfillsFrom: 0,
        backfillsTo: 0,
        hitSeconds: 0,
        writeSeconds: 0,
      },
    ]);
  });

  it('parses the 0.8 layout (adv_counts and version, no compilations)', () => {
    const stats = parseSccacheStats(layoutOf('0.8.0'));
    expect(stats.version).toBe('0.8.0');
    expect(stats.counters.compilations).toBeNull();
    expect(stats.counters.hits).toEqual({ Rust: 2 });
  });

  it('parses the 0.9 layout (compilations counted)', () => {
    const stats = parseSccacheStats(layoutOf('0.9.1'));
    expect(stats.version).toBe('0.9.1');
    expect(stats.counters.compilations).toBe(0);
  });

  it('reads null cache sizes (lazy disk cache, remote backends)', () => {
    const info = JSON.parse(V0_17_LAYOUT);
    info.cache_location = 's3, name: ci-cache, prefix: /sccache/';
    info.cache_size = null;
    info.max_cache_size = null;
    expect(parseSccacheStats(info).cache).toEqual({
      location: 's3, name: ci-cache, prefix: /sccache/',
      backend: 's3',
      bucket: 'ci-cache',
      prefix: '/sccache/',
      path: null,
      size: null,
      maxSize: null,
    });
  });

  describe('every released layout, one constructed fixture each (see the fixtures README)', () => {
    it.each([
      ['sccache-0.4.0-dbg-1', null],
      ['sccache-0.5.4-constructed-read-errors', '0.5.4'],
      ['sccache-0.6.0-constructed-syntax-error', '0.6.0'],
      ['sccache-0.8.2-constructed-rust-and-c', '0.8.2'],
      ['sccache-0.10.0-constructed-c-only', '0.10.0'],
      ['sccache-0.14.0-constructed-timeouts', '0.14.0'],
      ['sccache-0.15.0-constructed-multi-level', '0.15.0'],
      ['sccache-0.17.0-constructed-gha', '0.17.0'],
    ])('%s', (name, version) => {
      const text = readFixture(`sccache/${name}.json`);
      const info = JSON.parse(text);
      const stats = parseSccacheStats(text);
      expect(stats.version).toBe(version);
      expect(stats.counters.compilations).toBe(info.stats.compilations ?? null);
      expect(stats.counters.requestsNotCacheable).toBe(
        Object.values(info.stats.not_cached as Record<string, number>).reduce(
          (a, b) => a + b,
          0,
        ),
      );
      expect(stats.multiLevel?.length ?? null).toBe(
        info.stats.multi_level?.length ?? null,
      );
      // `adv_counts`, `use_preprocessor_cache_mode` and `basedirs` are read past.
      expect(JSON.stringify(stats)).not.toMatch(
        /adv_counts|preprocessor|basedirs/,
      );
    });

    it('reads the per-language counts of a Rust + C/C++ run', () => {
      const stats = parseSccacheStats(
        readFixture('sccache/sccache-0.8.2-constructed-rust-and-c.json'),
      );
      expect(stats.counters.hits).toEqual({ Rust: 12, 'C/C++': 2 });
      expect(stats.counters.misses).toEqual({ Rust: 6, 'C/C++': 14 });
    });
  });

  it('ignores fields a newer sccache adds, at every level', () => {
    const info = JSON.parse(
      readFixture('sccache/sccache-0.15.0-constructed-multi-level.json'),
    );
    const expected = parseSccacheStats(info);
    info.client_side = true;
    info.stats.direct_mode_hits = { counts: { 'C/C++': 3 } };
    info.stats.cache_hits.by_backend = { s3: 4 };
    info.stats.multi_level[0].evictions = 12;
    expect(parseSccacheStats(info)).toEqual(expected);
  });

  it('sums dist_compiles over servers', () => {
    const info = JSON.parse(V0_17_LAYOUT);
    info.stats.dist_compiles = { '10.0.0.1:10501': 3, '10.0.0.2:10501': 4 };
    expect(parseSccacheStats(info).counters.distCompiles).toBe(7);
  });

  describe('bad input', () => {
    const expectError = (input: unknown, message: string | RegExp) => {
      expect(() => parseSccacheStats(input)).toThrow(SccacheStatsError);
      expect(() => parseSccacheStats(input)).toThrow(message);
    };

    it('rejects text that is not JSON, such as the text output', () => {
      expectError(
        'Compile requests                      7',
        /not JSON .*sccache --show-stats --stats-format=json/,
      );
    });

    it('rejects JSON that is not an object or has no stats', () => {
      expectError(
        '[1,2]',
        'sccache statistics must be a JSON object (got [1,2])',
      );
      expectError(
        '{"cache_location":"x"}',
        'sccache statistics have no "stats" object',
      );
    });

    it('names a per-language counter without counts', () => {
      const info = JSON.parse(V0_17_LAYOUT);
      info.stats.cache_hits.counts = [2];
      expectError(
        info,
        'stats.cache_hits.counts must be an object of counts (got [2])',
      );
    });

    it('names a count that is not a non-negative integer', () => {
      const info = JSON.parse(V0_17_LAYOUT);
      info.stats.not_cached.incremental = -1;
      expectError(
        info,
        'stats.not_cached must be an object of counts: "incremental" is -1',
      );
      const missing = JSON.parse(V0_17_LAYOUT);
      delete missing.stats.cache_writes;
      expectError(
        missing,
        'stats.cache_writes must be a non-negative integer (got nothing)',
      );
    });

    it('names a bad duration', () => {
      const info = JSON.parse(V0_17_LAYOUT);
      info.stats.compiler_write_duration = 1.5;
      expectError(
        info,
        'stats.compiler_write_duration must be a duration {secs, nanos} (got 1.5)',
      );
      info.stats.compiler_write_duration = { secs: 1, nanos: 1e9 };
      expectError(
        info,
        'stats.compiler_write_duration.nanos must be below 1000000000',
      );
    });

    it('names bad top-level fields', () => {
      const info = JSON.parse(V0_17_LAYOUT);
      info.cache_size = '80 KiB';
      expectError(
        info,
        'cache_size must be a non-negative integer (got "80 KiB")',
      );
      const noLocation = JSON.parse(V0_17_LAYOUT);
      delete noLocation.cache_location;
      expectError(noLocation, 'cache_location must be a string (got nothing)');
      const badVersion = JSON.parse(V0_17_LAYOUT);
      badVersion.version = 17;
      expectError(badVersion, 'version must be a string (got 17)');
    });

    it('names a bad multi-level entry', () => {
      const info = JSON.parse(V0_17_LAYOUT);
      info.stats.multi_level = [
        { ...MULTI_LEVEL_ENTRY, write_failures: 'none' },
      ];
      expectError(
        info,
        'stats.multi_level[0].write_failures must be a non-negative integer (got "none")',
      );
      info.stats.multi_level = 'L0';
      expectError(info, 'stats.multi_level must be null or an array of levels');
    });
  });
});
