import type { TimeSeries } from '@rust-build-cache/plugin-rust-build-cache-common';

/** One x-axis position of the hit-rate chart; rates in percent, null on days without runs. */
export interface HitRateRow {
  day: string;
  /** Rust's rates. */
  hitRate: number | null;
  effectiveHitRate: number | null;
  /**
   * The hit rate of a day stored before per-language metrics whose reports are gone: over
   * all languages together, so it is kept apart from Rust's.
   */
  allLanguagesHitRate: number | null;
  runs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_DAYS = 366;

/**
 * One row per calendar day from `from` to `to`, so days without CI runs show as gaps
 * instead of silently joining their neighbours on the x axis.
 */
export function toHitRateRows(series: TimeSeries): HitRateRow[] {
  const byDay = new Map(series.points.map(point => [point.day, point]));
  const days = daysBetween(series.from, series.to) ?? [...byDay.keys()].sort();
  return days.map(day => {
    const point = byDay.get(day);
    const mixed = point?.languagesMixed ?? false;
    return {
      day,
      hitRate: mixed ? null : toPercent(point?.hitRate),
      effectiveHitRate: mixed ? null : toPercent(point?.effectiveHitRate),
      allLanguagesHitRate: mixed ? toPercent(point?.hitRate) : null,
      runs: point?.runs ?? 0,
    };
  });
}

function toPercent(ratio: number | null | undefined): number | null {
  return ratio === null || ratio === undefined ? null : ratio * 100;
}

/** UTC days from `from` to `to` inclusive, or undefined when the range is unusable. */
function daysBetween(from: string, to: string): string[] | undefined {
  const start = Date.parse(from.slice(0, 10));
  const end = Date.parse(to.slice(0, 10));
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return undefined;
  if ((end - start) / DAY_MS > MAX_DAYS) return undefined;
  const days: string[] = [];
  for (let t = start; t <= end; t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
