import { useMemo } from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import type {
  FleetPinMismatch,
  FleetToolchainRelease,
} from '@rust-build-cache/plugin-rust-build-cache-common';
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
import { formatCount } from '../../format';
import { useFleetToolchains } from '../../hooks';
import { FleetCard } from './FleetCard';
import { ServiceLinks } from './ServiceLinks';

type ReleaseRow = FleetToolchainRelease & { id: string };
type MismatchRow = FleetPinMismatch & { id: string };

/** rustc releases CI used, the policy baseline, and the pins CI did not follow. */
export function ToolchainDriftCard() {
  const state = useFleetToolchains();
  const releaseColumns = useMemo<TableColumn<ReleaseRow>[]>(
    () => [
      {
        title: 'rustc in CI',
        field: 'release',
        render: row => (
          <>
            {row.release}{' '}
            {row.isBaseline && <Chip size="small" label="baseline" />}
          </>
        ),
      },
      {
        title: 'Services',
        field: 'services',
        align: 'right',
        render: row => formatCount(row.services),
      },
      {
        title: 'Which',
        sorting: false,
        render: row => (
          <ServiceLinks entityRefs={row.entityRefs} total={row.services} />
        ),
      },
    ],
    [],
  );
  const mismatchColumns = useMemo<TableColumn<MismatchRow>[]>(
    () => [
      {
        title: 'Service',
        field: 'entityRef',
        render: row => (
          <EntityRefLink entityRef={row.entityRef} defaultKind="component" />
        ),
      },
      { title: 'Pin', field: 'pin', render: row => `${row.pin} (${row.file})` },
      { title: 'CI ran', field: 'ciRelease' },
    ],
    [],
  );
  return (
    <FleetCard
      title="Toolchain drift"
      subheader="rustc releases CI used (each service's latest CI run)"
      state={state}
      isEmpty={value => value.releases.length === 0}
      emptyTitle="No CI run names its rustc yet"
      emptyDescription="Releases appear once linked services send CI reports with `rustc -vV`."
      testId="fleet-toolchains"
    >
      {value => {
        const releases = value.releases.map(r => ({ ...r, id: r.release }));
        const mismatches = value.pinMismatches.map(m => ({
          ...m,
          id: m.entityRef,
        }));
        return (
          <Grid container spacing={2}>
            <Grid item xs={12}>
              <p data-testid="toolchain-summary">
                {formatCount(value.releases.length)} rustc release
                {value.releases.length === 1 ? '' : 's'} across{' '}
                {formatCount(value.servicesWithRustc)} services; policy
                baseline: {value.baseline ?? 'none set'};{' '}
                {formatCount(value.unpinned)} without an exact pin;{' '}
                {formatCount(value.totalPinMismatches)} whose pin differs from
                what CI ran.
              </p>
            </Grid>
            <Grid item xs={12} md={5}>
              <ResponsiveContainer width="100%" height={220}>
                <BarChart
                  data={releases}
                  margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
                >
                  <CartesianGrid
                    strokeDasharray="3 3"
                    stroke={chartColors.grid}
                  />
                  <XAxis dataKey="release" />
                  <YAxis allowDecimals={false} width={40} />
                  <Tooltip
                    formatter={v => [formatCount(Number(v)), 'Services']}
                  />
                  <Bar
                    dataKey="services"
                    fill={chartColors.effectiveHitRate}
                    isAnimationActive={false}
                  />
                </BarChart>
              </ResponsiveContainer>
            </Grid>
            <Grid item xs={12} md={7}>
              <Table<ReleaseRow>
                title="Releases in use"
                columns={releaseColumns}
                data={releases}
                options={{ paging: false, search: false, padding: 'dense' }}
              />
            </Grid>
            <Grid item xs={12}>
              <Table<MismatchRow>
                title="Pins CI did not follow"
                subtitle="The toolchain file pins one release, the latest CI run used another (as the rule toolchain-pin-matches-ci judges)."
                columns={mismatchColumns}
                data={mismatches}
                options={{
                  paging: mismatches.length > 10,
                  pageSize: 10,
                  search: mismatches.length > 10,
                  padding: 'dense',
                }}
                emptyContent={
                  <p style={{ padding: 16 }}>
                    Every exact pin matches the rustc its CI ran.
                  </p>
                }
              />
            </Grid>
          </Grid>
        );
      }}
    </FleetCard>
  );
}
