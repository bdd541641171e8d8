import {
  type Entity,
  type CompoundEntityRef,
  getCompoundEntityRef,
} from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import type { ReactNode } from 'react';
import { RUST_BUILD_CACHE_WORKSPACE_ANNOTATION } from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  useEntityScorecard,
  useLatestRun,
  usePullStatus,
  useReloadKey,
  useRepositorySnapshot,
} from '../../hooks';
import { getWorkspacePath } from '../../isRustBuildCacheAvailable';
import { HitRateTrendCard } from './HitRateTrendCard';
import { LatestRunCard } from './LatestRunCard';
import { NoReportsEmptyState } from './NoReportsEmptyState';
import { NonCacheableReasonsCard } from './NonCacheableReasonsCard';
import { RunHistorySection } from './RunHistorySection';
import { SlowestCratesCard } from './SlowestCratesCard';
import { ToolchainPinCard } from './ToolchainPinCard';
import { DataSourcesCard } from './DataSourcesCard';
import { RepositoryCard, type RepositorySnapshotState } from './RepositoryCard';
import { PolicyCard } from './PolicyCard';

function LatestRunSection(props: {
  entityRef: CompoundEntityRef;
  workspacePath: string;
  latestRun: ReturnType<typeof useLatestRun>;
  snapshot: RepositorySnapshotState;
  /** The policy card, shown right after the latest run: what to fix comes before detail. */
  policy: ReactNode;
}) {
  const { entityRef, workspacePath, snapshot, policy } = props;
  const { loading, error, value: latestRun } = props.latestRun;

  // A reload after "Refresh now" keeps the cards (and the run list's page) on screen.
  if (loading && latestRun === undefined) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!latestRun) {
    return (
      <>
        <NoReportsEmptyState workspacePath={workspacePath} />
        {policy}
        <RepositoryCard snapshot={snapshot} rustc={null} />
      </>
    );
  }

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
        <ToolchainPinCard report={report} />
      </Grid>
      <Grid item xs={12}>
        {policy}
      </Grid>
      <Grid item xs={12}>
        <RepositoryCard snapshot={snapshot} rustc={report.toolchain.rustc} />
      </Grid>
      <Grid item xs={12}>
        <NonCacheableReasonsCard
          notCached={report.sccache?.counters.notCached ?? null}
          languages={
            latestRun.metrics?.languages.map(language => language.language) ??
            []
          }
        />
      </Grid>
      <Grid item xs={12}>
        <SlowestCratesCard timings={report.timings} />
      </Grid>
      <RunHistorySection entityRef={entityRef} />
    </Grid>
  );
}

function BuildCacheOverview(props: {
  entity: Entity;
  entityRef: CompoundEntityRef;
  workspacePath: string;
}) {
  const { entity, entityRef, workspacePath } = props;
  // "Refresh now" and exemption changes reload everything the tab shows: a pull stores
  // reports, and stored reports are evaluated against the policy as they arrive.
  const [reloadKey, reload] = useReloadKey();
  const latestRun = useLatestRun(entityRef, reloadKey);
  const pullStatus = usePullStatus(entityRef, reloadKey);
  const snapshot = useRepositorySnapshot(entityRef, reloadKey);
  const scorecard = useEntityScorecard(entityRef, reloadKey);

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <LatestRunSection
          entityRef={entityRef}
          workspacePath={workspacePath}
          latestRun={latestRun}
          snapshot={snapshot}
          policy={
            <PolicyCard
              entityRef={entityRef}
              scorecard={scorecard}
              onChanged={reload}
              fix={{
                entity,
                ciRustRelease:
                  latestRun.value?.report.toolchain.rustc?.release ?? null,
              }}
            />
          }
        />
      </Grid>
      <Grid item xs={12}>
        <DataSourcesCard
          entityRef={entityRef}
          pullStatus={pullStatus}
          onRefreshed={reload}
        />
      </Grid>
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
      entity={entity}
      entityRef={getCompoundEntityRef(entity)}
      workspacePath={workspacePath}
    />
  );
}
