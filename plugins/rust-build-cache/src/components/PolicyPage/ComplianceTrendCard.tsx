import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { ComplianceTrendChart } from '../../charts/ComplianceTrendChart';
import { useScorecardTrend } from '../../hooks';

const TREND_DAYS = 90;

/** The org's compliance and level shares over the last 90 days, from the daily snapshots. */
export function ComplianceTrendCard() {
  const { loading, error, value } = useScorecardTrend(TREND_DAYS);
  return (
    <InfoCard
      title={`Compliance, last ${TREND_DAYS} days`}
      subheader="Share of services without failing error rules, and at each level"
    >
      {loading && <Progress />}
      {!loading && error && <ResponseErrorPanel error={error} />}
      {!loading && !error && value && <ComplianceTrendChart trend={value} />}
    </InfoCard>
  );
}
