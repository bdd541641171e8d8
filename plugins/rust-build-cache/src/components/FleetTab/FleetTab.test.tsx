import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  FLEET_COMPILE_TIME_METHOD,
  FLEET_TIME_SAVED_METHOD,
  type FleetCompileTime,
  type FleetFragmentation,
  type FleetTimeSaved,
  type FleetToolchainDrift,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rustBuildCacheApiRef, type RustBuildCacheApi } from '../../api';
import { fakeRustBuildCacheApi } from '../../__testUtils__/fakeRustBuildCacheApi';
import { PolicyPage } from '../PolicyPage';

const computedAt = '2026-12-06T12:00:00.000Z';
const ref = (name: string) => `component:default/${name}`;

const compileTime: FleetCompileTime = {
  computedAt,
  days: 30,
  from: '2026-11-06T12:00:00.000Z',
  crates: [
    {
      name: 'serde_derive',
      version: '1.0.152',
      missSeconds: 96.6,
      compiles: 60,
      services: 2,
      entityRefs: [ref('billing-api'), ref('edge-gateway')],
      prewarmedServices: 1,
    },
    {
      name: 'itoa',
      version: '1.0.4',
      missSeconds: 3.2,
      compiles: 40,
      services: 4,
      entityRefs: ['a', 'b', 'c', 'd'].map(ref),
      prewarmedServices: 0,
    },
  ],
  totalCrates: 2,
  totalMissSeconds: 99.8,
  reportsWithMisses: 120,
  reportsWithTimings: 100,
  method: FLEET_COMPILE_TIME_METHOD,
};

const toolchains: FleetToolchainDrift = {
  computedAt,
  baseline: '1.95.0',
  releases: [
    {
      release: '1.95.0',
      services: 4,
      entityRefs: ['a', 'b', 'c', 'd'].map(ref),
      isBaseline: true,
    },
    {
      release: '1.97.0-nightly',
      services: 1,
      entityRefs: [ref('notify-worker')],
      isBaseline: false,
    },
  ],
  pinMismatches: [
    {
      entityRef: ref('notify-worker'),
      file: 'rust-toolchain.toml',
      pin: '1.95.0',
      ciRelease: '1.97.0-nightly',
    },
  ],
  totalPinMismatches: 1,
  servicesWithRustc: 5,
  unpinned: 3,
};

const fragmentation: FleetFragmentation = {
  computedAt,
  fingerprints: [
    {
      fingerprint: '7b74c72d8ccc'.padEnd(64, '0'),
      services: 5,
      keyGroups: 3,
      splits: { rustflags: 1, toolchain: 1 },
      topSplit: { dimension: 'rustflags', splits: 1 },
      groups: [
        {
          id: 'g1',
          services: 3,
          entityRefs: ['a', 'b', 'c'].map(ref),
          rustc: '1.95.0',
          target: 'x86_64-unknown-linux-gnu',
          profile: 'dev',
          rustflagsSha256: null,
          cacheLocation: 'Local disk: "/var/cache/sccache"',
        },
      ],
    },
  ],
  totalFingerprints: 1,
  warmJobs: 3,
  warmJobsIfUnified: 1,
  servicesWithoutKey: 0,
};

const timeSaved: FleetTimeSaved = {
  computedAt,
  weeks: [
    {
      weekStart: '2026-11-16',
      secondsSaved: 7200,
      runs: 30,
      hits: 300,
      unpricedHits: 0,
      complete: true,
    },
    {
      weekStart: '2026-11-23',
      secondsSaved: 10800,
      runs: 30,
      hits: 400,
      unpricedHits: 12,
      complete: true,
    },
    {
      weekStart: '2026-11-30',
      secondsSaved: 3600,
      runs: 10,
      hits: 100,
      unpricedHits: 0,
      complete: false,
    },
  ],
  trend: 0.5,
  method: FLEET_TIME_SAVED_METHOD,
};

function fleetApi(overrides: Partial<RustBuildCacheApi> = {}) {
  return fakeRustBuildCacheApi({
    // The page loads the summary for its other tabs.
    getScorecardSummary: async () => ({
      evaluatedAt: null,
      entities: 0,
      compliant: 0,
      compliance: null,
      levels: [],
      owners: [],
      rules: [],
    }),
    getFleetCompileTime: async () => compileTime,
    getFleetToolchains: async () => toolchains,
    getFleetFragmentation: async () => fragmentation,
    getFleetTimeSaved: async () => timeSaved,
    ...overrides,
  });
}

