import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  PrewarmScheduleInput,
  validatePrewarmScheduleInput,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { PrewarmService } from './PrewarmService';

const KEY = 'rustBuildCache.prewarm.schedules';

/** `createdBy` of schedules created from config: no user, so no default notification recipient. */
export const CONFIG_SCHEDULE_CREATOR = 'app-config';

/**
 * The schedules of `rustBuildCache.prewarm.schedules`, validated like API input, with
 * defaults for what may be left out (time zone UTC, an empty scope list, concurrency 1, a
 * 60-minute time limit). Errors name the config key of the bad field.
 */
export function readConfiguredSchedules(
  config: Config,
): PrewarmScheduleInput[] {
  const entries = config.getOptionalConfigArray(KEY) ?? [];
  const names = new Set<string>();
  return entries.map((entry, index) => {
    const key = `${KEY}[${index}]`;
    const scope = entry.getOptionalConfig('scope');
    const input = {
      name: entry.getOptionalString('name'),
      cron: entry.getOptionalString('cron'),
      timeZone: entry.getOptionalString('timeZone') ?? 'UTC',
      scope: {
        owners: scope?.getOptionalStringArray('owners') ?? [],
        tags: scope?.getOptionalStringArray('tags') ?? [],
        entityRefs: scope?.getOptionalStringArray('entityRefs') ?? [],
      },
      executorId: entry.getOptionalString('executorId'),
      concurrency: entry.getOptionalNumber('concurrency') ?? 1,
      timeLimitMinutes: entry.getOptionalNumber('timeLimitMinutes') ?? 60,
    };
    const validation = validatePrewarmScheduleInput(input);
    if (!validation.ok) {
      throw new Error(
        `Invalid config ${key}: ${validation.issues
          .map(issue => `${key}.${issue.path}: ${issue.message}`)
          .join('; ')}`,
      );
    }
    const name = validation.value.name;
    if (names.has(name)) {
      throw new Error(
        `Invalid config ${key}.name: '${name}' is declared twice; schedules are matched by name`,
      );
    }
    names.add(name);
    return validation.value;
  });
}

/**
 * Creates each configured schedule that no schedule of the same name exists for. Existing
 * ones are left as they are, so that edits in the UI stay; a deleted one comes back at
 * the next start.
 */
export async function createConfiguredSchedules(options: {
  config: Config;
  prewarm: Pick<PrewarmService, 'listSchedules' | 'createSchedule'>;
  logger: LoggerService;
}): Promise<void> {
  const configured = readConfiguredSchedules(options.config);
  if (configured.length === 0) return;
  const existing = new Set(
    (await options.prewarm.listSchedules()).map(schedule => schedule.name),
  );
  for (const [index, input] of configured.entries()) {
    if (existing.has(input.name)) continue;
    try {
      await options.prewarm.createSchedule(input, CONFIG_SCHEDULE_CREATOR);
    } catch (error) {
      throw new Error(
        `Cannot create pre-warm schedule '${input.name}' of ${KEY}[${index}]: ${error}`,
      );
    }
    options.logger.info(
      `Created pre-warm schedule '${input.name}' from ${KEY}[${index}]`,
    );
  }
}
