import {
  exampleReport,
  inputOf,
  RECORDED_AT,
  realReport,
  variant,
} from '../testUtils/realReports';
import {
  checkCacheErrorsBounded,
  checkCacheSizeBounded,
  checkCargoIncrementalOff,
  checkCargoLockCommitted,
  checkEffectiveHitRate,
  checkPrewarmEnrolled,
  checkReportsFresh,
  checkRustcWrapperSccache,
  checkRustflagsStable,
  checkToolchainNearBaseline,
  checkToolchainPinMatchesCi,
  checkToolchainPinnedExact,
} from './rules';

const billing = realReport('billing-api-warm');
const ledger = realReport('ledger-worker-warm');
const searchIndexer = realReport('search-indexer-warm');
const example = exampleReport();

/** `count` CI runs of a real report with distinct run ids, newest first. */
const runsOf = (report: typeof billing, count: number) =>
  Array.from({ length: count }, (_, i) => variant(report, `run-${i + 1}`));

/** The example report as collect writes it when the toolchain file is empty. */
const brokenToolchain = variant(example, 'broken-pin', copy => {
  copy.toolchain.file = null;
  copy.problems = [
    { file: 'services/api/rust-toolchain', message: 'the file is empty' },
  ];
});

describe('toolchain-pinned-exact', () => {
  it('passes for the exact 1.95.0 pin of the example report', () => {
    const found = checkToolchainPinnedExact(inputOf([example]));
    expect(found.result).toBe('pass');
    expect(found.summary).toBe('rust-toolchain.toml pins 1.95.0.');
  });

  it('fails for the bare nightly channel of search-indexer', () => {
    const found = checkToolchainPinnedExact(inputOf([searchIndexer]));
    expect(found.result).toBe('fail');
    expect(found.evidence.numbers.channel).toBe('nightly');
  });

  it('fails without a toolchain file (billing-api)', () => {
    expect(checkToolchainPinnedExact(inputOf([billing])).result).toBe('fail');
  });

  it('prefers the repository snapshot over the reports', () => {
    const snapshot = {
      toolchainFile: example.toolchain.file,
      cargoLockCommitted: true,
    };
    expect(
      checkToolchainPinnedExact(inputOf([billing], { snapshot })).result,
    ).toBe('pass');
  });

  it('fails for a broken toolchain file, naming the file and the problem', () => {
    const found = checkToolchainPinnedExact(inputOf([brokenToolchain]));
    expect(found).toEqual({
      result: 'fail',
      summary:
        'services/api/rust-toolchain is broken: the file is empty. A toolchain file that cannot be read pins nothing.',
      evidence: {
        numbers: {
          channel: null,
          file: 'services/api/rust-toolchain',
          problem: 'the file is empty',
        },
        runIds: ['broken-pin'],
      },
    });
    // A snapshot that did not find a working file either does not hide the problem...
    const noFile = { toolchainFile: null, cargoLockCommitted: true };
    expect(
      checkToolchainPinnedExact(
        inputOf([brokenToolchain], { snapshot: noFile }),
      ).summary,
    ).toMatch(/is broken: the file is empty/);
    // ...but one that read a working file since is what the repository has now.
    const fixed = {
      toolchainFile: example.toolchain.file,
      cargoLockCommitted: true,
    };
    expect(
      checkToolchainPinnedExact(inputOf([brokenToolchain], { snapshot: fixed }))
        .result,
    ).toBe('pass');
  });

  it('has insufficient data without snapshot and reports', () => {
    expect(checkToolchainPinnedExact(inputOf([])).result).toBe(
      'insufficient-data',
    );
  });
});

