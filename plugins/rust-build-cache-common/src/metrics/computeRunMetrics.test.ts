import { readFixture } from '../testUtils/fixtures';
import type { SccacheStats } from '../report/schema';
import { parseSccacheStats } from '../sccache/parseSccacheStats';
import {
  combineRunMetrics,
  computeRunMetrics,
  hitRates,
} from './computeRunMetrics';
import { sumCounts } from './sumCounts';

const fixture = (name: string) =>
  parseSccacheStats(readFixture(`sccache/${name}.json`));

/** The never-cacheable requests of every tinyproj run: cargo's 3 probes and the binary. */
const TINYPROJ_EXCLUDED = [
  { reason: 'missing input', count: 2 },
  { reason: '-', count: 1 },
  { reason: 'crate-type', count: 1 },
];

describe('computeRunMetrics', () => {
  it('dbg-1 (cold): 0 hits, 2 misses, incremental counts against the effective rate', () => {
    expect(computeRunMetrics(fixture('sccache-0.4.0-dbg-1'))).toEqual({
      requests: 7,
      clientSideMode: false,
      rustCompiled: true,
      hits: 0,
      misses: 2,
      errors: 0,
      hitRate: 0,
      effectiveHitRate: 0,
      avoidableNotCached: 1,
      languages: [
        {
          language: 'Rust',
          hits: 0,
          misses: 2,
          errors: 0,
          avoidableNotCached: 1,
          hitRate: 0,
          effectiveHitRate: 0,
        },
      ],
      sharedReasons: [],
      excludedFromEffective: TINYPROJ_EXCLUDED,
      compileSeconds: 0.634154514,
      failures: {
        timeouts: 0,
        readErrors: 0,
        writeErrors: 0,
        // Debian's 0.4.0-pre.6 counts a failed write as a write.
        writeErrorsCounted: false,
        errorsBeforeLookup: 0,
      },
      cacheLevels: null,
      // No hits: nothing saved; the reads took no time.
      estimatedSecondsSaved: 0,
    });
  });

  it('dbg-2 (warm): hit rate 1, effective 2/3 because the incremental lib compile counts against it', () => {
    const metrics = computeRunMetrics(fixture('sccache-0.4.0-dbg-2'));
    expect(metrics.hits).toBe(2);
    expect(metrics.misses).toBe(0);
    expect(metrics.hitRate).toBe(1);
    expect(metrics.effectiveHitRate).toBeCloseTo(2 / 3, 12);
    expect(metrics.avoidableNotCached).toBe(1);
    expect(metrics.excludedFromEffective).toEqual(TINYPROJ_EXCLUDED);
    // No misses in this run to take a compile time from.
    expect(metrics.estimatedSecondsSaved).toBeNull();
  });

  it('serde-2 (warm, no incremental crates): hit rate 1 and effective 1', () => {
    const metrics = computeRunMetrics(fixture('sccache-0.4.0-serde-dbg-2'));
    expect(metrics).toMatchObject({
      hits: 8,
      misses: 0,
      hitRate: 1,
      effectiveHitRate: 1,
      avoidableNotCached: 0,
    });
    expect(metrics.excludedFromEffective).toEqual([
      { reason: 'crate-type', count: 9 },
      { reason: 'missing input', count: 2 },
      { reason: '-', count: 1 },
    ]);
  });

  it('serde-1 (cold): compile seconds from the real run', () => {
    const metrics = computeRunMetrics(fixture('sccache-0.4.0-serde-dbg-1'));
    expect(metrics).toMatchObject({
      hits: 0,
      misses: 8,
      hitRate: 0,
      effectiveHitRate: 0,
    });
    expect(metrics.compileSeconds).toBeCloseTo(10.339612021, 9);
  });

  const runWith = (
    patch: Partial<SccacheStats['counters']>,
    durations: Partial<SccacheStats['durations']> = {},
  ): SccacheStats => {
    const stats = fixture('sccache-0.4.0-dbg-1');
    return {
      ...stats,
      counters: { ...stats.counters, ...patch },
      durations: { ...stats.durations, ...durations },
    };
  };

  it('estimates seconds saved from the mean compile time of the misses (before 0.9)', () => {
    const stats = runWith(
      { hits: { Rust: 3 }, misses: { Rust: 2 }, compilations: null },
      { compilerWriteSeconds: 4, cacheReadHitSeconds: 0.5 },
    );
    // 3 hits × (4 s / 2 misses) − 0.5 s reading
    expect(computeRunMetrics(stats).estimatedSecondsSaved).toBeCloseTo(5.5, 12);
  });

  it('averages compile time over compilations from 0.9 on', () => {
    const stats = runWith(
      { hits: { Rust: 3 }, misses: { Rust: 2 }, compilations: 4 },
      { compilerWriteSeconds: 4, cacheReadHitSeconds: 0.5 },
    );
    // 3 hits × (4 s / 4 compilations) − 0.5 s reading
    expect(computeRunMetrics(stats).estimatedSecondsSaved).toBeCloseTo(2.5, 12);
  });

  it('keeps the languages apart: the headline is Rust, C/C++ and CUDA have their own', () => {
    const metrics = computeRunMetrics(
      runWith({
        hits: { Rust: 3, 'C/C++': 2 },
        misses: { Rust: 1, 'C/C++': 1 },
        errors: { Rust: 1, CUDA: 2 },
      }),
    );
    expect(metrics).toMatchObject({
      hits: 3,
      misses: 1,
      errors: 1,
      hitRate: 3 / 4,
    });
    expect(metrics.languages.map(l => [l.language, l.hitRate])).toEqual([
      ['Rust', 3 / 4],
      ['C/C++', 2 / 3],
      ['CUDA', null],
    ]);
  });

  it('counts unknown and fixable reasons as avoidable, skipping zero counts', () => {
    const metrics = computeRunMetrics(
      runWith({
        hits: { Rust: 2 },
        misses: {},
        notCached: {
          incremental: 1,
          'brand new reason': 1,
          '-E': 4,
          '--sysroot': 0,
        },
      }),
    );
    expect(metrics.avoidableNotCached).toBe(2);
    expect(metrics.effectiveHitRate).toBe(0.5);
    expect(metrics.excludedFromEffective).toEqual([{ reason: '-E', count: 4 }]);
  });

  it('counts the requests of client-side mode (0.17+), where sccache counts none, from their outcomes', () => {
    const daemon = computeRunMetrics(
      fixture('sccache-0.15.0-constructed-multi-level'),
    );
    const clientSide = computeRunMetrics(
      fixture('sccache-0.17.0-constructed-client-side-multi-level'),
    );
    expect(daemon).toMatchObject({ requests: 30, clientSideMode: false });
    // 24 executed + 6 not cacheable: what the server would have counted.
    expect(clientSide).toMatchObject({ requests: 30, clientSideMode: true });
    expect(clientSide.hitRate).toBe(daemon.hitRate);
  });

  it('takes 0 compile requests at face value when nothing was executed', () => {
    // A server that saw only non-compile calls (e.g. a job without RUSTC_WRAPPER).
    const stats = fixture('sccache-0.4.0-dbg-1');
    stats.counters = {
      ...stats.counters,
      compileRequests: 0,
      requestsExecuted: 0,
      requestsNotCacheable: 0,
      requestsNotCompile: 3,
      hits: {},
      misses: {},
      notCached: {},
    };
    expect(computeRunMetrics(stats)).toMatchObject({
      requests: 0,
      clientSideMode: false,
    });
  });

  it('gives null rates when there was nothing to rate', () => {
    const metrics = computeRunMetrics(
      runWith({ hits: {}, misses: {}, notCached: { '-': 1 } }),
    );
    expect(metrics.hitRate).toBeNull();
    expect(metrics.effectiveHitRate).toBeNull();
  });
});

