import { useMemo } from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import {
  describeFragmentation,
  FLEET_KEY_DIMENSION_LABELS,
  type FleetFingerprintFragmentation,
  type FleetKeyDimension,
  type FleetKeyGroup,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatCount, NOT_AVAILABLE } from '../../format';
import { useFleetFragmentation } from '../../hooks';
import { FleetCard } from './FleetCard';
import { ServiceLinks } from './ServiceLinks';

const LISTED = 50;

type FingerprintRow = FleetFingerprintFragmentation & { id: string };

const short = (sha256: string | null) =>
  sha256 ? sha256.slice(0, 12) : NOT_AVAILABLE;

function splitsText(splits: FingerprintRow['splits']): string {
  const entries = Object.entries(splits) as Array<[FleetKeyDimension, number]>;
  if (entries.length === 0) return 'none';
  return entries
    .sort((a, b) => b[1] - a[1])
    .map(
      ([dimension, count]) =>
        `${FLEET_KEY_DIMENSION_LABELS[dimension]} ${count}`,
    )
    .join(', ');
}

/** The key groups of one Cargo.lock, each with its services. */
function KeyGroups(props: { groups: FleetKeyGroup[] }) {
  return (
    <div style={{ padding: '8px 24px' }} data-testid="key-groups">
      <table>
        <thead>
          <tr>
            <th align="left">rustc</th>
            <th align="left">target</th>
            <th align="left">profile</th>
            <th align="left">RUSTFLAGS (sha256)</th>
            <th align="left">cache location</th>
            <th align="left">services</th>
          </tr>
        </thead>
        <tbody>
          {props.groups.map(group => (
            <tr key={group.id}>
              <td>{group.rustc}</td>
              <td>{group.target}</td>
              <td>{group.profile}</td>
              <td>
                {group.rustflagsSha256 ? short(group.rustflagsSha256) : 'unset'}
              </td>
              <td>{group.cacheLocation ?? NOT_AVAILABLE}</td>
              <td>
                <ServiceLinks
                  entityRefs={group.entityRefs}
                  total={group.services}
                  shown={5}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Typography variant="caption">
        Groups may also differ in CARGO_* values or the cargo home, which
        reports keep only as hashes.
      </Typography>
    </div>
  );
}

/** Per Cargo.lock: how many cache-key groups its services form, and what splits them. */
export function FragmentationCard() {
  const state = useFleetFragmentation(LISTED);
  const columns = useMemo<TableColumn<FingerprintRow>[]>(
    () => [
      {
        title: 'Cargo.lock',
        field: 'fingerprint',
        render: row => <code>{short(row.fingerprint)}</code>,
      },
      {
        title: 'What it means',
        sorting: false,
        render: row => describeFragmentation(row),
      },
      { title: 'Services', field: 'services', align: 'right' },
      { title: 'Key groups', field: 'keyGroups', align: 'right' },
      {
        title: 'Splits by',
        sorting: false,
        render: row => splitsText(row.splits),
      },
    ],
    [],
  );
  return (
    <FleetCard
      title="Cache fragmentation"
      subheader="Services that build the same Cargo.lock, by cache key"
      state={state}
      isEmpty={value => value.fingerprints.length === 0}
      emptyTitle="No cache keys yet"
      emptyDescription="A service gets a cache key from a CI report with sccache statistics, its rustc and a committed Cargo.lock."
      testId="fleet-fragmentation"
    >
      {value => {
        const rows = value.fingerprints.map(f => ({ ...f, id: f.fingerprint }));
        return (
          <>
            <p data-testid="fragmentation-summary">
              Pre-warming every key group takes {formatCount(value.warmJobs)}{' '}
              warm jobs; with one key per Cargo.lock it would take{' '}
              {formatCount(value.warmJobsIfUnified)}.{' '}
              {value.servicesWithoutKey > 0 &&
                `${formatCount(
                  value.servicesWithoutKey,
                )} services have no cache key (no sccache, rustc or committed Cargo.lock in their latest CI report). `}
              Each split counts a group that would merge with another if that
              one part of the key were the same.
            </p>
            <Table<FingerprintRow>
              title="Dependency sets"
              columns={columns}
              data={rows}
              detailPanel={({ rowData }) => (
                <KeyGroups groups={rowData.groups} />
              )}
              options={{
                paging: rows.length > 10,
                pageSize: 10,
                search: false,
                padding: 'dense',
              }}
            />
          </>
        );
      }}
    </FleetCard>
  );
}
