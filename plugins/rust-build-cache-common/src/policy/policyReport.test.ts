import {
  exampleReport,
  inputOf,
  realReport,
  variant,
} from '../testUtils/realReports';
import type { BuildCacheReport } from '../report/schema';
import { DEFAULT_POLICY } from './defaultPolicy';
import { evaluatePolicy } from './evaluatePolicy';
import { validatePolicy } from './policySchema';
import { toPolicyReport } from './policyReport';
import {
  decodePolicyRun,
  encodePolicyRun,
  PolicyRun,
  reportsReadInFull,
  toPolicyRun,
} from './policyRun';

/** Every built-in rule, with a baseline, so that none is skipped as not applicable. */
const ALL_RULES = (() => {
  const validation = validatePolicy({
    baseline: { rustRelease: '1.95.0' },
    rules: [
      { id: 'reports-fresh', severity: 'warning', params: { maxAgeDays: 7 } },
      { id: 'rustc-wrapper-sccache', severity: 'error' },
      { id: 'cargo-lock-committed', severity: 'error' },
      { id: 'cargo-incremental-off', severity: 'error' },
      { id: 'toolchain-pinned-exact', severity: 'error' },
      { id: 'toolchain-near-baseline', severity: 'warning' },
      { id: 'toolchain-pin-matches-ci', severity: 'error' },
      { id: 'cache-size-bounded', severity: 'warning' },
      { id: 'cache-errors-bounded', severity: 'warning', params: { runs: 5 } },
      {
        id: 'effective-hit-rate',
        severity: 'error',
        params: { threshold: 0.6, runs: 5, minRuns: 2 },
      },
      { id: 'rustflags-stable', severity: 'warning', params: { runs: 5 } },
      { id: 'prewarm-enrolled', severity: 'warning' },
    ],
    levels: [],
  });
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return validation.policy;
})();

const billing = realReport('billing-api-warm');
const example = exampleReport();

/** Report histories that drive every rule through its outcomes. */
const HISTORIES: Record<string, BuildCacheReport[]> = {
  none: [],
  billing: [billing, variant(billing, 'b2'), variant(billing, 'b3')],
  ledger: [realReport('ledger-worker-warm')],
  searchIndexer: [realReport('search-indexer-warm')],
  rustflagsChanged: [
    realReport('rate-limiter-rustflags-changed'),
    realReport('rate-limiter-warm'),
  ],
  example: [example, variant(example, 'e2')],
  brokenFiles: [
    variant(example, 'broken', r => {
      r.toolchain.file = null;
      r.dependencies = null;
      r.problems = [
        {
          file: 'rust-toolchain.toml',
          message: 'the [toolchain] table is missing',
        },
        { file: 'Cargo.lock', message: 'not TOML' },
      ];
    }),
  ],
  prewarmAndErrors: [
    variant(billing, 'pw', r => {
      r.kind = 'prewarm';
    }),
    variant(billing, 'errors', r => {
      r.sccache!.counters.cacheWriteErrors = 4;
      r.sccache!.counters.cacheTimeouts = 2;
      r.build.env.rustcWrapper = null;
      r.build.env.cargoIncremental = '1';
      r.build.env.sccacheCacheSize = null;
    }),
    variant(billing, 'no-stats', r => {
      r.sccache = null;
      r.toolchain.rustc = null;
    }),
  ],
  newestCiWithoutStats: [
    variant(billing, 'no-stats-newest', r => {
      r.sccache = null;
      r.dependencies = null;
    }),
    variant(billing, 'pw-between', r => {
      r.kind = 'prewarm';
    }),
    variant(billing, 'local-cache', r => {
      r.build.env.sccacheCacheSize = null;
    }),
    billing,
  ],
};

/** Through JSON, as the backend stores it. */
const stored = <T>(value: T): T => JSON.parse(JSON.stringify(value));
/** A run as the backend stores and reads it. */
const storedRun = (run: PolicyRun): PolicyRun =>
  decodePolicyRun(JSON.parse(JSON.stringify(encodePolicyRun(run))));

