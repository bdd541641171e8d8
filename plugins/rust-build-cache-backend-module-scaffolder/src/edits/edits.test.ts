import fs from 'node:fs';
import path from 'node:path';
import { boundCacheSize } from './boundCacheSize';
import { pinLegacyToolchain, pinToolchainToml } from './pinToolchain';
import { routeThroughSccache } from './routeThroughSccache';
import { stableRustflags } from './stableRustflags';
import type { EditResult } from './types';

const fixture = (name: string) =>
  fs.readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8');
const expected = (name: string) => fixture(`expected/${name}`);

/** Running the edit again on its own output changes nothing. */
function expectIdempotent(edit: (text: string) => EditResult, text: string) {
  const again = edit(text);
  expect(again.text).toBe(text);
  expect(again.changes).toEqual([]);
}

const CI = '.github/workflows/ci.yml';

describe('routeThroughSccache', () => {
  it('adds the wrapper, CARGO_INCREMENTAL=0 and the setup step to the cargo jobs, keeping comments and anchors', () => {
    const result = routeThroughSccache(CI, fixture('ci-anchors.yml'));
    expect(result.text).toBe(expected('ci-anchors.route-through-sccache.yml'));
    expect(result.changes.map(change => change.reason)).toEqual([
      'job test: RUSTC_WRAPPER: sccache (was unset), so that cargo sends each rustc call through sccache',
      'job test: CARGO_INCREMENTAL: 0 (was unset), sccache cannot cache incremental compiles',
      'job test: added the step mozilla-actions/sccache-action@v0.0.9 before the first cargo step, which installs sccache',
      'job build: RUSTC_WRAPPER: sccache (was unset), so that cargo sends each rustc call through sccache',
      'job build: CARGO_INCREMENTAL: 0 (was 1), sccache cannot cache incremental compiles',
      'job build: added the step mozilla-actions/sccache-action@v0.0.9 before the first cargo step, which installs sccache',
    ]);
    expect(new Set(result.changes.map(change => change.file))).toEqual(
      new Set([CI]),
    );
    expectIdempotent(text => routeThroughSccache(CI, text), result.text);
  });

  it('leaves a workflow without cargo jobs byte for byte as it is', () => {
    const text =
      'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: cargo fmt --check # formatting only\n';
    expect(routeThroughSccache(CI, text)).toEqual({
      text,
      changes: [],
      notes: [],
    });
  });

  it('names the file when it is not YAML', () => {
    expect(() => routeThroughSccache(CI, 'jobs: [\n')).toThrow(
      /\.github\/workflows\/ci\.yml is not valid YAML/,
    );
  });
});

describe('boundCacheSize', () => {
  it('sets SCCACHE_CACHE_SIZE in the jobs that use sccache with the disk cache', () => {
    const routed = expected('ci-anchors.route-through-sccache.yml');
    const result = boundCacheSize(CI, routed, '2G');
    expect(result.text).toBe(expected('ci-anchors.bound-cache-size.yml'));
    expect(result.changes.map(change => change.reason)).toEqual([
      'job test: SCCACHE_CACHE_SIZE: 2G (was the default 10G), a local disk cache sized to what CI storage holds',
      'job build: SCCACHE_CACHE_SIZE: 2G (was the default 10G), a local disk cache sized to what CI storage holds',
    ]);
    expectIdempotent(text => boundCacheSize(CI, text, '2G'), result.text);
  });

  it('leaves jobs with a remote backend alone', () => {
    const routed = expected('ci-anchors.route-through-sccache.yml').replace(
      'env:\n  CARGO_TERM_COLOR',
      'env:\n  SCCACHE_GHA_ENABLED: "true"\n  CARGO_TERM_COLOR',
    );
    expect(boundCacheSize(CI, routed, '2G').changes).toEqual([]);
  });

  it('leaves jobs without sccache alone', () => {
    expect(boundCacheSize(CI, fixture('ci-anchors.yml'), '2G').changes).toEqual(
      [],
    );
  });

  it('rejects a size sccache does not parse', () => {
    expect(() => boundCacheSize(CI, fixture('ci-anchors.yml'), '2GB')).toThrow(
      'size "2GB" is not an sccache cache size',
    );
  });
});

