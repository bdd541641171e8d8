import { useMemo } from 'react';
import Alert from '@material-ui/lab/Alert';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TimeSeries } from '@rust-build-cache/plugin-rust-build-cache-common';
import { chartColors } from './colors';
import { toHitRateRows } from './hitRateRows';

const SERIES_NAMES: Record<string, string> = {
  hitRate: 'Hit rate',
  effectiveHitRate: 'Effective hit rate',
};

function formatTooltipValue(value: unknown, dataKey: unknown) {
  const label = SERIES_NAMES[String(dataKey)] ?? String(dataKey);
  const text = typeof value === 'number' ? `${value.toFixed(1)}%` : 'no runs';
  return [text, label];
}

/**
 * Daily hit rate and effective hit rate of an entity's CI runs, in percent. Days without
 * runs are gaps; dots keep a lone day between two gaps visible.
 */
export function HitRateChart(props: { series: TimeSeries; height?: number }) {
  const { series, height = 280 } = props;
  const rows = useMemo(() => toHitRateRows(series), [series]);
  const hasData = rows.some(
    row => row.hitRate !== null || row.effectiveHitRate !== null,
  );

  if (!hasData) {
    return <Alert severity="info">No data</Alert>;
  }

  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={chartColors.grid} />
        <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} />
        <YAxis
          domain={[0, 100]}
          tickFormatter={(value: number) => `${value}%`}
          width={48}
        />
        <Tooltip
          formatter={(value, _name, item) =>
            formatTooltipValue(value, item.dataKey)
          }
        />
        <Legend />
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
      </LineChart>
    </ResponsiveContainer>
  );
}
