import { realReport, variant } from '../testUtils/realReports';
import type { BuildCacheReport, TimingUnit } from '../report/schema';
import { warmGroupId, warmGroupKeyOf } from '../prewarm/planWarmGroups';
import { fleetCompileTime } from './compileTime';
import { describeFragmentation, fleetFragmentation } from './fragmentation';
import {
  fleetTimeSaved,
  fleetTimeSavedFromDay,
  weekStartOf,
} from './timeSaved';
import { fleetToolchainDrift } from './toolchainDrift';

const lib = (name: string, seconds: number, target = 'lib'): TimingUnit => ({
  name,
  version: '1.0.0',
  target,
  mode: 'todo',
  seconds,
});

describe('fleetCompileTime', () => {
  it('counts the M slowest library units of a report with M misses, per crate and service', () => {
    const result = fleetCompileTime({
      reports: [
        {
          entityRef: 'component:default/a',
          rustMisses: 2,
          slowest: [
            lib('syn', 3),
            lib('serde', 2),
            lib('itoa', 1),
            lib('syn', 5, 'build-script (run)'),
            lib('a', 9, 'a "bin"'),
          ],
        },
        {
          entityRef: 'component:default/b',
          rustMisses: 1,
          slowest: [lib('serde', 2.5), lib('syn', 2)],
        },
        // Warm: no misses, nothing counted even though it has timings.
        {
          entityRef: 'component:default/c',
          rustMisses: 0,
          slowest: [lib('syn', 4)],
        },
        // Misses but no timings: counted as a report, adds no crate.
        { entityRef: 'component:default/d', rustMisses: 5, slowest: null },
      ],
      prewarmed: new Set(['component:default/b']),
      limit: 10,
    });
    expect(result.crates).toEqual([
      {
        name: 'serde',
        version: '1.0.0',
        missSeconds: 4.5,
        compiles: 2,
        services: 2,
        entityRefs: ['component:default/a', 'component:default/b'],
        prewarmedServices: 1,
      },
      {
        name: 'syn',
        version: '1.0.0',
        missSeconds: 3,
        compiles: 1,
        services: 1,
        entityRefs: ['component:default/a'],
        prewarmedServices: 0,
      },
    ]);
    expect(result.totalCrates).toBe(2);
    expect(result.totalMissSeconds).toBe(7.5);
    expect(result.reportsWithMisses).toBe(3);
    expect(result.reportsWithTimings).toBe(2);
    expect(result.method.limits.length).toBeGreaterThan(2);
  });

  it('lists at most `limit` crates but totals all of them', () => {
    const result = fleetCompileTime({
      reports: [
        {
          entityRef: 'component:default/a',
          rustMisses: 3,
          slowest: [lib('x', 1), lib('y', 2), lib('z', 3)],
        },
      ],
      prewarmed: new Set(),
      limit: 1,
    });
    expect(result.crates.map(c => c.name)).toEqual(['z']);
    expect(result.totalCrates).toBe(3);
    expect(result.totalMissSeconds).toBe(6);
  });

  it('reads real timings: the recorded warm billing-api build', () => {
    const report = realReport('billing-api-warm');
    const result = fleetCompileTime({
      reports: [
        {
          entityRef: 'component:default/billing-api',
          rustMisses: 2,
          slowest: report.timings!.slowest,
        },
      ],
      prewarmed: new Set(),
      limit: 5,
    });
    expect(result.crates.map(c => c.name)).toEqual(['serde_derive', 'serde']);
  });
});

const stable = realReport('search-indexer-warm');

function withToolchain(
  runId: string,
  release: string,
  channel: string | null,
): BuildCacheReport {
  return variant(stable, runId, r => {
    r.toolchain.rustc = { ...r.toolchain.rustc!, release };
    r.toolchain.file =
      channel === null ? null : { ...r.toolchain.file!, channel };
  });
}

describe('fleetToolchainDrift', () => {
  it('counts services per rustc CI used, marks the baseline and lists pins CI did not follow', () => {
    const drift = fleetToolchainDrift({
      baseline: '1.95.0',
      latest: [
        {
          entityRef: 'component:default/a',
          report: withToolchain('a', '1.95.0', '1.95.0'),
        },
        {
          entityRef: 'component:default/b',
          report: withToolchain('b', '1.95.0', null),
        },
        {
          entityRef: 'component:default/c',
          report: withToolchain('c', '1.97.0-nightly', '1.95.0'),
        },
        {
          entityRef: 'component:default/d',
          report: withToolchain('d', '1.95.0', 'stable'),
        },
      ],
    });
    expect(drift.releases).toEqual([
      {
        release: '1.95.0',
        services: 3,
        entityRefs: [
          'component:default/a',
          'component:default/b',
          'component:default/d',
        ],
        isBaseline: true,
      },
      {
        release: '1.97.0-nightly',
        services: 1,
        entityRefs: ['component:default/c'],
        isBaseline: false,
      },
    ]);
    expect(drift.pinMismatches).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/c',
        pin: '1.95.0',
        ciRelease: '1.97.0-nightly',
      }),
    ]);
    expect(drift.totalPinMismatches).toBe(1);
    expect(drift.servicesWithRustc).toBe(4);
    expect(drift.unpinned).toBe(2);
  });

  it('leaves out services whose report names no rustc', () => {
    const report = variant(stable, 'x', r => {
      r.toolchain.rustc = null;
    });
    const drift = fleetToolchainDrift({
      baseline: null,
      latest: [{ entityRef: 'component:default/x', report }],
    });
    expect(drift.releases).toEqual([]);
    expect(drift.servicesWithRustc).toBe(0);
  });
});

