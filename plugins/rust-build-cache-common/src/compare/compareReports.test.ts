import { buildExampleReport } from '../__testUtils__/exampleReport';
import { FALSE_CLAIMS } from '../testUtils/falseClaims';
import type { BuildCacheReport } from '../report/schema';
import { compareReports } from './compareReports';

/** A copy of the example report with some fields replaced. */
function changed(edit: (report: BuildCacheReport) => void): BuildCacheReport {
  const report = structuredClone(buildExampleReport());
  edit(report);
  return report;
}

describe('compareReports', () => {
  const base = buildExampleReport();

  it('returns nothing for identical reports', () => {
    expect(compareReports(base, structuredClone(base))).toEqual([]);
  });

  it('ignores differences that do not matter for caching (run ids, times, timings)', () => {
    const head = changed(report => {
      report.source.ci.runId = '1';
      report.source.finishedAt = '2026-11-28T10:00:00Z';
      report.timings = null;
      report.sccache!.counters.hits = { Rust: 0 };
      report.dependencies!.lockVersion = 3;
    });
    expect(compareReports(base, head)).toEqual([]);
  });

  it('reports a new rustc', () => {
    const head = changed(report => {
      report.toolchain.rustc = {
        ...report.toolchain.rustc!,
        release: '1.96.0',
        version: 'rustc 1.96.0 (0a1b2c3d4 2026-05-28)',
      };
    });
    expect(compareReports(base, head)).toEqual([
      {
        key: 'toolchain.rustc',
        label: 'rustc used in CI',
        base: 'rustc 1.95.0 (59807616e 2026-04-14) on x86_64-unknown-linux-gnu',
        head: 'rustc 1.96.0 (0a1b2c3d4 2026-05-28) on x86_64-unknown-linux-gnu',
        explanation: expect.stringContaining('misses on every crate'),
        affectsCacheKeys: true,
      },
    ]);
  });

  it('says a toolchain file change did not matter when rustc stayed the same', () => {
    const head = changed(report => {
      report.toolchain.file!.channel = 'stable';
    });
    expect(compareReports(base, head)).toEqual([
      {
        key: 'toolchain.file.channel',
        label: 'Toolchain in the rust-toolchain file',
        base: '1.95.0',
        head: 'stable',
        explanation:
          'Both runs still used the same rustc, so the cache keys did not change.',
        affectsCacheKeys: false,
      },
    ]);
  });

  it('counts a toolchain file change as key-changing when rustc changed or is unknown', () => {
    const head = changed(report => {
      report.toolchain.file!.channel = 'stable';
      report.toolchain.rustc = null;
    });
    const channel = compareReports(base, head).find(
      difference => difference.key === 'toolchain.file.channel',
    );
    expect(channel?.affectsCacheKeys).toBe(true);
  });

  it('reports a target list change as not key-changing', () => {
    const head = changed(report => {
      report.toolchain.file!.targets = ['wasm32-unknown-unknown'];
    });
    expect(compareReports(base, head)).toEqual([
      expect.objectContaining({
        key: 'toolchain.file.targets',
        base: '(none)',
        head: 'wasm32-unknown-unknown',
        affectsCacheKeys: false,
      }),
    ]);
  });

  it('reports dependency, RUSTFLAGS and CARGO_* changes, naming added and removed variables', () => {
    const head = changed(report => {
      report.dependencies!.fingerprint = 'f'.repeat(64);
      report.build.env.rustflags = { set: true, sha256: 'a'.repeat(64) };
      report.build.env.cargoVarNames = ['CARGO_HOME', 'CARGO_TARGET_DIR'];
    });
    const differences = compareReports(base, head);
    expect(differences.map(difference => difference.key)).toEqual([
      'dependencies.fingerprint',
      'build.env.rustflags',
      'build.env.cargoVarNames',
    ]);
    expect(differences[1]).toMatchObject({
      base: 'not set',
      head: `set (sha256 ${'a'.repeat(64)})`,
    });
    expect(differences[2]).toMatchObject({
      base: 'CARGO_TERM_COLOR',
      head: 'CARGO_HOME, CARGO_TARGET_DIR',
      affectsCacheKeys: true,
    });
    expect(differences[2].explanation).toContain(
      'Here: added CARGO_HOME, CARGO_TARGET_DIR; removed CARGO_TERM_COLOR.',
    );
  });

  it('reports profile settings one by one, a missing profile as cargo defaults', () => {
    const head = changed(report => {
      report.build.profiles.release = {
        ...report.build.profiles.release,
        codegenUnits: 16,
      };
      report.build.profiles.dev = {
        incremental: false,
        codegenUnits: null,
        debug: null,
        lto: null,
        optLevel: null,
      };
    });
    expect(compareReports(base, head)).toEqual([
      expect.objectContaining({
        key: 'build.profiles.dev.incremental',
        label: '[profile.dev] incremental',
        base: 'not set (cargo default)',
        head: 'false',
        affectsCacheKeys: true,
      }),
      expect.objectContaining({
        key: 'build.profiles.release.codegenUnits',
        label: '[profile.release] codegen-units',
        base: '1',
        head: '16',
        explanation:
          'Cargo passes this setting to rustc (-C codegen-units) and sccache hashes the command line: every crate built with the release profile misses.',
      }),
    ]);
  });

  it('puts key-changing differences first, keeping the declared order within each group', () => {
    const head = changed(report => {
      report.build.env.rustcWrapper = null;
      report.sccache!.cache = {
        ...report.sccache!.cache,
        backend: 's3',
        location: 's3, name: ci, prefix: /sccache/',
        path: null,
      };
      report.build.env.sccacheVarNames = ['SCCACHE_BUCKET'];
      report.sccache!.version = '0.17.0';
      report.build.env.cargoIncremental = '0';
    });
    expect(
      compareReports(base, head).map(({ key, affectsCacheKeys }) => [
        key,
        affectsCacheKeys,
      ]),
    ).toEqual([
      ['build.env.cargoIncremental', true],
      ['sccache.version', true],
      ['build.env.sccacheVarNames', false],
      ['build.env.rustcWrapper', false],
      ['sccache.cache', false],
    ]);
  });

  it('describes the cache location and sccache version values', () => {
    const head = changed(report => {
      report.sccache!.version = '0.17.0';
      report.sccache!.cache = {
        ...report.sccache!.cache,
        backend: 'gha',
        location: 'ghac, name: sccache-v0.4.0, prefix: /sccache/',
      };
    });
    const byKey = Object.fromEntries(
      compareReports(base, head).map(difference => [
        difference.key,
        difference,
      ]),
    );
    expect(byKey['sccache.version']).toMatchObject({
      base: 'unknown (before 0.4.0)',
      head: '0.17.0',
    });
    expect(byKey['sccache.cache']).toMatchObject({
      base: 'local: Local disk: "/home/runner/.cache/sccache"',
      head: 'gha: ghac, name: sccache-v0.4.0, prefix: /sccache/',
      explanation: expect.stringContaining('starts cold'),
    });
  });

  it('reports a section missing on one side as null', () => {
    const head = changed(report => {
      report.sccache = null;
      report.dependencies = null;
    });
    const differences = compareReports(base, head);
    expect(
      differences.map(difference => [difference.key, difference.head]),
    ).toEqual([
      ['dependencies.fingerprint', null],
      ['sccache.version', null],
      ['sccache.cache', null],
    ]);
  });

  it('never repeats a false claim of rust-caching-facts.md §6 in any explanation', () => {
    const everything = changed(report => {
      report.toolchain.rustc = null;
      report.toolchain.file = {
        ...report.toolchain.file!,
        channel: 'nightly',
        targets: ['x'],
      };
      report.dependencies!.fingerprint = 'f'.repeat(64);
      report.build.env = {
        rustcWrapper: null,
        cargoIncremental: '1',
        rustflags: { set: true, sha256: 'a'.repeat(64) },
        cargoVarNames: ['CARGO_X'],
        sccacheVarNames: ['SCCACHE_X'],
        sccacheCacheSize: null,
      };
      report.build.profiles = {
        dev: {
          incremental: true,
          codegenUnits: 1,
          debug: 0,
          lto: true,
          optLevel: 3,
        },
      };
      report.sccache!.version = '0.17.0';
      report.sccache!.cache.location = 'elsewhere';
    });
    const differences = compareReports(base, everything);
    expect(differences.length).toBeGreaterThanOrEqual(14);
    for (const { explanation } of differences) {
      for (const [, pattern] of FALSE_CLAIMS) {
        expect(explanation).not.toMatch(pattern);
      }
    }
  });
});
