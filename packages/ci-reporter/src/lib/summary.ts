import {
  CACHE_FAILURE_KINDS,
  describeNonCacheableReason,
  toolchainFileProblem,
  toolchainMatchesRustc,
  type BuildCacheReport,
  type CacheFailureKind,
  type CacheLevelMetrics,
  type LanguageMetrics,
  type NonCacheableReason,
  type RunMetrics,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatRepository } from '../ci/repository';

type ToolchainReport = BuildCacheReport['toolchain'];

export interface NonCacheableLine {
  reason: string;
  count: number;
  /** One per compiler that may have reported it in this run (sccache does not say which). */
  descriptions: NonCacheableReason[];
  /** Cargo's own probes: nothing to fix. */
  cargoProbe: boolean;
}

const NO_RUST =
  'no Rust compilations went through sccache, so there is no Rust hit rate (is RUSTC_WRAPPER=sccache set for cargo?)';

const FAILURE_ORDER: CacheFailureKind[] = [
  'timeouts',
  'readErrors',
  'writeErrors',
  'errorsBeforeLookup',
];

export function formatRate(rate: number | null): string {
  return rate === null ? 'n/a' : `${(rate * 100).toFixed(1)}%`;
}

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/** sccache's non-cacheable reasons with their explanation, most frequent first. */
export function describeNonCacheable(
  report: BuildCacheReport,
  metrics: RunMetrics,
): NonCacheableLine[] {
  const notCached = report.sccache?.counters.notCached ?? {};
  const languages = metrics.languages.map(l => l.language);
  return Object.entries(notCached)
    .filter(([, count]) => count > 0)
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .map(([reason, count]) => {
      const descriptions = describeNonCacheableReason(reason, languages);
      return {
        reason,
        count,
        descriptions,
        cargoProbe: descriptions.every(d => d.cargoProbe),
      };
    });
}

/** Which language a description is for, when a reason can come from several. */
function compilerLabel(description: NonCacheableReason): string {
  return description.compiler === 'rust' ? 'Rust' : 'C/C++ family';
}

/** The fix of a reason, per compiler when it may have come from more than one. */
function fixText(line: NonCacheableLine): string {
  if (line.descriptions.length === 1) return line.descriptions[0].fix;
  return `sccache does not say which compiler reported it. ${line.descriptions
    .map(d => `${compilerLabel(d)}: ${d.fix}`)
    .join(' ')}`;
}

function causeText(line: NonCacheableLine): string {
  if (line.descriptions.length === 1) return line.descriptions[0].cause;
  return line.descriptions
    .map(d => `${compilerLabel(d)}: ${d.cause}`)
    .join(' ');
}

/** Pin vs rustc, where a broken toolchain file is said as such (not as a missing one). */
function toolchainStatus(report: BuildCacheReport): {
  status: string;
  detail: string;
} {
  const broken = toolchainFileProblem(report);
  if (broken) {
    return {
      status: 'broken',
      detail: `${broken.file} is broken: ${broken.message}`,
    };
  }
  return toolchainMatchesRustc(report.toolchain.file, report.toolchain.rustc);
}

function describePin(report: BuildCacheReport): string {
  const broken = toolchainFileProblem(report);
  if (broken) return `${broken.file}: broken`;
  const file = report.toolchain.file;
  if (!file) return 'no toolchain file';
  return `${file.file}: ${file.channel ?? file.path ?? 'no channel'}`;
}

function describeRustc(toolchain: ToolchainReport): string {
  return toolchain.rustc ? toolchain.rustc.version : 'unknown';
}

function languageLine(language: LanguageMetrics): string {
  return `${language.language}: ${plural(language.hits, 'hit')}, ${plural(
    language.misses,
    'miss',
    'misses',
  )}, ${plural(language.errors, 'cache error')}: hit rate ${formatRate(
    language.hitRate,
  )}, effective hit rate ${formatRate(language.effectiveHitRate)}`;
}

function levelWhere(level: CacheLevelMetrics): string {
  const where = [level.bucket, level.prefix, level.path].filter(Boolean);
  return `${level.backend}${where.length ? ` ${where.join(' ')}` : ''}`;
}

const CLIENT_SIDE_REQUESTS =
  ' (client-side mode: sccache counted none, so this is the sum of their outcomes)';