describe('toolchain-near-baseline', () => {
  const params = { maxMinorsBehind: 2 };

  it('passes when CI used a rustc within the allowed minor releases', () => {
    const found = checkToolchainNearBaseline(
      inputOf([billing]),
      params,
      '1.97.0',
    );
    expect(found.result).toBe('pass');
    expect(found.evidence.numbers.minorsBehind).toBe(2);
  });

  it('fails when CI used a rustc further behind', () => {
    const found = checkToolchainNearBaseline(
      inputOf([billing]),
      params,
      '1.98.0',
    );
    expect(found.result).toBe('fail');
    expect(found.summary).toBe(
      'CI used rustc 1.95.0, more than 2 minor releases behind the baseline 1.98.0.',
    );
  });

  it('passes for a rustc newer than the baseline', () => {
    expect(
      checkToolchainNearBaseline(inputOf([billing]), params, '1.90').result,
    ).toBe('pass');
  });

  it('fails for an older major version and passes for a newer one', () => {
    expect(
      checkToolchainNearBaseline(inputOf([billing]), params, '2.0.0').result,
    ).toBe('fail');
    expect(
      checkToolchainNearBaseline(inputOf([billing]), params, '0.99.0').result,
    ).toBe('pass');
  });

  it('is not applicable without a baseline', () => {
    expect(
      checkToolchainNearBaseline(inputOf([billing]), params, undefined).result,
    ).toBe('not-applicable');
  });

  it('has insufficient data when no CI run reported rustc', () => {
    const noRustc = variant(billing, 'no-rustc', r => {
      r.toolchain.rustc = null;
    });
    expect(
      checkToolchainNearBaseline(inputOf([noRustc]), params, '1.95.0').result,
    ).toBe('insufficient-data');
    expect(
      checkToolchainNearBaseline(inputOf([]), params, '1.95.0').result,
    ).toBe('insufficient-data');
  });
});

describe('toolchain-pin-matches-ci', () => {
  it('passes when CI used the pinned 1.95.0', () => {
    expect(checkToolchainPinMatchesCi(inputOf([example])).result).toBe('pass');
  });

  it('leaves a broken toolchain file to toolchain-pinned-exact', () => {
    const found = checkToolchainPinMatchesCi(inputOf([brokenToolchain]));
    expect(found.result).toBe('not-applicable');
    expect(found.summary).toBe(
      'services/api/rust-toolchain is broken (the file is empty): there is no pin to compare with; toolchain-pinned-exact reports it.',
    );
  });

  it('fails for search-indexer: nightly pinned, stable 1.95.0 used', () => {
    const found = checkToolchainPinMatchesCi(inputOf([searchIndexer]));
    expect(found.result).toBe('fail');
    expect(found.evidence).toEqual({
      numbers: { status: 'mismatch' },
      runIds: ['real-build-search-indexer-warm'],
    });
  });

  it('is not applicable without a pin (billing-api)', () => {
    expect(checkToolchainPinMatchesCi(inputOf([billing])).result).toBe(
      'not-applicable',
    );
  });

  it('has insufficient data when CI did not report rustc', () => {
    const noRustc = variant(example, 'no-rustc', r => {
      r.toolchain.rustc = null;
    });
    expect(checkToolchainPinMatchesCi(inputOf([noRustc])).result).toBe(
      'insufficient-data',
    );
  });
});

describe('rustc-wrapper-sccache', () => {
  it('passes for RUSTC_WRAPPER=/usr/bin/sccache', () => {
    expect(checkRustcWrapperSccache(inputOf([billing])).result).toBe('pass');
  });

  it('passes when sccache saw compile requests without RUSTC_WRAPPER', () => {
    const viaCargoConfig = variant(billing, 'config', r => {
      r.build.env.rustcWrapper = null;
    });
    expect(checkRustcWrapperSccache(inputOf([viaCargoConfig])).result).toBe(
      'pass',
    );
  });

  it('passes in client-side mode, where sccache counts no compile requests but their outcomes', () => {
    const clientSide = variant(billing, 'client-side', r => {
      r.build.env.rustcWrapper = null;
      r.sccache = {
        ...r.sccache!,
        counters: {
          ...r.sccache!.counters,
          compileRequests: 0,
          requestsExecuted: 24,
        },
      };
    });
    const check = checkRustcWrapperSccache(inputOf([clientSide]));
    expect(check.result).toBe('pass');
    expect(check.summary).toBe(
      `sccache received ${check.evidence.numbers.compileRequests} compile requests (the wrapper is not set through RUSTC_WRAPPER).`,
    );
    expect(check.evidence.numbers.compileRequests).toBeGreaterThan(24);
  });

  it('fails without wrapper and without sccache statistics', () => {
    const unwrapped = variant(billing, 'unwrapped', r => {
      r.build.env.rustcWrapper = null;
      r.sccache = null;
    });
    expect(checkRustcWrapperSccache(inputOf([unwrapped])).result).toBe('fail');
  });

  it('has insufficient data without CI runs (a pre-warm report is not one)', () => {
    const prewarm = variant(billing, 'prewarm', r => {
      r.kind = 'prewarm';
    });
    expect(checkRustcWrapperSccache(inputOf([prewarm])).result).toBe(
      'insufficient-data',
    );
  });
});

