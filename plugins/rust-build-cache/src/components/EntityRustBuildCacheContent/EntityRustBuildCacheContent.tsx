import {
  type CompoundEntityRef,
  getCompoundEntityRef,
} from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { RUST_BUILD_CACHE_WORKSPACE_ANNOTATION } from '@rust-build-cache/plugin-rust-build-cache-common';
import { useLatestRun } from '../../hooks';
import { getWorkspacePath } from '../../isRustBuildCacheAvailable';
import { HitRateTrendCard } from './HitRateTrendCard';
import { LatestRunCard } from './LatestRunCard';
import { NoReportsEmptyState } from './NoReportsEmptyState';
import { NonCacheableReasonsCard } from './NonCacheableReasonsCard';
import { RunHistorySection } from './RunHistorySection';
import { SlowestCratesCard } from './SlowestCratesCard';
import { ToolchainPinCard } from './ToolchainPinCard';

function BuildCacheOverview(props: {
  entityRef: CompoundEntityRef;
  workspacePath: string;
}) {
  const { entityRef, workspacePath } = props;
  const { loading, error, value: latestRun } = useLatestRun(entityRef);

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!latestRun) return <NoReportsEmptyState workspacePath={workspacePath} />;

  const { report } = latestRun;
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12}>
        <HitRateTrendCard entityRef={entityRef} />
      </Grid>
      <Grid item xs={12} md={6}>
        <LatestRunCard run={latestRun} />
      </Grid>
      <Grid item xs={12} md={6}>
        <ToolchainPinCard toolchain={report.toolchain} />
      </Grid>
      <Grid item xs={12}>
        <NonCacheableReasonsCard
          notCached={report.sccache?.counters.notCached ?? null}
        />
      </Grid>
      <Grid item xs={12}>
        <SlowestCratesCard timings={report.timings} />
      </Grid>
      <RunHistorySection entityRef={entityRef} />
    </Grid>
  );
}

/**
 * The Build cache tab of a Rust service: hit-rate trend, the latest run in detail, its
 * run history and a comparison of any two runs.
 */
export function EntityRustBuildCacheContent() {
  const { entity } = useEntity();
  const workspacePath = getWorkspacePath(entity);
  if (!workspacePath) {
    return (
      <MissingAnnotationEmptyState
        annotation={RUST_BUILD_CACHE_WORKSPACE_ANNOTATION}
      />
    );
  }
  return (
    <BuildCacheOverview
      entityRef={getCompoundEntityRef(entity)}
      workspacePath={workspacePath}
    />
  );
}
