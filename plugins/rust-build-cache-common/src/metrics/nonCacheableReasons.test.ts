import { FALSE_CLAIMS } from '../__testUtils__/falseClaims';
import {
  describeNonCacheableReason,
  NON_CACHEABLE_REASONS,
} from './nonCacheableReasons';

/** The Rust reason strings of sccache (HEAD, plus 0.4's `target`) from rust-caching-facts.md §4. */
const RUST_REASONS = [
  '-',
  '-o',
  '--sysroot',
  'argument parse',
  'more than one --emit',
  'crate-type',
  'extra-filename',
  'incremental',
  'target unsure',
  'target',
  'multiple input files',
  'missing input',
  'missing output_dir',
  'missing emit',
  'missing crate_name',
  'unsupported --emit',
];

const allTexts = () =>
  Object.values(NON_CACHEABLE_REASONS).flatMap(entry => [
    entry.cause,
    entry.fix,
  ]);

describe('NON_CACHEABLE_REASONS', () => {
  it('describes every Rust reason and the common C ones', () => {
    for (const reason of [...RUST_REASONS, '-E', 'unknown source language']) {
      expect(NON_CACHEABLE_REASONS[reason]).toMatchObject({ reason });
      expect(NON_CACHEABLE_REASONS[reason].cause.length).toBeGreaterThan(20);
      expect(NON_CACHEABLE_REASONS[reason].fix.length).toBeGreaterThan(20);
    }
  });

  it('marks exactly cargo probes, crate types and C preprocessing as never cacheable', () => {
    const never = Object.values(NON_CACHEABLE_REASONS)
      .filter(entry => entry.neverCacheable)
      .map(entry => entry.reason)
      .sort();
    expect(never).toEqual(['-', '-E', 'crate-type', 'missing input']);
    const probes = Object.values(NON_CACHEABLE_REASONS)
      .filter(entry => entry.cargoProbe)
      .map(entry => entry.reason)
      .sort();
    expect(probes).toEqual(['-', 'missing input']);
  });

  it('says "Nothing to fix" for the never-cacheable reasons (and the C language one), and a fix for the rest', () => {
    const nothingToFix = Object.values(NON_CACHEABLE_REASONS)
      .filter(entry => entry.fix.startsWith('Nothing to fix'))
      .map(entry => entry.reason)
      .sort();
    expect(nothingToFix).toEqual([
      '-',
      '-E',
      'crate-type',
      'missing input',
      'unknown source language',
    ]);
  });

  it('tells to set CARGO_INCREMENTAL=0 and warns about CARGO_INCREMENTAL=1 by sccache version', () => {
    const { fix } = NON_CACHEABLE_REASONS.incremental;
    expect(fix).toContain('CARGO_INCREMENTAL=0');
    expect(fix).toContain('0.5.1 to 0.10 exits with an error');
    expect(fix).toContain('0.11 and later fail every compile request');
  });

  it('names the binary, proc-macro, build-script and dylib cases of crate-type, with sccache #1715', () => {
    const { cause, fix } = NON_CACHEABLE_REASONS['crate-type'];
    for (const kind of [
      'binary',
      'build script',
      'proc-macro',
      'dylib',
      'cdylib',
    ])
      expect(cause).toContain(kind);
    expect(fix).toContain('#1715');
  });

  it('ties the probe reasons to cargo', () => {
    expect(NON_CACHEABLE_REASONS['missing input'].cause).toContain('rustc -vV');
    expect(NON_CACHEABLE_REASONS['-'].cause).toContain('target-info probe');
  });

  it.each(FALSE_CLAIMS)(
    'never repeats a false claim of rust-caching-facts.md §6: %s',
    (_claim, pattern) => {
      expect(allTexts().join('\n')).not.toMatch(pattern);
    },
  );
});

describe('describeNonCacheableReason', () => {
  it('returns the catalog entry of a known reason', () => {
    expect(describeNonCacheableReason('incremental')).toBe(
      NON_CACHEABLE_REASONS.incremental,
    );
  });

  it('describes an unknown reason as avoidable, with a way to investigate', () => {
    expect(describeNonCacheableReason('something new')).toEqual({
      reason: 'something new',
      cause:
        'sccache did not cache these calls for the reason "something new", which this catalog does not describe.',
      fix: 'Start the sccache server with SCCACHE_LOG=debug and SCCACHE_ERROR_LOG=<file> to see which calls are affected and why.',
      neverCacheable: false,
      cargoProbe: false,
    });
  });

  it('does not treat Object.prototype keys as catalog entries', () => {
    expect(describeNonCacheableReason('constructor').neverCacheable).toBe(
      false,
    );
    expect(describeNonCacheableReason('toString').cause).toContain(
      '"toString"',
    );
  });
});
