import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type {
  PrewarmRun,
  PrewarmSchedule,
  WarmPlan,
} from '@rust-build-cache/plugin-rust-build-cache-common';

/**
 * Pre-warm schedules and runs as modules inside the backend may drive them, e.g. to seed
 * a demo. The HTTP routes that start runs accept users only; a module is code of the
 * backend itself and names itself in `triggeredBy`.
 *
 * @public
 */
export interface PrewarmRunStarter {
  /** Every schedule, with its last run. */
  listSchedules(): Promise<PrewarmSchedule[]>;
  /** The plan a run of the schedule would execute now. */
  plan(scheduleId: string): Promise<WarmPlan>;
  /** "Run now": planned now, executed in the background; see `getRun` for its end. */
  runNow(scheduleId: string, triggeredBy: string): Promise<PrewarmRun>;
  /** A run with its jobs; rejects with a `NotFoundError` for an unknown id. */
  getRun(runId: string): Promise<PrewarmRun>;
}

/**
 * Hands modules the {@link PrewarmRunStarter} once the rust-build-cache backend has started.
 *
 * @public
 */
export interface RustBuildCachePrewarmRunsExtensionPoint {
  /** Called once, when the backend has started (its startup hooks run). */
  onStarted(callback: (runs: PrewarmRunStarter) => void): void;
}

/**
 * Extension point for modules that start pre-warm runs ({@link PrewarmRunStarter}).
 *
 * @public
 */
export const rustBuildCachePrewarmRunsExtensionPoint =
  createExtensionPoint<RustBuildCachePrewarmRunsExtensionPoint>({
    id: 'rust-build-cache.prewarm-runs',
  });
