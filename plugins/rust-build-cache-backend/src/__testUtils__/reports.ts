import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  BuildCacheReport,
  formatReportIssues,
  parseSccacheStats,
  SccacheStats,
  validateReport,
} from '@rust-build-cache/plugin-rust-build-cache-common';

const commonPackageDir = dirname(
  require.resolve(
    '@rust-build-cache/plugin-rust-build-cache-common/package.json',
  ),
);

/** The common package's complete example report, built from real sccache output. */
export function readExampleReportJson(): string {
  return readFileSync(
    join(commonPackageDir, 'src', '__fixtures__', 'report-example.json'),
    'utf8',
  );
}

export function readExampleReport(): BuildCacheReport {
  const result = validateReport(JSON.parse(readExampleReportJson()));
  if (!result.ok) {
    throw new Error(
      `The example report is invalid:\n${formatReportIssues(result.issues)}`,
    );
  }
  return result.report;
}

export interface ReportOverrides {
  kind?: BuildCacheReport['kind'];
  repository?: BuildCacheReport['source']['repository'];
  workspacePath?: string;
  runId?: string;
  runAttempt?: number;
  job?: string;
  finishedAt?: string;
  sccache?: SccacheStats | null;
  rustcRelease?: string;
}

/** The example report with the given fields replaced; always a valid report. */
export function makeReport(overrides: ReportOverrides = {}): BuildCacheReport {
  const example = readExampleReport();
  const report: BuildCacheReport = {
    ...example,
    kind: overrides.kind ?? example.kind,
    source: {
      ...example.source,
      repository: overrides.repository ?? example.source.repository,
      workspacePath: overrides.workspacePath ?? example.source.workspacePath,
      startedAt: null,
      finishedAt: overrides.finishedAt ?? example.source.finishedAt,
      ci: {
        ...example.source.ci,
        runId: overrides.runId ?? example.source.ci.runId,
        runAttempt: overrides.runAttempt ?? example.source.ci.runAttempt,
        job: overrides.job ?? example.source.ci.job,
      },
    },
    sccache:
      overrides.sccache === undefined ? example.sccache : overrides.sccache,
    toolchain: {
      ...example.toolchain,
      rustc:
        overrides.rustcRelease && example.toolchain.rustc
          ? {
              ...example.toolchain.rustc,
              release: overrides.rustcRelease,
              version: `rustc ${overrides.rustcRelease}`,
            }
          : example.toolchain.rustc,
    },
  };
  const result = validateReport(report);
  if (!result.ok) {
    throw new Error(
      `makeReport built an invalid report:\n${formatReportIssues(
        result.issues,
      )}`,
    );
  }
  return result.report;
}

export const SCCACHE_FIXTURES = [
  'sccache-0.4.0-dbg-1',
  'sccache-0.4.0-dbg-2',
  'sccache-0.4.0-serde-dbg-1',
  'sccache-0.4.0-serde-dbg-2',
  'sccache-0.8.2-constructed-rust-and-c',
  'sccache-0.10.0-constructed-c-only',
  'sccache-0.15.0-constructed-multi-level',
] as const;

/**
 * `sccache --show-stats --stats-format=json` output from the common package's fixtures:
 * real 0.4.0 output (cargo 1.95; `-1` a cold build, `-2` the same build warm), and files
 * constructed from newer sccache sources (see that folder's README).
 */
export function readSccacheFixture(
  name: (typeof SCCACHE_FIXTURES)[number],
): SccacheStats {
  return parseSccacheStats(
    readFileSync(
      join(commonPackageDir, 'src', '__fixtures__', 'sccache', `${name}.json`),
      'utf8',
    ),
  );
}