describe('toPolicyReport', () => {
  it.each(Object.entries(HISTORIES))(
    'evaluates like the whole reports (%s)',
    (_name, reports) => {
      for (const policy of [ALL_RULES, DEFAULT_POLICY]) {
        for (const prewarmEnrolled of [null, true]) {
          const whole = evaluatePolicy({
            policy,
            input: inputOf(reports, { prewarmEnrolled }),
          });
          const projected = evaluatePolicy({
            policy,
            // Through JSON, as the backend stores it.
            input: inputOf(
              reports.map(r => JSON.parse(JSON.stringify(toPolicyReport(r)))),
              { prewarmEnrolled },
            ),
          });
          expect(projected).toEqual(whole);
        }
      }
    },
  );

  it('keeps what the rules read and drops the rest', () => {
    const projected = toPolicyReport(example);
    expect(projected.sccache).toEqual(example.sccache);
    expect(projected.toolchain).toEqual({
      file: example.toolchain.file,
      rustc: example.toolchain.rustc,
    });
    expect(Object.keys(projected)).not.toContain('timings');
    expect(JSON.stringify(projected).length).toBeLessThan(
      JSON.stringify(example).length * 0.6,
    );
    // Projecting a projection changes nothing.
    expect(toPolicyReport(projected)).toEqual(projected);
  });
});

describe('toPolicyRun, its stored form and reportsReadInFull', () => {
  it.each(Object.entries(HISTORIES))(
    'evaluate like the whole reports with only the newest in full (%s)',
    (_name, reports) => {
      const runs = reports.map(r => storedRun(toPolicyRun(toPolicyReport(r))));
      const inFull = reportsReadInFull(runs);
      expect(inFull.length).toBeLessThanOrEqual(3);
      for (const policy of [ALL_RULES, DEFAULT_POLICY]) {
        for (const prewarmEnrolled of [null, true]) {
          const whole = evaluatePolicy({
            policy,
            input: inputOf(reports, { prewarmEnrolled }),
          });
          const slim = evaluatePolicy({
            policy,
            input: inputOf([], {
              prewarmEnrolled,
              reports: inFull.map(i => stored(toPolicyReport(reports[i]))),
              runs,
            }),
          });
          expect(slim).toEqual(whole);
        }
      }
    },
  );

  it('names the newest report, the newest CI run and the newest with statistics', () => {
    const runs = HISTORIES.newestCiWithoutStats.map(r => toPolicyRun(r));
    expect(reportsReadInFull(runs)).toEqual([0, 2]);
    const prewarmFirst = HISTORIES.prewarmAndErrors.map(r => toPolicyRun(r));
    expect(reportsReadInFull(prewarmFirst)).toEqual([0, 1]);
    expect(reportsReadInFull([])).toEqual([]);
  });

  it('takes the cache numbers from computeRunMetrics', () => {
    const run = toPolicyRun(billing);
    expect(run.cache).toMatchObject({ rustCompiled: true });
    expect(run.cache!.hits).toBeGreaterThan(0);
    expect(toPolicyRun(HISTORIES.newestCiWithoutStats[0]).cache).toBeNull();
    expect(JSON.stringify(run).length).toBeLessThan(
      JSON.stringify(toPolicyReport(billing)).length / 3,
    );
  });

  it('stores every run as it is, its text ending in ",null]" exactly without cache numbers', () => {
    const runs = Object.values(HISTORIES)
      .flat()
      .map(r => toPolicyRun(r));
    const cacheless = runs.find(run => run.cache === null)!;
    const edited: PolicyRun[] = [
      ...runs,
      { ...cacheless, dependencies: null, rustflagsSha256: 'a'.repeat(64) },
      { ...cacheless, dependencies: { lockVersion: null } },
      {
        ...runs.find(run => run.cache !== null)!,
        cache: { ...runs.find(run => run.cache)!.cache!, rustCompiled: false },
      },
    ];
    expect(edited.some(run => run.cache === null)).toBe(true);
    for (const run of edited) {
      const text = JSON.stringify(encodePolicyRun(run));
      expect(decodePolicyRun(JSON.parse(text))).toEqual(stored(run));
      expect(text.endsWith(',null]')).toBe(run.cache === null);
    }
    const length = (texts: string[]) => texts.join('').length;
    expect(
      length(runs.map(run => JSON.stringify(encodePolicyRun(run)))),
    ).toBeLessThan(length(runs.map(run => JSON.stringify(run))) / 3);
  });
});
