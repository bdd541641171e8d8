import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  PREWARM_LIMITS,
  type PrewarmExecutorInfo,
  type PrewarmSchedule,
  type PrewarmScheduleInput,
  type PrewarmScope,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { rustBuildCacheApiRef } from '../../api';
import { useOperation } from '../../hooks';
import { errorMessage } from '../EntityRustBuildCacheContent/errorMessage';
import { DialogSubmitActions } from '../shared';
import { PlanPreview } from './PlanPreview';
import { cronInWords } from './prewarmFormat';
import {
  initialFormValues,
  scopeOf,
  validateForm,
  type ScheduleField,
  type ScheduleFormErrors,
  type ScheduleFormValues,
} from './scheduleForm';

function useScheduleForm(
  schedule: PrewarmSchedule | undefined,
  executors: PrewarmExecutorInfo[],
) {
  const [values, setValues] = useState<ScheduleFormValues>(() =>
    initialFormValues(schedule, executors[0]?.id ?? ''),
  );
  const [submitted, setSubmitted] = useState(false);
  const validation = validateForm(values);
  const errors: ScheduleFormErrors =
    submitted && !validation.ok ? validation.errors : {};
  const field = (name: ScheduleField) => ({
    id: `prewarm-schedule-${name}`,
    value: values[name],
    error: Boolean(errors[name]),
    onChange: (event: React.ChangeEvent<{ value: unknown }>) =>
      setValues(current => ({
        ...current,
        [name]: String(event.target.value),
      })),
  });
  return { values, errors, validation, field, setSubmitted };
}

/**
 * Creates a schedule, or edits one. Each field shows what is wrong with it (the same
 * validation as the backend's) once the user tries to save.
 */
export function ScheduleEditorDialog(props: {
  schedule?: PrewarmSchedule;
  executors: PrewarmExecutorInfo[];
  onClose: () => void;
  onSaved: (schedule: PrewarmSchedule) => void;
}) {
  const { schedule, executors, onClose, onSaved } = props;
  const api = useApi(rustBuildCacheApiRef);
  const { values, errors, validation, field, setSubmitted } = useScheduleForm(
    schedule,
    executors,
  );
  // On success the parent closes the dialog.
  const saving = useOperation(async (input: PrewarmScheduleInput) =>
    onSaved(
      schedule
        ? await api.updatePrewarmSchedule(schedule.id, input)
        : await api.createPrewarmSchedule(input),
    ),
  );
  const [previewScope, setPreviewScope] = useState<PrewarmScope>();

  const save = async () => {
    setSubmitted(true);
    if (!validation.ok) return;
    await saving.run(validation.input);
  };

  const cronWords = errors.cron ? null : cronInWords(values.cron);
  const title = schedule ? `Edit ${schedule.name}` : 'New pre-warming schedule';
  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="prewarm-editor-title"
    >
      <DialogTitle id="prewarm-editor-title">{title}</DialogTitle>
      <DialogContent>
        <Grid container spacing={2}>
          <Grid item xs={12}>
            <TextField
              {...field('name')}
              label="Name"
              required
              fullWidth
              helperText={
                errors.name ?? 'Shown in the schedule list and run history'
              }
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <TextField
              {...field('cron')}
              label="Cron expression"
              required
              fullWidth
              helperText={
                errors.cron ??
                (cronWords
                  ? cronWords
                  : 'minute hour day-of-month month day-of-week, e.g. 0 3 * * 1-5')
              }
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <TextField
              {...field('timeZone')}
              label="Time zone"
              required
              fullWidth
              helperText={
                errors.timeZone ?? 'IANA name, e.g. Europe/Berlin or UTC'
              }
            />
          </Grid>
          <Grid item xs={12}>
            <Typography variant="subtitle2">Scope</Typography>
            <Typography variant="caption" color="textSecondary" component="p">
              One per line or comma-separated. Owners and tags select entities
              that match both; explicit entities are added to them. Leave all
              three empty to warm every entity with build-cache reports.
            </Typography>
          </Grid>
          <Grid item xs={12} sm={4}>
            <TextField
              {...field('owners')}
              label="Owners"
              multiline
              minRows={2}
              fullWidth
              placeholder="group:default/payments"
              helperText={errors.owners ?? 'Owner entity refs'}
            />
          </Grid>
          <Grid item xs={12} sm={4}>
            <TextField
              {...field('tags')}
              label="Tags"
              multiline
              minRows={2}
              fullWidth
              placeholder="rust"
              helperText={errors.tags ?? 'Catalog tags'}
            />
          </Grid>
          <Grid item xs={12} sm={4}>
            <TextField
              {...field('entityRefs')}
              label="Entities"
              multiline
              minRows={2}
              fullWidth
              placeholder="component:default/billing-api"
              helperText={errors.entityRefs ?? 'Entity refs'}
            />
          </Grid>
          <Grid item xs={12} sm={4}>
            <TextField
              {...field('executorId')}
              select
              label="Executor"
              required
              fullWidth
              helperText={
                errors.executorId ??
                executors.find(e => e.id === values.executorId)?.description
              }
            >
              {executors.map(executor => (
                <MenuItem key={executor.id} value={executor.id}>
                  {executor.title}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid item xs={12} sm={4}>
            <TextField
              {...field('concurrency')}
              label="Concurrency"
              required
              fullWidth
              inputProps={{ inputMode: 'numeric' }}
              helperText={
                errors.concurrency ??
                `Warm jobs at the same time (${PREWARM_LIMITS.concurrency.min}–${PREWARM_LIMITS.concurrency.max})`
              }
            />
          </Grid>
          <Grid item xs={12} sm={4}>
            <TextField
              {...field('timeLimitMinutes')}
              label="Time limit (minutes)"
              required
              fullWidth
              inputProps={{ inputMode: 'numeric' }}
              helperText={
                errors.timeLimitMinutes ??
                `Each job is stopped after this (${PREWARM_LIMITS.timeLimitMinutes.min}–${PREWARM_LIMITS.timeLimitMinutes.max})`
              }
            />
          </Grid>
          <Grid item xs={12}>
            <Button
              variant="outlined"
              onClick={() => setPreviewScope(scopeOf(values))}
            >
              Preview plan
            </Button>
            {previewScope && (
              <Box mt={2}>
                <PlanPreview target={{ scope: previewScope }} />
              </Box>
            )}
          </Grid>
        </Grid>
        {saving.error && (
          <Box mt={2}>
            <Alert severity="error">
              <strong>Could not save:</strong> {errorMessage(saving.error)}
            </Alert>
          </Box>
        )}
      </DialogContent>
      <DialogSubmitActions
        onCancel={onClose}
        onSubmit={save}
        submitting={saving.running}
      >
        {schedule ? 'Save' : 'Create'}
      </DialogSubmitActions>
    </Dialog>
  );
}
