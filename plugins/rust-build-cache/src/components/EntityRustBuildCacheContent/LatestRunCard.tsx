import { InfoCard, Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  isWebUrl,
  type RunDetail,
  type RunMetrics,
  type SccacheStats,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatCount, formatTimestamp, shortCommit } from '../../format';
import { CacheLevelsTable } from './CacheLevelsTable';
import { CacheSize } from './CacheSize';
import { type LabelledRow, LabelledRows } from './LabelledRows';
import { ReportProblemsAlert } from './ReportProblemsAlert';
import { failureRows, languageRows, savedTimeRow } from './runMetricRows';

function metricRows(metrics: RunMetrics): LabelledRow[] {
  return [
    {
      label: 'Compile requests',
      value: metrics.clientSideMode ? (
        <>
          {formatCount(metrics.requests)}
          <Typography variant="caption" color="textSecondary" component="p">
            sccache ran in client-side mode (SCCACHE_CLIENT_SIDE) and counted
            none: this is the sum of their outcomes.
          </Typography>
        </>
      ) : (
        formatCount(metrics.requests)
      ),
    },
    ...languageRows(metrics),
    ...failureRows(metrics),
    savedTimeRow(metrics),
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

/**
 * The numbers of the newest run: Rust's hit rates and each other language's, the cache
 * failures by kind, the cache backend (level by level for a multi-level cache) and its
 * fill level.
 */
export function LatestRunCard(props: { run: RunDetail }) {
  const { run } = props;
  const sccache = run.report.sccache;
  return (
    <InfoCard title="Latest run" subheader={<RunSubheader run={run} />}>
      <ReportProblemsAlert problems={run.report.problems} />
      {run.metrics && sccache ? (
        <>
          <LabelledRows
            rows={[...metricRows(run.metrics), ...cacheRows(sccache)]}
          />
          {/* The levels get the card's whole width: a table does not fit a value cell. */}
          {run.metrics.cacheLevels && (
            <Box mt={2}>
              <Typography variant="subtitle2" component="h3">
                Cache levels
              </Typography>
              <CacheLevelsTable levels={run.metrics.cacheLevels} />
            </Box>
          )}
        </>
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