describe('cargo-incremental-off', () => {
  it('passes with CARGO_INCREMENTAL=0 (billing-api)', () => {
    const found = checkCargoIncrementalOff(inputOf([billing]));
    expect(found.result).toBe('pass');
    expect(found.summary).toBe('CARGO_INCREMENTAL is 0.');
  });

  it('fails for ledger-worker: CARGO_INCREMENTAL unset, one incremental request', () => {
    expect(ledger.build.env.cargoIncremental).toBeNull();
    const found = checkCargoIncrementalOff(inputOf([ledger]));
    expect(found.result).toBe('fail');
    expect(found.evidence.numbers).toEqual({
      cargoIncremental: null,
      incrementalRequests: 1,
    });
  });

  it('fails when CARGO_INCREMENTAL turns incremental on', () => {
    const forced = variant(billing, 'forced', r => {
      r.build.env.cargoIncremental = '1';
    });
    expect(checkCargoIncrementalOff(inputOf([forced])).result).toBe('fail');
  });

  it('has insufficient data without CI runs', () => {
    expect(checkCargoIncrementalOff(inputOf([])).result).toBe(
      'insufficient-data',
    );
  });
});

describe('effective-hit-rate', () => {
  const params = { threshold: 0.8, runs: 10, minRuns: 3 };

  it('passes for three warm billing-api runs (9 hits each, nothing avoidable)', () => {
    const found = checkEffectiveHitRate(inputOf(runsOf(billing, 3)), params);
    expect(found.result).toBe('pass');
    expect(found.evidence.numbers).toMatchObject({
      runs: 3,
      hits: 27,
      misses: 0,
      avoidableNotCached: 0,
      effectiveHitRate: 1,
    });
  });

  it('fails for ledger-worker: 2 hits and 1 incremental request per run', () => {
    const found = checkEffectiveHitRate(inputOf(runsOf(ledger, 3)), params);
    expect(found.result).toBe('fail');
    expect(found.evidence.numbers.effectiveHitRate).toBeCloseTo(2 / 3);
    expect(found.summary).toBe(
      'Rust effective hit rate 66.7% over the last 3 CI run(s), below 80.0%.',
    );
  });

  it('takes the rate over the sums, not the mean of the rates', () => {
    // ledger 2/3 and billing 9/9 twice: 20/21 over the sums; the mean of the rates is 0.889.
    const reports = [ledger, billing, billing].map((r, i) =>
      variant(r, `run-${i}`),
    );
    const found = checkEffectiveHitRate(inputOf(reports), params);
    expect(found.evidence.numbers.effectiveHitRate).toBeCloseTo(20 / 21);
  });

  it('has insufficient data below the minimum number of runs, not a failure', () => {
    const found = checkEffectiveHitRate(inputOf(runsOf(ledger, 2)), params);
    expect(found.result).toBe('insufficient-data');
  });

  it('only looks at the last `runs` runs', () => {
    const reports = [
      ...runsOf(billing, 3),
      ...runsOf(ledger, 3).map(r => variant(r, `old-${r.source.ci.runId}`)),
    ];
    const found = checkEffectiveHitRate(inputOf(reports), {
      ...params,
      runs: 3,
    });
    expect(found.evidence.runIds).toEqual(['run-1', 'run-2', 'run-3']);
    expect(found.result).toBe('pass');
  });

  it('rates Rust only: C/C++ compiled by build scripts does not lift or lower it', () => {
    const withC = runsOf(billing, 3).map(r =>
      variant(r, r.source.ci.runId, x => {
        if (!x.sccache) return;
        x.sccache.counters.hits = { ...x.sccache.counters.hits, 'C/C++': 1 };
        x.sccache.counters.misses = { 'C/C++': 40 };
      }),
    );
    const found = checkEffectiveHitRate(inputOf(withC), params);
    expect(found.result).toBe('pass');
    expect(found.evidence.numbers).toMatchObject({ hits: 27, misses: 0 });
  });

  it('says so when no Rust went through sccache, instead of a 0 % or 100 % rate', () => {
    const cOnly = runsOf(billing, 3).map(r =>
      variant(r, r.source.ci.runId, x => {
        if (!x.sccache) return;
        x.sccache.counters.hits = { 'C/C++': 38 };
        x.sccache.counters.misses = { 'C/C++': 3 };
        x.sccache.counters.notCached = { '-E': 2 };
      }),
    );
    const found = checkEffectiveHitRate(inputOf(cOnly), params);
    expect(found.result).toBe('insufficient-data');
    expect(found.summary).toBe(
      'No Rust compilations went through sccache in the last 3 CI run(s).',
    );
    expect(found.evidence.numbers).toMatchObject({
      runsWithoutRust: 3,
      effectiveHitRate: null,
    });
  });

  it('has insufficient data when no request was cacheable', () => {
    const nothing = variant(billing, 'nothing', r => {
      if (r.sccache) r.sccache.counters.hits = {};
    });
    expect(
      checkEffectiveHitRate(inputOf([nothing]), { ...params, minRuns: 1 })
        .result,
    ).toBe('insufficient-data');
  });
});

