import { useMemo } from 'react';
import Alert from '@material-ui/lab/Alert';
import { Line } from 'recharts';
import type { ScorecardTrend } from '@rust-build-cache/plugin-rust-build-cache-common';
import { DailyPercentChart } from './DailyPercentChart';
import { toComplianceTrendRows, trendLevels } from './complianceTrendRows';

/** Compliance first, then one colour per level (bronze, silver, gold, …). */
const COMPLIANCE_COLOR = '#1f77b4';
const LEVEL_COLORS = ['#b0702c', '#7f7f7f', '#d4a017', '#2ca02c', '#9467bd'];

/**
 * The org's daily share of compliant services and of services at each level (cumulative:
 * gold counts toward silver), in percent. Days without a snapshot are gaps.
 */
export function ComplianceTrendChart(props: {
  trend: ScorecardTrend;
  height?: number;
}) {
  const { trend, height = 300 } = props;
  const rows = useMemo(() => toComplianceTrendRows(trend), [trend]);
  const levels = useMemo(() => trendLevels(trend), [trend]);
  const names = useMemo(
    () =>
      new Map<string, string>([
        ['compliance', 'Compliant'],
        ...levels.map(level => [`level:${level.id}`, level.title] as const),
      ]),
    [levels],
  );

  if (!rows.some(row => row.compliance !== null)) {
    return <Alert severity="info">No daily snapshots yet</Alert>;
  }

  return (
    <DailyPercentChart
      rows={rows}
      height={height}
      seriesName={dataKey => names.get(dataKey) ?? dataKey}
      missingText="no snapshot"
    >
      <Line
        type="monotone"
        dataKey="compliance"
        name="Compliant"
        stroke={COMPLIANCE_COLOR}
        strokeWidth={2}
        dot={{ r: 2 }}
        isAnimationActive={false}
      />
      {levels.map((level, index) => (
        <Line
          key={level.id}
          type="monotone"
          dataKey={`level:${level.id}`}
          name={level.title}
          stroke={LEVEL_COLORS[index % LEVEL_COLORS.length]}
          strokeDasharray="4 2"
          dot={{ r: 2 }}
          isAnimationActive={false}
        />
      ))}
    </DailyPercentChart>
  );
}
