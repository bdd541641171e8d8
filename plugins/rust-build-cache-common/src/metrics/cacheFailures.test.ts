import { FALSE_CLAIMS } from '../testUtils/falseClaims';
import { readFixture } from '../testUtils/fixtures';
import { parseSccacheStats } from '../sccache/parseSccacheStats';
import { CACHE_FAILURE_KINDS } from './cacheFailures';
import { computeRunMetrics } from './computeRunMetrics';

const failuresOf = (name: string) =>
  computeRunMetrics(parseSccacheStats(readFixture(`sccache/${name}.json`)))
    .failures;

describe('cache failures', () => {
  it('real 0.4.0 output of a corrupted disk cache: 3 read errors', () => {
    expect(failuresOf('sccache-0.4.0-corrupt-cache')).toMatchObject({
      readErrors: 3,
      errorsBeforeLookup: 0,
    });
  });

  it('real 0.4.0 output of a syntax error on a warm cache: 1 error before the lookup', () => {
    expect(failuresOf('sccache-0.4.0-syntax-error')).toMatchObject({
      readErrors: 0,
      errorsBeforeLookup: 1,
    });
  });

  it('errors that came with as many misses and rewrites are read errors', () => {
    expect(failuresOf('sccache-0.5.4-constructed-read-errors')).toEqual({
      timeouts: 0,
      readErrors: 3,
      writeErrors: 0,
      // 0.5 still counts a failed write as a write.
      writeErrorsCounted: false,
      errorsBeforeLookup: 0,
    });
  });

  it('an error without a miss (a syntax error) failed before the lookup', () => {
    expect(failuresOf('sccache-0.6.0-constructed-syntax-error')).toEqual({
      timeouts: 0,
      readErrors: 0,
      writeErrors: 0,
      writeErrorsCounted: true,
      errorsBeforeLookup: 1,
    });
  });

  it('the real 0.4.0 output with a syntax error (rust-caching-facts.md §1): one error before the lookup', () => {
    // 8 requests: 1 hit, 1 miss, 1 syntax error, 5 not cacheable; 3 executed.
    const stats = parseSccacheStats(
      '{"stats":{"compile_requests":8,"requests_unsupported_compiler":0,"requests_not_compile":0,"requests_not_cacheable":5,"requests_executed":3,"cache_errors":{"counts":{"Rust":1}},"cache_hits":{"counts":{"Rust":1}},"cache_misses":{"counts":{"Rust":1}},"cache_timeouts":0,"cache_read_errors":0,"non_cacheable_compilations":0,"forced_recaches":0,"cache_write_errors":0,"cache_writes":1,"cache_write_duration":{"secs":0,"nanos":34728644},"cache_read_hit_duration":{"secs":0,"nanos":2094},"compiler_write_duration":{"secs":0,"nanos":410543462},"compile_fails":0,"not_cached":{"missing input":1,"incremental":1,"crate-type":2,"-":1},"dist_compiles":{},"dist_errors":0},"cache_location":"Local disk: \\"/home/runner/.cache/sccache\\"","cache_size":6477,"max_cache_size":10737418240}',
    );
    const { failures } = computeRunMetrics(stats);
    // A miss in the same run does not make the error a read error.
    expect(failures.errorsBeforeLookup).toBe(1);
    expect(failures.readErrors).toBe(0);
  });

  it('timeouts and write errors as sccache counts them', () => {
    expect(failuresOf('sccache-0.14.0-constructed-timeouts')).toMatchObject({
      timeouts: 2,
      writeErrors: 4,
      writeErrorsCounted: true,
    });
  });

  it('counts write failures of any level of a multi-level cache', () => {
    // L1's background write failed; the top-level counter does not see it.
    expect(
      failuresOf('sccache-0.15.0-constructed-multi-level').writeErrors,
    ).toBe(1);
  });

  it('from 0.9 on, non-cacheable compilations are no misses and no errors', () => {
    const stats = parseSccacheStats(
      readFixture('sccache/sccache-0.10.0-constructed-c-only.json'),
    );
    stats.counters.nonCacheableCompilations = 2;
    stats.counters.requestsExecuted += 2;
    stats.counters.errors = { 'C/C++': 1 };
    stats.counters.misses = { 'C/C++': 4 };
    stats.counters.requestsExecuted += 1;
    const { failures } = computeRunMetrics(stats);
    // The extra miss came with the error: a read error.
    expect(failures).toMatchObject({ readErrors: 1, errorsBeforeLookup: 0 });
  });
});

