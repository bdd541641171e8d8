import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import type { PrewarmJob } from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatCount, formatTimestamp, NOT_AVAILABLE } from '../../format';
import { StateChip } from './StateChip';
import { WarmGroupKeyView } from './WarmGroupKeyView';
import { formatDuration } from './prewarmFormat';

const useStyles = makeStyles(theme => ({
  logTail: {
    fontFamily: 'monospace',
    fontSize: theme.typography.caption.fontSize,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    maxHeight: 240,
    overflow: 'auto',
    margin: 0,
    padding: theme.spacing(1),
    backgroundColor: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
  },
}));

function JobDetails(props: { job: PrewarmJob }) {
  const classes = useStyles();
  const { job } = props;
  return (
    <Box>
      {job.error && (
        <Box mb={1}>
          <Alert severity="error">{job.error}</Alert>
        </Box>
      )}
      <Typography variant="caption" component="div">
        Log tail
      </Typography>
      {job.logTail ? (
        <pre className={classes.logTail} data-testid="job-log-tail">
          {job.logTail}
        </pre>
      ) : (
        <Typography variant="caption" color="textSecondary">
          no output yet
        </Typography>
      )}
    </Box>
  );
}

/** The warm jobs of one run: state, times, where it ran, what it wrote, and its log. */
export function RunJobsTable(props: { jobs: PrewarmJob[] }) {
  if (props.jobs.length === 0) {
    return (
      <Typography variant="body2">
        This run has no warm jobs: nothing in the schedule's scope could be
        planned.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="warm jobs">
      <TableHead>
        <TableRow>
          <TableCell>Job</TableCell>
          <TableCell>State</TableCell>
          <TableCell>Started</TableCell>
          <TableCell>Finished</TableCell>
          <TableCell>Duration</TableCell>
          <TableCell align="right">Cache writes</TableCell>
          <TableCell>Executor run</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.jobs.map(job => (
          <JobRows key={job.id} job={job} />
        ))}
      </TableBody>
    </Table>
  );
}

function JobRows(props: { job: PrewarmJob }) {
  const { job } = props;
  return (
    <>
      <TableRow data-testid={`job-${job.id}`}>
        <TableCell>
          <EntityRefLink entityRef={job.representative.entityRef} />
          <Typography variant="caption" component="div" color="textSecondary">
            serves {formatCount(job.entityRefs.length)}{' '}
            {job.entityRefs.length === 1 ? 'entity' : 'entities'}
          </Typography>
          <WarmGroupKeyView keyOf={job.key} />
        </TableCell>
        <TableCell>
          <StateChip state={job.state} />
        </TableCell>
        <TableCell>{formatTimestamp(job.startedAt)}</TableCell>
        <TableCell>{formatTimestamp(job.finishedAt)}</TableCell>
        <TableCell>{formatDuration(job.startedAt, job.finishedAt)}</TableCell>
        <TableCell align="right" data-testid="job-cache-writes">
          {formatCount(job.cacheWrites)}
        </TableCell>
        <TableCell>
          {job.externalUrl ? (
            <Link to={job.externalUrl}>open</Link>
          ) : (
            NOT_AVAILABLE
          )}
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell colSpan={7}>
          <JobDetails job={job} />
        </TableCell>
      </TableRow>
    </>
  );
}
