import {
  PrewarmScheduleInput,
  PrewarmScope,
  prewarmScopeSchema,
  validatePrewarmScheduleInput,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { scheduleTimesError } from './cronSlots';

/** The user-given fields of a schedule row, as stored. */
export interface StoredScheduleFields {
  name: string;
  cron: string;
  timeZone: string;
  scopeJson: string;
  executorId: string;
  concurrency: number;
  timeLimitMinutes: number;
}

const UNREADABLE_SCOPE: PrewarmScope = { owners: [], tags: [], entityRefs: [] };

/**
 * A stored schedule's input and why it cannot run, or `problem: null`. A row written by an
 * older version or edited in the database may hold what the API refuses today: it gets the
 * same validation as new input, and the scheduler library must find its next run. With a
 * problem, `scope` may be a placeholder (an empty scope would select every entity), so
 * such a schedule must never be planned or run.
 */
export function readStoredSchedule(
  fields: StoredScheduleFields,
  now: Date,
): { input: PrewarmScheduleInput; problem: string | null } {
  const { scopeJson, ...rest } = fields;
  let scope: unknown;
  try {
    scope = JSON.parse(scopeJson);
  } catch {
    return {
      input: { ...rest, scope: UNREADABLE_SCOPE },
      problem: 'scope: the stored scope is not valid JSON',
    };
  }
  const readScope = prewarmScopeSchema.safeParse(scope);
  const input = {
    ...rest,
    scope: readScope.success ? readScope.data : UNREADABLE_SCOPE,
  };
  const validation = validatePrewarmScheduleInput({ ...rest, scope });
  if (!validation.ok) {
    return {
      input,
      problem: validation.issues
        .map(issue => `${issue.path}: ${issue.message}`)
        .join('; '),
    };
  }
  return {
    input,
    problem: scheduleTimesError(rest.cron, rest.timeZone, now),
  };
}
