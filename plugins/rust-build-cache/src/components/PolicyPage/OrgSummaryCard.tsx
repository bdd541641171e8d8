import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import type { ScorecardSummary } from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatCount, formatPercent, formatTimestamp } from '../../format';

function ShareBar(props: {
  label: string;
  value: number | null;
  detail: string;
}) {
  const { label, value, detail } = props;
  return (
    <Box mb={2} data-testid={`share-${label}`}>
      <Box display="flex" justifyContent="space-between">
        <Typography variant="body2">{label}</Typography>
        <Typography variant="body2">
          <strong>{formatPercent(value)}</strong> ({detail})
        </Typography>
      </Box>
      <LinearProgress
        variant="determinate"
        value={(value ?? 0) * 100}
        aria-label={`${label} share`}
      />
    </Box>
  );
}

/** The org at a glance: how many services comply, and how many reach each level. */
export function OrgSummaryCard(props: { summary: ScorecardSummary }) {
  const { summary } = props;
  return (
    <InfoCard
      title="Organisation"
      subheader={`${formatCount(
        summary.entities,
      )} services evaluated, last at ${formatTimestamp(summary.evaluatedAt)}`}
    >
      <Grid container spacing={3}>
        <Grid item xs={12} md={4}>
          <Typography variant="overline" component="p">
            Compliance
          </Typography>
          <Typography variant="h3" component="p" data-testid="org-compliance">
            {formatPercent(summary.compliance)}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {formatCount(summary.compliant)} of {formatCount(summary.entities)}{' '}
            services have no failing rule of severity error.
          </Typography>
        </Grid>
        <Grid item xs={12} md={8}>
          <Typography variant="overline" component="p">
            Services per level
          </Typography>
          {summary.levels.map(level => (
            <ShareBar
              key={level.levelId}
              label={level.title}
              value={level.share}
              detail={`${formatCount(level.entities)} of ${formatCount(
                summary.entities,
              )}`}
            />
          ))}
          <Typography variant="caption" color="textSecondary">
            Levels are cumulative: a service at a higher level counts toward the
            lower ones too.
          </Typography>
        </Grid>
      </Grid>
    </InfoCard>
  );
}
