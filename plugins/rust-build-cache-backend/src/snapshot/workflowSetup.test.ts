import { detectWorkflowCaching } from './workflowSetup';

const SCCACHE_CI = `name: CI
on:
  push:
    branches: [main]
  pull_request:

env:
  CARGO_TERM_COLOR: always
  CARGO_INCREMENTAL: 0
  SCCACHE_GHA_ENABLED: "true"
  RUSTC_WRAPPER: "sccache"
  SCCACHE_CACHE_SIZE: 2G

jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: dtolnay/rust-toolchain@1.95.0
        with:
          components: clippy
      - name: Run sccache-cache
        uses: mozilla-actions/sccache-action@v0.0.9
      - run: cargo test --locked
`;

const PLAIN_CI = `name: CI
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: dtolnay/rust-toolchain@stable
      - uses: Swatinem/rust-cache@v2
      - run: cargo build --release
        env:
          CARGO_INCREMENTAL: 1
          RUSTC_WRAPPER: ""
`;

const none = {
  setsRustcWrapperSccache: false,
  usesSccacheAction: false,
  setsCargoIncrementalZero: false,
  setsSccacheCacheSize: false,
  pinsToolchain: false,
};

describe('detectWorkflowCaching', () => {
  it('finds every setting of a workflow set up for sccache', () => {
    expect(
      detectWorkflowCaching([
        { path: '.github/workflows/ci.yml', content: SCCACHE_CI },
      ]),
    ).toEqual({
      files: ['.github/workflows/ci.yml'],
      setsRustcWrapperSccache: true,
      usesSccacheAction: true,
      setsCargoIncrementalZero: true,
      setsSccacheCacheSize: true,
      pinsToolchain: true,
    });
  });

  it('finds nothing in a workflow with a floating toolchain and other caches', () => {
    expect(
      detectWorkflowCaching([
        { path: '.github/workflows/ci.yml', content: PLAIN_CI },
      ]),
    ).toEqual({ files: ['.github/workflows/ci.yml'], ...none });
  });

  it('ignores commented-out settings', () => {
    const commented = SCCACHE_CI.split('\n')
      .map(line =>
        /RUSTC_WRAPPER|CARGO_INCREMENTAL|SCCACHE_CACHE_SIZE|sccache-action|rust-toolchain@/.test(
          line,
        )
          ? line.replace(/^(\s*)(- )?/, '$1# $2')
          : line,
      )
      .join('\n');
    expect(
      detectWorkflowCaching([{ path: 'ci.yml', content: commented }]),
    ).toEqual({ files: ['ci.yml'], ...none });
  });

  it('reads settings from shell scripts and GITHUB_ENV lines', () => {
    const content = `jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: |
          rustup toolchain install 1.94.1 --profile minimal
          echo "RUSTC_WRAPPER=/usr/local/bin/sccache" >> "$GITHUB_ENV"
          echo "SCCACHE_CACHE_SIZE=10G" >> "$GITHUB_ENV"
          export CARGO_INCREMENTAL=0
`;
    expect(detectWorkflowCaching([{ path: 'ci.yml', content }])).toEqual({
      files: ['ci.yml'],
      setsRustcWrapperSccache: true,
      usesSccacheAction: false,
      setsCargoIncrementalZero: true,
      setsSccacheCacheSize: true,
      pinsToolchain: true,
    });
  });

  it('takes a `toolchain:` input with a release or a dated nightly as a pin, not `stable`', () => {
    const withToolchain = (toolchain: string) => `steps:
  - uses: actions-rs/toolchain@v1
    with:
      toolchain: ${toolchain}
      override: true
`;
    const pins = (toolchain: string) =>
      detectWorkflowCaching([
        { path: 'ci.yml', content: withToolchain(toolchain) },
      ]).pinsToolchain;
    expect(pins('1.95.0')).toBe(true);
    expect(pins('"1.95"')).toBe(true);
    expect(pins('nightly-2026-01-01')).toBe(true);
    expect(pins('stable')).toBe(false);
    expect(pins('nightly')).toBe(false);
  });

  it('does not take other wrappers or look-alike names for sccache', () => {
    const content = `env:
  RUSTC_WRAPPER: sccache-dist-wrapper
  MY_CARGO_INCREMENTAL: 0
  CARGO_INCREMENTAL: "0.5"
`;
    expect(detectWorkflowCaching([{ path: 'ci.yml', content }])).toEqual({
      files: ['ci.yml'],
      ...none,
    });
  });

  it('combines several files: a flag is set when any file sets it', () => {
    expect(
      detectWorkflowCaching([
        { path: 'b.yml', content: PLAIN_CI },
        { path: 'a.yml', content: 'env:\n  SCCACHE_CACHE_SIZE: "5G"\n' },
      ]),
    ).toEqual({
      files: ['a.yml', 'b.yml'],
      ...none,
      setsSccacheCacheSize: true,
    });
  });
});
