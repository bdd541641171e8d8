import { buildExampleReport } from '../__testUtils__/exampleReport';
import { FALSE_CLAIMS } from '../testUtils/falseClaims';
import { collectKeyInputs } from '../build/collectKeyInputs';
import type { BuildCacheReport } from '../report/schema';
import { compareReports } from './compareReports';

const ENV = {
  CARGO_HOME: '/ci/cargo',
  CARGO_INCREMENTAL: '0',
  CARGO_TARGET_DIR: '/ci/target',
  CARGO_BUILD_JOBS: '2',
};

/** The example report as collected in `workspaceDir` with `env`. */
function reportFrom(options: {
  workspaceDir?: string;
  cargoHome?: string | null;
  env?: Record<string, string>;
  redactPaths?: boolean;
  sccacheVersion?: string | null;
}): BuildCacheReport {
  const report = structuredClone(buildExampleReport());
  const env = options.env ?? ENV;
  report.build.env.cargoVarNames = Object.keys(env).sort();
  report.sccache!.version =
    options.sccacheVersion === undefined ? '0.17.0' : options.sccacheVersion;
  report.keyInputs = collectKeyInputs({
    env,
    workspaceDir: options.workspaceDir ?? '/ci/checkout-a/app',
    cargoHome:
      options.cargoHome === undefined ? '/ci/cargo' : options.cargoHome,
    redactPaths: options.redactPaths ?? false,
  });
  return report;
}

describe('compareReports on key inputs', () => {
  const base = reportFrom({});

  it('finds nothing when the key inputs are the same, also when one side has redacted paths', () => {
    expect(compareReports(base, reportFrom({}))).toEqual([]);
    expect(compareReports(base, reportFrom({ redactPaths: true }))).toEqual([]);
  });

  it('names another checkout directory: the workspace crates miss', () => {
    const head = reportFrom({ workspaceDir: '/ci/checkout-b/app' });
    expect(compareReports(base, head)).toEqual([
      {
        key: 'keyInputs.workspaceDir',
        label: 'Checkout directory of the workspace',
        base: '/ci/checkout-a/app',
        head: '/ci/checkout-b/app',
        explanation: expect.stringContaining(
          "the workspace's own crates (and path crates in the checkout) in the checkout",
        ),
        affectsCacheKeys: true,
      },
    ]);
  });

  it('shows redacted paths by a short hash', () => {
    const head = reportFrom({
      workspaceDir: '/ci/checkout-b/app',
      redactPaths: true,
    });
    const [difference] = compareReports(base, head);
    expect(difference.key).toBe('keyInputs.workspaceDir');
    expect(difference.head).toMatch(/^sha256 [0-9a-f]{12}…$/);
  });

  it('names another cargo home (registry crates miss) and a cargo home that is not known', () => {
    const head = reportFrom({
      cargoHome: '/home/other/.cargo',
      env: { ...ENV, CARGO_HOME: '/home/other/.cargo' },
    });
    const differences = compareReports(base, head);
    expect(differences.map(d => d.key)).toEqual([
      'keyInputs.cargoHome',
      'keyInputs.cargoVarValueSha256.CARGO_HOME',
    ]);
    expect(differences[0]).toMatchObject({
      base: '/ci/cargo',
      head: '/home/other/.cargo',
      affectsCacheKeys: true,
      explanation: expect.stringContaining(
        'with another cargo home every registry crate misses',
      ),
    });
    expect(
      compareReports(base, reportFrom({ cargoHome: null }))[0],
    ).toMatchObject({ key: 'keyInputs.cargoHome', head: 'unknown' });
  });

  it('names each CARGO_* variable whose value differs, by hash, with what sccache makes of it', () => {
    const head = reportFrom({
      env: { ...ENV, CARGO_TARGET_DIR: '/ci/target-2', CARGO_BUILD_JOBS: '8' },
    });
    const differences = compareReports(base, head);
    expect(differences).toEqual([
      {
        key: 'keyInputs.cargoVarValueSha256.CARGO_TARGET_DIR',
        label: 'Value of CARGO_TARGET_DIR',
        base: expect.stringMatching(/^sha256 [0-9a-f]{12}…$/),
        head: expect.stringMatching(/^sha256 [0-9a-f]{12}…$/),
        explanation: expect.stringContaining(
          'with another value every crate misses',
        ),
        affectsCacheKeys: true,
      },
      {
        key: 'keyInputs.cargoVarValueSha256.CARGO_BUILD_JOBS',
        label: 'Value of CARGO_BUILD_JOBS',
        base: expect.any(String),
        head: expect.any(String),
        explanation: expect.stringContaining(
          "does not hash CARGO_BUILD_JOBS into Rust cache keys (it only sets cargo's parallelism)",
        ),
        affectsCacheKeys: false,
      },
    ]);
    expect(differences[0].explanation).toContain('--target-dir');
    // sccache 0.11 still hashed CARGO_BUILD_JOBS.
    const old = compareReports(
      reportFrom({ sccacheVersion: '0.11.0' }),
      reportFrom({
        sccacheVersion: '0.11.0',
        env: { ...ENV, CARGO_BUILD_JOBS: '8' },
      }),
    );
    expect(old).toMatchObject([
      {
        key: 'keyInputs.cargoVarValueSha256.CARGO_BUILD_JOBS',
        affectsCacheKeys: true,
      },
    ]);
  });

  it('leaves variables set on one side to the names comparison, and CARGO_INCREMENTAL to its own', () => {
    const head = reportFrom({
      env: { ...ENV, CARGO_INCREMENTAL: '1', CARGO_FOO: 'bar' },
    });
    expect(compareReports(base, head).map(d => d.key)).toEqual([
      'build.env.cargoVarNames',
    ]);
  });

  it('says nothing about key inputs when one report is from an older CLI', () => {
    const old = structuredClone(base);
    delete old.keyInputs;
    expect(
      compareReports(old, reportFrom({ workspaceDir: '/elsewhere' })),
    ).toEqual([]);
  });

  it('never repeats a false claim of rust-caching-facts.md §6', () => {
    const head = reportFrom({
      workspaceDir: '/b',
      cargoHome: '/c',
      env: { ...ENV, CARGO_TARGET_DIR: '/t', CARGO_BUILD_JOBS: '9' },
    });
    const differences = compareReports(base, head);
    expect(differences).toHaveLength(4);
    for (const { explanation } of differences) {
      for (const [, pattern] of FALSE_CLAIMS) {
        expect(explanation).not.toMatch(pattern);
      }
    }
  });
});
