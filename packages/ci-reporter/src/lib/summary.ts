import {
  describeNonCacheableReason,
  toolchainFileProblem,
  toolchainMatchesRustc,
  type BuildCacheReport,
  type NonCacheableReason,
  type RunMetrics,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatRepository } from '../ci/repository';

type ToolchainReport = BuildCacheReport['toolchain'];

export interface NonCacheableLine extends NonCacheableReason {
  count: number;
}

export function formatRate(rate: number | null): string {
  return rate === null ? 'n/a' : `${(rate * 100).toFixed(1)}%`;
}

/** sccache's non-cacheable reasons with their explanation, most frequent first. */
export function describeNonCacheable(
  report: BuildCacheReport,
): NonCacheableLine[] {
  const notCached = report.sccache?.counters.notCached ?? {};
  return Object.entries(notCached)
    .filter(([, count]) => count > 0)
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .map(([reason, count]) => ({
      ...describeNonCacheableReason(reason),
      count,
    }));
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
      `  ${metrics.hits} hits, ${metrics.misses} misses, ${metrics.errors} cache errors: ` +
        `hit rate ${formatRate(
          metrics.hitRate,
        )}, effective hit rate ${formatRate(metrics.effectiveHitRate)}`,
    );
    const reasons = describeNonCacheable(report);
    const probes = reasons.filter(line => line.cargoProbe);
    const compiles = reasons.filter(line => !line.cargoProbe);
    if (compiles.length > 0) lines.push('  Not cacheable:');
    for (const line of compiles)
      lines.push(`    ${line.reason} ×${line.count}: ${line.fix}`);
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
      '| Hit rate | Effective hit rate | Hits | Misses | Cache errors | Compile requests |',
      '|---|---|---|---|---|---|',
      `| ${formatRate(metrics.hitRate)} | ${formatRate(
        metrics.effectiveHitRate,
      )} | ${metrics.hits} | ` +
        `${metrics.misses} | ${metrics.errors} | ${metrics.requests} |`,
      '',
      `sccache ${cell(
        report.sccache.version ?? '(version not reported)',
      )}, cache: \`${cell(report.sccache.cache.location)}\``,
      '',
    );
    const reasons = describeNonCacheable(report);
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
            line.cause,
          )} | ${cell(line.fix)} |`,
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
