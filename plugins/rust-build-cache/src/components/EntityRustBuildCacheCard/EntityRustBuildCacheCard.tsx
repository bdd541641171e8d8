import {
  type CompoundEntityRef,
  getCompoundEntityRef,
} from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  RUST_BUILD_CACHE_WORKSPACE_ANNOTATION,
  type EntityScorecard,
  type TimeSeries,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatPercent } from '../../format';
import { useEntityScorecard, usePolicy, useTimeSeries } from '../../hooks';
import { getWorkspacePath } from '../../isRustBuildCacheAvailable';
import { OutcomeChip } from '../policyShared';
import { HitRateSparkline } from './HitRateSparkline';
import { effectiveHitRateOver, topFailingRule } from './overviewSummary';

const TREND_DAYS = 30;
/** The Build cache tab, relative to the entity page the card sits on. */
const TAB_PATH = 'build-cache';

function HitRateSummary(props: { series: TimeSeries }) {
  const { effectiveHitRate, runs } = effectiveHitRateOver(props.series);
  if (runs === 0) {
    return (
      <Typography variant="body2" data-testid="overview-no-runs">
        No CI runs with sccache statistics in the last {TREND_DAYS} days.
      </Typography>
    );
  }
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 16 }}>
      <Box>
        <Typography variant="h4" component="p" data-testid="overview-hit-rate">
          {formatPercent(effectiveHitRate)}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          Rust effective hit rate, {runs} CI run(s) in {TREND_DAYS} days
        </Typography>
      </Box>
      <HitRateSparkline series={props.series} />
    </Box>
  );
}

function PolicySummary(props: { scorecard: EntityScorecard | null }) {
  const { scorecard } = props;
  const policy = usePolicy();
  if (!scorecard) {
    return (
      <Typography variant="body2" data-testid="overview-not-evaluated">
        Not evaluated against the caching policy yet.
      </Typography>
    );
  }
  // Level titles come from the policy; until it loads (or if it cannot), the ids do.
  const levelTitle = (levelId: string) =>
    policy.value?.policy.levels.find(level => level.id === levelId)?.title ??
    levelId;
  const top = topFailingRule(scorecard.results);
  return (
    <>
      <Typography variant="body2" component="div">
        Policy level:{' '}
        {scorecard.level ? (
          <Chip
            size="small"
            color="primary"
            label={levelTitle(scorecard.level)}
            data-testid="overview-level"
          />
        ) : (
          <strong data-testid="overview-level">none reached yet</strong>
        )}
      </Typography>
      {top ? (
        <Box mt={1} data-testid="overview-top-rule">
          <Typography variant="body2" component="div">
            Fix first: <strong>{top.rule.title}</strong>{' '}
            <OutcomeChip outcome={top.rule.result} />
          </Typography>
          <Typography variant="caption" color="textSecondary" component="p">
            {top.rule.summary}
            {top.othersUnmet > 0 &&
              ` ${top.othersUnmet} other rule(s) not met.`}
          </Typography>
        </Box>
      ) : (
        <Typography variant="body2" data-testid="overview-top-rule">
          Every rule of the policy is met.
        </Typography>
      )}
    </>
  );
}

function OverviewBody(props: { entityRef: CompoundEntityRef }) {
  const series = useTimeSeries(props.entityRef, TREND_DAYS);
  const scorecard = useEntityScorecard(props.entityRef);
  if (series.loading || scorecard.loading) return <Progress />;
  const error = series.error ?? scorecard.error;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!series.value) return null;

  const hasRuns = series.value.points.length > 0;
  if (!hasRuns && !scorecard.value) {
    return (
      <EmptyState
        missing="data"
        title="No CI report yet"
        description={
          <>
            Backstage has not received a build-cache report for this service.
            Add the report step to the CI job that builds it: the{' '}
            <Link to={TAB_PATH}>Build cache tab</Link> shows the lines to copy.
          </>
        }
      />
    );
  }
  return (
    <>
      <HitRateSummary series={series.value} />
      <Box mt={2}>
        <PolicySummary scorecard={scorecard.value ?? null} />
      </Box>
    </>
  );
}

/**
 * A card for an entity's overview: the Rust effective hit rate of the last 30 days with its
 * trend, the caching-policy level and the rule to fix first, linking to the Build cache tab.
 */
export function EntityRustBuildCacheCard() {
  const { entity } = useEntity();
  if (!getWorkspacePath(entity)) {
    return (
      <MissingAnnotationEmptyState
        annotation={RUST_BUILD_CACHE_WORKSPACE_ANNOTATION}
      />
    );
  }
  return (
    <InfoCard
      title="Build cache"
      deepLink={{ title: 'Open the Build cache tab', link: TAB_PATH }}
    >
      <OverviewBody entityRef={getCompoundEntityRef(entity)} />
    </InfoCard>
  );
}
