/**
 * What to change, per compared setting (the keys of -common's `compareReports`), for the
 * settings that change sccache's Rust cache keys. The explanation of why lives with the
 * comparison; this says what a team does about it.
 */
const FIXES: Array<{ prefix: string; fix: string }> = [
  {
    prefix: 'toolchain.',
    fix: 'Pin the toolchain in rust-toolchain.toml and make every CI job use it. After a deliberate upgrade, the first runs miss until the cache holds the new entries: run a pre-warm schedule right after the upgrade lands.',
  },
  {
    prefix: 'dependencies.',
    fix: 'Expected after a Cargo.lock change: only the changed crates and the crates that depend on them recompile. Batch dependency updates, and run a pre-warm schedule after they merge so that feature branches hit.',
  },
  {
    prefix: 'build.env.rustflags',
    fix: 'Set RUSTFLAGS the same way in every job (or move the flags into .cargo/config.toml); a job with different flags misses on every crate and fills the cache with entries others cannot use.',
  },
  {
    prefix: 'build.env.cargoIncremental',
    fix: 'Set CARGO_INCREMENTAL=0 in CI: sccache does not cache incremental compiles.',
  },
  {
    prefix: 'build.env.cargoVarNames',
    fix: 'Set the same CARGO_* variables in every job (at workflow level), and drop ones a job adds for itself: every CARGO_* variable is part of the Rust cache key.',
  },
  {
    prefix: 'keyInputs.cargoVarValueSha256.',
    fix: 'Give this CARGO_* variable the same value in every job; values that embed a path, a date or a run number miss on every build.',
  },
  {
    prefix: 'keyInputs.workspaceDir',
    fix: 'Check out into the same absolute directory in every job and on every runner: sccache hashes the working directory of each Rust compile, so workspace crates cannot hit from another checkout path.',
  },
  {
    prefix: 'keyInputs.cargoHome',
    fix: 'Use the same CARGO_HOME path in every job: registry crates are compiled from under the cargo home, and their keys include that path.',
  },
  {
    prefix: 'build.profiles.',
    fix: 'Keep this profile setting the same across the jobs that share the cache, or give jobs with other settings a cache of their own.',
  },
];

const GENERIC_FIX =
  'Make this setting the same in every job that shares the cache, or expect misses until the cache holds entries under the new keys.';

export function fixFor(key: string): string {
  return FIXES.find(entry => key.startsWith(entry.prefix))?.fix ?? GENERIC_FIX;
}
