import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FALSE_CLAIMS } from '../testUtils/falseClaims';
import { fixturePath } from '../testUtils/fixtures';
import {
  SCCACHE_C_FAMILY_REASONS,
  SCCACHE_RUST_REASONS,
} from '../__testUtils__/sccacheReasonStrings';
import {
  describeNonCacheableReason,
  NON_CACHEABLE_REASONS,
  type NonCacheableReason,
} from './nonCacheableReasons';

const entry = (reason: string, compiler: 'rust' | 'c-family') => {
  const found = NON_CACHEABLE_REASONS.find(
    e => e.reason === reason && e.compiler === compiler,
  );
  if (!found) throw new Error(`no ${compiler} entry for "${reason}"`);
  return found;
};

/** `not_cached` keys of every sccache statistics file and report fixture in the repository. */
function reasonsInFixtures(): Map<string, string> {
  const files = [
    ...readdirSync(fixturePath('sccache'))
      .filter(name => name.endsWith('.json'))
      .map(name => fixturePath(`sccache/${name}`)),
    ...[
      '../policy/__fixtures__',
      '../../../../packages/ci-reporter/src/__fixtures__',
    ]
      .map(dir => join(__dirname, dir))
      .flatMap(dir =>
        readdirSync(dir)
          .filter(name => name.endsWith('.json'))
          .map(name => join(dir, name)),
      ),
    fixturePath('report-example.json'),
  ];
  const reasons = new Map<string, string>();
  for (const file of files) {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const notCached =
      json.stats?.not_cached ?? json.sccache?.counters?.notCached ?? {};
    for (const reason of Object.keys(notCached)) reasons.set(reason, file);
  }
  return reasons;
}