const LEVEL_LOOKUPS_NOT_COUNTED =
  'hits and misses not counted (client-side mode: the wrappers read the cache)';

function levelLine(level: CacheLevelMetrics): string {
  const backfills = [
    level.backfillsTo
      ? `${level.backfillsTo} copied in from slower levels`
      : '',
    level.backfillsFrom
      ? `${level.backfillsFrom} copied out to faster levels`
      : '',
  ].filter(Boolean);
  const lookups = level.countsRecorded
    ? `${plural(level.hits, 'hit')}, ${plural(
        level.misses,
        'miss',
        'misses',
      )}, hit rate ${formatRate(level.hitRate)}`
    : LEVEL_LOOKUPS_NOT_COUNTED;
  return `${level.name} ${levelWhere(level)}: ${lookups}, ${plural(
    level.writes,
    'write',
  )}, ${plural(
    level.writeFailures,
    'write failure',
  )}${backfills.length ? `, ${backfills.join(', ')}` : ''}`;
}

const NOT_COUNTED =
  'not counted: sccache before 0.6 counts a failed write as a write';

function failureCount(metrics: RunMetrics, kind: CacheFailureKind): string {
  const { failures } = metrics;
  if (kind === 'writeErrors' && !failures.writeErrorsCounted)
    return NOT_COUNTED;
  return String(failures[kind]);
}

/** `2 cache timeouts`, or why a kind has no count. */
function failureSummary(metrics: RunMetrics, kind: CacheFailureKind): string {
  const label = CACHE_FAILURE_KINDS[kind].label.toLowerCase();
  const count = failureCount(metrics, kind);
  return count === NOT_COUNTED ? `${label} ${count}` : `${count} ${label}`;
}

function rustLines(metrics: RunMetrics): string[] {
  const lines = metrics.languages.map(languageLine);
  if (!metrics.rustCompiled) lines.unshift(`Rust: ${NO_RUST}`);
  return lines;
}

/** The short summary printed to stderr after collect. */
export function formatConsoleSummary(
  report: BuildCacheReport,
  metrics: RunMetrics | null,
  outputPath: string,
): string {
  const { source } = report;
  const lines = [
    `rust-build-cache: ${formatRepository(source.repository)} workspace ${
      source.workspacePath
    }, ` +
      `run ${source.ci.runId} attempt ${source.ci.runAttempt}, job ${source.ci.job}`,
  ];
  if (report.sccache && metrics) {
    lines.push(
      `  sccache ${
        report.sccache.version ?? '(version not reported)'
      }, cache: ${report.sccache.cache.location}`,
      ...rustLines(metrics).map(line => `  ${line}`),
    );
    if (metrics.cacheLevels) {
      lines.push('  Cache levels:');
      for (const level of metrics.cacheLevels)
        lines.push(`    ${levelLine(level)}`);
    }
    lines.push(
      `  Cache failures: ${FAILURE_ORDER.map(kind =>
        failureSummary(metrics, kind),
      ).join(', ')}`,
    );
    for (const kind of FAILURE_ORDER) {
      if (metrics.failures[kind] === 0) continue;
      const { label, meaning, fix } = CACHE_FAILURE_KINDS[kind];
      lines.push(
        `    ${label} ×${metrics.failures[kind]}: ${meaning} Fix: ${fix}`,
      );
    }
    const reasons = describeNonCacheable(report, metrics);
    const probes = reasons.filter(line => line.cargoProbe);
    const compiles = reasons.filter(line => !line.cargoProbe);
    if (compiles.length > 0) lines.push('  Not cacheable:');
    for (const line of compiles)
      lines.push(`    ${line.reason} ×${line.count}: ${fixText(line)}`);
    if (probes.length > 0) {
      lines.push(
        `  Cargo's own probes (nothing to fix): ${probes
          .map(line => `${line.reason} ×${line.count}`)
          .join(', ')}`,
      );
    }
  }
  const toolchain = toolchainStatus(report);
  lines.push(`  Toolchain (${toolchain.status}): ${toolchain.detail}`);
  for (const problem of report.problems ?? []) {
    lines.push(`  Problem: ${problem.file}: ${problem.message}`);
  }
  lines.push(`  Report written to ${outputPath}`);
  return `${lines.join('\n')}\n`;
}

