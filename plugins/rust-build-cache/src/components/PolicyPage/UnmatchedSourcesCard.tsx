import { useMemo } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  RUST_BUILD_CACHE_WORKSPACE_ANNOTATION,
  type UnmatchedSource,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatCount, formatTimestamp } from '../../format';
import { useUnmatchedSources } from '../../hooks';

const TITLE = 'Unmatched report sources';

function UnmatchedSourcesTable(props: { sources: UnmatchedSource[] }) {
  const columns = useMemo<TableColumn<UnmatchedSource>[]>(
    () => [
      { title: 'Repository', field: 'repository' },
      {
        title: 'Workspace',
        field: 'workspacePath',
        render: source => <code>{source.workspacePath}</code>,
      },
      {
        title: 'Reports',
        field: 'reports',
        align: 'right',
        render: source => formatCount(source.reports),
      },
      {
        title: 'Last report',
        field: 'lastFinishedAt',
        render: source => formatTimestamp(source.lastFinishedAt),
      },
    ],
    [],
  );
  return (
    <Table<UnmatchedSource>
      title={TITLE}
      subtitle={`Repositories that send reports for a workspace no catalog entity claims. Give the service's entity the ${RUST_BUILD_CACHE_WORKSPACE_ANNOTATION} annotation with this workspace path; its reports then appear on its Build cache tab.`}
      columns={columns}
      data={props.sources}
      options={{
        paging: props.sources.length > 20,
        pageSize: 20,
        search: false,
      }}
    />
  );
}

/**
 * For platform engineers: reports that arrive but belong to no catalog entity, usually a
 * missing or mistyped workspace annotation.
 */
export function UnmatchedSourcesCard() {
  const { loading, error, value } = useUnmatchedSources();
  if (loading) {
    return (
      <InfoCard title={TITLE}>
        <Progress />
      </InfoCard>
    );
  }
  if (error) {
    return (
      <InfoCard title={TITLE}>
        <ResponseErrorPanel error={error} />
      </InfoCard>
    );
  }
  if (!value || value.length === 0) {
    return (
      <InfoCard title={TITLE}>
        <Alert severity="success">
          Every report received so far matches a catalog entity.
        </Alert>
        <Typography variant="caption" color="textSecondary" component="p">
          A report matches the entity whose repository and{' '}
          {RUST_BUILD_CACHE_WORKSPACE_ANNOTATION} annotation name the report's
          repository and Cargo workspace.
        </Typography>
      </InfoCard>
    );
  }
  return <UnmatchedSourcesTable sources={value} />;
}
