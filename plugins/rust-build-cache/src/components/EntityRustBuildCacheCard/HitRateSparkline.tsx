import { useMemo } from 'react';
import { Line, LineChart, YAxis } from 'recharts';
import type { TimeSeries } from '@rust-build-cache/plugin-rust-build-cache-common';
import { chartColors } from '../../charts/colors';
import { toHitRateRows } from '../../charts/hitRateRows';

/**
 * The daily Rust effective hit rate as a small line without axes or legend: the shape of
 * the trend, with the number next to it. Days without runs are gaps.
 */
export function HitRateSparkline(props: {
  series: TimeSeries;
  width?: number;
  height?: number;
}) {
  const { series, width = 160, height = 40 } = props;
  const rows = useMemo(() => toHitRateRows(series), [series]);
  return (
    <LineChart
      width={width}
      height={height}
      data={rows}
      margin={{ top: 4, right: 2, bottom: 4, left: 2 }}
      aria-label="Daily Rust effective hit rate, last 30 days"
      role="img"
    >
      <YAxis hide domain={[0, 100]} />
      <Line
        type="monotone"
        dataKey="effectiveHitRate"
        stroke={chartColors.effectiveHitRate}
        strokeWidth={2}
        dot={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
}
