import { Content, EmptyState, Header, Page } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { UnmatchedSourcesCard } from './UnmatchedSourcesCard';

/**
 * Caching-policy scorecards will live here. Until a policy exists there is nothing to
 * score, so the page says where the policy goes instead of showing made-up grades.
 */
export function PolicyPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Build cache policy"
        subtitle="How well each Rust service follows the organisation's build caching policy"
      />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <EmptyState
              missing="info"
              title="No caching policy configured yet"
              description={
                <>
                  The policy lives under <code>rustBuildCache.policy</code> in
                  app-config. Once it exists, this page shows a scorecard for
                  every Rust service.
                </>
              }
            />
          </Grid>
          <Grid item xs={12}>
            <UnmatchedSourcesCard />
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
