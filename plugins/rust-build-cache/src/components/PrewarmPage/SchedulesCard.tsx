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
import { useOperation } from '../../hooks';
import { errorMessage } from '../EntityRustBuildCacheContent/errorMessage';
import { DeleteScheduleDialog } from './DeleteScheduleDialog';
import { ScheduleEditorDialog } from './ScheduleEditorDialog';
import { SchedulesTable, type ScheduleActions } from './SchedulesTable';

const WHAT_PREWARMING_DOES =
  "A pre-warming job builds a service's dependencies on a schedule, with sccache writing to the same cache as CI, so the first CI run after a Cargo.lock or toolchain change finds its dependencies already cached instead of compiling them all as misses. Services whose builds share a toolchain, target, profile, RUSTFLAGS, CARGO_* variables, cache and Cargo.lock share one job. It only helps when the job builds exactly like CI: the same rustc, target, profile, RUSTFLAGS, CARGO_* environment variables (names and values) and CARGO_HOME, because sccache's cache keys of the dependencies depend on all of them. The services' own crates are not shared: their keys include the checkout's directory.";

type ScheduleChange = 'run' | 'pause' | 'resume';

const VERB: Record<ScheduleChange, string> = {
  run: 'start',
  pause: 'pause',
  resume: 'resume',
};

/**
 * Runs one schedule action (run now, pause, resume); its outcome is shown in a line above
 * the table: the success text it returns, or why it failed.
 */
function useScheduleActions(onChanged: () => void) {
  const api = useApi(rustBuildCacheApiRef);
  return useOperation(
    async (schedule: PrewarmSchedule, change: ScheduleChange) => {
      try {
        if (change === 'run') {
          await api.runPrewarmScheduleNow(schedule.id);
        } else {
          await api.setPrewarmSchedulePaused(schedule.id, change === 'pause');
        }
      } catch (e) {
        throw new Error(
          `Could not ${VERB[change]} ${schedule.name}: ${errorMessage(
            e as Error,
          )}`,
        );
      }
      onChanged();
      if (change === 'run') {
        return `Started a run of ${schedule.name}; follow it in the run history below.`;
      }
      return `${schedule.name} is ${
        change === 'pause' ? 'paused' : 'active again'
      }.`;
    },
  );
}

/**
 * The schedule list with create, edit, pause/resume, delete and run now. Without the
 * manage permission it is a read-only list.
 */
export function SchedulesCard(props: {
  schedules: { loading: boolean; error?: Error; value?: PrewarmSchedule[] };
  executors: PrewarmExecutorInfo[];
  canManage: boolean;
  /** After any change: the page reloads its schedules, runs and effect. */
  onChanged: () => void;
}) {
  const { schedules, executors, canManage, onChanged } = props;
  const api = useApi(rustBuildCacheApiRef);
  const [editing, setEditing] = useState<PrewarmSchedule | 'new'>();
  const [deleting, setDeleting] = useState<PrewarmSchedule>();
  const [done, setDone] = useState<string>();
  const scheduleAction = useScheduleActions(onChanged);
  const perform = async (schedule: PrewarmSchedule, change: ScheduleChange) => {
    setDone(undefined);
    setDone(await scheduleAction.run(schedule, change));
  };
  const feedback = scheduleAction.error
    ? { severity: 'error' as const, text: scheduleAction.error.message }
    : done && { severity: 'success' as const, text: done };
  const closeFeedback = () => {
    setDone(undefined);
    scheduleAction.clearError();
  };

  const actions: ScheduleActions | undefined = canManage
    ? {
        busyId: scheduleAction.runningWith?.[0].id,
        onRunNow: schedule => perform(schedule, 'run'),
        onSetPaused: (schedule, paused) =>
          perform(schedule, paused ? 'pause' : 'resume'),
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
          <Alert severity={feedback.severity} onClose={closeFeedback}>
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
            scheduleAction.clearError();
            setDone(`Saved ${saved.name}.`);
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
            scheduleAction.clearError();
            setDone(`Deleted ${deleting.name}.`);
            onChanged();
          }}
        />
      )}
    </InfoCard>
  );
}
