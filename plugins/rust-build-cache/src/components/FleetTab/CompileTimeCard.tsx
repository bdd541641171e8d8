import { useMemo, useState } from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import type { FleetCrateCost } from '@rust-build-cache/plugin-rust-build-cache-common';
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
import { useFleetCompileTime } from '../../hooks';
import { EstimateMethod } from './EstimateMethod';
import { FleetCard } from './FleetCard';
import { ServiceLinks } from './ServiceLinks';

const WINDOWS = [7, 30, 90];
const LISTED = 100;
const CHARTED = 10;

type CrateRow = FleetCrateCost & { id: string };

/** Which services compile the crate, and how many of them a pre-warm schedule covers. */
function Coverage(props: { row: CrateRow }) {
  const { services, prewarmedServices } = props.row;
  if (prewarmedServices === 0) return <>none</>;
  if (prewarmedServices === services) return <>all {formatCount(services)}</>;
  return (
    <>
      {formatCount(prewarmedServices)} of {formatCount(services)}
    </>
  );
}

/** Where compile time goes: the dependency crates that cost the most on cache misses. */
export function CompileTimeCard() {
  const [days, setDays] = useState(30);
  const state = useFleetCompileTime(days, LISTED);
  const columns = useMemo<TableColumn<CrateRow>[]>(
    () => [
      { title: 'Crate', field: 'id' },
      {
        title: 'Compile time on misses (est.)',
        field: 'missSeconds',
        align: 'right',
        render: row => formatSeconds(row.missSeconds),
      },
      {
        title: 'Compiles',
        field: 'compiles',
        align: 'right',
        render: row => formatCount(row.compiles),
      },
      {
        title: 'Services',
        field: 'services',
        align: 'right',
        render: row => formatCount(row.services),
      },
      {
        title: 'Compiled by',
        sorting: false,
        render: row => (
          <ServiceLinks entityRefs={row.entityRefs} total={row.services} />
        ),
      },
      {
        title: 'Pre-warmed for',
        field: 'prewarmedServices',
        render: row => <Coverage row={row} />,
      },
    ],
    [],
  );
  const windowSelect = (
    <TextField
      select
      id="compile-time-window"
      size="small"
      label="Window"
      value={days}
      onChange={event => setDays(Number(event.target.value))}
    >
      {WINDOWS.map(d => (
        <MenuItem key={d} value={d}>
          Last {d} days
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <FleetCard
      title="Where compile time goes"
      subheader={`Dependency crates by compile seconds on cache misses, last ${days} days`}
      state={state}
      isEmpty={value => value.crates.length === 0}
      emptyTitle="No compile time on cache misses in this window"
      emptyDescription="No CI report of a linked service in the window had a Rust cache miss with cargo timings (collect --timings). Builds that miss and keep cargo's timings show up here."
      action={windowSelect}
      testId="fleet-compile-time"
    >
      {value => {
        const rows = value.crates.map(c => ({
          ...c,
          id: `${c.name} ${c.version}`,
        }));
        return (
          <>
            <p data-testid="compile-time-totals">
              {formatSeconds(value.totalMissSeconds)} over{' '}
              {formatCount(value.totalCrates)} crates, from{' '}
              {formatCount(value.reportsWithTimings)} of{' '}
              {formatCount(value.reportsWithMisses)} CI reports with misses (the
              others kept no cargo timings).
            </p>
            <ResponsiveContainer width="100%" height={280}>
              <BarChart
                data={rows.slice(0, CHARTED)}
                layout="vertical"
                margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
              >
                <CartesianGrid
                  strokeDasharray="3 3"
                  stroke={chartColors.grid}
                />
                <XAxis
                  type="number"
                  tickFormatter={(s: number) => formatSeconds(s)}
                />
                <YAxis type="category" dataKey="id" width={180} />
                <Tooltip
                  formatter={seconds => [
                    formatSeconds(Number(seconds)),
                    'Compile time on misses (est.)',
                  ]}
                />
                <Bar
                  dataKey="missSeconds"
                  fill={chartColors.hitRate}
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
            <Table<CrateRow>
              title="Crates"
              columns={columns}
              data={rows}
              options={{
                paging: rows.length > 10,
                pageSize: 10,
                search: true,
                padding: 'dense',
                toolbar: true,
              }}
            />
            <EstimateMethod
              method={value.method}
              testId="compile-time-method"
            />
          </>
        );
      }}
    </FleetCard>
  );
}
