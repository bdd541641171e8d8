import { useMemo } from 'react';
import Alert from '@material-ui/lab/Alert';
import { Line } from 'recharts';
import type { TimeSeries } from '@rust-build-cache/plugin-rust-build-cache-common';
import { chartColors } from './colors';
import { DailyPercentChart } from './DailyPercentChart';
import { toHitRateRows } from './hitRateRows';

const SERIES_NAMES: Record<string, string> = {
  hitRate: 'Rust hit rate',
  effectiveHitRate: 'Rust effective hit rate',
  allLanguagesHitRate: 'Hit rate, all languages (older days)',
};

const seriesName = (dataKey: string) => SERIES_NAMES[dataKey] ?? dataKey;

/**
 * Daily Rust hit rate and effective hit rate of an entity's CI runs, in percent; days stored
 * before per-language metrics that could not be split again are a series of their own.
 * Days without runs are gaps; dots keep a lone day between two gaps visible.
 */
export function HitRateChart(props: { series: TimeSeries; height?: number }) {
  const { series, height = 280 } = props;
  const rows = useMemo(() => toHitRateRows(series), [series]);
  const hasData = rows.some(
    row => row.hitRate !== null || row.effectiveHitRate !== null,
  );
  const hasMixedDays = rows.some(row => row.allLanguagesHitRate !== null);

  if (!hasData && !hasMixedDays) {
    return <Alert severity="info">No data</Alert>;
  }

  return (
    <DailyPercentChart
      rows={rows}
      height={height}
      seriesName={seriesName}
      missingText="no runs"
    >
      <Line
        type="monotone"
        dataKey="hitRate"
        name={SERIES_NAMES.hitRate}
        stroke={chartColors.hitRate}
        dot={{ r: 2 }}
        isAnimationActive={false}
      />
      <Line
        type="monotone"
        dataKey="effectiveHitRate"
        name={SERIES_NAMES.effectiveHitRate}
        stroke={chartColors.effectiveHitRate}
        dot={{ r: 2 }}
        isAnimationActive={false}
      />
      {hasMixedDays && (
        <Line
          type="monotone"
          dataKey="allLanguagesHitRate"
          name={SERIES_NAMES.allLanguagesHitRate}
          stroke={chartColors.allLanguagesHitRate}
          strokeDasharray="4 3"
          dot={{ r: 2 }}
          isAnimationActive={false}
        />
      )}
    </DailyPercentChart>
  );
}
