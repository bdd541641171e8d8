import {
  validatePrewarmScheduleInput,
  type PrewarmScheduleInput,
  type PrewarmScope,
} from '@rust-build-cache/plugin-rust-build-cache-common';

/** The editor's fields as typed: lists and numbers are still text. */
export interface ScheduleFormValues {
  name: string;
  cron: string;
  timeZone: string;
  owners: string;
  tags: string;
  entityRefs: string;
  executorId: string;
  concurrency: string;
  timeLimitMinutes: string;
}

export type ScheduleField = keyof ScheduleFormValues;

export type ScheduleFormErrors = Partial<Record<ScheduleField, string>>;

function browserTimeZone(): string {
  try {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The fields of an existing schedule, or the defaults of a new one. */
export function initialFormValues(
  schedule: PrewarmScheduleInput | undefined,
  defaultExecutorId: string,
): ScheduleFormValues {
  if (schedule) {
    return {
      name: schedule.name,
      cron: schedule.cron,
      timeZone: schedule.timeZone,
      owners: schedule.scope.owners.join('\n'),
      tags: schedule.scope.tags.join('\n'),
      entityRefs: schedule.scope.entityRefs.join('\n'),
      executorId: schedule.executorId,
      concurrency: String(schedule.concurrency),
      timeLimitMinutes: String(schedule.timeLimitMinutes),
    };
  }
  return {
    name: '',
    cron: '0 3 * * 1-5',
    timeZone: browserTimeZone(),
    owners: '',
    tags: '',
    entityRefs: '',
    executorId: defaultExecutorId,
    concurrency: '2',
    timeLimitMinutes: '60',
  };
}

/** A list typed one per line or separated by commas. */
export function parseList(text: string): string[] {
  return text
    .split(/[\n,]+/)
    .map(item => item.trim())
    .filter(Boolean);
}

export function scopeOf(values: ScheduleFormValues): PrewarmScope {
  return {
    owners: parseList(values.owners),
    tags: parseList(values.tags),
    entityRefs: parseList(values.entityRefs),
  };
}

const WHOLE_NUMBER = /^\s*\d+\s*$/;

/**
 * The schedule input the form describes, or the message of each field that is wrong.
 * Validation is `validatePrewarmScheduleInput` from -common, the same as the backend's.
 */
export function validateForm(
  values: ScheduleFormValues,
):
  | { ok: true; input: PrewarmScheduleInput }
  | { ok: false; errors: ScheduleFormErrors } {
  const errors: ScheduleFormErrors = {};
  for (const field of ['concurrency', 'timeLimitMinutes'] as const) {
    if (!WHOLE_NUMBER.test(values[field])) {
      errors[field] = 'must be a whole number';
    }
  }
  const result = validatePrewarmScheduleInput({
    name: values.name,
    cron: values.cron,
    timeZone: values.timeZone,
    scope: scopeOf(values),
    executorId: values.executorId,
    concurrency: Number(values.concurrency),
    timeLimitMinutes: Number(values.timeLimitMinutes),
  });
  if (!result.ok) {
    for (const issue of result.issues) {
      const [first, second] = issue.path.split('.');
      const field = (first === 'scope' ? second : first) as ScheduleField;
      if (field in values && !errors[field]) errors[field] = issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !result.ok) {
    return { ok: false, errors };
  }
  return { ok: true, input: result.value };
}
