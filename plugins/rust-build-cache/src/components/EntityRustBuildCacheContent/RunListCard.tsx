import { useMemo } from 'react';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  type TableColumn,
} from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import {
  isWebUrl,
  type RunSummary,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { useRuns } from '../../hooks';
import { PagedTable, useTablePaging } from '../shared';
import {
  formatCount,
  formatPercent,
  formatTimestamp,
  NOT_AVAILABLE,
  shortCommit,
} from '../../format';

const PAGE_SIZES = [10, 20, 50];

/** Which two runs the comparison shows. */
export interface RunSelection {
  baseId?: string;
  headId?: string;
}

export type CompareRole = 'base' | 'head';

function CompareButtons(props: {
  run: RunSummary;
  selection: RunSelection;
  onSelect: (role: CompareRole, runId: string) => void;
}) {
  const { run, selection, onSelect } = props;
  const isBase = selection.baseId === run.id;
  const isHead = selection.headId === run.id;
  return (
    <ButtonGroup size="small" style={{ whiteSpace: 'nowrap' }}>
      <Button
        variant={isBase ? 'contained' : 'outlined'}
        color={isBase ? 'primary' : 'default'}
        aria-pressed={isBase}
        aria-label={`Set run ${run.runId} as base`}
        onClick={() => onSelect('base', run.id)}
      >
        Base
      </Button>
      <Button
        variant={isHead ? 'contained' : 'outlined'}
        color={isHead ? 'primary' : 'default'}
        aria-pressed={isHead}
        aria-label={`Set run ${run.runId} as head`}
        onClick={() => onSelect('head', run.id)}
      >
        Head
      </Button>
    </ButtonGroup>
  );
}

function useRunColumns(
  selection: RunSelection,
  onSelect: (role: CompareRole, runId: string) => void,
) {
  return useMemo<TableColumn<RunSummary>[]>(
    () => [
      { title: 'Finished', render: run => formatTimestamp(run.finishedAt) },
      { title: 'Branch', render: run => run.branch ?? NOT_AVAILABLE },
      {
        title: 'Commit',
        render: run => <code>{shortCommit(run.commit)}</code>,
      },
      {
        title: 'Job',
        render: run =>
          run.kind === 'prewarm' ? `${run.job} (pre-warm)` : run.job,
      },
      {
        title: 'Rust hit rate',
        align: 'right',
        render: run => formatPercent(run.metrics?.hitRate),
      },
      {
        title: 'Rust effective hit rate',
        align: 'right',
        render: run => formatPercent(run.metrics?.effectiveHitRate),
      },
      {
        title: 'Rust misses',
        align: 'right',
        render: run => formatCount(run.metrics?.misses),
      },
      {
        title: 'CI run',
        // Only http(s) is a link: older reports may hold `javascript:` or `data:` URLs.
        render: run => {
          if (!run.url) return NOT_AVAILABLE;
          return isWebUrl(run.url) ? (
            <Link to={run.url}>#{run.runId}</Link>
          ) : (
            `#${run.runId}`
          );
        },
      },
      {
        title: 'Compare',
        render: run => (
          <CompareButtons run={run} selection={selection} onSelect={onSelect} />
        ),
      },
    ],
    [selection, onSelect],
  );
}

/**
 * The service's runs, newest first, paged by the backend. Each row can be picked as the
 * base or the head of the comparison below.
 */
export function RunListCard(props: {
  entityRef: CompoundEntityRef;
  selection: RunSelection;
  onSelect: (role: CompareRole, runId: string) => void;
}) {
  const { entityRef, selection, onSelect } = props;
  const paging = useTablePaging(PAGE_SIZES);
  const { loading, error, value } = useRuns(
    entityRef,
    paging.page,
    paging.pageSize,
  );
  const columns = useRunColumns(selection, onSelect);

  if (error) {
    return (
      <InfoCard title="Runs">
        <ResponseErrorPanel error={error} />
      </InfoCard>
    );
  }
  if (!value) {
    return (
      <InfoCard title="Runs">
        <Progress />
      </InfoCard>
    );
  }
  return (
    <PagedTable<RunSummary>
      title="Runs"
      subtitle="Pick a base and a head run to see what differs between them."
      columns={columns}
      items={value.items}
      total={value.total}
      isLoading={loading}
      paging={paging}
      emptyMessage="No runs on this page."
    />
  );
}
