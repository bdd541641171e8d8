import { useState } from 'react';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import AddIcon from '@material-ui/icons/Add';
import Alert from '@material-ui/lab/Alert';
import type {
  PrewarmExecutorInfo,
  PrewarmSchedule,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { rustBuildCacheApiRef } from '../../api';
import { errorMessage } from '../EntityRustBuildCacheContent/errorMessage';
import { DeleteScheduleDialog } from './DeleteScheduleDialog';
import { ScheduleEditorDialog } from './ScheduleEditorDialog';
import { SchedulesTable, type ScheduleActions } from './SchedulesTable';

const WHAT_PREWARMING_DOES =
  "A pre-warming job builds a service's dependencies on a schedule, with sccache writing to the same cache as CI, so the first CI run after a Cargo.lock or toolchain change finds its dependencies already cached instead of compiling them all as misses. Services whose builds share a toolchain, target, profile, RUSTFLAGS, CARGO_* variables, cache and Cargo.lock share one job. It only helps when the job builds exactly like CI: the same rustc, target, profile, RUSTFLAGS, CARGO_* environment variables (names and values) and CARGO_HOME, because sccache's cache keys of the dependencies depend on all of them. The services' own crates are not shared: their keys include the checkout's directory.";

type Feedback = { severity: 'success' | 'error'; text: string };

/** Runs one schedule action, reporting its outcome in a line above the table. */
function useScheduleActions(options: {
  onChanged: () => void;
  onRunStarted: () => void;
}) {
  const api = useApi(rustBuildCacheApiRef);
  const [busyId, setBusyId] = useState<string>();
  const [feedback, setFeedback] = useState<Feedback>();
  const perform = async (
    schedule: PrewarmSchedule,
    what: string,
    action: () => Promise<string>,
  ) => {
    setBusyId(schedule.id);
    setFeedback(undefined);
    try {
      const text = await action();
      setFeedback({ severity: 'success', text });
    } catch (e) {
      setFeedback({
        severity: 'error',
        text: `Could not ${what} ${schedule.name}: ${errorMessage(e as Error)}`,
      });
    } finally {
      setBusyId(undefined);
    }
  };
  const onRunNow = (schedule: PrewarmSchedule) =>
    perform(schedule, 'start', async () => {
      await api.runPrewarmScheduleNow(schedule.id);
      options.onRunStarted();
      options.onChanged();
      return `Started a run of ${schedule.name}; follow it in the run history below.`;
    });
  const onSetPaused = (schedule: PrewarmSchedule, paused: boolean) =>
    perform(schedule, paused ? 'pause' : 'resume', async () => {
      await api.setPrewarmSchedulePaused(schedule.id, paused);
      options.onChanged();
      return `${schedule.name} is ${paused ? 'paused' : 'active again'}.`;
    });
  return { busyId, feedback, setFeedback, onRunNow, onSetPaused };
}

/**
 * The schedule list with create, edit, pause/resume, delete and run now. Without the
 * manage permission it is a read-only list.
 */
export function SchedulesCard(props: {
  schedules: { loading: boolean; error?: Error; value?: PrewarmSchedule[] };
  executors: PrewarmExecutorInfo[];
  canManage: boolean;
  onChanged: () => void;
  onRunStarted: () => void;
}) {
  const { schedules, executors, canManage, onChanged, onRunStarted } = props;
  const api = useApi(rustBuildCacheApiRef);
  const [editing, setEditing] = useState<PrewarmSchedule | 'new'>();
  const [deleting, setDeleting] = useState<PrewarmSchedule>();
  const { busyId, feedback, setFeedback, onRunNow, onSetPaused } =
    useScheduleActions({ onChanged, onRunStarted });

  const actions: ScheduleActions | undefined = canManage
    ? {
        busyId,
        onRunNow,
        onSetPaused,
        onEdit: schedule => setEditing(schedule),
        onDelete: schedule => setDeleting(schedule),
      }
    : undefined;

  const createButton =
    canManage && executors.length > 0 ? (
      <Button
        variant="contained"
        color="primary"
        startIcon={<AddIcon />}
        onClick={() => setEditing('new')}
      >
        New schedule
      </Button>
    ) : undefined;

  let body: React.ReactNode;
  if (schedules.loading && !schedules.value) {
    body = <Progress />;
  } else if (schedules.error) {
    body = <ResponseErrorPanel error={schedules.error} />;
  } else if (!schedules.value || schedules.value.length === 0) {
    body = (
      <EmptyState
        missing="content"
        title="No pre-warming schedules yet"
        description={
          <>
            {WHAT_PREWARMING_DOES}{' '}
            {canManage
              ? 'Create a schedule with "New schedule": pick the services (by owner, tag or entity), when to run, and the executor; "Preview plan" shows the warm jobs it would run.'
              : 'Someone with the pre-warm manage permission can create one.'}
          </>
        }
        action={createButton}
      />
    );
  } else {
    body = (
      <>
        {createButton && <Box mb={2}>{createButton}</Box>}
        <SchedulesTable
          schedules={schedules.value}
          executors={executors}
          actions={actions}
        />
      </>
    );
  }

  return (
    <InfoCard title="Schedules">
      {feedback && (
        <Box mb={2}>
          <Alert
            severity={feedback.severity}
            onClose={() => setFeedback(undefined)}
          >
            {feedback.text}
          </Alert>
        </Box>
      )}
      {body}
      {editing && (
        <ScheduleEditorDialog
          schedule={editing === 'new' ? undefined : editing}
          executors={executors}
          onClose={() => setEditing(undefined)}
          onSaved={saved => {
            setEditing(undefined);
            setFeedback({ severity: 'success', text: `Saved ${saved.name}.` });
            onChanged();
          }}
        />
      )}
      {deleting && (
        <DeleteScheduleDialog
          schedule={deleting}
          onCancel={() => setDeleting(undefined)}
          onConfirm={async () => {
            await api.deletePrewarmSchedule(deleting.id);
            setDeleting(undefined);
            setFeedback({
              severity: 'success',
              text: `Deleted ${deleting.name}.`,
            });
            onChanged();
          }}
        />
      )}
    </InfoCard>
  );
}
