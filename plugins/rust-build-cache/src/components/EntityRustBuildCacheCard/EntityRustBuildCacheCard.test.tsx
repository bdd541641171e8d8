import type { Entity } from '@backstage/catalog-model';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import type { TimeSeries } from '@rust-build-cache/plugin-rust-build-cache-common';
import { rustBuildCacheApiRef, type RustBuildCacheApi } from '../../api';
import { fakeRustBuildCacheApi } from '../../__testUtils__/fakeRustBuildCacheApi';
import { rustService } from '../../__testUtils__/entities';
import { POLICY, scorecardOf } from '../../__testUtils__/policyFixtures';
import { EntityRustBuildCacheCard } from './EntityRustBuildCacheCard';

const SLOW = { timeout: 5000 };

const ledgerWorker = rustService({
  name: 'ledger-worker',
  workspace: 'services/ledger-worker',
  owner: 'payments',
});

function day(
  date: string,
  counts: { hits: number; misses: number; avoidableNotCached: number },
  languagesMixed = false,
) {
  const { hits, misses, avoidableNotCached } = counts;
  return {
    day: date,
    runs: 2,
    requests: hits + misses + avoidableNotCached,
    ...counts,
    errors: 0,
    hitRate: hits / (hits + misses),
    effectiveHitRate: hits / (hits + misses + avoidableNotCached),
    otherLanguages: [],
    compileSeconds: 30,
    cacheWriteErrors: 0,
    languagesMixed,
  };
}

const series: TimeSeries = {
  entityRef: 'component:default/ledger-worker',
  from: '2026-10-29T00:00:00.000Z',
  to: '2026-11-27T00:00:00.000Z',
  points: [
    day('2026-11-20', { hits: 10, misses: 10, avoidableNotCached: 0 }),
    day('2026-11-27', { hits: 50, misses: 10, avoidableNotCached: 20 }),
    // Mixes languages: not Rust's rate, so it does not count.
    day('2026-11-01', { hits: 0, misses: 100, avoidableNotCached: 0 }, true),
  ],
};

const emptySeries: TimeSeries = { ...series, points: [] };

function renderCard(api: RustBuildCacheApi, entity: Entity = ledgerWorker) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [rustBuildCacheApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityRustBuildCacheCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityRustBuildCacheCard', () => {
  it('shows the 30-day Rust effective hit rate, its trend, the level and the rule to fix first', async () => {
    const api = fakeRustBuildCacheApi({
      getTimeSeries: async () => series,
      getEntityScorecard: async () =>
        scorecardOf('component:default/ledger-worker'),
      getPolicy: async () => ({ policy: POLICY, source: 'config' }),
    });
    await renderCard(api);

    // (10 + 50) / (10 + 10 + 50 + 10 + 20) over the summed counts = 60%.
    expect(
      await screen.findByTestId('overview-hit-rate', {}, SLOW),
    ).toHaveTextContent('60.0%');
    expect(screen.getByText(/4 CI run\(s\) in 30 days/)).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Daily Rust effective hit rate, last 30 days',
      }),
    ).toBeInTheDocument();
    expect(api.getTimeSeries).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'ledger-worker' },
      { days: 30 },
    );

    // The level's title comes from the policy.
    expect(await screen.findByText('Bronze', {}, SLOW)).toBeInTheDocument();
    // ledger-worker fails two error rules; the first in the policy's order comes first.
    const top = screen.getByTestId('overview-top-rule');
    expect(top).toHaveTextContent(
      'Fix first: Incremental compilation off in CI',
    );
    expect(top).toHaveTextContent('Fail');
    expect(top).toHaveTextContent(/\d other rule\(s\) not met\./);

    const link = screen.getByRole('link', { name: /Open the Build cache tab/ });
    expect(link.getAttribute('href')).toMatch(/\/build-cache$/);
  });

  it('says what to do before the first CI report', async () => {
    await renderCard(
      fakeRustBuildCacheApi({
        getTimeSeries: async () => emptySeries,
        getEntityScorecard: async () => null,
      }),
    );

    expect(
      await screen.findByText('No CI report yet', {}, SLOW),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Add the report step to the CI job that builds it/),
    ).toBeInTheDocument();
    expect(
      screen
        .getByRole('link', { name: 'Build cache tab' })
        .getAttribute('href'),
    ).toMatch(/\/build-cache$/);
  });

  it('keeps the policy when the last 30 days had no runs', async () => {
    await renderCard(
      fakeRustBuildCacheApi({
        getTimeSeries: async () => emptySeries,
        getEntityScorecard: async () =>
          scorecardOf('component:default/billing-api'),
        getPolicy: async () => ({ policy: POLICY, source: 'config' }),
      }),
    );

    expect(
      await screen.findByTestId('overview-no-runs', {}, SLOW),
    ).toHaveTextContent(
      'No CI runs with sccache statistics in the last 30 days',
    );
    expect(screen.getByTestId('overview-level')).toBeInTheDocument();
  });

  it('shows the error when the trend cannot be read', async () => {
    await renderCard(
      fakeRustBuildCacheApi({
        getTimeSeries: () => Promise.reject(new Error('trend query timed out')),
        getEntityScorecard: async () => null,
      }),
    );

    expect(
      (await screen.findAllByText(/trend query timed out/, {}, SLOW)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByTestId('overview-hit-rate')).not.toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await renderCard(
      fakeRustBuildCacheApi({
        getTimeSeries: () => new Promise(() => {}),
        getEntityScorecard: () => new Promise(() => {}),
      }),
    );

    expect(await screen.findByTestId('progress', {}, SLOW)).toBeInTheDocument();
  });

  it('names the missing annotation on an entity that is not a Rust service', async () => {
    const api = fakeRustBuildCacheApi();
    await renderCard(api, {
      ...ledgerWorker,
      metadata: { name: 'web', annotations: {} },
    });

    expect(
      await screen.findByText('Missing Annotation', {}, SLOW),
    ).toBeInTheDocument();
    expect(document.body).toHaveTextContent('rust-build-cache/workspace');
    expect(api.getTimeSeries).not.toHaveBeenCalled();
  });
});
