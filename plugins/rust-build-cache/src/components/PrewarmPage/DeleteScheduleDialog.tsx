import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import type { PrewarmSchedule } from '@rust-build-cache/plugin-rust-build-cache-common';
import { useOperation } from '../../hooks';
import { errorMessage } from '../EntityRustBuildCacheContent/errorMessage';

/** Asks before deleting a schedule; its run history stays. */
export function DeleteScheduleDialog(props: {
  schedule: PrewarmSchedule;
  onCancel: () => void;
  onConfirm: () => Promise<void>;
}) {
  const { schedule, onCancel, onConfirm } = props;
  // On success the parent closes the dialog.
  const deletion = useOperation(onConfirm);
  return (
    <Dialog open onClose={onCancel} aria-labelledby="prewarm-delete-title">
      <DialogTitle id="prewarm-delete-title">
        Delete schedule {schedule.name}?
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          It will no longer run. The history of its past runs stays.
        </DialogContentText>
        {deletion.error && (
          <Alert severity="error">
            <strong>Could not delete:</strong> {errorMessage(deletion.error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button
          color="secondary"
          disabled={deletion.running}
          onClick={() => deletion.run()}
        >
          Delete
        </Button>
      </DialogActions>
    </Dialog>
  );
}