describe('combineRunMetrics', () => {
  it('sums the runs and takes the rates over the sums', () => {
    const combined = combineRunMetrics([
      computeRunMetrics(fixture('sccache-0.4.0-dbg-1')),
      computeRunMetrics(fixture('sccache-0.4.0-dbg-2')),
      computeRunMetrics(fixture('sccache-0.4.0-serde-dbg-2')),
    ]);
    expect(combined).toEqual({
      runs: 3,
      requests: 34,
      hits: 10,
      misses: 2,
      errors: 0,
      avoidableNotCached: 2,
      hitRate: 10 / 12,
      effectiveHitRate: 10 / 14,
      otherLanguages: [],
      compileSeconds: 0.634154514,
      cacheWriteErrors: 0,
    });
  });

  it('sums Rust as the headline and each other language on its own', () => {
    const combined = combineRunMetrics([
      computeRunMetrics(fixture('sccache-0.8.2-constructed-rust-and-c')),
      computeRunMetrics(fixture('sccache-0.10.0-constructed-c-only')),
    ]);
    expect(combined).toMatchObject({
      runs: 2,
      hits: 12,
      misses: 6,
      hitRate: 12 / 18,
      otherLanguages: [
        {
          language: 'C/C++',
          hits: 40,
          misses: 17,
          hitRate: 40 / 57,
          // The C-only run's `multiple input files` and `@`.
          avoidableNotCached: 2,
          effectiveHitRate: 40 / 59,
        },
      ],
    });
  });

  it('gives zero sums and null rates for no runs', () => {
    expect(combineRunMetrics([])).toEqual({
      runs: 0,
      requests: 0,
      hits: 0,
      misses: 0,
      errors: 0,
      avoidableNotCached: 0,
      hitRate: null,
      effectiveHitRate: null,
      otherLanguages: [],
      compileSeconds: 0,
      cacheWriteErrors: 0,
    });
  });
});

describe('sumCounts', () => {
  it('adds up a map of counts', () => {
    expect(sumCounts({ Rust: 2, 'C/C++': 5 })).toBe(7);
    expect(sumCounts({})).toBe(0);
  });
});

describe('hitRates', () => {
  it('counts avoidable non-cacheable requests against the effective hit rate only', () => {
    expect(hitRates({ hits: 2, misses: 0, avoidableNotCached: 1 })).toEqual({
      hitRate: 1,
      effectiveHitRate: 2 / 3,
    });
  });

  it('has no rate when there is nothing to take it over', () => {
    expect(hitRates({ hits: 0, misses: 0, avoidableNotCached: 0 })).toEqual({
      hitRate: null,
      effectiveHitRate: null,
    });
  });
});
