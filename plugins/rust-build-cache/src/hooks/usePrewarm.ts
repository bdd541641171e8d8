import { useEffect, useRef } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  rustBuildCachePrewarmManagePermission,
  type PrewarmRun,
  type PrewarmRunState,
  type PrewarmScope,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { rustBuildCacheApiRef } from '../api';

/** How often the run history reloads while a run is queued or running. */
export const PREWARM_POLL_INTERVAL_MS = 3_000;

/** Whether the user may change schedules and start or cancel runs; false while loading. */
export function useCanManagePrewarm(): boolean {
  const { allowed } = usePermission({
    permission: rustBuildCachePrewarmManagePermission,
  });
  return allowed;
}

/** The executors the backend has registered (`local`, `github-actions`, …). */
export function usePrewarmExecutors() {
  const api = useApi(rustBuildCacheApiRef);
  return useAsync(() => api.getPrewarmExecutors(), [api]);
}

/**
 * Every pre-warming schedule. A new `reloadKey` (see `useReloadKey`) loads them again
 * after a change. While a schedule's last run is queued or running (e.g. after "Run
 * now"), the list reloads itself until it is done, so its state does not stay "running"
 * until the page is reloaded.
 */
export function usePrewarmSchedules(reloadKey = 0) {
  const api = useApi(rustBuildCacheApiRef);
  const result = useAsyncRetry(
    () => api.getPrewarmSchedules(),
    [api, reloadKey],
  );
  const active = (result.value ?? []).some(
    schedule =>
      schedule.lastRun && isActivePrewarmState(schedule.lastRun.state),
  );
  useReloadWhile(active, result.loading, result.retry);
  return { value: result.value, loading: result.loading, error: result.error };
}

/** The warm-group plan of a saved schedule, or of a scope being edited. */
export function useWarmPlan(
  target: { scheduleId: string } | { scope: PrewarmScope },
) {
  const api = useApi(rustBuildCacheApiRef);
  const key = JSON.stringify(target);
  return useAsync(
    () => api.getWarmPlan(JSON.parse(key)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );
}

/** True while a run (or job) still has work ahead of it. */
export function isActivePrewarmState(state: string): boolean {
  return state === 'queued' || state === 'running';
}

/**
 * Reloads every `intervalMs` while `active` is true, e.g. while a run is queued or
 * running. Each reload waits for the previous one to settle.
 */
function useReloadWhile(active: boolean, loading: boolean, reload: () => void) {
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => {
    if (!active || loading) return undefined;
    const timer = setTimeout(
      () => reloadRef.current(),
      PREWARM_POLL_INTERVAL_MS,
    );
    return () => clearTimeout(timer);
  }, [active, loading]);
}

/**
 * One page of the run history. While a reload is in flight `value` still holds the
 * previous page, so the table keeps its rows; while any run on the page is queued or
 * running, the page reloads itself.
 */
export function usePrewarmRuns(options: {
  scheduleId?: string;
  state?: PrewarmRunState;
  page: number;
  pageSize: number;
  /** See `useReloadKey`: a new key reloads, e.g. after "run now". */
  reloadKey: number;
}) {
  const api = useApi(rustBuildCacheApiRef);
  const { scheduleId, state, page, pageSize, reloadKey } = options;
  const result = useAsyncRetry(
    () =>
      api.getPrewarmRuns({
        scheduleId,
        state,
        limit: pageSize,
        offset: page * pageSize,
      }),
    [api, scheduleId, state, page, pageSize, reloadKey],
  );
  const last = useLastValue(result.value);
  const active = (last?.items ?? []).some(run =>
    isActivePrewarmState(run.state),
  );
  useReloadWhile(active, result.loading, result.retry);
  return {
    value: last,
    loading: result.loading && last === undefined,
    reloading: result.loading && last !== undefined,
    error: result.error,
    active,
  };
}

/** One run with its jobs; reloads itself while it is queued or running. */
export function usePrewarmRun(id: string, reloadKey: number) {
  const api = useApi(rustBuildCacheApiRef);
  const result = useAsyncRetry(
    () => api.getPrewarmRun(id),
    [api, id, reloadKey],
  );
  const last = useLastValue<PrewarmRun>(result.value);
  const active = last
    ? isActivePrewarmState(last.state) ||
      last.jobs.some(job => isActivePrewarmState(job.state))
    : false;
  useReloadWhile(active, result.loading, result.retry);
  return {
    value: last,
    loading: result.loading && last === undefined,
    error: result.error,
    active,
  };
}

/** Did pre-warming pay? The effect of each warm group over the last `days` days. */
export function usePrewarmEffect(days: number, reloadKey: number) {
  const api = useApi(rustBuildCacheApiRef);
  return useAsync(() => api.getPrewarmEffect({ days }), [api, days, reloadKey]);
}

/** The latest defined value, kept while the next one loads. */
function useLastValue<T>(value: T | undefined): T | undefined {
  const ref = useRef<T | undefined>(value);
  if (value !== undefined) ref.current = value;
  return ref.current;
}
