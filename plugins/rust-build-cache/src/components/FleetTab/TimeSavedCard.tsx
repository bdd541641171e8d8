import { useMemo } from 'react';
import Typography from '@material-ui/core/Typography';
import type { FleetTimeSavedWeek } from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { chartColors } from '../../charts/colors';
import { formatCount, formatSeconds } from '../../format';
import { useFleetTimeSaved } from '../../hooks';
import { EstimateMethod } from './EstimateMethod';
import { FleetCard } from './FleetCard';

const WEEKS = 12;

function trendText(trend: number | null): string {
  if (trend === null)
    return 'No trend yet: it needs two complete weeks with an estimate.';
  const percent = `${Math.abs(trend * 100).toFixed(0)}%`;
  if (trend === 0) return 'Last complete week: as much as the weeks before.';
  return `Last complete week: ${percent} ${
    trend > 0 ? 'more' : 'less'
  } than the mean of the complete weeks before it.`;
}

function lastCompleteWeek(weeks: FleetTimeSavedWeek[]): string {
  const last = [...weeks].reverse().find(w => w.complete);
  if (!last) return '';
  return `Week of ${last.weekStart}: about ${formatSeconds(
    last.secondsSaved,
  )} of compile time saved by ${formatCount(last.hits)} hits in ${formatCount(
    last.runs,
  )} CI runs${
    last.unpricedHits > 0
      ? ` (${formatCount(
          last.unpricedHits,
        )} hits of services without a miss are not priced)`
      : ''
  }.`;
}

/** The fleet's estimated compile time saved by the cache, per week, with the formula. */
export function TimeSavedCard() {
  const state = useFleetTimeSaved(WEEKS);
  const value = state.value;
  const rows = useMemo(
    () =>
      (value?.weeks ?? []).map(week => ({
        ...week,
        hours: Math.round((week.secondsSaved / 3600) * 100) / 100,
      })),
    [value],
  );
  return (
    <FleetCard
      title="Time saved"
      subheader={`Estimated compile time saved by the cache per week, last ${WEEKS} weeks`}
      state={state}
      isEmpty={v => v.weeks.every(week => week.runs === 0)}
      emptyTitle="No CI reports in these weeks"
      emptyDescription="The estimate is made from the sccache statistics of CI reports (their daily sums)."
      testId="fleet-time-saved"
    >
      {saved => (
        <>
          <Typography variant="h6" data-testid="time-saved-trend">
            {trendText(saved.trend)}
          </Typography>
          <Typography variant="body2" data-testid="time-saved-last-week">
            {lastCompleteWeek(saved.weeks)}
          </Typography>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart
              data={rows}
              margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
            >
              <CartesianGrid strokeDasharray="3 3" stroke={chartColors.grid} />
              <XAxis
                dataKey="weekStart"
                tickFormatter={(d: string) => d.slice(5)}
              />
              <YAxis width={56} tickFormatter={(h: number) => `${h} h`} />
              <Tooltip
                labelFormatter={label => `Week of ${label}`}
                formatter={(_v, _n, item) => [
                  `${formatSeconds(item.payload.secondsSaved)} (${formatCount(
                    item.payload.hits,
                  )} hits in ${formatCount(
                    item.payload.runs,
                  )} runs, ${formatCount(item.payload.unpricedHits)} unpriced)${
                    item.payload.complete ? '' : ' (week not over)'
                  }`,
                  'Saved',
                ]}
              />
              <Bar
                dataKey="hours"
                fill={chartColors.effectiveHitRate}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
          <EstimateMethod method={saved.method} testId="time-saved-method" />
        </>
      )}
    </FleetCard>
  );
}
