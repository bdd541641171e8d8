import { InfoCard, Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  isWebUrl,
  type RunDetail,
  type RunMetrics,
  type SccacheStats,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  formatCount,
  formatPercent,
  formatSeconds,
  formatTimestamp,
  shortCommit,
} from '../../format';
import { CacheSize } from './CacheSize';
import { type LabelledRow, LabelledRows } from './LabelledRows';
import { ReportProblemsAlert } from './ReportProblemsAlert';

function describeExcluded(metrics: RunMetrics): string {
  if (metrics.excludedFromEffective.length === 0) return 'nothing left out';
  const parts = metrics.excludedFromEffective.map(
    ({ reason, count }) => `"${reason}" × ${formatCount(count)}`,
  );
  return `leaves out ${parts.join(', ')}`;
}

function metricRows(metrics: RunMetrics): LabelledRow[] {
  return [
    { label: 'Compile requests', value: formatCount(metrics.requests) },
    { label: 'Hits', value: formatCount(metrics.hits) },
    { label: 'Misses', value: formatCount(metrics.misses) },
    { label: 'Errors', value: formatCount(metrics.errors) },
    { label: 'Hit rate', value: formatPercent(metrics.hitRate) },
    {
      label: 'Effective hit rate',
      value: (
        <>
          {formatPercent(metrics.effectiveHitRate)}
          <Typography variant="caption" color="textSecondary" component="p">
            {describeExcluded(metrics)}
          </Typography>
        </>
      ),
    },
    {
      label: 'Estimated compile time saved',
      value: (
        <>
          {metrics.estimatedSecondsSaved === null
            ? 'not estimated: the run compiled nothing to take a mean compile time from'
            : `about ${formatSeconds(metrics.estimatedSecondsSaved)}`}
          <Typography variant="caption" color="textSecondary" component="p">
            An estimate: hits × the mean compile time in this run, minus the
            time spent reading hits. sccache does not record what a hit would
            have cost to compile.
          </Typography>
        </>
      ),
    },
  ];
}

function cacheRows(sccache: SccacheStats): LabelledRow[] {
  return [
    { label: 'Cache backend', value: sccache.cache.backend },
    { label: 'Cache location', value: sccache.cache.location },
    { label: 'Cache size', value: <CacheSize cache={sccache.cache} /> },
    {
      label: 'sccache version',
      value: sccache.version ?? 'not reported (sccache 0.4.0-pre or older)',
    },
  ];
}

function RunSubheader(props: { run: RunDetail }) {
  const { run } = props;
  const where = [run.branch, run.commit && shortCommit(run.commit), run.job]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      Finished {formatTimestamp(run.finishedAt)} · {where}
      {/* Only http(s) is a link: older reports may hold `javascript:` or `data:` URLs. */}
      {run.url && isWebUrl(run.url) && (
        <>
          {' · '}
          <Link to={run.url}>CI run</Link>
        </>
      )}
    </>
  );
}

/** The numbers of the newest run: requests, hit rates, cache backend and fill level. */
export function LatestRunCard(props: { run: RunDetail }) {
  const { run } = props;
  const sccache = run.report.sccache;
  return (
    <InfoCard title="Latest run" subheader={<RunSubheader run={run} />}>
      <ReportProblemsAlert problems={run.report.problems} />
      {run.metrics && sccache ? (
        <LabelledRows
          rows={[...metricRows(run.metrics), ...cacheRows(sccache)]}
        />
      ) : (
        <Alert severity="warning">
          This report carries no sccache statistics: sccache was probably not
          the rustc wrapper in this job. Set RUSTC_WRAPPER to sccache for the
          build.
        </Alert>
      )}
    </InfoCard>
  );
}
