import {
  computeRunMetrics,
  formatReportIssues,
  validateReport,
  type BuildCacheReport,
  type RunDetail,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// The common package exports no fixtures, so the shared example report (real sccache,
// rustc and cargo output) is read from its source tree.
const REPORT_EXAMPLE_PATH = join(
  dirname(
    require.resolve(
      '@rust-build-cache/plugin-rust-build-cache-common/package.json',
    ),
  ),
  'src/__fixtures__/report-example.json',
);

/** A fresh, validated copy of the shared example report, safe to modify in a test. */
export function exampleReport(): BuildCacheReport {
  const result = validateReport(
    JSON.parse(readFileSync(REPORT_EXAMPLE_PATH, 'utf8')),
  );
  if (!result.ok) throw new Error(formatReportIssues(result.issues));
  return result.report;
}

/** A stored run as the backend returns it, built from a report the way the backend does. */
export function runFromReport(
  report: BuildCacheReport,
  overrides: Partial<RunDetail> = {},
): RunDetail {
  const { source } = report;
  return {
    id: 'run-1',
    entityRef: 'component:default/gateway',
    kind: report.kind,
    repository: `${source.repository.host}/${source.repository.owner}/${source.repository.name}`,
    workspacePath: source.workspacePath,
    branch: source.branch,
    commit: source.commit,
    provider: source.ci.provider,
    runId: source.ci.runId,
    runAttempt: source.ci.runAttempt,
    job: source.ci.job,
    url: source.ci.url,
    startedAt: source.startedAt,
    finishedAt: source.finishedAt,
    receivedAt: source.finishedAt,
    sccacheVersion: report.sccache?.version ?? null,
    cacheBackend: report.sccache?.cache.backend ?? null,
    rustcRelease: report.toolchain.rustc?.release ?? null,
    metrics: report.sccache ? computeRunMetrics(report.sccache) : null,
    report,
    ...overrides,
  };
}
