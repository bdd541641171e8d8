import { Content, EmptyState, Header, Page } from '@backstage/core-components';

/**
 * Pre-warming schedules will be managed here. None can exist yet, so the page explains
 * what pre-warming is for instead of listing anything.
 */
export function PrewarmPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Cache pre-warming"
        subtitle="Scheduled builds that fill the shared sccache cache before CI needs it"
      />
      <Content>
        <EmptyState
          missing="content"
          title="No pre-warming schedules yet"
          description="A pre-warming job builds a service's dependencies on a schedule, with sccache writing to the same cache as CI, so the first CI run after a Cargo.lock or toolchain change finds its dependencies already cached instead of compiling them all as misses. It only helps when the job builds exactly like CI: the same rustc, RUSTFLAGS, CARGO_* environment variables, CARGO_HOME and checkout path, because sccache's cache keys depend on all of them."
        />
      </Content>
    </Page>
  );
}
