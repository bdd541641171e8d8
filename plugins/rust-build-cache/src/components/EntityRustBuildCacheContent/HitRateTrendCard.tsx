import type { CompoundEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { HitRateChart } from '../../charts/HitRateChart';
import { useTimeSeries } from '../../hooks';

const TREND_DAYS = 90;

function HitRateTrend(props: { entityRef: CompoundEntityRef }) {
  const { loading, error, value } = useTimeSeries(props.entityRef, TREND_DAYS);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return value ? <HitRateChart series={value} /> : null;
}

/** Daily hit rates of the service's CI runs over the last 90 days. */
export function HitRateTrendCard(props: { entityRef: CompoundEntityRef }) {
  return (
    <InfoCard title={`Hit rate, last ${TREND_DAYS} days`}>
      <HitRateTrend entityRef={props.entityRef} />
      <Typography variant="caption" color="textSecondary" component="p">
        Rust's hit rate is Rust hits / (hits + misses) over the day's CI runs;
        C/C++ that build scripts compile through sccache is counted on its own
        (see the latest run). The effective hit rate also counts avoidable
        non-cacheable requests (for example incremental compiles) as misses, and
        leaves out requests that can never be cached: cargo's own rustc probes
        and crate types sccache does not cache (binaries, proc-macros, build
        scripts). A dashed line marks days stored before per-language numbers
        whose reports are gone: their rate is over all languages.
      </Typography>
    </InfoCard>
  );
}
