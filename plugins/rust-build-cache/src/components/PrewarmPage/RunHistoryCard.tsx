import { Fragment, useState } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import LinearProgress from '@material-ui/core/LinearProgress';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import Alert from '@material-ui/lab/Alert';
import type {
  PrewarmRun,
  PrewarmRunState,
  PrewarmSchedule,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { rustBuildCacheApiRef } from '../../api';
import { formatTimestamp } from '../../format';
import {
  isActivePrewarmState,
  usePrewarmRun,
  usePrewarmRuns,
} from '../../hooks';
import { errorMessage } from '../EntityRustBuildCacheContent/errorMessage';
import { RunJobsTable } from './RunJobsTable';
import { StateChip } from './StateChip';
import { formatDuration } from './prewarmFormat';

const RUN_STATES: PrewarmRunState[] = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
];
const PAGE_SIZE = 10;
const COLUMNS = 8;

function RunJobs(props: { runId: string; reloadKey: number }) {
  const { value, loading, error, active } = usePrewarmRun(
    props.runId,
    props.reloadKey,
  );
  if (loading) return <Progress />;
  if (error && !value) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  return (
    <Box data-testid={`run-jobs-${props.runId}`}>
      {active && <LinearProgress aria-label="run in progress" />}
      <RunJobsTable jobs={value.jobs} />
    </Box>
  );
}

function CancelButton(props: { run: PrewarmRun; onCancelled: () => void }) {
  const api = useApi(rustBuildCacheApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  return (
    <>
      <Button
        size="small"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(undefined);
          try {
            await api.cancelPrewarmRun(props.run.id);
            props.onCancelled();
          } catch (e) {
            setError(e as Error);
          } finally {
            setBusy(false);
          }
        }}
      >
        Cancel run
      </Button>
      {error && <Alert severity="error">{errorMessage(error)}</Alert>}
    </>
  );
}

