import { useMemo } from 'react';
import { InfoCard, Table, type TableColumn } from '@backstage/core-components';
import Alert from '@material-ui/lab/Alert';
import type {
  CargoTimings,
  TimingUnit,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatCount, formatSeconds } from '../../format';

function SlowestCratesTable(props: { timings: CargoTimings }) {
  const { timings } = props;
  const columns = useMemo<TableColumn<TimingUnit>[]>(
    () => [
      { title: 'Crate', field: 'name' },
      { title: 'Version', field: 'version' },
      { title: 'Target', field: 'target' },
      {
        title: 'Time',
        field: 'seconds',
        align: 'right',
        render: unit => formatSeconds(unit.seconds),
      },
    ],
    [],
  );
  return (
    <Table<TimingUnit>
      title={`${formatCount(timings.unitCount)} units, ${formatSeconds(
        timings.totalSeconds,
      )} in total`}
      columns={columns}
      data={timings.slowest}
      options={{ paging: false, search: false, padding: 'dense' }}
    />
  );
}

/** The units cargo spent the most time on in the latest run (from `--timings`). */
export function SlowestCratesCard(props: { timings: CargoTimings | null }) {
  return (
    <InfoCard title="Slowest crates (latest run)" noPadding={!!props.timings}>
      {props.timings ? (
        <SlowestCratesTable timings={props.timings} />
      ) : (
        <Alert severity="info">
          This run has no cargo timings. Add <code>--timings</code> to the{' '}
          <code>cargo build</code> command in CI: cargo then writes{' '}
          <code>target/cargo-timings/cargo-timing.html</code>, from which the
          report takes the slowest crates.
        </Alert>
      )}
    </InfoCard>
  );
}
