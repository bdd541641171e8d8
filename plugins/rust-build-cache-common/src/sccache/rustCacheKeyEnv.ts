/**
 * Which `CARGO_*` variables sccache hashes into Rust cache keys, by sccache version. Read
 * from `src/compiler/rust.rs` (`generate_hash_key`) at every tag v0.4.0-pre.6 to v0.17.0
 * and main (docs/rust-caching-facts-additions.md, section E): every `CARGO_*` variable of
 * the rustc call is hashed by name and value, except
 */
const EXCLUSIONS: Array<{
  matches: (name: string) => boolean;
  /** First version that leaves it out; null: every version. */
  since: [number, number, number] | null;
  why: string;
}> = [
  {
    matches: name => name === 'CARGO_MAKEFLAGS',
    since: null,
    why: 'it carries jobserver details that differ in every build',
  },
  {
    matches: name => name.startsWith('CARGO_REGISTRIES_'),
    since: [0, 9, 1],
    why: 'registry settings and tokens do not change what rustc produces',
  },
  {
    matches: name => name === 'CARGO_BUILD_JOBS',
    since: [0, 12, 0],
    why: "it only sets cargo's parallelism",
  },
  {
    matches: name => name === 'CARGO_ENCODED_RUSTFLAGS',
    since: [0, 15, 0],
    why: 'its flags are on the rustc command line, which is hashed anyway (compared as RUSTFLAGS)',
  },
];

/** `0.17.0` → [0, 17, 0]; null for a version that does not start with three numbers. */
function parseVersion(version: string): [number, number, number] | null {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

function atLeast(
  version: [number, number, number],
  since: [number, number, number],
): boolean {
  for (let i = 0; i < 3; i++) {
    if (version[i] !== since[i]) return version[i] > since[i];
  }
  return true;
}

/**
 * Whether sccache hashes the variable `name` into Rust cache keys. `sccacheVersion` is the
 * report's: null means older than 0.4.0 (which does not report its version); a version
 * that cannot be read is taken as the newest.
 * @public
 */
export function rustCacheKeyCargoVar(
  name: string,
  sccacheVersion: string | null,
): { hashed: true } | { hashed: false; why: string } {
  if (!name.startsWith('CARGO_')) {
    return { hashed: false, why: 'it is not a CARGO_* variable' };
  }
  const version =
    sccacheVersion === null
      ? ([0, 0, 0] as [number, number, number])
      : parseVersion(sccacheVersion);
  for (const exclusion of EXCLUSIONS) {
    if (!exclusion.matches(name)) continue;
    if (
      exclusion.since === null ||
      version === null ||
      atLeast(version, exclusion.since)
    ) {
      return { hashed: false, why: exclusion.why };
    }
  }
  return { hashed: true };
}
