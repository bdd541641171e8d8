import {
  computeRunMetrics,
  parseSccacheStats,
  type BuildCacheReport,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  readFixture,
  realReport,
} from '@rust-build-cache/plugin-rust-build-cache-common/testUtils';
import { formatConsoleSummary, formatMarkdownSummary } from './summary';

/** The statistics fixtures of -common: real 0.4.0 output and one constructed file per layout. */
const statsFixture = (name: string) => readFixture(`sccache/${name}.json`);

/** A real recorded report, with the statistics of `name`. */
function reportWith(name: string): BuildCacheReport {
  const report = realReport('billing-api-warm');
  report.sccache = parseSccacheStats(statsFixture(name));
  return report;
}

function summaries(name: string) {
  const report = reportWith(name);
  const metrics = computeRunMetrics(report.sccache!);
  return {
    console: formatConsoleSummary(report, metrics, 'report.json'),
    markdown: formatMarkdownSummary(report, metrics),
  };
}

describe('collect summaries', () => {
  it("show Rust's and C/C++'s own hit rates for a mixed run", () => {
    const { console, markdown } = summaries(
      'sccache-0.8.2-constructed-rust-and-c',
    );
    expect(console).toContain(
      '  Rust: 12 hits, 6 misses, 0 cache errors: hit rate 66.7%, effective hit rate 60.0%\n' +
        '  C/C++: 2 hits, 14 misses, 0 cache errors: hit rate 12.5%, effective hit rate 12.5%\n',
    );
    expect(markdown).toContain('| Rust | 66.7% | 60.0% | 12 | 6 | 0 |');
    expect(markdown).toContain('| C/C++ | 12.5% | 12.5% | 2 | 14 | 0 |');
    // The summed 41.2 % of both languages is no language's rate.
    expect(`${console}${markdown}`).not.toContain('41.2%');
  });

  it('say that no Rust went through sccache for a C/C++-only run', () => {
    const { console, markdown } = summaries(
      'sccache-0.10.0-constructed-c-only',
    );
    expect(console).toContain(
      '  Rust: no Rust compilations went through sccache, so there is no Rust hit rate',
    );
    expect(console).toContain(
      'C/C++: 38 hits, 3 misses, 0 cache errors: hit rate 92.7%',
    );
    expect(markdown).toContain(
      '**Rust:** no Rust compilations went through sccache',
    );
    expect(markdown).not.toContain('| Rust |');
  });

  it('show each level of a disk + S3 cache with its backend and hit rate', () => {
    const { console, markdown } = summaries(
      'sccache-0.15.0-constructed-multi-level',
    );
    expect(console).toContain(
      '  Cache levels:\n' +
        '    L0 (disk) local /home/runner/.cache/sccache: 10 hits, 14 misses, hit rate 41.7%, 4 writes, 0 write failures, 9 copied in from slower levels\n' +
        '    L1 (s3) s3 acme-sccache /rust/: 10 hits, 4 misses, hit rate 71.4%, 3 writes, 1 write failure, 10 copied out to faster levels\n',
    );
    expect(markdown).toContain(
      '| L1 (s3) | s3 | `s3, name: acme-sccache, prefix: /rust/` | 71.4% | 10 | 4 | 3 | 1 | 0 / 10 |',
    );
  });

  it('say in client-side mode that sccache counted neither requests nor level lookups', () => {
    const { console, markdown } = summaries(
      'sccache-0.17.0-constructed-client-side-multi-level',
    );
    expect(console).toContain(
      '    L0 (disk) local /home/runner/.cache/sccache: hits and misses not counted (client-side mode: the wrappers read the cache), 4 writes, 0 write failures\n',
    );
    expect(console).not.toMatch(/0 hits, 0 misses/);
    expect(markdown).toContain(
      '30 compile requests (client-side mode: sccache counted none, so this is the sum of their outcomes)',
    );
    expect(markdown).toContain(
      '| L0 (disk) | local | `Local disk: "/home/runner/.cache/sccache"` | n/a | not counted | not counted | 4 | 0 | 0 / 0 |',
    );
  });

  it('name timeouts and write errors, each with its meaning and fix', () => {
    const { console, markdown } = summaries(
      'sccache-0.14.0-constructed-timeouts',
    );
    expect(console).toContain(
      'Cache failures: 2 cache timeouts, 0 read errors, 4 write errors, 0 errors before the lookup',
    );
    expect(console).toMatch(
      /^ {4}Cache timeouts ×2: The cache did not answer a lookup within 60 seconds.* Fix: /m,
    );
    expect(console).toMatch(/^ {4}Write errors ×4: .*read-only.* Fix: /m);
    expect(markdown).toMatch(
      /\| Cache timeouts \| 2 \| The cache did not answer/,
    );
    expect(markdown).toMatch(
      /\| Write errors \| 4 \| Compile results that could not be stored/,
    );
  });

  it('tell read errors from errors before the lookup', () => {
    expect(summaries('sccache-0.5.4-constructed-read-errors').console).toMatch(
      /Read errors ×3: Cache entries that could not be read/,
    );
    const syntaxError = summaries('sccache-0.6.0-constructed-syntax-error');
    expect(syntaxError.console).toMatch(
      /Errors before the lookup ×1: .*syntax error.*no cache fault/,
    );
    expect(syntaxError.console).not.toContain('Read errors ×');
  });

  it('give a reason both compilers report the fix of each', () => {
    const { console } = summaries('sccache-0.17.0-constructed-gha');
    expect(console).toMatch(
      /^ {4}multiple input files ×1: sccache does not say which compiler reported it\. Rust: .*rustc.* C\/C\+\+ family: Compile one source file per call/m,
    );
  });
});
