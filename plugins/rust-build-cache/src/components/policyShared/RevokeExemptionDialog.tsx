import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import type { ExemptionRecord } from '@rust-build-cache/plugin-rust-build-cache-common';
import { rustBuildCacheApiRef } from '../../api';
import { useOperation } from '../../hooks';
import { errorMessage } from '../EntityRustBuildCacheContent/errorMessage';
import { DialogSubmitActions } from '../shared';

/** Asks before revoking: the rule's failures count again right away. */
export function RevokeExemptionDialog(props: {
  exemption: ExemptionRecord;
  onClose: () => void;
  onRevoked: (exemption: ExemptionRecord) => void;
}) {
  const { exemption, onClose, onRevoked } = props;
  const api = useApi(rustBuildCacheApiRef);
  const [reason, setReason] = useState('');
  const revoke = useOperation(async () => {
    const revoked = await api.revokeExemption(exemption.id, {
      reason: reason.trim() || undefined,
    });
    onRevoked(revoked);
  });

  return (
    <Dialog open onClose={onClose} aria-labelledby="revoke-exemption-title">
      <DialogTitle id="revoke-exemption-title">Revoke exemption?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {exemption.entityRef} is exempt from <code>{exemption.ruleId}</code> (
          {exemption.reason}). Once revoked, failures of this rule count against
          the service again.
        </DialogContentText>
        <TextField
          id="revoke-exemption-reason"
          label="Reason for revoking (optional)"
          value={reason}
          onChange={e => setReason(e.target.value)}
          fullWidth
          margin="normal"
        />
        {revoke.error && (
          <Alert severity="error" data-testid="revoke-exemption-error">
            <strong>The exemption was not revoked:</strong>{' '}
            {errorMessage(revoke.error)}
          </Alert>
        )}
      </DialogContent>
      <DialogSubmitActions
        onCancel={onClose}
        onSubmit={() => revoke.run()}
        submitting={revoke.running}
        submitColor="secondary"
      >
        Revoke
      </DialogSubmitActions>
    </Dialog>
  );
}
