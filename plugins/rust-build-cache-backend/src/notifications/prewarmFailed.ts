import { PrewarmRunStore, PrewarmScheduleStore } from '../prewarm';
import { CONFIG_SCHEDULE_CREATOR } from '../prewarm/configuredSchedules';
import { NotificationSender } from './NotificationSender';

/** The pre-warming page, where the run and its jobs' logs are. */
export const PREWARM_PAGE_PATH = '/rust-build-cache/prewarm';

/**
 * The pre-warm run store, telling the configured recipient (default: the schedule's
 * creator; none for a schedule from config) when a scheduled run ends with failed or timed-out jobs. The run's state changes once,
 * guarded by its previous state, so only the replica that finished the run sends.
 */
export function notifyOnPrewarmFailed(
  store: PrewarmRunStore,
  options: {
    /** Where the schedule's creator is read, the default recipient. */
    schedules: Pick<PrewarmScheduleStore, 'getSchedule'>;
    sender: NotificationSender;
    recipient: string | null;
  },
): PrewarmRunStore {
  const { schedules, sender, recipient } = options;
  const updateRun: PrewarmRunStore['updateRun'] = async (id, patch, opts) => {
    const updated = await store.updateRun(id, patch, opts);
    if (
      updated &&
      patch.state === 'failed' &&
      sender.isEnabled('prewarmFailed')
    ) {
      await notifyFailedRun(store, schedules, sender, recipient, id);
    }
    return updated;
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'updateRun') return updateRun;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function notifyFailedRun(
  store: Pick<PrewarmRunStore, 'getRun'>,
  schedules: Pick<PrewarmScheduleStore, 'getSchedule'>,
  sender: NotificationSender,
  recipient: string | null,
  runId: string,
): Promise<void> {
  const run = await store.getRun({ id: runId });
  if (!run || run.trigger !== 'schedule') return;
  const failed = run.jobs.filter(
    job => job.state === 'failed' || job.state === 'timed-out',
  );
  if (failed.length === 0) return;
  const schedule = await schedules.getSchedule({ id: run.scheduleId });
  // A schedule from config has no creator to tell; only a configured recipient is.
  const creator =
    schedule?.createdBy === CONFIG_SCHEDULE_CREATOR
      ? null
      : schedule?.createdBy;
  const to = recipient ?? creator;
  if (!to) return;
  const jobs = failed
    .map(
      job =>
        `${job.entityRefs.join(', ')}: ${job.state}${
          job.error ? ` (${job.error})` : ''
        }`,
    )
    .join('; ');
  await sender.send({
    kind: 'prewarmFailed',
    subject: `prewarm-schedule:${run.scheduleId}`,
    recipients: [to],
    severity: 'normal',
    title: `Pre-warm run of '${run.scheduleName}' failed: ${failed.length} of ${run.jobs.length} jobs`,
    description: `Run ${run.id} for ${
      run.scheduledFor ?? run.queuedAt
    } ended with failed or timed-out jobs. ${jobs}`,
    link: PREWARM_PAGE_PATH,
  });
}
