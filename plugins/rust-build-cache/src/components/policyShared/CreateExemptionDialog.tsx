import { useMemo, useState } from 'react';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import {
  rustBuildCacheExemptionManagePermission,
  type ExemptionRecord,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { rustBuildCacheApiRef } from '../../api';
import { useOperation } from '../../hooks';
import { errorMessage } from '../EntityRustBuildCacheContent/errorMessage';
import { DialogSubmitActions } from '../shared';
import {
  validateExemptionForm,
  type ExemptionFormErrors,
  type ExemptionFormValues,
} from './exemptionForm';

export interface RuleOption {
  id: string;
  title: string;
}

/**
 * Creates an exemption of one service from one rule. Reason and expiry are mandatory; the
 * form names what is missing before anything is sent, and shows the server's message when
 * the backend refuses.
 */
export function CreateExemptionDialog(props: {
  open: boolean;
  rules: RuleOption[];
  initial?: Partial<Pick<ExemptionFormValues, 'entityRef' | 'ruleId'>>;
  /** The entity is given (the entity page): shown, not editable. */
  fixedEntity?: boolean;
  onClose: () => void;
  onCreated: (exemption: ExemptionRecord) => void;
}) {
  const { open, rules, initial, fixedEntity, onClose, onCreated } = props;
  const api = useApi(rustBuildCacheApiRef);
  const [values, setValues] = useState<ExemptionFormValues>({
    entityRef: initial?.entityRef ?? '',
    ruleId: initial?.ruleId ?? '',
    reason: '',
    expiresOn: '',
  });
  const [errors, setErrors] = useState<ExemptionFormErrors>({});
  // Whether this user may exempt the entered entity (e.g. only owners of it may).
  const targetRef = useMemo(() => {
    try {
      return stringifyEntityRef(parseEntityRef(values.entityRef.trim()));
    } catch {
      return undefined;
    }
  }, [values.entityRef]);
  const permission = usePermission({
    permission: rustBuildCacheExemptionManagePermission,
    resourceRef: targetRef,
  });
  const refusal =
    targetRef && !permission.loading && !permission.allowed
      ? `You may not manage the exemptions of ${targetRef}`
      : undefined;
  const create = useOperation(
    async (request: Parameters<typeof api.createExemption>[0]) => {
      onCreated(await api.createExemption(request));
    },
  );

  const set = (field: keyof ExemptionFormValues) => (value: string) => {
    setValues(current => ({ ...current, [field]: value }));
    setErrors(current => ({ ...current, [field]: undefined }));
  };

  const onSubmit = () => {
    const checked = validateExemptionForm(
      values,
      rules.map(rule => rule.id),
      new Date(),
    );
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    if (refusal || !permission.allowed) return;
    create.run(checked.request);
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="create-exemption-title"
    >
      <DialogTitle id="create-exemption-title">Add exemption</DialogTitle>
      <DialogContent>
        <DialogContentText>
          While the exemption is active, a failing or warning result of the rule
          counts as exempt for this service. It stops applying by itself at
          00:00 UTC on the expiry date.
        </DialogContentText>
        <TextField
          id="exemption-entity"
          label="Entity"
          value={values.entityRef}
          onChange={e => set('entityRef')(e.target.value)}
          disabled={fixedEntity}
          error={!!(errors.entityRef ?? refusal)}
          helperText={
            errors.entityRef ??
            refusal ??
            'Entity ref, e.g. component:default/billing-api'
          }
          fullWidth
          margin="normal"
          required
        />
        <TextField
          select
          label="Rule"
          value={values.ruleId}
          onChange={e => set('ruleId')(e.target.value)}
          error={!!errors.ruleId}
          helperText={errors.ruleId}
          fullWidth
          margin="normal"
          required
          SelectProps={{ SelectDisplayProps: { 'aria-label': 'Rule' } }}
        >
          {rules.map(rule => (
            <MenuItem key={rule.id} value={rule.id}>
              {rule.title} ({rule.id})
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="exemption-reason"
          label="Reason"
          value={values.reason}
          onChange={e => set('reason')(e.target.value)}
          error={!!errors.reason}
          helperText={errors.reason ?? 'Why the rule cannot be met yet'}
          fullWidth
          margin="normal"
          multiline
          minRows={2}
          required
        />
        <TextField
          id="exemption-expires-on"
          label="Expires on"
          type="date"
          value={values.expiresOn}
          onChange={e => set('expiresOn')(e.target.value)}
          error={!!errors.expiresOn}
          helperText={
            errors.expiresOn ??
            'Mandatory: the exemption ends at 00:00 UTC that day'
          }
          fullWidth
          margin="normal"
          required
          InputLabelProps={{ shrink: true }}
        />
        {create.error && (
          <Alert severity="error" data-testid="create-exemption-error">
            <strong>The exemption was not created:</strong>{' '}
            {errorMessage(create.error)}
          </Alert>
        )}
      </DialogContent>
      <DialogSubmitActions
        onCancel={onClose}
        onSubmit={onSubmit}
        submitting={create.running}
      >
        Create exemption
      </DialogSubmitActions>
    </Dialog>
  );
}
