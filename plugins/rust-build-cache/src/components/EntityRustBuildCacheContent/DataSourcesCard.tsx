import {
  stringifyEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  rustBuildCacheRefreshPermission,
  type PullStatus,
  type RefreshSources,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { rustBuildCacheApiRef } from '../../api';
import { useOperation, useRefreshSources } from '../../hooks';
import { formatCount, formatTimestamp } from '../../format';
import { errorMessage } from './errorMessage';
import { LabelledRows } from './LabelledRows';

/** Pulls now and, once the pull is done, lets the tab reload what it shows. */
function RefreshButton(props: {
  entityRef: CompoundEntityRef;
  onRefreshed: () => void;
}) {
  const { entityRef, onRefreshed } = props;
  const api = useApi(rustBuildCacheApiRef);
  const { allowed } = usePermission({
    permission: rustBuildCacheRefreshPermission,
    resourceRef: stringifyEntityRef(entityRef),
  });
  const refresh = useOperation(async () => {
    await api.refreshEntity(entityRef);
    onRefreshed();
  });

  if (!allowed) return null;
  return (
    <Box mb={2}>
      <Button
        variant="outlined"
        color="primary"
        disabled={refresh.running}
        onClick={() => refresh.run()}
        startIcon={refresh.running ? <CircularProgress size={16} /> : undefined}
      >
        {refresh.running ? 'Refreshing…' : 'Refresh now'}
      </Button>
      {refresh.error && (
        <Box mt={1}>
          <Alert severity="error" data-testid="refresh-error">
            <strong>Refresh failed:</strong> {errorMessage(refresh.error)}
          </Alert>
        </Box>
      )}
    </Box>
  );
}

function PullStatusRows(props: { status: PullStatus }) {
  const { status } = props;
  return (
    <>
      {status.lastError && (
        <Alert severity="warning" data-testid="pull-last-error">
          <strong>The last pull reported a problem:</strong> {status.lastError}
        </Alert>
      )}
      <LabelledRows
        rows={[
          { label: 'Pulled from', value: status.providerId },
          { label: 'Last pulled', value: formatTimestamp(status.lastPulledAt) },
          {
            label: 'Last complete pull',
            value: status.lastSuccessAt
              ? formatTimestamp(status.lastSuccessAt)
              : 'none ran to the end yet',
          },
          {
            label: 'Reports stored by the last pull',
            value: formatCount(status.lastIngested),
          },
          ...(status.rateLimitedUntil
            ? [
                {
                  label: 'Rate limited until',
                  value: formatTimestamp(status.rateLimitedUntil),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

function PullStatusBody(props: {
  loading: boolean;
  error?: Error;
  status?: PullStatus | null;
  sources?: RefreshSources;
}) {
  const { loading, error, status, sources } = props;
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (status) return <PullStatusRows status={status} />;
  if (sources && !sources.pullProvider) {
    return (
      <Typography
        variant="body2"
        data-testid={
          sources.repositorySnapshot ? 'never-pulled' : 'nothing-to-refresh'
        }
      >
        Reports arrive only when CI pushes them: no pull provider supports this
        repository
        {sources.repositorySnapshot
          ? '.'
          : ', and the backend does not read its files (repository snapshots are off, or the entity names no repository).'}
      </Typography>
    );
  }
  return (
    <Typography variant="body2" data-testid="never-pulled">
      Never pulled from CI. Reports arrive when CI pushes them at the end of a
      run, or when the scheduled pull fetches them from the CI provider.
    </Typography>
  );
}

/**
 * Where the tab's reports come from: the last pull from CI, and a button to pull and re-read
 * the repository now, offered only when a refresh can do something (when that cannot be told,
 * the button is offered and the refresh itself says what is wrong).
 */
export function DataSourcesCard(props: {
  entityRef: CompoundEntityRef;
  pullStatus: { loading: boolean; error?: Error; value?: PullStatus | null };
  onRefreshed: () => void;
}) {
  const { entityRef, pullStatus, onRefreshed } = props;
  const sources = useRefreshSources(entityRef);
  const canRefresh =
    !sources.loading &&
    (!sources.value ||
      sources.value.pullProvider !== null ||
      sources.value.repositorySnapshot);
  return (
    <InfoCard title="Data sources">
      {canRefresh && (
        <RefreshButton entityRef={entityRef} onRefreshed={onRefreshed} />
      )}
      <PullStatusBody
        loading={pullStatus.loading || sources.loading}
        error={pullStatus.error}
        status={pullStatus.value}
        sources={sources.value}
      />
    </InfoCard>
  );
}