describe('cache-errors-bounded', () => {
  const params = { maxMeanPerRun: 1, runs: 10 };

  it('passes for real runs without cache errors', () => {
    const found = checkCacheErrorsBounded(inputOf(runsOf(billing, 3)), params);
    expect(found.result).toBe('pass');
    expect(found.evidence.runIds).toEqual([]);
  });

  it('fails when read errors and timeouts average more than the bound', () => {
    // Errors that came with as many misses: entries that could not be read.
    const failing = variant(billing, 'errors', r => {
      if (r.sccache) {
        r.sccache.counters.errors = { Rust: 3 };
        r.sccache.counters.cacheTimeouts = 2;
      }
    });
    const found = checkCacheErrorsBounded(
      inputOf([failing, variant(billing, 'clean')]),
      params,
    );
    expect(found.result).toBe('fail');
    expect(found.evidence.numbers).toMatchObject({
      readErrors: 3,
      writeErrors: 0,
      timeouts: 2,
      errorsBeforeLookup: 0,
      meanPerRun: 2.5,
    });
    expect(found.evidence.runIds).toEqual(['errors']);
  });

  it('does not count errors before the lookup, such as a syntax error', () => {
    const syntaxError = variant(billing, 'syntax-error', r => {
      if (r.sccache) {
        r.sccache.counters.errors = { Rust: 3 };
        // No miss came with them: they failed before the lookup.
        r.sccache.counters.requestsExecuted += 3;
      }
    });
    const found = checkCacheErrorsBounded(inputOf([syntaxError]), params);
    expect(found.result).toBe('pass');
    expect(found.evidence.numbers).toMatchObject({
      readErrors: 0,
      errorsBeforeLookup: 3,
      meanPerRun: 0,
    });
    expect(found.summary).toContain(
      'not counted: 3 error(s) before the cache lookup',
    );
    expect(found.evidence.runIds).toEqual([]);
  });

  it('counts write failures of any level of a multi-level cache', () => {
    const multiLevel = variant(billing, 'levels', r => {
      if (r.sccache) {
        r.sccache.multiLevel = [
          {
            name: 'L0 (disk)',
            location: 'Local disk: "/c"',
            hits: 9,
            misses: 0,
            writes: 0,
            writeFailures: 0,
          },
          {
            name: 'L1 (s3)',
            location: 's3, name: b, prefix: /',
            hits: 0,
            misses: 0,
            writes: 0,
            writeFailures: 4,
          },
        ];
      }
    });
    const found = checkCacheErrorsBounded(inputOf([multiLevel]), params);
    expect(found.result).toBe('fail');
    expect(found.evidence.numbers.writeErrors).toBe(4);
  });

  it('has insufficient data without statistics', () => {
    expect(checkCacheErrorsBounded(inputOf([]), params).result).toBe(
      'insufficient-data',
    );
  });
});

