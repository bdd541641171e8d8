import { useMemo } from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  OwnerRollup,
  ScorecardSummary,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatCount, formatPercent } from '../../format';

type OwnerRow = OwnerRollup & { id: string };

/** Compliance and levels per owning team, the teams with the most failures first. */
export function OwnerRollupTable(props: { summary: ScorecardSummary }) {
  const { summary } = props;
  const rows = useMemo<OwnerRow[]>(
    () =>
      [...summary.owners]
        .sort(
          (a, b) =>
            b.failed - a.failed ||
            (a.compliance ?? 0) - (b.compliance ?? 0) ||
            (a.owner ?? '').localeCompare(b.owner ?? ''),
        )
        .map(owner => ({ ...owner, id: owner.owner ?? '(none)' })),
    [summary.owners],
  );
  const columns = useMemo<TableColumn<OwnerRow>[]>(
    () => [
      {
        title: 'Owner',
        field: 'id',
        render: row =>
          row.owner ? (
            <EntityRefLink entityRef={row.owner} defaultKind="group" />
          ) : (
            <em>No owner</em>
          ),
      },
      {
        title: 'Services',
        field: 'entities',
        align: 'right',
        render: row => formatCount(row.entities),
      },
      {
        title: 'Compliance',
        field: 'compliance',
        align: 'right',
        render: row =>
          `${formatPercent(row.compliance)} (${formatCount(row.compliant)})`,
      },
      ...summary.levels.map<TableColumn<OwnerRow>>(level => ({
        title: level.title,
        align: 'right',
        render: row => {
          const share = row.levels.find(l => l.levelId === level.levelId);
          return share ? formatCount(share.entities) : '0';
        },
      })),
      {
        title: 'Failing rules',
        field: 'failed',
        align: 'right',
        render: row => formatCount(row.failed),
      },
      {
        title: 'Warnings',
        field: 'warned',
        align: 'right',
        render: row => formatCount(row.warned),
      },
    ],
    [summary.levels],
  );
  return (
    <Table<OwnerRow>
      title="Teams"
      subtitle="Failing rules and warnings are summed over each team's services."
      columns={columns}
      data={rows}
      options={{
        paging: rows.length > 10,
        pageSize: 10,
        search: rows.length > 10,
        padding: 'dense',
      }}
    />
  );
}
