import { C_FAMILY_REASONS } from './cFamilyReasons';
import { RUST_REASONS } from './rustReasons';

/**
 * Which compilers sccache reports a reason for: rustc, or the C family (gcc, clang, MSVC,
 * nvcc and others, whose calls sccache counts as `C/C++`, `CUDA`, `Assembler`, …).
 * @public
 */
export type ReasonCompiler = 'rust' | 'c-family' | 'unknown';

/** What a non-cacheable reason of sccache's `not_cached` means and what to do about it. @public */
export interface NonCacheableReason {
  /** The key in `stats.not_cached`, e.g. `incremental`. */
  reason: string;
  /**
   * The compiler this description is for. sccache does not say which compiler a count came
   * from, so a reason both emit (`-`, `argument parse`, `multiple input files`) has one
   * entry per compiler; `unknown` for reasons the catalog does not know.
   */
  compiler: ReasonCompiler;
  /** Which calls sccache did not cache, in plain language. */
  cause: string;
  /** The fix, or "Nothing to fix: …" when these calls can never be cached. */
  fix: string;
  /** The calls can never be cached: the effective hit rate leaves them out. */
  neverCacheable: boolean;
  /** The calls are cargo's own probes (`rustc -vV`, the target-info probe), not crate compiles. */
  cargoProbe: boolean;
}

/**
 * Every non-cacheable reason that sccache 0.4 to 0.17 can report, for rustc and for the C
 * family, one entry per (reason, compiler).
 * @public
 */
export const NON_CACHEABLE_REASONS: readonly NonCacheableReason[] =
  Object.freeze(
    [...RUST_REASONS, ...C_FAMILY_REASONS].map(entry => Object.freeze(entry)),
  );

const entriesByReason = new Map<string, NonCacheableReason[]>();
for (const entry of NON_CACHEABLE_REASONS) {
  entriesByReason.set(entry.reason, [
    ...(entriesByReason.get(entry.reason) ?? []),
    entry,
  ]);
}

/** sccache's language group of rustc calls; every other group comes from the C family. @public */
export const RUST_LANGUAGE = 'Rust';

/**
 * The descriptions of a reason for the compilers that can have reported it in a run whose
 * sccache counts name these language groups (`Rust`, `C/C++`, …): a reason both rustc and
 * the C family report is narrowed to the side that compiled in the run, and both are
 * returned when both did (or when `languages` is not given or names neither). Unknown
 * reasons get one generic description that counts as avoidable.
 * @public
 */
export function describeNonCacheableReason(
  reason: string,
  languages?: readonly string[],
): NonCacheableReason[] {
  const entries = entriesByReason.get(reason);
  if (!entries) return [unknownReason(reason)];
  if (!languages || entries.length === 1) return entries;
  const ranRust = languages.includes(RUST_LANGUAGE);
  const ranC = languages.some(language => language !== RUST_LANGUAGE);
  const narrowed = entries.filter(entry =>
    entry.compiler === 'rust' ? ranRust : ranC,
  );
  return narrowed.length > 0 ? narrowed : entries;
}

function unknownReason(reason: string): NonCacheableReason {
  return {
    reason,
    compiler: 'unknown',
    cause: `sccache did not cache these calls for the reason "${reason}", which this catalog does not describe.`,
    fix: 'Start the sccache server with SCCACHE_LOG=debug and SCCACHE_ERROR_LOG=<file> to see which calls are affected and why.',
    neverCacheable: false,
    cargoProbe: false,
  };
}