describe('stableRustflags', () => {
  it('moves RUSTFLAGS that differ only in whitespace into the workflow env', () => {
    const file = '.github/workflows/checks.yml';
    const result = stableRustflags(file, fixture('rustflags-per-job.yml'));
    expect(result.text).toBe(
      expected('rustflags-per-job.stable-rustflags.yml'),
    );
    expect(result.changes).toEqual([
      {
        file,
        reason:
          'RUSTFLAGS "-D warnings -C debuginfo=0" moved from jobs clippy, test to the workflow env, so every job passes the same flags',
      },
    ]);
    const again = stableRustflags(file, result.text);
    expect(again).toEqual({
      text: result.text,
      changes: [],
      notes: [`${file}: RUSTFLAGS is already set once, in the workflow env`],
    });
  });

  it('explains and changes nothing when the flags come through an anchor', () => {
    const text = fixture('ci-anchors.yml');
    expect(stableRustflags(CI, text)).toEqual({
      text,
      changes: [],
      notes: [
        `${CI}: job test gets RUSTFLAGS through a YAML anchor or merge key; moving it means editing the anchor, which other places may use, so a person has to decide`,
      ],
    });
  });

  it('explains and changes nothing when the jobs disagree', () => {
    const text = fixture('rustflags-per-job.yml').replace(
      'RUSTFLAGS: "-D warnings -C debuginfo=0"',
      'RUSTFLAGS: "-C target-cpu=native"',
    );
    const result = stableRustflags('checks.yml', text);
    expect(result.text).toBe(text);
    expect(result.changes).toEqual([]);
    expect(result.notes).toEqual([
      'checks.yml: the jobs set 2 different RUSTFLAGS (clippy: "-D warnings  -C debuginfo=0"; test: "-C target-cpu=native"); choosing one changes what the others build, so a person has to decide',
    ]);
  });

  it('explains and changes nothing when a cargo job has no RUSTFLAGS', () => {
    const text = fixture('rustflags-per-job.yml').replace(
      '      RUSTFLAGS: "-D warnings -C debuginfo=0"\n',
      '',
    );
    expect(stableRustflags('checks.yml', text).notes).toEqual([
      'checks.yml: jobs test run cargo without RUSTFLAGS while clippy set them; moving the flags would change what those jobs build',
    ]);
  });

  it('explains and changes nothing when a step sets RUSTFLAGS inline', () => {
    const text = fixture('rustflags-per-job.yml').replace(
      'run: cargo test',
      'run: RUSTFLAGS="-C opt-level=1" cargo test',
    );
    expect(stableRustflags('checks.yml', text)).toMatchObject({
      text,
      changes: [],
    });
  });
});

describe('pinToolchainToml', () => {
  it('changes only the channel line of a commented rust-toolchain.toml', () => {
    const result = pinToolchainToml(
      'rust-toolchain.toml',
      fixture('rust-toolchain.toml'),
      '1.95.0',
    );
    expect(result.text).toBe(expected('rust-toolchain.toml'));
    expect(result.changes).toEqual([
      {
        file: 'rust-toolchain.toml',
        reason: 'channel stable → 1.95.0, an exact release',
      },
    ]);
    expectIdempotent(
      text => pinToolchainToml('rust-toolchain.toml', text, '1.95.0'),
      result.text,
    );
  });

  it('pins the demo search-indexer nightly channel', () => {
    const result = pinToolchainToml(
      'rust-toolchain.toml',
      fixture('search-indexer-rust-toolchain.toml'),
      'nightly-2026-09-01',
    );
    expect(result.text).toBe('[toolchain]\nchannel = "nightly-2026-09-01"\n');
  });

  it('creates the file when there is none', () => {
    expect(
      pinToolchainToml('rust-toolchain.toml', undefined, '1.95.0'),
    ).toEqual({
      text: '[toolchain]\nchannel = "1.95.0"\n',
      changes: [
        {
          file: 'rust-toolchain.toml',
          reason: 'created with channel 1.95.0, an exact release',
        },
      ],
    });
  });

  it('adds the channel to a [toolchain] table without one, after its keys', () => {
    const text =
      '[toolchain]\ncomponents = ["clippy"] # lint\n\n[other]\nx = 1\n';
    expect(pinToolchainToml('rust-toolchain.toml', text, '1.95.0').text).toBe(
      '[toolchain]\ncomponents = ["clippy"] # lint\nchannel = "1.95.0"\n\n[other]\nx = 1\n',
    );
  });

  it('rejects a toolchain that is not exact', () => {
    expect(() =>
      pinToolchainToml('rust-toolchain.toml', undefined, 'stable'),
    ).toThrow('release "stable" is not an exact toolchain');
    expect(() =>
      pinToolchainToml('rust-toolchain.toml', undefined, '1.95'),
    ).toThrow(/not an exact toolchain/);
  });
});

describe('pinLegacyToolchain', () => {
  it('updates a one-line legacy rust-toolchain in place and says so', () => {
    const result = pinLegacyToolchain(
      fixture('rust-toolchain'),
      'nightly-2026-01-01',
    );
    expect(result.text).toBe('nightly-2026-01-01\n');
    expect(result.changes).toEqual([
      {
        file: 'rust-toolchain',
        reason:
          'toolchain nightly → nightly-2026-01-01, an exact release (legacy file, updated in place: rustup reads it before rust-toolchain.toml)',
      },
    ]);
    expectIdempotent(
      text => pinLegacyToolchain(text, 'nightly-2026-01-01'),
      result.text,
    );
  });

  it('edits a legacy file in TOML form as TOML, keeping its comment', () => {
    const result = pinLegacyToolchain(
      fixture('rust-toolchain.legacy-toml'),
      '1.95.0',
    );
    expect(result.text).toBe(
      fixture('rust-toolchain.legacy-toml').replace('"1.94"', '"1.95.0"'),
    );
    expect(result.changes[0].reason).toBe(
      'channel 1.94 → 1.95.0, an exact release (legacy file, updated in place: rustup reads it before rust-toolchain.toml)',
    );
    expectIdempotent(text => pinLegacyToolchain(text, '1.95.0'), result.text);
  });
});
