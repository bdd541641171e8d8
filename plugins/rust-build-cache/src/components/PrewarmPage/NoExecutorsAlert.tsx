import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';

/** Said when the backend has no executor registered: nothing could run a warm job. */
export function NoExecutorsAlert() {
  return (
    <Alert severity="warning" data-testid="no-executors">
      <AlertTitle>No pre-warm executor is enabled</AlertTitle>
      Schedules need an executor to run their warm builds. Add its backend
      module to the app's backend and enable it in app-config:{' '}
      <code>
        @rust-build-cache/plugin-rust-build-cache-backend-module-local-prewarm
      </code>{' '}
      with <code>rustBuildCache.prewarm.executors.local.enabled: true</code>{' '}
      runs cargo build with sccache on the Backstage host (for trying it out; it
      needs cargo and sccache installed there), or{' '}
      <code>
        @rust-build-cache/plugin-rust-build-cache-backend-module-github
      </code>{' '}
      with{' '}
      <code>rustBuildCache.prewarm.executors.githubActions.enabled: true</code>{' '}
      dispatches the reusable pre-warm workflow in GitHub Actions. Then restart
      the backend.
    </Alert>
  );
}
