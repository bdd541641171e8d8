import type { ReportDifference } from '../api/types';
import type { BuildCacheReport, ProfileSettings } from '../report/schema';
import type { Comparison } from './comparison';
import { keyInputComparisons } from './keyInputComparisons';

const rustcOf = (report: BuildCacheReport): string | null => {
  const rustc = report.toolchain.rustc;
  if (rustc === null) return null;
  return rustc.host ? `${rustc.version} on ${rustc.host}` : rustc.version;
};

const list = (items: string[]): string =>
  items.length ? items.join(', ') : '(none)';

/** `Added: A, B; removed: C.` for two comma-separated name lists. */
function addedAndRemoved(base: string | null, head: string | null): string {
  const names = (value: string | null) =>
    new Set(value && value !== '(none)' ? value.split(', ') : []);
  const before = names(base);
  const after = names(head);
  const added = [...after].filter(name => !before.has(name));
  const removed = [...before].filter(name => !after.has(name));
  const parts = [
    added.length ? `added ${added.join(', ')}` : '',
    removed.length ? `removed ${removed.join(', ')}` : '',
  ];
  const text = parts.filter(Boolean).join('; ');
  return text ? ` Here: ${text}.` : '';
}

const PROFILE_SETTINGS: Array<{
  field: keyof ProfileSettings;
  toml: string;
  flag: string;
}> = [
  { field: 'optLevel', toml: 'opt-level', flag: '-C opt-level' },
  { field: 'debug', toml: 'debug', flag: '-C debuginfo' },
  { field: 'codegenUnits', toml: 'codegen-units', flag: '-C codegen-units' },
  { field: 'lto', toml: 'lto', flag: 'the -C lto / embed-bitcode flags' },
];

const COMPARISONS: Comparison[] = [
  {
    key: 'toolchain.rustc',
    label: 'rustc used in CI',
    read: rustcOf,
    affectsCacheKeys: true,
    explain: () =>
      "sccache puts the compiler's `rustc -vV` output and the hashes of its shared libraries into every Rust cache key, so a different rustc misses on every crate until the cache is filled again.",
  },
  {
    key: 'toolchain.file.channel',
    label: 'Toolchain in the rust-toolchain file',
    read: report => {
      const file = report.toolchain.file;
      if (file === null) return null;
      return file.channel ?? (file.path ? `path ${file.path}` : '(none)');
    },
    // The file only matters through the rustc it selects; when both runs report the same
    // rustc, the keys did not change.
    affectsCacheKeys: (base, head) => !sameKnownRustc(base, head),
    explain: (_base, _head, reports) =>
      sameKnownRustc(reports.base, reports.head)
        ? 'Both runs still used the same rustc, so the cache keys did not change.'
        : 'The toolchain file selects the rustc that CI builds with, and sccache keys every Rust compile on that rustc: a different toolchain misses on every crate.',
  },
  {
    key: 'toolchain.file.targets',
    label: 'Targets in the rust-toolchain file',
    read: report =>
      report.toolchain.file
        ? list([...report.toolchain.file.targets].sort())
        : null,
    affectsCacheKeys: false,
    explain: () =>
      'Installing more or fewer targets does not change the keys of compiles for a target that was already built; crates built for a newly added target are compiled and cached under their own keys.',
  },
  {
    key: 'dependencies.fingerprint',
    label: 'Dependencies (Cargo.lock)',
    read: report => report.dependencies?.fingerprint ?? null,
    affectsCacheKeys: true,
    explain: () =>
      'A dependency changed version, source or checksum. It is compiled under new keys, and so is every crate that depends on it (sccache hashes the libraries passed to rustc); crates below it still hit.',
  },
  {
    key: 'build.env.rustflags',
    label: 'RUSTFLAGS',
    read: report => {
      const { rustflags } = report.build.env;
      return rustflags.set ? `set (sha256 ${rustflags.sha256})` : 'not set';
    },
    affectsCacheKeys: true,
    explain: () =>
      'Cargo puts RUSTFLAGS on the rustc command line, which sccache hashes: any change misses on every crate that gets the flags.',
  },
  {
    key: 'build.env.cargoVarNames',
    label: 'CARGO_* environment variables',
    read: report => list(report.build.env.cargoVarNames),
    affectsCacheKeys: true,
    explain: (base, head) =>
      `sccache hashes the names and values of CARGO_* variables (all but a few, such as CARGO_MAKEFLAGS) into Rust cache keys, so adding or removing one misses on every crate.${addedAndRemoved(
        base,
        head,
      )} A changed value of a variable both runs set shows as its own difference when both reports carry value hashes (collect records them from this version on).`,
  },
  {
    key: 'build.env.cargoIncremental',
    label: 'CARGO_INCREMENTAL',
    read: report => report.build.env.cargoIncremental ?? 'not set',
    affectsCacheKeys: true,
    explain: () =>
      'CARGO_INCREMENTAL is a CARGO_* variable, so its value is part of every Rust cache key. With incremental compilation on, workspace crates are not cached at all; and with CARGO_INCREMENTAL=1, sccache 0.5.1 to 0.10 exits with an error and 0.11 and later fail compile requests.',
  },
  {
    key: 'build.env.sccacheVarNames',
    label: 'SCCACHE_* environment variables',
    read: report => list(report.build.env.sccacheVarNames),
    affectsCacheKeys: false,
    explain: (base, head) =>
      `SCCACHE_* variables configure sccache and are not part of Rust cache keys, but they choose the backend and its key prefix: a different backend or prefix is a different cache, which starts cold.${addedAndRemoved(
        base,
        head,
      )}`,
  },
  {
    key: 'build.env.rustcWrapper',
    label: 'RUSTC_WRAPPER',
    read: report => report.build.env.rustcWrapper ?? 'not set',
    affectsCacheKeys: false,
    explain: () =>
      'The wrapper is not part of the cache keys, but without sccache as RUSTC_WRAPPER (or build.rustc-wrapper in the cargo configuration) the build does not use the cache at all.',
  },
  {
    key: 'sccache.cache',
    label: 'sccache cache location',
    read: report =>
      report.sccache
        ? `${report.sccache.cache.backend}: ${report.sccache.cache.location}`
        : null,
    affectsCacheKeys: false,
    explain: () =>
      'The keys are the same, but they are looked up in a different cache, which starts cold: expect misses until it is filled.',
  },
  {
    key: 'sccache.version',
    label: 'sccache version',
    read: report =>
      report.sccache
        ? report.sccache.version ?? 'unknown (before 0.4.0)'
        : null,
    affectsCacheKeys: true,
    explain: () =>
      'sccache mixes a version of its own key format into every cache key and changes it when it changes how keys are computed, so some upgrades start with a cold cache.',
  },
];

