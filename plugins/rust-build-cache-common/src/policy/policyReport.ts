import type { ReportProblem } from '../report/problems';
import type { BuildCacheReport } from '../report/schema';

/**
 * The part of a {@link BuildCacheReport} that the policy rules read: the same shape,
 * without the source details, timings, profiles, dependency counts and variable names.
 * The backend stores it next to each report (written at ingestion), so that evaluating
 * the policy never parses whole reports; older reports of a window are read as the
 * smaller `PolicyRun`. A rule that needs another field adds it here and in
 * {@link toPolicyReport} (and the backend re-projects the stored reports).
 * @public
 */
export interface PolicyReport {
  kind: BuildCacheReport['kind'];
  source: {
    finishedAt: string;
    ci: { runId: string };
  };
  sccache: BuildCacheReport['sccache'];
  toolchain: Pick<BuildCacheReport['toolchain'], 'file' | 'rustc'>;
  dependencies: Pick<
    NonNullable<BuildCacheReport['dependencies']>,
    'lockVersion'
  > | null;
  build: {
    env: Pick<
      BuildCacheReport['build']['env'],
      'rustcWrapper' | 'cargoIncremental' | 'rustflags' | 'sccacheCacheSize'
    >;
  };
  problems?: ReportProblem[];
}

/**
 * The {@link PolicyReport} of a report (or of a policy report: projecting is idempotent).
 * Evaluating the policy on it gives the same results as on the whole report.
 * @public
 */
export function toPolicyReport(report: PolicyReport): PolicyReport {
  const { env } = report.build;
  return {
    kind: report.kind,
    source: {
      finishedAt: report.source.finishedAt,
      ci: { runId: report.source.ci.runId },
    },
    sccache: report.sccache,
    toolchain: { file: report.toolchain.file, rustc: report.toolchain.rustc },
    dependencies: report.dependencies
      ? { lockVersion: report.dependencies.lockVersion }
      : null,
    build: {
      env: {
        rustcWrapper: env.rustcWrapper,
        cargoIncremental: env.cargoIncremental,
        rustflags: env.rustflags,
        sccacheCacheSize: env.sccacheCacheSize,
      },
    },
    ...(report.problems ? { problems: report.problems } : {}),
  };
}
