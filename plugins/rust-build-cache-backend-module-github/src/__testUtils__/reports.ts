import { BuildCacheReport } from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  exampleReport,
  variant,
} from '@rust-build-cache/plugin-rust-build-cache-common/testUtils';

/** The example report (real sccache output) of `repository`'s root workspace, run `runId`. */
export function reportOf(
  repository: BuildCacheReport['source']['repository'],
  runId: string,
): BuildCacheReport {
  return variant(exampleReport(), runId, report => {
    report.source.repository = repository;
    report.source.workspacePath = '.';
  });
}
