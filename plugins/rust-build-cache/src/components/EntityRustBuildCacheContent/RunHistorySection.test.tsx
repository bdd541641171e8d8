import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { compareReports } from '@rust-build-cache/plugin-rust-build-cache-common';
import { screen } from '@testing-library/react';
import { rustBuildCacheApiRef } from '../../api';
import { exampleReport, runFromReport } from '../../__testUtils__/exampleRuns';
import { fakeRustBuildCacheApi } from '../../__testUtils__/fakeRustBuildCacheApi';
import { RunHistorySection } from './RunHistorySection';

describe('RunHistorySection', () => {
  it('opens the comparison a link names with compareBase and compareHead', async () => {
    const base = runFromReport(exampleReport(), { id: 'warm-1', runId: '7' });
    const head = runFromReport(exampleReport(), { id: 'ci-2', runId: '8' });
    const api = fakeRustBuildCacheApi({
      getRuns: async () => ({
        items: [head, base],
        total: 2,
        limit: 20,
        offset: 0,
      }),
      compareRuns: async () => ({
        base,
        head,
        differences: compareReports(base.report, head.report),
      }),
    });

    await renderInTestApp(
      <TestApiProvider apis={[[rustBuildCacheApiRef, api]]}>
        <RunHistorySection
          entityRef={{
            kind: 'component',
            namespace: 'default',
            name: 'gateway',
          }}
        />
      </TestApiProvider>,
      { routeEntries: ['/build-cache?compareBase=warm-1&compareHead=ci-2'] },
    );

    expect(
      await screen.findByRole('table', { name: 'metrics of both runs' }),
    ).toBeInTheDocument();
    expect(api.compareRuns).toHaveBeenCalledWith({
      base: 'warm-1',
      head: 'ci-2',
    });
  }, 30_000);
});
