import { InputError } from '@backstage/errors';
import { CronTime } from 'cron';

/**
 * Cron arithmetic of pre-warm schedules, in the schedule's time zone (DST included), with
 * the `cron` package that Backstage's scheduler also uses. -common validates the syntax
 * (also in the browser); this is the authority on the times.
 */
export function cronTime(cron: string, timeZone: string): CronTime {
  try {
    return new CronTime(cron, timeZone);
  } catch (error) {
    throw new InputError(
      `cron: '${cron}' in time zone ${timeZone} is not a usable cron expression: ${
        (error as Error).message
      }`,
    );
  }
}

/** The first cron slot strictly after `after`. */
export function nextSlot(cron: string, timeZone: string, after: Date): Date {
  return cronTime(cron, timeZone).getNextDateFrom(after, timeZone).toJSDate();
}

/** Slots examined at most per look-back window; a schedule firing more often than that within a window falls back to a shorter window first. */
const MAX_SLOTS_PER_WINDOW = 5000;
const DAY_MS = 24 * 60 * 60 * 1000;
const WINDOWS_MS = [DAY_MS, 35 * DAY_MS, 400 * DAY_MS];

/**
 * The latest cron slot in (`after`, `now`], or undefined when there is none. Only the
 * latest: a backend that was down for a week runs the missed nightly once, not seven times.
 * Slots are searched in growing windows before `now` (a day, 35 days, 400 days), so an
 * every-minute cron with an old `after` stays cheap.
 */
export function latestDueSlot(
  cron: string,
  timeZone: string,
  after: Date,
  now: Date,
): Date | undefined {
  const time = cronTime(cron, timeZone);
  for (const windowMs of WINDOWS_MS) {
    const start = new Date(Math.max(after.getTime(), now.getTime() - windowMs));
    let cursor = start;
    let latest: Date | undefined;
    for (let i = 0; i < MAX_SLOTS_PER_WINDOW; i++) {
      const next = time.getNextDateFrom(cursor, timeZone).toJSDate();
      if (next.getTime() > now.getTime()) break;
      latest = next;
      cursor = next;
    }
    if (latest) return latest;
    if (start.getTime() === after.getTime()) return undefined;
  }
  return undefined;
}
