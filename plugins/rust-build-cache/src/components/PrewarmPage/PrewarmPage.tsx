import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import {
  useCanManagePrewarm,
  usePrewarmExecutors,
  usePrewarmSchedules,
  useReloadKey,
} from '../../hooks';
import { EffectCard } from './EffectCard';
import { NoExecutorsAlert } from './NoExecutorsAlert';
import { RunHistoryCard } from './RunHistoryCard';
import { SchedulesCard } from './SchedulesCard';

function PrewarmPageBody() {
  const canManage = useCanManagePrewarm();
  const executors = usePrewarmExecutors();
  // Any change (a schedule saved, paused or deleted, "Run now", a cancel) reloads the
  // schedules, the run history and the effect together.
  const [reloadKey, reload] = useReloadKey();
  const schedules = usePrewarmSchedules(reloadKey);

  if (executors.loading) return <Progress />;
  if (executors.error) return <ResponseErrorPanel error={executors.error} />;
  const executorList = executors.value ?? [];

  return (
    <Grid container spacing={3}>
      {executorList.length === 0 && (
        <Grid item xs={12}>
          <NoExecutorsAlert />
        </Grid>
      )}
      <Grid item xs={12}>
        <SchedulesCard
          schedules={schedules}
          executors={executorList}
          canManage={canManage}
          onChanged={reload}
        />
      </Grid>
      <Grid item xs={12}>
        <RunHistoryCard
          schedules={schedules.value ?? []}
          canManage={canManage}
          reloadKey={reloadKey}
          onChanged={reload}
        />
      </Grid>
      <Grid item xs={12}>
        <EffectCard reloadKey={reloadKey} />
      </Grid>
    </Grid>
  );
}

/**
 * "Cache pre-warming": the schedules that fill the shared sccache cache before CI needs
 * it, their warm-group plans, run history and measured effect. Everyone with read access
 * sees it; changing schedules and starting or cancelling runs needs the manage permission.
 */
export function PrewarmPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Cache pre-warming"
        subtitle="Scheduled builds that fill the shared sccache cache before CI needs it"
      />
      <Content>
        <PrewarmPageBody />
      </Content>
    </Page>
  );
}
