import type { NonCacheableReason } from './nonCacheableReasons';

const THROUGH_CARGO =
  'Cargo always passes it, so the call comes from a tool or script that runs rustc directly: build through cargo, or add the argument in that script.';

/** What sccache says about rustc calls (`src/compiler/rust.rs`, 0.4.0-pre.6 to 0.17). */
export const RUST_REASONS: NonCacheableReason[] = [
  {
    reason: '-',
    cause:
      'rustc read its source from standard input. Cargo does this once per build for its target-info probe (`rustc - --crate-name ___ --print=file-names …`).',
    fix: 'Nothing to fix: this is a cargo probe, not a crate compile.',
    compiler: 'rust',
    neverCacheable: true,
    cargoProbe: true,
  },
  {
    reason: 'missing input',
    cause:
      "The rustc call had no source file. Cargo's `rustc -vV` version queries land here, usually two per build.",
    fix: "Nothing to fix: these are cargo's own probes, not crate compiles.",
    compiler: 'rust',
    neverCacheable: true,
    cargoProbe: true,
  },
  {
    reason: 'crate-type',
    cause:
      'The crate is a binary, a build script (also a binary), a proc-macro, a dylib or a cdylib. sccache caches only rlib and staticlib crates: the others are linked by the system linker, whose inputs sccache cannot see.',
    fix: 'Nothing to fix: sccache never caches these crate types. For dylib and cdylib crates this is a known sccache limitation (sccache issue #1715).',
    compiler: 'rust',
    neverCacheable: true,
    cargoProbe: false,
  },
  {
    reason: 'incremental',
    cause:
      'The crate was compiled with `-C incremental`, which sccache cannot cache (sccache issue #236). Cargo does this for workspace and path crates when the profile has incremental compilation on, as the dev profile has by default.',
    fix: 'Set CARGO_INCREMENTAL=0 in CI (or `incremental = false` in the profile CI builds with). Expect one cold run after the change, because sccache hashes CARGO_* variables into its keys. Never set CARGO_INCREMENTAL=1 with sccache: sccache 0.5.1 to 0.10 exits with an error on every call when it is set, and 0.11 and later fail every compile request.',
    compiler: 'rust',
    neverCacheable: false,
    cargoProbe: false,
  },
  {
    reason: '-o',
    cause:
      'The call named its output file with `-o`; cargo uses `--out-dir` instead, so the call comes from a tool or script that runs rustc directly.',
    fix: 'Build through cargo, or pass `--out-dir` instead of `-o` in the script that runs rustc.',
    compiler: 'rust',
    neverCacheable: false,
    cargoProbe: false,
  },
  {
    reason: '--sysroot',
    cause:
      'The call passed `--sysroot`, which sccache does not cache. It usually comes from RUSTFLAGS or from a tool that builds against its own standard library.',
    fix: 'Remove `--sysroot` from RUSTFLAGS (or from the tool that adds it) for the CI builds that should be cached.',
    compiler: 'rust',
    neverCacheable: false,
    cargoProbe: false,
  },
  {
    reason: '--remap-path-prefix',
    cause:
      'Older sccache versions do not cache calls that pass `--remap-path-prefix`; current versions pass it on and cache them.',
    fix: 'Upgrade sccache, or remove `--remap-path-prefix` from RUSTFLAGS for CI builds.',
    compiler: 'rust',
    neverCacheable: false,
    cargoProbe: false,
  },
  {
    reason: 'argument parse',
    cause:
      'sccache could not parse the rustc command line: an argument was missing its value or had one sccache cannot read.',
    fix: 'Upgrade sccache. If the reason stays, start the sccache server with SCCACHE_LOG=debug and SCCACHE_ERROR_LOG=<file> to find the argument, and report it to sccache.',
    compiler: 'rust',
    neverCacheable: false,
    cargoProbe: false,
  },
  {
    reason: 'more than one --emit',
    cause: 'The rustc call passed `--emit` more than once.',
    fix: 'Pass a single `--emit` with a comma-separated list, e.g. in `cargo rustc -- …` arguments or in RUSTFLAGS.',
    compiler: 'rust',
    neverCacheable: false,
    cargoProbe: false,
  },
  {
    reason: 'extra-filename',
    cause: 'The call passed `-C extra-filename` without a value.',
    fix: 'Remove `-C extra-filename` from RUSTFLAGS: cargo sets it itself.',
    compiler: 'rust',
    neverCacheable: false,
    cargoProbe: false,
  },
  {
    reason: 'target unsure',
    cause:
      'sccache could not tell whether the `--target` value is a target name or the path of a target specification file.',
    fix: 'Use a target name that rustc knows (`rustc --print target-list`), or the path of a `.json` target specification.',
    compiler: 'rust',
    neverCacheable: false,
    cargoProbe: false,
  },
  {
    reason: 'target',
    cause:
      'sccache 0.4 (and other versions that print `target` rather than `target unsure`) caches only built-in target names: the `--target` value was the path of a target specification file, or sccache could not tell.',
    fix: 'Use a built-in target name, or upgrade sccache: current versions cache builds for `.json` target specifications.',
    compiler: 'rust',
    neverCacheable: false,
    cargoProbe: false,
  },
  {
    reason: 'multiple input files',
    cause:
      'sccache saw more than one source file on the command line. Older sccache versions also reported this for arguments they misread, such as `--check-cfg` (sccache issue #1247).',
    fix: 'Upgrade sccache if the calls come from cargo; otherwise pass a single crate root to rustc.',
    compiler: 'rust',
    neverCacheable: false,
    cargoProbe: false,
  },
  {
    reason: 'missing output_dir',
    cause: 'The rustc call had no `--out-dir`.',
    fix: THROUGH_CARGO,
    compiler: 'rust',
    neverCacheable: false,
    cargoProbe: false,
  },
  {
    reason: 'missing emit',
    cause: 'The rustc call had no `--emit`.',
    fix: THROUGH_CARGO,
    compiler: 'rust',
    neverCacheable: false,
    cargoProbe: false,
  },
  {
    reason: 'missing crate_name',
    cause: 'The rustc call had no `--crate-name`.',
    fix: THROUGH_CARGO,
    compiler: 'rust',
    neverCacheable: false,
    cargoProbe: false,
  },
  {
    reason: 'unsupported --emit',
    cause:
      'The call asked rustc for outputs that sccache does not cache (anything but link, metadata and dep-info), e.g. `--emit=asm` or `--emit=llvm-ir`.',
    fix: 'Keep such `--emit` values out of the CI builds that should be cached; where the output is wanted (e.g. to inspect assembly), these calls stay uncached.',
    compiler: 'rust',
    neverCacheable: false,
    cargoProbe: false,
  },
];
