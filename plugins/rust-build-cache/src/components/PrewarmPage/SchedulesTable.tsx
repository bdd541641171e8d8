import { Fragment, useState } from 'react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import DeleteIcon from '@material-ui/icons/Delete';
import EditIcon from '@material-ui/icons/Edit';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import PauseIcon from '@material-ui/icons/Pause';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import PlayCircleOutlineIcon from '@material-ui/icons/PlayCircleOutline';
import type {
  PrewarmExecutorInfo,
  PrewarmSchedule,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatTimestamp, NOT_AVAILABLE } from '../../format';
import { PlanPreview } from './PlanPreview';
import { StateChip } from './StateChip';
import { cronInWords, scopeSummary } from './prewarmFormat';

/** What the schedule list's action buttons do; absent without the manage permission. */
export interface ScheduleActions {
  busyId?: string;
  onEdit: (schedule: PrewarmSchedule) => void;
  onDelete: (schedule: PrewarmSchedule) => void;
  onSetPaused: (schedule: PrewarmSchedule, paused: boolean) => void;
  onRunNow: (schedule: PrewarmSchedule) => void;
}

function ActionButton(props: {
  label: string;
  disabled?: boolean;
  onClick: () => void;
  children: React.ReactNode;
}) {
  return (
    <Tooltip title={props.label}>
      <span>
        <IconButton
          size="small"
          aria-label={props.label}
          disabled={props.disabled}
          onClick={props.onClick}
        >
          {props.children}
        </IconButton>
      </span>
    </Tooltip>
  );
}

function ScheduleActionButtons(props: {
  schedule: PrewarmSchedule;
  actions: ScheduleActions;
}) {
  const { schedule, actions } = props;
  const busy = actions.busyId === schedule.id;
  // A schedule with a problem can only be edited or deleted (the backend refuses the rest).
  const cannotRun = busy || schedule.problem !== null;
  return (
    <Box display="flex">
      <ActionButton
        label={`Run ${schedule.name} now`}
        disabled={cannotRun}
        onClick={() => actions.onRunNow(schedule)}
      >
        <PlayCircleOutlineIcon />
      </ActionButton>
      <ActionButton
        label={`${schedule.paused ? 'Resume' : 'Pause'} ${schedule.name}`}
        disabled={cannotRun}
        onClick={() => actions.onSetPaused(schedule, !schedule.paused)}
      >
        {schedule.paused ? <PlayArrowIcon /> : <PauseIcon />}
      </ActionButton>
      <ActionButton
        label={`Edit ${schedule.name}`}
        disabled={busy}
        onClick={() => actions.onEdit(schedule)}
      >
        <EditIcon />
      </ActionButton>
      <ActionButton
        label={`Delete ${schedule.name}`}
        disabled={busy}
        onClick={() => actions.onDelete(schedule)}
      >
        <DeleteIcon />
      </ActionButton>
    </Box>
  );
}

const useStyles = makeStyles({
  // Entity refs break after their separators, not in the middle of a word.
  scope: { overflowWrap: 'anywhere', wordBreak: 'normal' },
  noWrap: { whiteSpace: 'nowrap' },
});

/**
 * A cell with less side padding than the small table's default: ten facts per schedule
 * fit a 1280 px window without squeezing words into a few letters per line.
 */
function Cell(props: { minWidth?: number; children?: React.ReactNode }) {
  return (
    <TableCell
      style={{ paddingLeft: 8, paddingRight: 8, minWidth: props.minWidth }}
    >
      {props.children}
    </TableCell>
  );
}