describe('cache-size-bounded', () => {
  it('passes for a local disk cache with SCCACHE_CACHE_SIZE (example report)', () => {
    expect(checkCacheSizeBounded(inputOf([example])).result).toBe('pass');
  });

  it('fails for the real local disk cache without SCCACHE_CACHE_SIZE', () => {
    const found = checkCacheSizeBounded(inputOf([billing]));
    expect(found.result).toBe('fail');
    expect(found.evidence.numbers).toEqual({
      backend: 'local',
      levels: null,
      sccacheCacheSize: null,
      maxSize: 10737418240,
    });
  });

  describe('a multi-level cache, level by level', () => {
    const diskAndS3 = (cacheSize: string | null) =>
      variant(billing, `levels-${cacheSize}`, r => {
        r.build.env.sccacheCacheSize = cacheSize;
        if (!r.sccache) return;
        r.sccache.cache = {
          ...r.sccache.cache,
          location: 'Multi-level (2 levels)',
          backend: 'multi-level',
          path: null,
        };
        r.sccache.multiLevel = [
          {
            name: 'L0 (disk)',
            location: 'Local disk: "/home/runner/.cache/sccache"',
            hits: 9,
            misses: 0,
            writes: 0,
            writeFailures: 0,
          },
          {
            name: 'L1 (s3)',
            location: 's3, name: acme, prefix: /rust/',
            hits: 0,
            misses: 0,
            writes: 0,
            writeFailures: 0,
          },
        ];
      });

    it('fails when the disk level has no SCCACHE_CACHE_SIZE, although L1 is remote', () => {
      const found = checkCacheSizeBounded(inputOf([diskAndS3(null)]));
      expect(found.result).toBe('fail');
      expect(found.summary).toBe(
        "The multi-level cache's disk level (L0 (disk)) without SCCACHE_CACHE_SIZE: it grows to the 10G default.",
      );
      expect(found.evidence.numbers.levels).toBe(
        'L0 (disk): local, L1 (s3): s3',
      );
    });

    it('passes when SCCACHE_CACHE_SIZE bounds the disk level', () => {
      expect(checkCacheSizeBounded(inputOf([diskAndS3('2G')])).result).toBe(
        'pass',
      );
    });

    it('passes when every level is remote', () => {
      const remote = variant(diskAndS3(null), 'remote', r => {
        r.sccache!.multiLevel![0] = {
          ...r.sccache!.multiLevel![0],
          name: 'L0 (redis)',
          location: 'redis, name: cache:6379, prefix: /',
        };
      });
      const found = checkCacheSizeBounded(inputOf([remote]));
      expect(found.result).toBe('pass');
      expect(found.summary).toBe(
        'Every level of the multi-level cache is a remote backend (redis, s3).',
      );
    });
  });

  it('passes for a remote backend', () => {
    const s3 = variant(billing, 's3', r => {
      if (r.sccache) r.sccache.cache.backend = 's3';
    });
    expect(checkCacheSizeBounded(inputOf([s3])).result).toBe('pass');
  });

  it('has insufficient data for an unrecognised location or no statistics', () => {
    const unknown = variant(billing, 'unknown', r => {
      if (r.sccache) r.sccache.cache.backend = 'unknown';
    });
    expect(checkCacheSizeBounded(inputOf([unknown])).result).toBe(
      'insufficient-data',
    );
    expect(checkCacheSizeBounded(inputOf([])).result).toBe('insufficient-data');
  });
});

