import { CronTime } from 'cron';

/**
 * Cron arithmetic of pre-warm schedules, in the schedule's time zone (DST included), with
 * the `cron` package that Backstage's scheduler also uses. -common validates the syntax
 * and that an expression fires at all (also in the browser); this is the authority on the
 * times.
 */
export function cronTime(cron: string, timeZone: string): CronTime {
  return new CronTime(cron, timeZone);
}

/** The first cron slot strictly after `after`. */
export function nextSlot(cron: string, timeZone: string, after: Date): Date {
  return cronTime(cron, timeZone).getNextDateFrom(after, timeZone).toJSDate();
}

/**
 * Why the scheduler library cannot run a schedule, naming the field (`cron: ...`), or null
 * when it computes a next run after `now`. The library gives up on expressions without a
 * run in the next 8 years (such as 31 February), and on what it does not understand.
 */
export function scheduleTimesError(
  cron: string,
  timeZone: string,
  now: Date,
): string | null {
  let time: CronTime;
  try {
    time = cronTime(cron, timeZone);
  } catch (error) {
    const message = firstLine(error);
    return /time ?zone/i.test(message)
      ? `timeZone: '${timeZone}' is not a time zone the scheduler knows (${message})`
      : `cron: '${cron}' is not understood by the scheduler (${message})`;
  }
  try {
    time.getNextDateFrom(now, timeZone);
    return null;
  } catch (error) {
    const message = firstLine(error);
    return /no execution date was found/i.test(message)
      ? `cron: '${cron}' never fires: no run time in the next 8 years in ${timeZone}`
      : `cron: the scheduler cannot compute the next run of '${cron}' in ${timeZone} (${message})`;
  }
}

/** The library's messages run over several lines of debugging help; the first says it. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')[0]
    .replace(/^Something went wrong\.\s*/, '')
    .trim();
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
