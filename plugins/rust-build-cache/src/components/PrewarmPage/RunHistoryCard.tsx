import { useMemo, useState, type MouseEvent } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import LinearProgress from '@material-ui/core/LinearProgress';
import MenuItem from '@material-ui/core/MenuItem';
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
  useOperation,
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

/** A run as the table holds it: material-table adds `tableData` with the panel's state. */
type RunRowData = PrewarmRun & { tableData?: { showDetailPanel?: unknown } };

function RunJobs(props: { runId: string; reloadKey: number }) {
  const { value, loading, error, active } = usePrewarmRun(
    props.runId,
    props.reloadKey,
  );
  if (loading) return <Progress />;
  if (error && !value) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  return (
    <Box data-testid={`run-jobs-${props.runId}`} p={2}>
      {active && <LinearProgress aria-label="run in progress" />}
      <RunJobsTable jobs={value.jobs} />
    </Box>
  );
}

/** A click inside a row also toggles its jobs; the cancel button must not. */
const keepRowClosed = (event: MouseEvent) => event.stopPropagation();

function CancelButton(props: { run: PrewarmRun; onCancelled: () => void }) {
  const api = useApi(rustBuildCacheApiRef);
  const cancel = useOperation(async () => {
    await api.cancelPrewarmRun(props.run.id);
    props.onCancelled();
  });
  return (
    <Box onClick={keepRowClosed}>
      <Button
        size="small"
        disabled={cancel.running}
        onClick={() => cancel.run()}
      >
        Cancel run
      </Button>
      {cancel.error && (
        <Alert severity="error">{errorMessage(cancel.error)}</Alert>
      )}
    </Box>
  );
}

/**
 * The toggle of a run's jobs. It names the run for screen readers; the click reaches the
 * row, whose `onRowClick` opens the table's detail panel.
 */
function JobsToggle(props: { run: RunRowData }) {
  const { run } = props;
  const open = Boolean(run.tableData?.showDetailPanel);
  return (
    <IconButton
      size="small"
      aria-label={`${open ? 'Hide' : 'Show'} jobs of run ${run.id}`}
      aria-expanded={open}
      data-testid={`run-${run.id}`}
    >
      {open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
    </IconButton>
  );
}

function runColumns(options: {
  canManage: boolean;
  onChanged: () => void;
}): TableColumn<RunRowData>[] {
  const { canManage, onChanged } = options;
  return [
    {
      title: '',
      width: '48px',
      render: run => <JobsToggle run={run} />,
    },
    { title: 'Schedule', field: 'scheduleName' },
    {
      title: 'Trigger',
      render: run =>
        run.trigger === 'manual'
          ? `run now${run.triggeredBy ? ` by ${run.triggeredBy}` : ''}`
          : `scheduled for ${formatTimestamp(run.scheduledFor)}`,
    },
    { title: 'State', render: run => <StateChip state={run.state} /> },
    {
      title: 'Started',
      render: run => formatTimestamp(run.startedAt ?? run.queuedAt),
    },
    {
      title: 'Duration',
      render: run => formatDuration(run.startedAt, run.finishedAt),
    },
    { title: 'Executor', field: 'executorId' },
    {
      title: '',
      render: run =>
        canManage && isActivePrewarmState(run.state) ? (
          <CancelButton run={run} onCancelled={onChanged} />
        ) : null,
    },
  ];
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
  // Stable columns: material-table resets its state (open detail panels) when they change.
  const columns = useMemo(
    () => runColumns({ canManage, onChanged }),
    [canManage, onChanged],
  );
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
      <Box data-testid="prewarm-runs">
        <Table<RunRowData>
          columns={columns}
          data={runs.value.items}
          page={page}
          totalCount={runs.value.total}
          onPageChange={next => setPage(next)}
          onRowClick={(_event, _run, togglePanel) => togglePanel?.()}
          detailPanel={({ rowData }) => (
            <RunJobs runId={rowData.id} reloadKey={reloadKey} />
          )}
          options={{
            toolbar: false,
            search: false,
            sorting: false,
            padding: 'dense',
            paging: runs.value.total > PAGE_SIZE,
            pageSize: PAGE_SIZE,
            pageSizeOptions: [PAGE_SIZE],
            emptyRowsWhenPaging: false,
            // The first column's button names the run; the default toggle cannot.
            showDetailPanelIcon: false,
          }}
        />
      </Box>
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