describe('CACHE_FAILURE_KINDS', () => {
  it('gives every kind a label, a meaning and a fix on one line', () => {
    for (const kind of Object.values(CACHE_FAILURE_KINDS)) {
      for (const text of [kind.label, kind.meaning, kind.fix]) {
        expect(text.length).toBeGreaterThan(5);
        expect(text).not.toContain('\n');
      }
    }
    expect(CACHE_FAILURE_KINDS.errorsBeforeLookup.cacheFault).toBe(false);
    expect(CACHE_FAILURE_KINDS.errorsBeforeLookup.meaning).toContain(
      'syntax error',
    );
    expect(CACHE_FAILURE_KINDS.writeErrors.meaning).toContain('read-only');
  });

  it.each(FALSE_CLAIMS)(
    'never repeats a false claim of rust-caching-facts.md §6: %s',
    (_claim, pattern) => {
      const texts = Object.values(CACHE_FAILURE_KINDS).flatMap(k => [
        k.meaning,
        k.fix,
      ]);
      expect(texts.join('\n')).not.toMatch(pattern);
    },
  );
});

describe('cache levels', () => {
  it('gives each level of a disk + S3 chain its backend, location and hit rate', () => {
    const metrics = computeRunMetrics(
      parseSccacheStats(
        readFixture('sccache/sccache-0.15.0-constructed-multi-level.json'),
      ),
    );
    expect(metrics.cacheLevels).toEqual([
      {
        name: 'L0 (disk)',
        backend: 'local',
        location: 'Local disk: "/home/runner/.cache/sccache"',
        bucket: null,
        prefix: null,
        path: '/home/runner/.cache/sccache',
        hits: 10,
        misses: 14,
        hitRate: 10 / 24,
        countsRecorded: true,
        writes: 4,
        writeFailures: 0,
        backfillsFrom: 0,
        backfillsTo: 9,
      },
      {
        name: 'L1 (s3)',
        backend: 's3',
        location: 's3, name: acme-sccache, prefix: /rust/',
        bucket: 'acme-sccache',
        prefix: '/rust/',
        path: null,
        hits: 10,
        misses: 4,
        hitRate: 10 / 14,
        countsRecorded: true,
        writes: 3,
        writeFailures: 1,
        backfillsFrom: 10,
        backfillsTo: 0,
      },
    ]);
  });

  it('says the levels were not counted in client-side mode, instead of 0 hits at every level', () => {
    const levels = computeRunMetrics(
      parseSccacheStats(
        readFixture(
          'sccache/sccache-0.17.0-constructed-client-side-multi-level.json',
        ),
      ),
    ).cacheLevels!;
    expect(
      levels.map(l => [l.name, l.countsRecorded, l.hitRate, l.writes]),
    ).toEqual([
      ['L0 (disk)', false, null, 4],
      ['L1 (s3)', false, null, 4],
    ]);
  });

  it('counts the levels of a run with no lookups at all as recorded (nothing to count)', () => {
    const stats = parseSccacheStats(
      readFixture('sccache/sccache-0.15.0-constructed-multi-level.json'),
    );
    stats.counters.hits = {};
    stats.counters.misses = {};
    stats.multiLevel = stats.multiLevel!.map(level => ({
      ...level,
      hits: 0,
      misses: 0,
    }));
    const levels = computeRunMetrics(stats).cacheLevels!;
    expect(levels.map(l => [l.countsRecorded, l.hitRate])).toEqual([
      [true, null],
      [true, null],
    ]);
  });

  it('parses the locations of levels stored before the parser kept them', () => {
    const stats = parseSccacheStats(
      readFixture('sccache/sccache-0.15.0-constructed-multi-level.json'),
    );
    stats.multiLevel = stats.multiLevel!.map(
      ({ name, location, hits, misses, writes, writeFailures }) => ({
        name,
        location,
        hits,
        misses,
        writes,
        writeFailures,
      }),
    );
    const levels = computeRunMetrics(stats).cacheLevels!;
    expect(levels.map(l => [l.backend, l.bucket, l.path])).toEqual([
      ['local', null, '/home/runner/.cache/sccache'],
      ['s3', 'acme-sccache', null],
    ]);
    expect(levels[1].backfillsFrom).toBeNull();
  });
});
