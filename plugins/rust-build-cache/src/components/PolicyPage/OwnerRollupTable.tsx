import { useMemo } from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  OwnerRollup,
  ScorecardSummary,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatCount, formatPercent } from '../../format';
import { countColumn } from '../shared';

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
        width: '120px',
        render: row => formatCount(row.entities),
      },
      {
        title: 'Compliance',
        field: 'compliance',
        align: 'right',
        width: '150px',
        render: row =>
          `${formatPercent(row.compliance)} (${formatCount(row.compliant)})`,
      },
      ...summary.levels.map(level =>
        countColumn<OwnerRow>({
          title: level.title,
          description: `Services at level ${level.title} or above.`,
          render: row => {
            const share = row.levels.find(l => l.levelId === level.levelId);
            return share ? formatCount(share.entities) : '0';
          },
        }),
      ),
      countColumn<OwnerRow>({
        title: 'Failing rules',
        description:
          "Failing rules of severity error, summed over the team's services.",
        field: 'failed',
        render: row => formatCount(row.failed),
      }),
      countColumn<OwnerRow>({
        title: 'Warnings',
        description:
          "Rules of severity warning not met, summed over the team's services.",
        field: 'warned',
        render: row => formatCount(row.warned),
      }),
    ],
    [summary.levels],
  );
  return (
    <Table<OwnerRow>
      title="Teams"
      subtitle="Compliance: the share of services with no failing error rule (and how many). Levels count the services at each level or above; failing rules and warnings are summed over the team's services."
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