describe('NON_CACHEABLE_REASONS', () => {
  it.each(SCCACHE_RUST_REASONS)(
    'describes the Rust reason "%s" for rustc',
    reason => {
      const { cause, fix } = entry(reason, 'rust');
      expect(cause.length).toBeGreaterThan(20);
      expect(fix.length).toBeGreaterThan(20);
    },
  );

  it.each(SCCACHE_C_FAMILY_REASONS)(
    'describes the C-family reason "%s" for the C family',
    reason => {
      const { cause, fix } = entry(reason, 'c-family');
      expect(cause.length).toBeGreaterThan(20);
      expect(fix.length).toBeGreaterThan(20);
    },
  );

  it('describes every reason of the statistics and report fixtures', () => {
    const undescribed = [...reasonsInFixtures()].filter(
      ([reason]) =>
        describeNonCacheableReason(reason)[0].compiler === 'unknown',
    );
    expect(undescribed).toEqual([]);
  });

  it('has no entry that sccache cannot emit', () => {
    const known = new Set([
      ...SCCACHE_RUST_REASONS.map(r => `rust ${r}`),
      ...SCCACHE_C_FAMILY_REASONS.map(r => `c-family ${r}`),
    ]);
    const extra = NON_CACHEABLE_REASONS.filter(
      e => !known.has(`${e.compiler} ${e.reason}`),
    ).map(e => `${e.compiler} ${e.reason}`);
    expect(extra).toEqual([]);
  });

  it('has one entry per reason and compiler', () => {
    const keys = NON_CACHEABLE_REASONS.map(e => `${e.compiler} ${e.reason}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives the reasons rustc and the C family share a fix for each language', () => {
    for (const reason of ['-', 'multiple input files']) {
      expect(entry(reason, 'rust').fix).not.toBe(entry(reason, 'c-family').fix);
    }
    // The same way to find the argument, but about the compiler that was parsed.
    expect(entry('argument parse', 'rust').cause).toContain('rustc');
    expect(entry('argument parse', 'c-family').cause).toContain('C or C++');
    expect(entry('multiple input files', 'rust').fix).toContain('rustc');
    expect(entry('multiple input files', 'c-family').fix).not.toMatch(
      /crate root|rustc|cargo build/,
    );
    expect(entry('-', 'c-family').cause).not.toContain('cargo');
  });

  it('never gives C-family reasons Rust advice, nor Rust reasons C advice', () => {
    for (const e of NON_CACHEABLE_REASONS.filter(
      c => c.compiler === 'c-family',
    ))
      expect(`${e.cause} ${e.fix}`).not.toMatch(
        /crate root|CARGO_INCREMENTAL|RUSTFLAGS|--crate-name/,
      );
    for (const e of NON_CACHEABLE_REASONS.filter(r => r.compiler === 'rust'))
      expect(`${e.cause} ${e.fix}`).not.toMatch(/\bgcc\b|\bclang\b|MSVC/);
  });

  it('marks cargo probes, crate types and calls that compile nothing as never cacheable', () => {
    const never = (compiler: string) =>
      NON_CACHEABLE_REASONS.filter(
        e => e.compiler === compiler && e.neverCacheable,
      )
        .map(e => e.reason)
        .sort();
    expect(never('rust')).toEqual(['-', 'crate-type', 'missing input']);
    expect(never('c-family')).toEqual(
      [
        '-',
        '-##',
        '-###',
        '--dry-run',
        '--preprocess',
        '-E',
        '-M',
        '-MM',
        '-P',
        '-V',
        '-VV',
        '-fsyntax-only',
        '-n',
        'no input file',
        'output to nul',
      ].sort(),
    );
    const probes = NON_CACHEABLE_REASONS.filter(e => e.cargoProbe)
      .map(e => e.reason)
      .sort();
    expect(probes).toEqual(['-', 'missing input']);
  });

  it('says "Nothing to fix" for the never-cacheable reasons', () => {
    for (const e of NON_CACHEABLE_REASONS.filter(n => n.neverCacheable))
      expect(e.fix).toMatch(/^Nothing to fix/);
  });

  it('tells to set CARGO_INCREMENTAL=0 and warns about CARGO_INCREMENTAL=1 by sccache version', () => {
    const { fix } = entry('incremental', 'rust');
    expect(fix).toContain('CARGO_INCREMENTAL=0');
    expect(fix).toContain('0.5.1 to 0.10 exits with an error');
    expect(fix).toContain('0.11 and later fail every compile request');
  });

  it('names the binary, proc-macro, build-script and dylib cases of crate-type, with sccache #1715', () => {
    const { cause, fix } = entry('crate-type', 'rust');
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
    expect(entry('missing input', 'rust').cause).toContain('rustc -vV');
    expect(entry('-', 'rust').cause).toContain('target-info probe');
  });

  it.each(FALSE_CLAIMS)(
    'never repeats a false claim of rust-caching-facts.md §6: %s',
    (_claim, pattern) => {
      const texts = NON_CACHEABLE_REASONS.flatMap(e => [e.cause, e.fix]);
      expect(texts.join('\n')).not.toMatch(pattern);
    },
  );
});

describe('describeNonCacheableReason', () => {
  const compilers = (descriptions: NonCacheableReason[]) =>
    descriptions.map(d => d.compiler);

  it('returns the one entry of a reason only one compiler reports', () => {
    expect(describeNonCacheableReason('incremental')).toEqual([
      entry('incremental', 'rust'),
    ]);
    expect(describeNonCacheableReason('@', ['Rust'])).toEqual([
      entry('@', 'c-family'),
    ]);
  });

  it('narrows a shared reason to the languages the run compiled', () => {
    const reason = 'multiple input files';
    expect(compilers(describeNonCacheableReason(reason, ['Rust']))).toEqual([
      'rust',
    ]);
    expect(compilers(describeNonCacheableReason(reason, ['C/C++']))).toEqual([
      'c-family',
    ]);
    expect(
      compilers(describeNonCacheableReason(reason, ['Rust', 'C/C++'])),
    ).toEqual(['rust', 'c-family']);
    // Without a language mix there is nothing to narrow by.
    expect(compilers(describeNonCacheableReason(reason))).toEqual([
      'rust',
      'c-family',
    ]);
    expect(compilers(describeNonCacheableReason(reason, []))).toEqual([
      'rust',
      'c-family',
    ]);
  });

  it('describes an unknown reason as avoidable, with a way to investigate', () => {
    expect(describeNonCacheableReason('something new')).toEqual([
      {
        reason: 'something new',
        compiler: 'unknown',
        cause:
          'sccache did not cache these calls for the reason "something new", which this catalog does not describe.',
        fix: 'Start the sccache server with SCCACHE_LOG=debug and SCCACHE_ERROR_LOG=<file> to see which calls are affected and why.',
        neverCacheable: false,
        cargoProbe: false,
      },
    ]);
  });

  it('does not treat Object.prototype keys as catalog entries', () => {
    expect(describeNonCacheableReason('constructor')[0].compiler).toBe(
      'unknown',
    );
    expect(describeNonCacheableReason('toString')[0].cause).toContain(
      '"toString"',
    );
  });
});