function ScheduleRow(props: {
  schedule: PrewarmSchedule;
  executors: PrewarmExecutorInfo[];
  actions?: ScheduleActions;
  columns: number;
}) {
  const { schedule, executors, actions, columns } = props;
  const classes = useStyles();
  const [showPlan, setShowPlan] = useState(false);
  const words = cronInWords(schedule.cron);
  const executor = executors.find(e => e.id === schedule.executorId);
  return (
    <Fragment>
      <TableRow data-testid={`schedule-${schedule.id}`}>
        <Cell minWidth={200}>
          <Typography variant="body2">
            <strong>{schedule.name}</strong>
          </Typography>
          <Typography
            variant="caption"
            color="textSecondary"
            component="div"
            className={classes.scope}
          >
            {/* An unreadable scope comes as a placeholder; its problem names `scope`. */}
            {schedule.problem && /(^|; )scope\b/.test(schedule.problem)
              ? NOT_AVAILABLE
              : scopeSummary(schedule.scope)}
          </Typography>
        </Cell>
        <Cell minWidth={130}>
          {words && <Typography variant="body2">{words}</Typography>}
          <Typography variant="caption" color="textSecondary" component="div">
            <code>{schedule.cron}</code> · {schedule.timeZone}
          </Typography>
          <Typography variant="caption" component="div">
            next:{' '}
            <span>
              {schedule.paused ? 'paused' : formatTimestamp(schedule.nextRunAt)}
            </span>
          </Typography>
        </Cell>
        <Cell minWidth={100}>{executor?.title ?? schedule.executorId}</Cell>
        <Cell>
          <div className={classes.noWrap}>{schedule.concurrency} at a time</div>
          <div className={classes.noWrap}>{schedule.timeLimitMinutes} min</div>
        </Cell>
        <Cell>
          {schedule.problem ? (
            <Chip size="small" color="secondary" label="cannot run" />
          ) : (
            <Chip
              size="small"
              variant="outlined"
              label={schedule.paused ? 'paused' : 'active'}
            />
          )}
        </Cell>
        <Cell>
          {schedule.lastRun ? (
            <>
              <StateChip state={schedule.lastRun.state} />
              <Typography variant="caption" component="div">
                {formatTimestamp(
                  schedule.lastRun.finishedAt ?? schedule.lastRun.startedAt,
                )}
              </Typography>
            </>
          ) : (
            NOT_AVAILABLE
          )}
        </Cell>
        <Cell>
          <Box display="flex">
            <ActionButton
              label={`${showPlan ? 'Hide' : 'Show'} plan of ${schedule.name}`}
              disabled={schedule.problem !== null}
              onClick={() => setShowPlan(!showPlan)}
            >
              {showPlan ? <ExpandLessIcon /> : <ExpandMoreIcon />}
            </ActionButton>
            {actions && (
              <ScheduleActionButtons schedule={schedule} actions={actions} />
            )}
          </Box>
        </Cell>
      </TableRow>
      {schedule.problem && (
        <TableRow>
          <TableCell colSpan={columns}>
            <Alert severity="warning">
              <strong>{schedule.name} cannot run:</strong> {schedule.problem}.
              It was paused; edit it to fix it, then resume it.
            </Alert>
          </TableCell>
        </TableRow>
      )}
      {showPlan && (
        <TableRow>
          <TableCell colSpan={columns}>
            <PlanPreview target={{ scheduleId: schedule.id }} />
          </TableCell>
        </TableRow>
      )}
    </Fragment>
  );
}

const HEADERS = [
  'Name and scope',
  'When',
  'Executor',
  'Limits',
  'State',
  'Last run',
  'Actions',
];

/** The schedules, each with its plan on demand and, for managers, its actions. */
export function SchedulesTable(props: {
  schedules: PrewarmSchedule[];
  executors: PrewarmExecutorInfo[];
  actions?: ScheduleActions;
}) {
  return (
    <Table size="small" aria-label="pre-warming schedules">
      <TableHead>
        <TableRow>
          {HEADERS.map(header => (
            <Cell key={header}>{header}</Cell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.schedules.map(schedule => (
          <ScheduleRow
            key={schedule.id}
            schedule={schedule}
            executors={props.executors}
            actions={props.actions}
            columns={HEADERS.length}
          />
        ))}
      </TableBody>
    </Table>
  );
}
