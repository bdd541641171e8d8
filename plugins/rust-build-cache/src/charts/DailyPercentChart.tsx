import type { ReactNode } from 'react';
import {
  CartesianGrid,
  Legend,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { chartColors } from './colors';

/**
 * The frame shared by the daily percentage charts: one row per `day` (YYYY-MM-DD, shown
 * as MM-DD), a 0–100 % axis, a tooltip and a legend. The `<Line>`s go in `children`; the
 * tooltip names a series by `seriesName(dataKey)` and shows `missingText` for a gap.
 */
export function DailyPercentChart(props: {
  rows: ReadonlyArray<{ day: string }>;
  height: number;
  seriesName: (dataKey: string) => string;
  missingText: string;
  children: ReactNode;
}) {
  const { rows, height, seriesName, missingText, children } = props;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart
        data={rows as Array<{ day: string }>}
        margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke={chartColors.grid} />
        <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} />
        <YAxis
          domain={[0, 100]}
          tickFormatter={(value: number) => `${value}%`}
          width={48}
        />
        <Tooltip
          formatter={(value, _name, item) => [
            typeof value === 'number' ? `${value.toFixed(1)}%` : missingText,
            seriesName(String(item.dataKey)),
          ]}
        />
        <Legend />
        {children}
      </LineChart>
    </ResponsiveContainer>
  );
}