/** Text made safe for one cell of a Markdown table. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function markdownLanguages(metrics: RunMetrics): string[] {
  const lines = [
    '| Language | Hit rate | Effective hit rate | Hits | Misses | Cache errors |',
    '|---|---|---|---|---|---|',
    ...metrics.languages.map(
      l =>
        `| ${cell(l.language)} | ${formatRate(l.hitRate)} | ${formatRate(
          l.effectiveHitRate,
        )} | ${l.hits} | ${l.misses} | ${l.errors} |`,
    ),
    '',
  ];
  if (!metrics.rustCompiled) lines.unshift(`**Rust:** ${NO_RUST}.`, '');
  return lines;
}

function markdownLevels(levels: CacheLevelMetrics[]): string[] {
  return [
    '#### Cache levels',
    '',
    '| Level | Backend | Location | Hit rate | Hits | Misses | Writes | Write failures | Copied in / out |',
    '|---|---|---|---|---|---|---|---|---|',
    ...levels.map(
      l =>
        `| ${cell(l.name)} | ${l.backend} | \`${cell(
          l.location,
        )}\` | ${formatRate(l.hitRate)} | ${
          l.countsRecorded ? l.hits : 'not counted'
        } | ${l.countsRecorded ? l.misses : 'not counted'} | ${
          l.writes
        } | ${l.writeFailures} | ${l.backfillsTo ?? 'n/a'} / ${
          l.backfillsFrom ?? 'n/a'
        } |`,
    ),
    '',
    ...(levels.some(l => !l.countsRecorded)
      ? [
          `Per-level ${LEVEL_LOOKUPS_NOT_COUNTED}: sccache counts a level's hits and misses only for lookups its server makes.`,
          '',
        ]
      : []),
  ];
}

function markdownFailures(metrics: RunMetrics): string[] {
  return [
    '#### Cache failures',
    '',
    '| Failure | Count | Meaning | Fix |',
    '|---|---|---|---|',
    ...FAILURE_ORDER.map(kind => {
      const { label, meaning, fix } = CACHE_FAILURE_KINDS[kind];
      return `| ${label} | ${cell(failureCount(metrics, kind))} | ${cell(
        meaning,
      )} | ${cell(fix)} |`;
    }),
    '',
  ];
}

/** The Markdown appended to GitHub's step summary. */
export function formatMarkdownSummary(
  report: BuildCacheReport,
  metrics: RunMetrics | null,
): string {
  const { source } = report;
  const lines = [
    `### Rust build cache: \`${cell(source.workspacePath)}\` (${cell(
      formatRepository(source.repository),
    )})`,
    '',
  ];
  if (report.sccache && metrics) {
    lines.push(
      ...markdownLanguages(metrics),
      `${metrics.requests} compile requests${
        metrics.clientSideMode ? CLIENT_SIDE_REQUESTS : ''
      }; sccache ${cell(
        report.sccache.version ?? '(version not reported)',
      )}, cache: \`${cell(report.sccache.cache.location)}\``,
      '',
    );
    if (metrics.cacheLevels) lines.push(...markdownLevels(metrics.cacheLevels));
    lines.push(...markdownFailures(metrics));
    const reasons = describeNonCacheable(report, metrics);
    if (reasons.length > 0) {
      lines.push(
        '#### Not cacheable',
        '',
        '| Reason | Count | Cause | Fix |',
        '|---|---|---|---|',
      );
      for (const line of reasons) {
        lines.push(
          `| \`${cell(line.reason)}\` | ${line.count} | ${cell(
            causeText(line),
          )} | ${cell(fixText(line))} |`,
        );
      }
      lines.push('');
    }
  }
  const toolchain = toolchainStatus(report);
  lines.push(
    '#### Toolchain',
    '',
    '| Pinned | rustc used | Pin vs rustc |',
    '|---|---|---|',
    `| ${cell(describePin(report))} | ${cell(
      describeRustc(report.toolchain),
    )} | ` + `**${toolchain.status}**: ${cell(toolchain.detail)} |`,
    '',
  );
  const problems = report.problems ?? [];
  if (problems.length > 0) {
    lines.push(
      '#### Problems (recorded in the report)',
      '',
      '| File | Problem |',
      '|---|---|',
      ...problems.map(
        problem => `| \`${cell(problem.file)}\` | ${cell(problem.message)} |`,
      ),
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}
