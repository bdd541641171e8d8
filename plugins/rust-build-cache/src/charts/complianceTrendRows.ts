import type { ScorecardTrend } from '@rust-build-cache/plugin-rust-build-cache-common';

/** One day of the compliance trend chart: shares in percent, null on days without a snapshot. */
export type ComplianceTrendRow = {
  day: string;
  compliance: number | null;
  entities: number;
} & Record<`level:${string}`, number | null>;

export interface TrendLevel {
  id: string;
  title: string;
}

/** The levels in the order the snapshots list them (the policy's order), each once. */
export function trendLevels(trend: ScorecardTrend): TrendLevel[] {
  const levels = new Map<string, string>();
  for (const point of trend.points) {
    for (const level of point.levels) {
      if (!levels.has(level.levelId)) levels.set(level.levelId, level.title);
    }
  }
  return [...levels].map(([id, title]) => ({ id, title }));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One row per UTC day of the trend's window ending at its newest snapshot (or `today`),
 * so days without a snapshot are gaps rather than joining their neighbours.
 */
export function toComplianceTrendRows(
  trend: ScorecardTrend,
  today: string = new Date().toISOString().slice(0, 10),
): ComplianceTrendRow[] {
  const levels = trendLevels(trend);
  const byDay = new Map(trend.points.map(point => [point.day, point]));
  const newest = trend.points.reduce(
    (latest, point) => (point.day > latest ? point.day : latest),
    today,
  );
  const end = Date.parse(`${newest}T00:00:00Z`);
  const days: string[] = [];
  for (let offset = Math.max(trend.days, 1) - 1; offset >= 0; offset--) {
    days.push(new Date(end - offset * DAY_MS).toISOString().slice(0, 10));
  }
  return days.map(day => {
    const point = byDay.get(day);
    const row: ComplianceTrendRow = {
      day,
      compliance: toPercent(point?.compliance),
      entities: point?.entities ?? 0,
    };
    for (const level of levels) {
      const share = point?.levels.find(l => l.levelId === level.id)?.share;
      row[`level:${level.id}`] = toPercent(share);
    }
    return row;
  });
}

function toPercent(ratio: number | null | undefined): number | null {
  return ratio === null || ratio === undefined ? null : ratio * 100;
}
