import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { realReport, variant } from '../testUtils/realReports';
import { computeRunMetrics } from '../metrics/computeRunMetrics';
import { validateReport, type BuildCacheReport } from '../report/schema';
import {
  planWarmGroups,
  warmGroupId,
  warmGroupKeyOf,
  WARM_PLAN_SKIP_REASONS,
  type WarmPlanEntity,
} from './planWarmGroups';

/** The real reports the demo data is made of (recorded with Debian's sccache and cargo). */
function demoReport(name: string): BuildCacheReport {
  const path = join(
    __dirname,
    '../../../../packages/backend/src/demoData/real-reports',
    `${name}.json`,
  );
  const validation = validateReport(JSON.parse(readFileSync(path, 'utf8')));
  if (!validation.ok) throw new Error(`${path} is not a valid report`);
  return validation.report;
}

function entity(name: string, report: BuildCacheReport | null): WarmPlanEntity {
  return {
    entityRef: `component:default/${name}`,
    owner: 'group:default/platform',
    tags: ['rust'],
    latestCiReport: report,
  };
}

describe('planWarmGroups on real reports', () => {
  // billing-api (cold) and edge-gateway (first build) share Cargo.lock, toolchain, env and
  // cache; ledger-worker has another Cargo.lock and no CARGO_INCREMENTAL; rate-limiter
  // changed RUSTFLAGS.
  const billingCold = demoReport('billing-api-cold');
  const edgeFirst = demoReport('edge-gateway-first');
  const ledgerCold = demoReport('ledger-worker-cold');
  const rateLimiterFlags = realReport('rate-limiter-rustflags-changed');
  const searchIndexer = realReport('search-indexer-warm');

  const plan = planWarmGroups({
    entities: [
      entity('billing-api', billingCold),
      entity('ledger-worker', ledgerCold),
      entity('edge-gateway', edgeFirst),
      entity('rate-limiter', rateLimiterFlags),
      entity('search-indexer', searchIndexer),
    ],
  });

  it('plans one job per distinct key and counts the deduplicated entities', () => {
    expect(plan.groups).toHaveLength(4);
    const shared = plan.groups.find(g => g.entityRefs.length === 2)!;
    expect(shared.entityRefs).toEqual([
      // The representative (newest report) first.
      'component:default/edge-gateway',
      'component:default/billing-api',
    ]);
    expect(shared.representative).toEqual({
      entityRef: 'component:default/edge-gateway',
      repository: 'github.com/acme-demo/platform-monorepo',
      workspacePath: edgeFirst.source.workspacePath,
      commit: edgeFirst.source.commit,
    });
    expect(plan.deduplicated).toBe(1);
    expect(plan.skipped).toEqual([]);
  });

  it('derives the key from the report, with dev and the host triple as defaults', () => {
    const shared = plan.groups.find(g => g.entityRefs.length === 2)!;
    expect(shared.key).toEqual({
      rustc: '1.95.0',
      target: 'x86_64-unknown-linux-gnu',
      profile: 'dev',
      rustflagsSha256: null,
      cargoVarNames: ['CARGO_INCREMENTAL'],
      // The recorded reports carry the key inputs: the hash of CARGO_INCREMENTAL's value "0"
      // and of the cargo home.
      cargoVarValueSha256: {
        CARGO_INCREMENTAL:
          '5feceb66ffc86f38d952786c6d696c79c2dbc239dd4e91b46729d73a27fb57e9',
      },
      cargoHomeSha256:
        'de6ffc149f1561a8cce28c9c160ce11c39667ca43548f8f6002049823e55d5fb',
      cacheBackend: 'local',
      cacheLocation: edgeFirst.sccache!.cache.location,
      dependencyFingerprint: edgeFirst.dependencies!.fingerprint,
    });
    expect(shared.id).toMatch(/^[0-9a-f]{64}$/);
    expect(shared.id).toBe(warmGroupId(shared.key));
  });

  it('orders by misses × build seconds × entities served', () => {
    const benefit = (reports: BuildCacheReport[]) => {
      const misses = reports.map(r => computeRunMetrics(r.sccache!).misses);
      const seconds = reports.map(
        r =>
          r.timings?.totalSeconds ??
          computeRunMetrics(r.sccache!).compileSeconds,
      );
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      return mean(misses) * mean(seconds) * reports.length;
    };
    const byRepresentative = Object.fromEntries(
      plan.groups.map(g => [g.representative.entityRef, g.expectedBenefit]),
    );
    expect(byRepresentative['component:default/edge-gateway']).toBeCloseTo(
      benefit([billingCold, edgeFirst]),
    );
    expect(byRepresentative['component:default/ledger-worker']).toBeCloseTo(
      benefit([ledgerCold]),
    );
    // A warm build had no misses: nothing to gain from warming it again.
    expect(byRepresentative['component:default/search-indexer']).toBe(0);
    const benefits = plan.groups.map(g => g.expectedBenefit);
    expect(benefits).toEqual([...benefits].sort((a, b) => b - a));
    expect(benefits[0]).toBeGreaterThan(0);
    expect(plan.groups.at(-1)!.representative.entityRef).toBe(
      'component:default/search-indexer',
    );
  });

  it('puts a group serving more entities first when the per-build numbers are equal', () => {
    const copies = planWarmGroups({
      entities: [
        entity('a', ledgerCold),
        entity(
          'b',
          variant(ledgerCold, 'x', r => {
            r.dependencies!.fingerprint = 'f'.repeat(64);
          }),
        ),
        entity(
          'c',
          variant(ledgerCold, 'y', r => {
            r.dependencies!.fingerprint = 'f'.repeat(64);
          }),
        ),
      ],
    });
    expect(copies.groups.map(g => g.entityRefs)).toEqual([
      ['component:default/b', 'component:default/c'],
      ['component:default/a'],
    ]);
    expect(copies.groups[0].expectedBenefit).toBeCloseTo(
      2 * copies.groups[1].expectedBenefit,
    );
  });
});

