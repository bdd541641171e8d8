import { pathSha256 } from '../build/collectKeyInputs';
import type { PathOrSha256 } from '../report/keyInputs';
import type { BuildCacheReport } from '../report/schema';
import { rustCacheKeyCargoVar } from '../sccache/rustCacheKeyEnv';
import type { Comparison } from './comparison';

/** Shown for a hash: enough to tell two apart. */
const shortHash = (sha256: string) => `sha256 ${sha256.slice(0, 12)}…`;

const shownPath = (
  recorded: PathOrSha256 | null | undefined,
): string | null => {
  if (!recorded) return recorded === null ? 'unknown' : null;
  return 'path' in recorded ? recorded.path : shortHash(recorded.sha256);
};

/** Equal when both are known and hash alike: a path and the sha256 of that path are equal. */
const samePath = (
  base: PathOrSha256 | null | undefined,
  head: PathOrSha256 | null | undefined,
): boolean =>
  !base || !head ? base === head : pathSha256(base) === pathSha256(head);

/** The sccache of the run being explained (head), else the base run's. */
function sccacheVersionOf(base: BuildCacheReport, head: BuildCacheReport) {
  const sccache = head.sccache ?? base.sccache;
  // Without statistics nothing says how old sccache is: take the newest rules.
  return sccache ? sccache.version : 'newest';
}

/** Value hints for variables whose fix is known (rust-caching-facts.md §2, §7). */
const FIXES: Record<string, string> = {
  CARGO_TARGET_DIR:
    " Pass cargo's --target-dir flag instead of the variable: the flag is not in the environment of the compiles.",
  CARGO_HOME:
    ' Use the same CARGO_HOME path in every job; it also decides where registry sources live.',
};

/**
 * Differences in what sccache's Rust keys take from outside the command line: the
 * workspace's directory (own crates), the cargo home (registry crates) and the value of
 * each `CARGO_*` variable both runs set (every crate). Only when both reports carry
 * `keyInputs`: an older report does not say, which is no difference.
 */
export function keyInputComparisons(
  base: BuildCacheReport,
  head: BuildCacheReport,
): Comparison[] {
  const baseInputs = base.keyInputs;
  const headInputs = head.keyInputs;
  if (!baseInputs || !headInputs) return [];
  const comparisons: Comparison[] = [
    {
      key: 'keyInputs.workspaceDir',
      label: 'Checkout directory of the workspace',
      read: report => shownPath(report.keyInputs?.workspaceDir),
      same: () => samePath(baseInputs.workspaceDir, headInputs.workspaceDir),
      affectsCacheKeys: true,
      explain: () =>
        "sccache puts the working directory of every rustc call into the Rust cache key, and cargo compiles the workspace's own crates (and path crates in the checkout) in the checkout, with CARGO_MANIFEST_DIR pointing into it: built from another directory, every one of them misses. Registry crates can still hit, as their working directory is under the cargo home. Check out to the same path in every job: up to sccache 0.18 at least, no setting takes paths out of Rust keys (SCCACHE_BASEDIRS, from 0.14, applies to C/C++ only).",
    },
    {
      key: 'keyInputs.cargoHome',
      label: 'Cargo home (CARGO_HOME or $HOME/.cargo)',
      read: report => shownPath(report.keyInputs?.cargoHome),
      same: () => samePath(baseInputs.cargoHome, headInputs.cargoHome),
      affectsCacheKeys: true,
      explain: () =>
        'Cargo compiles registry crates from their sources under the cargo home (registry/src), which is their working directory and CARGO_MANIFEST_DIR, and sccache hashes the working directory: with another cargo home every registry crate misses. Use the same cargo home path in every job (a fixed CARGO_HOME, or the same $HOME).',
    },
  ];

  const version = sccacheVersionOf(base, head);
  const baseValues = baseInputs.cargoVarValueSha256;
  const headValues = headInputs.cargoVarValueSha256;
  const names = Object.keys(headValues)
    // Set on one side only: the CARGO_* names comparison names it. CARGO_INCREMENTAL's
    // value is in the report and compared on its own.
    .filter(name => name in baseValues && name !== 'CARGO_INCREMENTAL')
    .filter(name => baseValues[name] !== headValues[name])
    .sort();
  for (const name of names) {
    const rule = rustCacheKeyCargoVar(name, version);
    comparisons.push({
      key: `keyInputs.cargoVarValueSha256.${name}`,
      label: `Value of ${name}`,
      read: report => {
        const sha256 = report.keyInputs?.cargoVarValueSha256[name];
        return sha256 ? shortHash(sha256) : null;
      },
      affectsCacheKeys: rule.hashed,
      explain: () =>
        rule.hashed
          ? `sccache hashes the name and value of ${name} into every Rust cache key (as it does for every CARGO_* variable but a few), so with another value every crate misses. Reports keep only the value's sha256.${
              FIXES[name] ?? ''
            }`
          : `This sccache does not hash ${name} into Rust cache keys (${rule.why}), so the different value does not make crates miss.`,
    });
  }
  return comparisons;
}