function sameKnownRustc(
  base: BuildCacheReport,
  head: BuildCacheReport,
): boolean {
  const rustc = rustcOf(base);
  return rustc !== null && rustc === rustcOf(head);
}

function profileComparisons(
  base: BuildCacheReport,
  head: BuildCacheReport,
): Comparison[] {
  const names = [
    ...new Set([
      ...Object.keys(base.build.profiles),
      ...Object.keys(head.build.profiles),
    ]),
  ].sort();
  return names.flatMap(name => [
    {
      key: `build.profiles.${name}.incremental`,
      label: `[profile.${name}] incremental`,
      read: report => profileValue(report, name, 'incremental'),
      affectsCacheKeys: true,
      explain: () =>
        `Turning incremental compilation on makes cargo pass -C incremental for the workspace crates built with the ${name} profile, and sccache does not cache those compiles at all; turning it off makes them cacheable again, under new keys.`,
    },
    ...PROFILE_SETTINGS.map(
      (setting): Comparison => ({
        key: `build.profiles.${name}.${setting.field}`,
        label: `[profile.${name}] ${setting.toml}`,
        read: report => profileValue(report, name, setting.field),
        affectsCacheKeys: true,
        explain: () =>
          `Cargo passes this setting to rustc (${setting.flag}) and sccache hashes the command line: every crate built with the ${name} profile misses.`,
      }),
    ),
  ]);
}

function profileValue(
  report: BuildCacheReport,
  profile: string,
  field: keyof ProfileSettings,
): string {
  const value = report.build.profiles[profile]?.[field];
  return value === undefined || value === null
    ? 'not set (cargo default)'
    : JSON.stringify(value);
}

/**
 * What differs between two runs' reports that is a likely cause of a change in misses:
 * the checkout directory and cargo home, the values of CARGO_* variables (by their sha256),
 * rustc, the toolchain file, dependencies, RUSTFLAGS, CARGO_* and SCCACHE_* variables,
 * RUSTC_WRAPPER, CARGO_INCREMENTAL, profile settings, the cache location and the sccache
 * version. Only settings that differ are returned, those that change sccache's Rust cache
 * keys first.
 * @public
 */
export function compareReports(
  base: BuildCacheReport,
  head: BuildCacheReport,
): ReportDifference[] {
  const differences: ReportDifference[] = [];
  for (const comparison of [
    ...keyInputComparisons(base, head),
    ...COMPARISONS,
    ...profileComparisons(base, head),
  ]) {
    const baseValue = comparison.read(base);
    const headValue = comparison.read(head);
    if (baseValue === headValue || comparison.same?.(base, head)) continue;
    differences.push({
      key: comparison.key,
      label: comparison.label,
      base: baseValue,
      head: headValue,
      explanation: comparison.explain(baseValue, headValue, { base, head }),
      affectsCacheKeys:
        typeof comparison.affectsCacheKeys === 'function'
          ? comparison.affectsCacheKeys(base, head)
          : comparison.affectsCacheKeys,
    });
  }
  // Array.prototype.sort is stable: the declared order holds within each group.
  return differences.sort(
    (a, b) => Number(b.affectsCacheKeys) - Number(a.affectsCacheKeys),
  );
}