describe('rustflags-stable', () => {
  const params = { runs: 10 };
  const before = realReport('rate-limiter-warm');
  const after = realReport('rate-limiter-rustflags-changed');

  it('passes when the recent runs share one RUSTFLAGS value', () => {
    expect(
      checkRustflagsStable(inputOf(runsOf(before, 3)), params).result,
    ).toBe('pass');
  });

  it('fails for rate-limiter, whose RUSTFLAGS changed, naming the older run', () => {
    const found = checkRustflagsStable(inputOf([after, before]), params);
    expect(found.result).toBe('fail');
    expect(found.evidence.numbers.distinctRustflags).toBe(2);
    expect(found.evidence.runIds).toEqual(['real-build-rate-limiter-warm']);
  });

  it('has insufficient data with a single run', () => {
    expect(checkRustflagsStable(inputOf([after]), params).result).toBe(
      'insufficient-data',
    );
  });
});

describe('cargo-lock-committed', () => {
  it('fails for a broken Cargo.lock, naming the file and the problem', () => {
    const broken = variant(billing, 'broken-lock', copy => {
      copy.dependencies = null;
      copy.problems = [
        {
          file: 'Cargo.lock',
          message: 'not valid TOML: expected "]" (line 2, column 10)',
        },
      ];
    });
    const found = checkCargoLockCommitted(inputOf([broken, billing]));
    expect(found.result).toBe('fail');
    expect(found.summary).toBe(
      'Cargo.lock is broken: not valid TOML: expected "]" (line 2, column 10). The dependencies it pins are unknown.',
    );
    expect(found.evidence.numbers).toMatchObject({
      file: 'Cargo.lock',
      problem: 'not valid TOML: expected "]" (line 2, column 10)',
    });
  });

  it("passes from the real report's v4 lockfile", () => {
    const found = checkCargoLockCommitted(inputOf([billing]));
    expect(found.result).toBe('pass');
    expect(found.evidence.numbers.lockVersion).toBe(4);
  });

  it('fails when the build had no Cargo.lock', () => {
    const unlocked = variant(billing, 'unlocked', r => {
      if (r.dependencies) r.dependencies.lockVersion = null;
    });
    expect(checkCargoLockCommitted(inputOf([unlocked])).result).toBe('fail');
  });

  it('trusts the snapshot over the report (cargo writes a missing lockfile)', () => {
    const snapshot = { toolchainFile: null, cargoLockCommitted: false };
    expect(
      checkCargoLockCommitted(inputOf([billing], { snapshot })).result,
    ).toBe('fail');
  });

  it('has insufficient data without snapshot and dependency information', () => {
    const noDeps = variant(billing, 'no-deps', r => {
      r.dependencies = null;
    });
    expect(checkCargoLockCommitted(inputOf([noDeps])).result).toBe(
      'insufficient-data',
    );
  });
});

describe('reports-fresh', () => {
  const params = { maxAgeDays: 7 };

  it('passes for a report from the same day', () => {
    const found = checkReportsFresh(inputOf([billing]), params);
    expect(found.result).toBe('pass');
    expect(found.evidence.runIds).toEqual(['real-build-billing-api-warm']);
  });

  it('fails when the latest report is older than the limit', () => {
    const later = new Date(RECORDED_AT.getTime() + 8 * 24 * 3600 * 1000);
    const found = checkReportsFresh(inputOf([billing], { now: later }), params);
    expect(found.result).toBe('fail');
    expect(found.summary).toMatch(/8 days old .* older than 7 days\.$/);
  });

  it('fails when no report was ever received', () => {
    expect(checkReportsFresh(inputOf([]), params).result).toBe('fail');
  });
});

describe('prewarm-enrolled', () => {
  it('is not applicable while enrolment does not exist, and says so', () => {
    for (const prewarmEnrolled of [null, undefined]) {
      const found = checkPrewarmEnrolled(inputOf([], { prewarmEnrolled }));
      expect(found.result).toBe('not-applicable');
      expect(found.summary).toMatch(/does not exist yet/);
    }
  });

  it('passes or fails once enrolment is known', () => {
    expect(
      checkPrewarmEnrolled(inputOf([], { prewarmEnrolled: true })).result,
    ).toBe('pass');
    expect(
      checkPrewarmEnrolled(inputOf([], { prewarmEnrolled: false })).result,
    ).toBe('fail');
  });
});