describe('planWarmGroups keys', () => {
  const base = realReport('search-indexer-warm');

  it.each<[string, (r: BuildCacheReport) => void]>([
    ['rustc release', r => (r.toolchain.rustc!.release = '1.94.0')],
    ['target triple', r => (r.build.target = 'aarch64-unknown-linux-gnu')],
    ['cargo profile', r => (r.build.cargoProfile = 'release')],
    [
      'RUSTFLAGS',
      r => (r.build.env.rustflags = { set: true, sha256: 'a'.repeat(64) }),
    ],
    ['CARGO_* names', r => r.build.env.cargoVarNames.push('CARGO_HOME')],
    ['cache backend', r => (r.sccache!.cache.backend = 's3')],
    [
      'cache location',
      r => (r.sccache!.cache.location = 'Local disk: "/other"'),
    ],
    ['Cargo.lock', r => (r.dependencies!.fingerprint = 'b'.repeat(64))],
  ])('separates builds that differ in the %s', (_field, change) => {
    const plan = planWarmGroups({
      entities: [
        entity('one', base),
        entity('two', variant(base, '2', change)),
      ],
    });
    expect(plan.groups).toHaveLength(2);
    expect(plan.deduplicated).toBe(0);
    expect(new Set(plan.groups.map(g => g.id)).size).toBe(2);
  });

  it.each<[string, (r: BuildCacheReport) => void]>([
    ['an explicit dev profile', r => (r.build.cargoProfile = 'dev')],
    [
      'an explicit host target',
      r => (r.build.target = 'x86_64-unknown-linux-gnu'),
    ],
    [
      'reordered CARGO_* names',
      r => {
        r.build.env.cargoVarNames = ['CARGO_INCREMENTAL', 'CARGO_TERM_COLOR'];
      },
    ],
    ['another commit and run', r => (r.source.commit = 'abc123')],
  ])('keeps builds together with %s', (_what, change) => {
    const other = (r: BuildCacheReport) => {
      if (_what === 'reordered CARGO_* names') {
        r.build.env.cargoVarNames = ['CARGO_TERM_COLOR', 'CARGO_INCREMENTAL'];
      }
    };
    const plan = planWarmGroups({
      entities: [
        entity('one', variant(base, '1', other)),
        entity('two', variant(base, '2', change)),
      ],
    });
    expect(plan.groups).toHaveLength(1);
    expect(plan.deduplicated).toBe(1);
  });

  it('ignores RUSTFLAGS hashes of unset flags', () => {
    const key = warmGroupKeyOf(
      variant(
        base,
        '1',
        r => (r.build.env.rustflags = { set: false, sha256: null }),
      ),
    );
    expect('key' in key && key.key.rustflagsSha256).toBeNull();
  });
});

describe('planWarmGroups skips', () => {
  const base = realReport('billing-api-warm');
  it('skips entities that cannot be planned, with the reason', () => {
    const plan = planWarmGroups({
      entities: [
        entity('no-report', null),
        entity(
          'no-sccache',
          variant(base, '1', r => (r.sccache = null)),
        ),
        entity(
          'no-rustc',
          variant(base, '2', r => (r.toolchain.rustc = null)),
        ),
        entity(
          'no-lock',
          variant(base, '3', r => (r.dependencies = null)),
        ),
        entity(
          'unlocked',
          variant(base, '4', r => (r.dependencies!.fingerprint = null)),
        ),
        entity('ok', base),
        // Listed twice (e.g. matched by owner and by ref): planned once.
        entity('ok', base),
      ],
    });
    expect(plan.groups.map(g => g.entityRefs)).toEqual([
      ['component:default/ok'],
    ]);
    expect(plan.deduplicated).toBe(0);
    expect(plan.skipped).toEqual([
      {
        entityRef: 'component:default/no-lock',
        reason: WARM_PLAN_SKIP_REASONS.noDependencyFingerprint,
      },
      {
        entityRef: 'component:default/no-report',
        reason: WARM_PLAN_SKIP_REASONS.noReport,
      },
      {
        entityRef: 'component:default/no-rustc',
        reason: WARM_PLAN_SKIP_REASONS.noRustc,
      },
      {
        entityRef: 'component:default/no-sccache',
        reason: WARM_PLAN_SKIP_REASONS.noSccache,
      },
      {
        entityRef: 'component:default/unlocked',
        reason: WARM_PLAN_SKIP_REASONS.noDependencyFingerprint,
      },
    ]);
  });
});
