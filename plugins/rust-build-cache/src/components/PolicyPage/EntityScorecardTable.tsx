import { useMemo } from 'react';
import {
  InfoCard,
  ResponseErrorPanel,
  Progress,
  type TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import GetAppIcon from '@material-ui/icons/GetApp';
import Alert from '@material-ui/lab/Alert';
import type {
  ScorecardEntityRow,
  ScorecardSummary,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { rustBuildCacheApiRef, type ScorecardEntityFilter } from '../../api';
import { formatCount, formatTimestamp, NOT_AVAILABLE } from '../../format';
import { useOperation, useScorecardEntities } from '../../hooks';
import { errorMessage } from '../EntityRustBuildCacheContent/errorMessage';
import { OutcomeChip } from '../policyShared';
import { PagedTable, useTablePaging } from '../shared';
import { EntityFilters } from './EntityFilters';

const PAGE_SIZES = [10, 25, 50];

/** Saves a Blob under a file name through a temporary object URL. */
function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

function CsvExportButton(props: { filter: ScorecardEntityFilter }) {
  const api = useApi(rustBuildCacheApiRef);
  const download = useOperation(async () => {
    const blob = await api.downloadScorecardCsv(props.filter);
    saveBlob(
      blob,
      `build-cache-scorecards-${new Date().toISOString().slice(0, 10)}.csv`,
    );
  });
  return (
    <Box>
      <Button
        variant="outlined"
        color="primary"
        onClick={() => download.run()}
        disabled={download.running}
        startIcon={
          download.running ? <CircularProgress size={16} /> : <GetAppIcon />
        }
      >
        Export CSV
      </Button>
      {download.error && (
        <Box mt={1}>
          <Alert severity="error" data-testid="csv-export-error">
            <strong>The export failed:</strong> {errorMessage(download.error)}
          </Alert>
        </Box>
      )}
    </Box>
  );
}

function levelTitle(summary: ScorecardSummary, levelId: string | null) {
  if (levelId === null) return <em>None</em>;
  return summary.levels.find(l => l.levelId === levelId)?.title ?? levelId;
}

function useColumns(summary: ScorecardSummary, filter: ScorecardEntityFilter) {
  return useMemo<TableColumn<ScorecardEntityRow>[]>(() => {
    const ruleTitle = filter.ruleId
      ? summary.rules.find(rule => rule.ruleId === filter.ruleId)?.title ??
        filter.ruleId
      : undefined;
    return [
      {
        title: 'Service',
        render: row => (
          <EntityRefLink entityRef={row.entityRef} defaultKind="component" />
        ),
      },
      {
        title: 'Owner',
        render: row =>
          row.owner ? (
            <EntityRefLink entityRef={row.owner} defaultKind="group" />
          ) : (
            <em>No owner</em>
          ),
      },
      { title: 'Level', render: row => levelTitle(summary, row.level) },
      ...(filter.ruleId
        ? [
            {
              title: ruleTitle,
              render: (row: ScorecardEntityRow) => {
                const outcome = row.outcomes[filter.ruleId as never];
                return outcome ? (
                  <OutcomeChip outcome={outcome} />
                ) : (
                  NOT_AVAILABLE
                );
              },
            } as TableColumn<ScorecardEntityRow>,
          ]
        : []),
      {
        title: 'Failing',
        align: 'right',
        render: row => formatCount(row.counts.failed),
      },
      {
        title: 'Warnings',
        align: 'right',
        render: row => formatCount(row.counts.warned),
      },
      {
        title: 'Exempt',
        align: 'right',
        render: row => formatCount(row.counts.exempt),
      },
      {
        title: 'Passing',
        align: 'right',
        render: row => formatCount(row.counts.passed),
      },
      {
        title: 'Insufficient data',
        align: 'right',
        render: row => formatCount(row.counts.insufficientData),
      },
      { title: 'Evaluated', render: row => formatTimestamp(row.evaluatedAt) },
    ];
  }, [summary, filter.ruleId]);
}

/**
 * Every evaluated service, filtered by owner, rule, result and level, paged by the backend,
 * with a CSV export of everything that matches the filters.
 */
export function EntityScorecardTable(props: {
  summary: ScorecardSummary;
  filter: ScorecardEntityFilter;
  onFilterChange: (filter: ScorecardEntityFilter) => void;
}) {
  const { summary, filter, onFilterChange } = props;
  const paging = useTablePaging(PAGE_SIZES);
  const { loading, error, value } = useScorecardEntities(
    filter,
    paging.page,
    paging.pageSize,
  );
  const columns = useColumns(summary, filter);
  const changeFilter = (next: ScorecardEntityFilter) => {
    paging.setPage(0);
    onFilterChange(next);
  };

  const toolbar = (
    <Box
      display="flex"
      justifyContent="space-between"
      alignItems="flex-start"
      flexWrap="wrap"
      mb={2}
      style={{ gap: 16 }}
    >
      <EntityFilters
        summary={summary}
        filter={filter}
        onChange={changeFilter}
      />
      <CsvExportButton filter={filter} />
    </Box>
  );

  if (error) {
    return (
      <InfoCard title="Services">
        {toolbar}
        <ResponseErrorPanel error={error} />
      </InfoCard>
    );
  }
  if (!value) {
    return (
      <InfoCard title="Services">
        {toolbar}
        <Progress />
      </InfoCard>
    );
  }
  return (
    <>
      {toolbar}
      <PagedTable<ScorecardEntityRow>
        title={`Services (${formatCount(value.total)})`}
        columns={columns}
        items={value.items}
        total={value.total}
        isLoading={loading}
        paging={paging}
        emptyMessage="No service matches these filters."
      />
    </>
  );
}
