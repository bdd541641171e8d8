import type { BuildSettings } from '../report/schema';
import { clip } from '../util/json';
import { sha256Hex } from '../util/sha256Hex';

/** The schema's limit on listed variable names. */
const MAX_NAMES = 500;

/**
 * The build environment variables that decide whether and how sccache caches, from a CI
 * job's environment. Values are kept only for RUSTC_WRAPPER, CARGO_INCREMENTAL and
 * SCCACHE_CACHE_SIZE; of the `CARGO_*` and `SCCACHE_*` variables only the names are kept,
 * because values may hold secrets.
 *
 * RUSTFLAGS is reported as set or not plus a sha256 of the flags cargo would pass, taken
 * the way cargo takes them: CARGO_ENCODED_RUSTFLAGS (flags separated by 0x1f) when it is
 * set, else RUSTFLAGS split on spaces. The hash is over the flags joined by 0x1f, so
 * the same flags hash alike in either variable. An empty variable counts as set: it
 * overrides `build.rustflags` from cargo's configuration.
 * @public
 */
export function collectBuildEnv(
  env: Record<string, string | undefined>,
): BuildSettings['env'] {
  const names = Object.keys(env)
    .filter(name => env[name] !== undefined)
    .sort();
  const namesWithPrefix = (prefix: string) =>
    names
      .filter(name => name.startsWith(prefix))
      .slice(0, MAX_NAMES)
      .map(name => clip(name, 200));

  return {
    // Cargo treats an empty RUSTC_WRAPPER as no wrapper.
    rustcWrapper: nonEmpty(env.RUSTC_WRAPPER, 500),
    cargoIncremental: nonEmpty(env.CARGO_INCREMENTAL, 50),
    rustflags: rustflagsOf(env),
    cargoVarNames: namesWithPrefix('CARGO_'),
    sccacheVarNames: namesWithPrefix('SCCACHE_'),
    sccacheCacheSize: nonEmpty(env.SCCACHE_CACHE_SIZE, 50),
  };
}

function rustflagsOf(
  env: Record<string, string | undefined>,
): BuildSettings['env']['rustflags'] {
  const flags = effectiveRustflags(env);
  return flags === null
    ? { set: false, sha256: null }
    : { set: true, sha256: sha256Hex(flags.join('\x1f')) };
}

/** cargo's `rustflags_from_env`: CARGO_ENCODED_RUSTFLAGS wins over RUSTFLAGS; null when neither is set. */
function effectiveRustflags(
  env: Record<string, string | undefined>,
): string[] | null {
  const encoded = env.CARGO_ENCODED_RUSTFLAGS;
  if (encoded !== undefined) return encoded === '' ? [] : encoded.split('\x1f');
  const plain = env.RUSTFLAGS;
  if (plain === undefined) return null;
  return plain
    .split(' ')
    .map(flag => flag.trim())
    .filter(flag => flag !== '');
}

function nonEmpty(value: string | undefined, max: number): string | null {
  return value ? clip(value, max) : null;
}