function RunRow(props: {
  run: PrewarmRun;
  canManage: boolean;
  reloadKey: number;
  onChanged: () => void;
}) {
  const { run, canManage, reloadKey, onChanged } = props;
  const [open, setOpen] = useState(false);
  const active = isActivePrewarmState(run.state);
  return (
    <Fragment>
      <TableRow data-testid={`run-${run.id}`}>
        <TableCell padding="checkbox">
          <IconButton
            size="small"
            aria-label={`${open ? 'Hide' : 'Show'} jobs of run ${run.id}`}
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            {open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
          </IconButton>
        </TableCell>
        <TableCell>{run.scheduleName}</TableCell>
        <TableCell>
          {run.trigger === 'manual'
            ? `run now${run.triggeredBy ? ` by ${run.triggeredBy}` : ''}`
            : `scheduled for ${formatTimestamp(run.scheduledFor)}`}
        </TableCell>
        <TableCell>
          <StateChip state={run.state} />
        </TableCell>
        <TableCell>{formatTimestamp(run.startedAt ?? run.queuedAt)}</TableCell>
        <TableCell>{formatDuration(run.startedAt, run.finishedAt)}</TableCell>
        <TableCell>{run.executorId}</TableCell>
        <TableCell>
          {canManage && active && (
            <CancelButton run={run} onCancelled={onChanged} />
          )}
        </TableCell>
      </TableRow>
      {open && (
        <TableRow>
          <TableCell colSpan={COLUMNS}>
            <RunJobs runId={run.id} reloadKey={reloadKey} />
          </TableCell>
        </TableRow>
      )}
    </Fragment>
  );
}

function Filters(props: {
  schedules: PrewarmSchedule[];
  scheduleId: string;
  state: string;
  onScheduleId: (id: string) => void;
  onState: (state: string) => void;
}) {
  return (
    <Box display="flex" mb={2} style={{ gap: 16 }}>
      <TextField
        select
        id="prewarm-runs-schedule"
        label="Schedule"
        value={props.scheduleId}
        onChange={e => props.onScheduleId(String(e.target.value))}
        SelectProps={{ displayEmpty: true }}
        InputLabelProps={{ shrink: true }}
        style={{ minWidth: 220 }}
      >
        <MenuItem value="">All schedules</MenuItem>
        {props.schedules.map(schedule => (
          <MenuItem key={schedule.id} value={schedule.id}>
            {schedule.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        id="prewarm-runs-state"
        label="State"
        value={props.state}
        onChange={e => props.onState(String(e.target.value))}
        SelectProps={{ displayEmpty: true }}
        InputLabelProps={{ shrink: true }}
        style={{ minWidth: 160 }}
      >
        <MenuItem value="">All states</MenuItem>
        {RUN_STATES.map(state => (
          <MenuItem key={state} value={state}>
            {state}
          </MenuItem>
        ))}
      </TextField>
    </Box>
  );
}

/**
 * Past and current runs, newest first, filtered by schedule and state. While a run is
 * queued or running the list reloads itself and shows a progress bar.
 */
export function RunHistoryCard(props: {
  schedules: PrewarmSchedule[];
  canManage: boolean;
  reloadKey: number;
  onChanged: () => void;
}) {
  const { schedules, canManage, reloadKey, onChanged } = props;
  const [scheduleId, setScheduleId] = useState('');
  const [state, setState] = useState('');
  const [page, setPage] = useState(0);
  const runs = usePrewarmRuns({
    scheduleId: scheduleId || undefined,
    state: (state || undefined) as PrewarmRunState | undefined,
    page,
    pageSize: PAGE_SIZE,
    reloadKey,
  });

  let body: React.ReactNode;
  if (runs.loading) body = <Progress />;
  else if (runs.error && !runs.value) {
    body = <ResponseErrorPanel error={runs.error} />;
  } else if (!runs.value || runs.value.items.length === 0) {
    body = (
      <Typography variant="body2" data-testid="no-runs">
        {scheduleId || state
          ? 'No runs match these filters.'
          : 'No runs yet. Schedules start runs at their next run time; "Run now" starts one at once.'}
      </Typography>
    );
  } else {
    body = (
      <>
        <Table size="small" aria-label="pre-warming runs">
          <TableHead>
            <TableRow>
              <TableCell />
              <TableCell>Schedule</TableCell>
              <TableCell>Trigger</TableCell>
              <TableCell>State</TableCell>
              <TableCell>Started</TableCell>
              <TableCell>Duration</TableCell>
              <TableCell>Executor</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {runs.value.items.map(run => (
              <RunRow
                key={run.id}
                run={run}
                canManage={canManage}
                reloadKey={reloadKey}
                onChanged={() => {
                  runs.retry();
                  onChanged();
                }}
              />
            ))}
          </TableBody>
        </Table>
        {runs.value.total > PAGE_SIZE && (
          <TablePagination
            component="div"
            count={runs.value.total}
            page={page}
            rowsPerPage={PAGE_SIZE}
            rowsPerPageOptions={[PAGE_SIZE]}
            onPageChange={(_e, next) => setPage(next)}
          />
        )}
      </>
    );
  }

  return (
    <InfoCard title="Run history">
      <Filters
        schedules={schedules}
        scheduleId={scheduleId}
        state={state}
        onScheduleId={id => {
          setScheduleId(id);
          setPage(0);
        }}
        onState={next => {
          setState(next);
          setPage(0);
        }}
      />
      {runs.active && (
        <Box mb={1}>
          <LinearProgress aria-label="runs in progress" />
          <Typography variant="caption" color="textSecondary">
            A run is in progress; this list refreshes itself.
          </Typography>
        </Box>
      )}
      {runs.error && runs.value && (
        <Alert severity="warning">
          Could not refresh the run history: {errorMessage(runs.error)}
        </Alert>
      )}
      {body}
    </InfoCard>
  );
}
