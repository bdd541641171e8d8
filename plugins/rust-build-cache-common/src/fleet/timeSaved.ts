import type {
  FleetEstimateMethod,
  FleetTimeSaved,
  FleetTimeSavedWeek,
} from '../api/fleetTypes';
import { round } from './compileTime';

/**
 * One UTC day of the fleet's CI runs, from the daily rollups: each service's hits priced
 * at that service's mean compile seconds per miss over the whole range. @public
 */
export interface FleetSavingsDay {
  /** `YYYY-MM-DD` */
  day: string;
  runs: number;
  hits: number;
  /** Hits of services that had no miss in the range, so no compile time to price them. */
  unpricedHits: number;
  secondsSaved: number;
}

/** @public */
export const FLEET_TIME_SAVED_METHOD: FleetEstimateMethod = {
  formula:
    "For each service: Rust cache hits of the week × its mean compile seconds per Rust miss over all the weeks shown (sccache's compile seconds ÷ misses, summed over its CI runs); summed over the services. A hit is taken to save what the service's compiles cost on average.",
  limits: [
    'Services without a single miss in the weeks shown have no compile time to price their hits with: their hits are counted as unpriced and add nothing.',
    "A hit is priced at the service's mean compile; the crates that hit are often its large dependencies, so the estimate can be off either way.",
    'sccache times the compiles of every language (and, from sccache 0.9 on, compiles it did not cache too) but counts Rust misses only: with C/C++ from build scripts the price per miss is too high.',
    'Compile seconds add up across parallel compiles: this is compile (CPU) time saved, not wall-clock time of the builds. The time to read hits from the cache is not subtracted.',
    'Only CI runs whose reports reach Backstage count; pre-warm jobs are left out. The current week is not over yet.',
  ],
};

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;

/** Monday 00:00 UTC of the week of `time` (epoch ms). */
export function weekStartOf(time: number): number {
  const day = Math.floor(time / DAY_MS) * DAY_MS;
  const weekday = new Date(day).getUTCDay();
  return day - ((weekday + 6) % 7) * DAY_MS;
}

/** The first day of the range of `weeks` weeks up to and including the current one. @public */
export function fleetTimeSavedFromDay(now: Date, weeks: number): string {
  const first = weekStartOf(now.getTime()) - (weeks - 1) * WEEK_MS;
  return new Date(first).toISOString().slice(0, 10);
}

/**
 * The fleet's estimated compile time saved per week over the `weeks` weeks up to and
 * including the current one, and its trend, from daily sums. Pure.
 * @public
 */
export function fleetTimeSaved(options: {
  days: FleetSavingsDay[];
  now: Date;
  weeks: number;
}): Omit<FleetTimeSaved, 'computedAt'> {
  const first =
    weekStartOf(options.now.getTime()) - (options.weeks - 1) * WEEK_MS;
  const weeks: FleetTimeSavedWeek[] = Array.from(
    { length: options.weeks },
    (_, i) => ({
      weekStart: new Date(first + i * WEEK_MS).toISOString().slice(0, 10),
      secondsSaved: 0,
      runs: 0,
      hits: 0,
      unpricedHits: 0,
      complete: i < options.weeks - 1,
    }),
  );
  for (const day of options.days) {
    const index = Math.floor(
      (Date.parse(`${day.day}T00:00:00Z`) - first) / WEEK_MS,
    );
    if (index < 0 || index >= weeks.length) continue;
    const week = weeks[index];
    week.runs += day.runs;
    week.hits += day.hits;
    week.unpricedHits += day.unpricedHits;
    week.secondsSaved += day.secondsSaved;
  }
  for (const week of weeks) week.secondsSaved = round(week.secondsSaved);
  return { weeks, trend: trendOf(weeks), method: FLEET_TIME_SAVED_METHOD };
}

/** The last complete week against the mean of the complete weeks with runs before it. */
function trendOf(weeks: FleetTimeSavedWeek[]): number | null {
  const complete = weeks.filter(w => w.complete && w.runs > 0);
  if (complete.length < 2) return null;
  const last = complete[complete.length - 1];
  const before = complete.slice(0, -1);
  const mean =
    before.reduce((sum, w) => sum + w.secondsSaved, 0) / before.length;
  if (mean <= 0) return null;
  return Math.round(((last.secondsSaved - mean) / mean) * 1000) / 1000;
}
