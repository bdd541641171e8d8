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
};

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