function renderFleetTab(api: RustBuildCacheApi) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [rustBuildCacheApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <PolicyPage />
    </TestApiProvider>,
    {
      routeEntries: ['/?tab=fleet'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('Fleet tab', () => {
  it('shows the four views with links to the services and the estimates explained', async () => {
    const api = fleetApi();
    await renderFleetTab(api);

    expect(await screen.findByTestId('time-saved-trend')).toHaveTextContent(
      'Last complete week: 50% more than the mean of the complete weeks before it.',
    );
    expect(screen.getByTestId('time-saved-last-week')).toHaveTextContent(
      'Week of 2026-11-23: about 3 h 0 min of compile time saved by 400 hits in 30 CI runs (12 hits of services without a miss are not priced).',
    );
    expect(screen.getByTestId('time-saved-method')).toHaveTextContent(
      FLEET_TIME_SAVED_METHOD.limits[0],
    );

    const compile = screen.getByTestId('fleet-compile-time');
    expect(
      within(compile).getByTestId('compile-time-totals'),
    ).toHaveTextContent(
      '1 min 40 s over 2 crates, from 100 of 120 CI reports with misses',
    );
    expect(
      within(compile).getByText('serde_derive 1.0.152'),
    ).toBeInTheDocument();
    expect(
      within(compile).getByRole('link', { name: 'billing-api' }),
    ).toHaveAttribute('href', '/catalog/default/component/billing-api');
    // Three links, then the rest counted.
    expect(within(compile).getByText(/and 1 more/)).toBeInTheDocument();
    expect(within(compile).getByText('1 of 2')).toBeInTheDocument();
    expect(
      within(compile).getByTestId('compile-time-method'),
    ).toHaveTextContent('slowest units');
    expect(api.getFleetCompileTime).toHaveBeenCalledWith({
      days: 30,
      limit: 100,
    });

    const drift = screen.getByTestId('fleet-toolchains');
    expect(within(drift).getByTestId('toolchain-summary')).toHaveTextContent(
      '2 rustc releases across 5 services; policy baseline: 1.95.0; 3 without an exact pin; 1 whose pin differs from what CI ran.',
    );
    expect(within(drift).getByText('baseline')).toBeInTheDocument();
    expect(
      within(drift).getAllByRole('link', { name: 'notify-worker' }).length,
    ).toBeGreaterThan(0);

    const fragments = screen.getByTestId('fleet-fragmentation');
    expect(
      within(fragments).getByText(
        '5 services share this Cargo.lock but fall into 3 key groups; 1 of the splits is RUSTFLAGS.',
      ),
    ).toBeInTheDocument();
    expect(
      within(fragments).getByTestId('fragmentation-summary'),
    ).toHaveTextContent(
      'takes 3 warm jobs; with one key per Cargo.lock it would take 1',
    );
  });

  it('asks for another window when one is chosen', async () => {
    const api = fleetApi();
    await renderFleetTab(api);
    await screen.findByText('serde_derive 1.0.152');
    await userEvent.click(screen.getByRole('button', { name: /Last 30 days/ }));
    const listbox = await screen.findByRole('listbox');
    await userEvent.click(within(listbox).getByText('Last 90 days'));
    expect(api.getFleetCompileTime).toHaveBeenLastCalledWith({
      days: 90,
      limit: 100,
    });
  });

  it('shows empty states when there is nothing to show', async () => {
    await renderFleetTab(
      fleetApi({
        getFleetCompileTime: async () => ({
          ...compileTime,
          crates: [],
          totalCrates: 0,
        }),
        getFleetToolchains: async () => ({
          ...toolchains,
          releases: [],
          pinMismatches: [],
        }),
        getFleetFragmentation: async () => ({
          ...fragmentation,
          fingerprints: [],
        }),
        getFleetTimeSaved: async () => ({
          ...timeSaved,
          weeks: timeSaved.weeks.map(w => ({
            ...w,
            runs: 0,
            hits: 0,
            unpricedHits: 0,
            secondsSaved: 0,
          })),
          trend: null,
        }),
      }),
    );
    expect(
      await screen.findByText('No compile time on cache misses in this window'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No CI run names its rustc yet'),
    ).toBeInTheDocument();
    expect(await screen.findByText('No cache keys yet')).toBeInTheDocument();
    expect(
      await screen.findByText('No CI reports in these weeks'),
    ).toBeInTheDocument();
  });

  it('shows an error of one view without hiding the others', async () => {
    await renderFleetTab(
      fleetApi({
        getFleetToolchains: async () => {
          throw new Error('fleet read failed');
        },
      }),
    );
    const drift = await screen.findByTestId('fleet-toolchains');
    expect(
      await within(drift).findByText('Error: fleet read failed'),
    ).toBeInTheDocument();
    expect(await screen.findByText('serde_derive 1.0.152')).toBeInTheDocument();
  });
});
