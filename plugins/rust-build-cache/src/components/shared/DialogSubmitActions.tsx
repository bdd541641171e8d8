import type { ReactNode } from 'react';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import DialogActions from '@material-ui/core/DialogActions';

/**
 * A dialog's Cancel button and its contained submit button, which is disabled and shows a
 * spinner while the submission is in flight.
 */
export function DialogSubmitActions(props: {
  onCancel: () => void;
  onSubmit: () => void;
  submitting: boolean;
  submitColor?: 'primary' | 'secondary';
  children: ReactNode;
}) {
  const { onCancel, onSubmit, submitting, submitColor = 'primary' } = props;
  return (
    <DialogActions>
      <Button onClick={onCancel}>Cancel</Button>
      <Button
        color={submitColor}
        variant="contained"
        onClick={onSubmit}
        disabled={submitting}
        startIcon={submitting ? <CircularProgress size={16} /> : undefined}
      >
        {props.children}
      </Button>
    </DialogActions>
  );
}
