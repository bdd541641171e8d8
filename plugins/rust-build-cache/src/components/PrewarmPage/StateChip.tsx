import Chip from '@material-ui/core/Chip';
import CircularProgress from '@material-ui/core/CircularProgress';
import { makeStyles } from '@material-ui/core/styles';
import type {
  PrewarmJobState,
  PrewarmRunState,
} from '@rust-build-cache/plugin-rust-build-cache-common';

const useStyles = makeStyles(theme => ({
  succeeded: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  failed: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  warning: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
}));

/** The state of a run or job, coloured by outcome, with a spinner while it is running. */
export function StateChip(props: { state: PrewarmRunState | PrewarmJobState }) {
  const classes = useStyles();
  const { state } = props;
  let className: string | undefined;
  if (state === 'succeeded') className = classes.succeeded;
  else if (state === 'failed') className = classes.failed;
  else if (state === 'timed-out' || state === 'cancelled') {
    className = classes.warning;
  }
  return (
    <Chip
      size="small"
      label={state}
      className={className}
      data-testid="state-chip"
      icon={
        state === 'running' ? (
          <CircularProgress size={12} aria-label="in progress" />
        ) : undefined
      }
    />
  );
}