describe('fleetFragmentation', () => {
  const rustflags = (runId: string, sha: string | null) =>
    variant(stable, runId, r => {
      r.build.env.rustflags = sha
        ? { set: true, sha256: sha.padStart(64, '0') }
        : { set: false, sha256: null };
    });
  const entries = (reports: Record<string, BuildCacheReport>) =>
    Object.entries(reports).map(([name, report]) => ({
      entityRef: `component:default/${name}`,
      report,
    }));

  it('counts key groups per Cargo.lock and names the dimension that splits them most', () => {
    const result = fleetFragmentation({
      limit: 10,
      latest: entries({
        a: rustflags('a', null),
        b: rustflags('b', null),
        c: rustflags('c', '1'),
        d: rustflags('d', '2'),
        e: variant(rustflags('e', '2'), 'e', r => {
          r.toolchain.rustc = {
            ...r.toolchain.rustc!,
            release: '1.97.0-nightly',
          };
        }),
      }),
    });
    expect(result.totalFingerprints).toBe(1);
    const [fp] = result.fingerprints;
    expect(fp.services).toBe(5);
    expect(fp.keyGroups).toBe(4);
    // Ignoring RUSTFLAGS: {a,b,c,d} and {e} = 2 groups, 2 splits; ignoring the toolchain:
    // {a,b}, {c}, {d,e} = 3 groups, 1 split.
    expect(fp.splits).toEqual({ rustflags: 2, toolchain: 1 });
    expect(fp.topSplit).toEqual({ dimension: 'rustflags', splits: 2 });
    expect(fp.groups[0].entityRefs).toEqual([
      'component:default/a',
      'component:default/b',
    ]);
    // Group ids are the pre-warm planner's.
    const key = warmGroupKeyOf(stable);
    expect('key' in key && fp.groups[0].id).toBe(
      'key' in key && warmGroupId(key.key),
    );
    expect(result.warmJobs).toBe(4);
    expect(result.warmJobsIfUnified).toBe(1);
    expect(describeFragmentation(fp)).toBe(
      '5 services share this Cargo.lock but fall into 4 key groups; 2 of the splits are RUSTFLAGS.',
    );
  });

  it('keeps other Cargo.locks apart and counts services without a key', () => {
    const result = fleetFragmentation({
      limit: 10,
      latest: entries({
        a: stable,
        b: realReport('billing-api-warm'),
        c: variant(stable, 'c', r => {
          r.dependencies = null;
        }),
      }),
    });
    expect(result.totalFingerprints).toBe(2);
    expect(result.fingerprints.every(f => f.keyGroups === 1)).toBe(true);
    expect(result.fingerprints.every(f => f.topSplit === null)).toBe(true);
    expect(result.servicesWithoutKey).toBe(1);
    expect(describeFragmentation(result.fingerprints[0])).toMatch(
      /^1 service builds this Cargo.lock with one cache key/,
    );
  });
});

describe('fleetTimeSaved', () => {
  const at = (iso: string) => Date.parse(iso);

  it('weeks start on Monday, UTC', () => {
    // 2026-12-06 is a Sunday.
    expect(
      new Date(weekStartOf(at('2026-12-06T23:59:00Z'))).toISOString(),
    ).toBe('2026-11-30T00:00:00.000Z');
    expect(
      new Date(weekStartOf(at('2026-11-30T00:00:00Z'))).toISOString(),
    ).toBe('2026-11-30T00:00:00.000Z');
  });

  it('sums the days per week, keeps unpriced hits apart, and gives the trend', () => {
    const day = (
      d: string,
      secondsSaved: number,
      hits = 10,
      unpricedHits = 0,
    ) => ({
      day: d,
      runs: 2,
      hits,
      unpricedHits,
      secondsSaved,
    });
    const result = fleetTimeSaved({
      now: new Date('2026-12-02T12:00:00Z'),
      weeks: 4,
      days: [
        day('2026-11-09', 100),
        day('2026-11-16', 150),
        day('2026-11-22', 50, 10, 4),
        day('2026-11-24', 225),
        day('2026-12-01', 10),
        // Before the range.
        day('2026-11-08', 999),
      ],
    });
    expect(result.weeks).toEqual([
      {
        weekStart: '2026-11-09',
        secondsSaved: 100,
        runs: 2,
        hits: 10,
        unpricedHits: 0,
        complete: true,
      },
      {
        weekStart: '2026-11-16',
        secondsSaved: 200,
        runs: 4,
        hits: 20,
        unpricedHits: 4,
        complete: true,
      },
      {
        weekStart: '2026-11-23',
        secondsSaved: 225,
        runs: 2,
        hits: 10,
        unpricedHits: 0,
        complete: true,
      },
      {
        weekStart: '2026-11-30',
        secondsSaved: 10,
        runs: 2,
        hits: 10,
        unpricedHits: 0,
        complete: false,
      },
    ]);
    // 225 against the mean 150 of the complete weeks before.
    expect(result.trend).toBe(0.5);
    expect(fleetTimeSavedFromDay(new Date('2026-12-02T12:00:00Z'), 4)).toBe(
      '2026-11-09',
    );
  });

  it('has no trend without two complete weeks with an estimate', () => {
    const result = fleetTimeSaved({
      now: new Date('2026-12-02T12:00:00Z'),
      weeks: 3,
      days: [
        {
          day: '2026-11-24',
          runs: 1,
          hits: 3,
          unpricedHits: 0,
          secondsSaved: 5,
        },
      ],
    });
    expect(result.trend).toBeNull();
  });
});
