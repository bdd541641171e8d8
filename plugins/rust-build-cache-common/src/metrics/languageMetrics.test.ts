import { readFixture } from '../testUtils/fixtures';
import { parseSccacheStats } from '../sccache/parseSccacheStats';
import { computeRunMetrics } from './computeRunMetrics';

const metricsOf = (name: string) =>
  computeRunMetrics(parseSccacheStats(readFixture(`sccache/${name}.json`)));

describe('per-language metrics', () => {
  it('a Rust build whose build scripts compile C: Rust and C/C++ each with their own rates', () => {
    const metrics = metricsOf('sccache-0.8.2-constructed-rust-and-c');
    // Summed, the run would show 14 / 34 = 41 %; neither language has that rate.
    expect(metrics).toMatchObject({
      rustCompiled: true,
      hits: 12,
      misses: 6,
      hitRate: 12 / 18,
      // `incremental` is Rust's only.
      avoidableNotCached: 2,
      effectiveHitRate: 12 / 20,
    });
    expect(metrics.languages).toEqual([
      {
        language: 'Rust',
        hits: 12,
        misses: 6,
        errors: 0,
        avoidableNotCached: 2,
        hitRate: 12 / 18,
        effectiveHitRate: 12 / 20,
      },
      {
        language: 'C/C++',
        hits: 2,
        misses: 14,
        errors: 0,
        // `-E` (the cc crate's compiler probe) can never be cached.
        avoidableNotCached: 0,
        hitRate: 2 / 16,
        effectiveHitRate: 2 / 16,
      },
    ]);
    expect(metrics.excludedFromEffective).toEqual([
      { reason: 'crate-type', count: 7 },
      { reason: '-E', count: 3 },
      { reason: 'missing input', count: 2 },
      { reason: '-', count: 1 },
    ]);
  });

  it('real 0.4.0 output of a Rust build whose build script compiles C through sccache', () => {
    const cold = metricsOf('sccache-0.4.0-rust-and-c-1');
    expect(cold.languages.map(l => [l.language, l.hits, l.misses])).toEqual([
      ['Rust', 0, 2],
      ['C/C++', 0, 1],
    ]);
    expect(cold).toMatchObject({ hits: 0, misses: 2, hitRate: 0 });
    const warm = metricsOf('sccache-0.4.0-rust-and-c-2');
    expect(warm.languages.map(l => [l.language, l.hitRate])).toEqual([
      ['Rust', 1],
      ['C/C++', 1],
    ]);
  });

  it('a C/C++-only file: no Rust went through sccache, so the Rust rates are not available', () => {
    const metrics = metricsOf('sccache-0.10.0-constructed-c-only');
    expect(metrics).toMatchObject({
      rustCompiled: false,
      hits: 0,
      misses: 0,
      hitRate: null,
      effectiveHitRate: null,
    });
    expect(metrics.languages).toEqual([
      {
        language: 'C/C++',
        hits: 38,
        misses: 3,
        errors: 0,
        avoidableNotCached: 2,
        hitRate: 38 / 41,
        effectiveHitRate: 38 / 43,
      },
    ]);
  });

  it('counts a reason both compilers report against both when both compiled, and says so', () => {
    const metrics = metricsOf('sccache-0.17.0-constructed-gha');
    expect(metrics.sharedReasons).toEqual([
      {
        reason: 'multiple input files',
        count: 1,
        languages: ['C/C++', 'Rust'],
      },
    ]);
    expect(
      metrics.languages.map(l => [l.language, l.avoidableNotCached]),
    ).toEqual([
      ['Rust', 1],
      ['C/C++', 1],
    ]);
  });

  it('counts a C-only reason against C/C++ when the run counted no C compile', () => {
    const stats = parseSccacheStats(
      readFixture('sccache/sccache-0.4.0-dbg-2.json'),
    );
    stats.counters.notCached = { ...stats.counters.notCached, '@': 2 };
    const metrics = computeRunMetrics(stats);
    expect(metrics.avoidableNotCached).toBe(1);
    expect(
      metrics.languages.map(l => [
        l.language,
        l.avoidableNotCached,
        l.effectiveHitRate,
      ]),
    ).toEqual([
      ['Rust', 1, 2 / 3],
      ['C/C++', 2, 0],
    ]);
  });

  it('treats a run of only binaries and build scripts as Rust compiled, with no cacheable compile', () => {
    const stats = parseSccacheStats(
      readFixture('sccache/sccache-0.4.0-dbg-2.json'),
    );
    stats.counters.hits = {};
    stats.counters.notCached = { 'missing input': 2, '-': 1, 'crate-type': 3 };
    const metrics = computeRunMetrics(stats);
    expect(metrics.rustCompiled).toBe(true);
    expect(metrics.hitRate).toBeNull();
    expect(metrics.effectiveHitRate).toBeNull();
  });

  it("does not count cargo's probes alone as Rust compiles", () => {
    const stats = parseSccacheStats(
      readFixture('sccache/sccache-0.4.0-dbg-2.json'),
    );
    stats.counters.hits = {};
    stats.counters.notCached = { 'missing input': 2, '-': 1 };
    expect(computeRunMetrics(stats).rustCompiled).toBe(false);
  });

  it('reads only the counts a group has, whatever its name (no prototype keys)', () => {
    const stats = parseSccacheStats(
      readFixture('sccache/sccache-0.4.0-dbg-2.json'),
    );
    stats.counters.hits = {};
    stats.counters.misses = {};
    stats.counters.errors = { constructor: 2 };
    expect(
      computeRunMetrics(stats).languages.find(
        l => l.language === 'constructor',
      ),
    ).toMatchObject({ hits: 0, misses: 0, errors: 2 });
  });
});
