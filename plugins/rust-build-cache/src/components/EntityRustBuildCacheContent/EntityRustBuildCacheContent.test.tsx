import type { Entity } from '@backstage/catalog-model';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import {
  permissionApiRef,
  type PermissionApi,
} from '@backstage/plugin-permission-react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  compareReports,
  describeNonCacheableReason,
  type BuildCacheReport,
  type PullStatus,
  type RefreshResponse,
  type RepositorySnapshot,
  type RunDetail,
  type TimeSeries,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { rustBuildCacheApiRef, type RustBuildCacheApi } from '../../api';
import { fakeRustBuildCacheApi } from '../../__testUtils__/fakeRustBuildCacheApi';
import { rustService } from '../../__testUtils__/entities';
import { exampleReport, runFromReport } from '../../__testUtils__/exampleRuns';
import { EntityRustBuildCacheContent } from './EntityRustBuildCacheContent';

const gateway = rustService({
  name: 'gateway',
  workspace: 'services/gateway',
  owner: 'platform',
  projectSlug: 'acme-demo/platform-monorepo',
});

const timeSeries: TimeSeries = {
  entityRef: 'component:default/gateway',
  from: '2026-11-25T00:00:00.000Z',
  to: '2026-11-27T00:00:00.000Z',
  points: [
    {
      day: '2026-11-25',
      runs: 3,
      requests: 21,
      hits: 4,
      misses: 2,
      errors: 0,
      avoidableNotCached: 3,
      hitRate: 4 / 6,
      effectiveHitRate: 4 / 9,
      otherLanguages: [],
      compileSeconds: 12.5,
      cacheWriteErrors: 0,
      languagesMixed: false,
    },
  ],
};

function withRustcRelease(report: BuildCacheReport, release: string) {
  const rustc = report.toolchain.rustc!;
  return {
    ...report,
    toolchain: {
      ...report.toolchain,
      rustc: {
        ...rustc,
        release,
        version: `rustc ${release} (abcdef123 2026-05-28)`,
      },
    },
  };
}

/** The latest run (run-2, rustc 1.95.1) and the one before it (run-1, rustc 1.95.0). */
function twoRuns(): [RunDetail, RunDetail] {
  const older = runFromReport(exampleReport(), { id: 'run-1', runId: '1001' });
  const newer = runFromReport(withRustcRelease(exampleReport(), '1.95.1'), {
    id: 'run-2',
    runId: '1002',
    finishedAt: '2026-11-28T09:00:00Z',
  });
  return [older, newer];
}

/** Before the first pull, the first read of the repository and the first evaluation. */
const noPullsYet: Partial<RustBuildCacheApi> = {
  getRefreshSources: async () => ({
    pullProvider: 'github-actions',
    repositorySnapshot: true,
  }),
  getPullStatus: async () => null,
  getRepositorySnapshot: async () => ({ snapshot: null, history: [] }),
  getEntityScorecard: async () => null,
};

function apiWithRuns(
  latest: RunDetail,
  runs: RunDetail[],
  overrides: Partial<RustBuildCacheApi> = {},
) {
  return fakeRustBuildCacheApi({
    ...noPullsYet,
    getLatestRun: async () => latest,
    getTimeSeries: async () => timeSeries,
    getRuns: async (_entity, { limit, offset }) => ({
      items: runs.slice(offset, offset + limit),
      total: runs.length,
      limit,
      offset,
    }),
    ...overrides,
  });
}

function renderTab(
  api: RustBuildCacheApi,
  entity: Entity = gateway,
  permissionApi: PermissionApi = mockApis.permission(),
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [rustBuildCacheApiRef, api],
        [permissionApiRef, permissionApi],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityRustBuildCacheContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}

/** The value cell next to a label cell of one of the cards' label/value tables. */
function valueOf(label: string, container: HTMLElement = document.body) {
  const labelCell = within(container).getByText(label, { selector: 'th' });
  return labelCell.nextElementSibling as HTMLElement;
}

describe('EntityRustBuildCacheContent', () => {
  it('explains the missing annotation and fetches nothing', async () => {
    const api = fakeRustBuildCacheApi();
    await renderTab(api, {
      ...gateway,
      metadata: { name: 'gateway', annotations: {} },
    });

    expect(
      screen.getAllByText(/rust-build-cache\/workspace/).length,
    ).toBeGreaterThan(0);
    expect(api.getLatestRun).not.toHaveBeenCalled();
    expect(api.getPullStatus).not.toHaveBeenCalled();
    expect(api.getRepositorySnapshot).not.toHaveBeenCalled();
    expect(api.getEntityScorecard).not.toHaveBeenCalled();
  });

  it('shows the CI snippet with the workspace path until the first report', async () => {
    await renderTab(
      fakeRustBuildCacheApi({ ...noPullsYet, getLatestRun: async () => null }),
    );

    expect(
      await screen.findByText('No build cache reports yet'),
    ).toBeInTheDocument();
    const text = document.body.textContent ?? '';
    expect(text).toContain(
      'npx @rust-build-cache/ci-reporter collect --workspace services/gateway',
    );
    expect(text).toContain('npx @rust-build-cache/ci-reporter push');
    expect(text).toContain('RUSTC_WRAPPER: sccache');
    expect(text).toContain('CARGO_INCREMENTAL: "0"');
    expect(text).toContain('${{ secrets.RUST_BUILD_CACHE_URL }}');
    expect(text).toContain('${{ secrets.RUST_BUILD_CACHE_TOKEN }}');
  });

  it('shows the server error instead of the tab', async () => {
    await renderTab(
      fakeRustBuildCacheApi({
        ...noPullsYet,
        getLatestRun: () => Promise.reject(new Error('backend is down')),
      }),
    );

    expect(
      (await screen.findAllByText(/backend is down/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText('Latest run')).not.toBeInTheDocument();
  });

  it('shows the latest run of the example report in every card', async () => {
    const latest = runFromReport(exampleReport());
    const { container } = await renderTab(apiWithRuns(latest, [latest]));

    const latestCard = (await screen.findByText('Latest run')).closest(
      '.MuiCard-root',
    ) as HTMLElement;
    // sccache 0.4.0 warm run: 2 hits, no misses, 5 non-cacheable requests of which only
    // the incremental one is avoidable.
    expect(valueOf('Compile requests', latestCard)).toHaveTextContent('7');
    const rust = valueOf('Rust', latestCard);
    expect(rust).toHaveTextContent(
      /^hit rate 100\.0%, effective 66\.7%2 hits, 0 misses, 0 cache errors$/,
    );
    const leftOut = valueOf('Left out', latestCard);
    expect(leftOut).toHaveTextContent('"-" × 1');
    expect(leftOut).toHaveTextContent('"missing input" × 2');
    expect(leftOut).toHaveTextContent('"crate-type" × 1');
    expect(leftOut).not.toHaveTextContent('incremental');
    expect(valueOf('Cache timeouts', latestCard)).toHaveTextContent(/^0$/);
    expect(valueOf('Read errors', latestCard)).toHaveTextContent(/^0$/);
    // Debian's 0.4.0-pre.6 cannot tell: it counts a failed write as a write.
    expect(valueOf('Write errors', latestCard)).toHaveTextContent(
      /^0Not counted: sccache before 0\.6/,
    );
    expect(valueOf('Errors before the lookup', latestCard)).toHaveTextContent(
      /^0$/,
    );
    expect(
      valueOf('Estimated compile time saved', latestCard),
    ).toHaveTextContent(
      /^not estimated.*sccache does not record what a hit would have cost/,
    );
    expect(valueOf('Cache backend', latestCard)).toHaveTextContent('local');
    expect(valueOf('Cache size', latestCard)).toHaveTextContent(
      '78.2 KiB of 10.0 GiB (0.0%)',
    );
    expect(valueOf('sccache version', latestCard)).toHaveTextContent(
      'not reported',
    );

    // Trend chart: rendered by recharts inside its responsive container.
    await waitFor(() =>
      expect(
        container.querySelector('.recharts-responsive-container'),
      ).toBeInTheDocument(),
    );

    // Non-cacheable reasons: the fix where there is one, "nothing to fix" for the rest.
    const incrementalRow = screen
      .getByText('incremental', { selector: 'code' })
      .closest('tr') as HTMLElement;
    expect(incrementalRow).toHaveTextContent(
      describeNonCacheableReason('incremental')[0].fix,
    );
    for (const probe of ['-', 'missing input', 'crate-type']) {
      const row = screen
        .getByText(probe, { selector: 'code' })
        .closest('tr') as HTMLElement;
      expect(within(row).getByText('nothing to fix')).toBeInTheDocument();
    }

    // The example pins 1.95.0 and CI used 1.95.0.
    expect(screen.getByTestId('toolchain-match')).toHaveTextContent(
      'CI used the pinned toolchain',
    );

    // Slowest crates from cargo --timings.
    const slowest = screen
      .getByText('Slowest crates (latest run)')
      .closest('.MuiCard-root') as HTMLElement;
    expect(within(slowest).getByText('itoa')).toBeInTheDocument();
    expect(within(slowest).getByText('cfg-if')).toBeInTheDocument();
    expect(
      within(slowest).getByText('6 units, 0.3 s in total'),
    ).toBeInTheDocument();
  });

  it('keeps the other cards when the trend or the run list fails', async () => {
    const latest = runFromReport(exampleReport());
    await renderTab(
      apiWithRuns(latest, [latest], {
        getTimeSeries: () => Promise.reject(new Error('trend query timed out')),
        getRuns: () => Promise.reject(new Error('run list query failed')),
      }),
    );

    expect(
      (await screen.findAllByText(/trend query timed out/)).length,
    ).toBeGreaterThan(0);
    expect(
      (await screen.findAllByText(/run list query failed/)).length,
    ).toBeGreaterThan(0);
    expect(screen.getByText('Latest run')).toBeInTheDocument();
  });

  it('highlights a toolchain pin that CI did not use', async () => {
    const [, latest] = twoRuns();
    await renderTab(apiWithRuns(latest, [latest]));

    const alert = await screen.findByTestId('toolchain-mismatch');
    expect(alert).toHaveTextContent(
      'CI used a different rustc than the committed pin',
    );
    expect(alert).toHaveTextContent('pins 1.95.0, but CI used rustc 1.95.1');
    expect(alert.className).toMatch(/standardError/);
  });

  it("shows the latest report's broken input files, and a broken toolchain file on the toolchain card", async () => {
    const report: BuildCacheReport = {
      ...exampleReport(),
      toolchain: { ...exampleReport().toolchain, file: null },
      timings: null,
      problems: [
        {
          file: 'services/gateway/rust-toolchain',
          message: 'the file is empty',
        },
        {
          file: 'services/gateway/target/cargo-timings/cargo-timing.html',
          message: 'no UNIT_DATA array',
        },
      ],
    };
    const latest = runFromReport(report);
    await renderTab(apiWithRuns(latest, [latest]));

    const problems = await screen.findByTestId('report-problems');
    expect(problems).toHaveTextContent(
      '2 input files of this run are broken; the report leaves out what they would have told',
    );
    expect(problems).toHaveTextContent(
      'services/gateway/rust-toolchain: the file is empty',
    );
    expect(problems).toHaveTextContent(
      'services/gateway/target/cargo-timings/cargo-timing.html: no UNIT_DATA array',
    );
    // The statistics of the run are there all the same.
    const latestCard = problems.closest('.MuiCard-root') as HTMLElement;
    expect(valueOf('Rust', latestCard)).toHaveTextContent('2 hits, 0 misses');

    const broken = screen.getByTestId('toolchain-broken');
    expect(broken).toHaveTextContent(
      'The toolchain file is broken. services/gateway/rust-toolchain: the file is empty.',
    );
    expect(broken.className).toMatch(/standardError/);
    expect(screen.queryByTestId('toolchain-unpinned')).not.toBeInTheDocument();
    expect(valueOf('Committed pin')).toHaveTextContent(
      'broken (services/gateway/rust-toolchain)',
    );
  });

  it('tells how to add timings when the run has none', async () => {
    const report = { ...exampleReport(), timings: null };
    const latest = runFromReport(report);
    await renderTab(apiWithRuns(latest, [latest]));

    expect(
      await screen.findByText(/This run has no cargo timings/),
    ).toHaveTextContent('Add --timings to the cargo build command in CI');
  });

  it('pages the run list on the server', async () => {
    const runs = Array.from({ length: 25 }, (_, i) =>
      runFromReport(exampleReport(), { id: `run-${i}`, runId: `${2000 + i}` }),
    );
    const api = apiWithRuns(runs[0], runs);
    await renderTab(api);

    expect(
      await screen.findByRole('button', { name: 'Set run 2019 as base' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Set run 2020 as base' }),
    ).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Next Page' }));

    expect(
      await screen.findByRole('button', { name: 'Set run 2024 as base' }),
    ).toBeInTheDocument();
    expect(api.getRuns).toHaveBeenLastCalledWith(expect.anything(), {
      limit: 20,
      offset: 20,
    });
  });

  it('links only http(s) CI URLs: javascript: and data: URLs stored by older versions stay text', async () => {
    const withUrl = (id: string, runId: string, url: string) =>
      runFromReport(exampleReport(), { id, runId, url });
    const runs = [
      // eslint-disable-next-line no-script-url -- refusing to link it is the point
      withUrl('run-js', '3001', 'javascript:alert(document.cookie)'),
      withUrl('run-data', '3002', 'data:text/html,<script>alert(1)</script>'),
      withUrl('run-https', '3003', 'https://ci.example.com/runs/3003'),
    ];
    await renderTab(apiWithRuns(runs[0], runs));

    const table = (
      await screen.findByRole('button', {
        name: 'Set run 3001 as base',
      })
    ).closest('table') as HTMLElement;
    expect(within(table).getByText('#3001')).not.toHaveAttribute('href');
    expect(within(table).getByText('#3002')).not.toHaveAttribute('href');
    expect(within(table).getByRole('link', { name: /^#3003/ })).toHaveAttribute(
      'href',
      'https://ci.example.com/runs/3003',
    );
    expect(within(table).getAllByRole('link')).toHaveLength(1);

    // The latest run is the javascript: one: its card shows no CI link at all.
    const latestCard = screen
      .getByText('Latest run')
      .closest('.MuiCard-root') as HTMLElement;
    expect(within(latestCard).queryByText('CI run')).not.toBeInTheDocument();
    expect(
      document.querySelector('a[href^="javascript:"], a[href^="data:"]'),
    ).toBeNull();
  });

  it('compares two runs picked in the run list', async () => {
    const [older, newer] = twoRuns();
    for (const [run, dir] of [
      [older, '/ci/a/app'],
      [newer, '/ci/b/app'],
    ] as const) {
      run.report.keyInputs = {
        workspaceDir: { path: dir },
        cargoHome: null,
        cargoVarValueSha256: {},
      };
    }
    const compareRuns = jest.fn(async () => ({
      base: older,
      head: newer,
      differences: compareReports(older.report, newer.report),
    }));
    await renderTab(apiWithRuns(newer, [newer, older], { compareRuns }));

    await userEvent.click(
      await screen.findByRole('button', { name: 'Set run 1001 as base' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Set run 1002 as head' }),
    );

    expect(compareRuns).toHaveBeenCalledWith({ base: 'run-1', head: 'run-2' });
    const differences = await screen.findByRole('table', {
      name: 'settings that differ',
    });
    const rustcRow = within(differences)
      .getByText('rustc used in CI')
      .closest('tr')!;
    expect(rustcRow).toHaveTextContent(/rustc 1\.95\.0 .*rustc 1\.95\.1 /);
    expect(
      within(rustcRow).getByText('changes cache keys'),
    ).toBeInTheDocument();
    expect(rustcRow.className).toMatch(/affectsCacheKeys/);
    const checkoutRow = within(differences)
      .getByText('Checkout directory of the workspace')
      .closest('tr')!;
    expect(checkoutRow).toHaveTextContent(/\/ci\/a\/app.*\/ci\/b\/app/);
    expect(checkoutRow.className).toMatch(/affectsCacheKeys/);
    expect(
      screen.queryByText(/No cache-key inputs differ/),
    ).not.toBeInTheDocument();

    const metrics = screen.getByRole('table', { name: 'metrics of both runs' });
    const hitRateRow = within(metrics)
      .getByText('Rust hit rate')
      .closest('tr')!;
    expect(hitRateRow).toHaveTextContent('Rust hit rate100.0%100.0%');
  });

  it('says when no cache-key input differs between the runs', async () => {
    const [older, newer] = twoRuns();
    await renderTab(
      apiWithRuns(newer, [newer, older], {
        compareRuns: async () => ({
          base: older,
          head: newer,
          differences: [],
        }),
      }),
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Set run 1001 as base' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Set run 1002 as head' }),
    );

    expect(
      await screen.findByText(
        'No cache-key inputs differ; misses come from changed sources or an evicted cache',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'settings that differ' }),
    ).not.toBeInTheDocument();
  });
});

const pulled: PullStatus = {
  entityRef: 'component:default/gateway',
  providerId: 'github-actions',
  lastPulledAt: '2026-11-27T18:00:00.000Z',
  lastSuccessAt: '2026-11-27T18:00:00.000Z',
  lastIngested: 3,
  lastError: null,
  rateLimitedUntil: null,
};

function snapshotOf(
  overrides: Partial<RepositorySnapshot> = {},
): RepositorySnapshot {
  return {
    repository: 'github.com/acme-demo/platform-monorepo',
    workspacePath: 'services/gateway',
    readAt: '2026-11-27T18:00:00.000Z',
    toolchainFile: {
      file: 'rust-toolchain.toml',
      channel: '1.95.0',
      path: null,
      components: [],
      targets: [],
      profile: null,
    },
    dependencies: {
      lockVersion: 4,
      fingerprint: 'ab12cd34ef56'.padEnd(64, '0'),
      packages: { registry: 10, git: 0, path: 1 },
    },
    cargoLockCommitted: true,
    profiles: {},
    workflows: {
      files: ['.github/workflows/ci.yml'],
      setsRustcWrapperSccache: true,
      usesSccacheAction: true,
      setsCargoIncrementalZero: false,
      setsSccacheCacheSize: false,
      pinsToolchain: true,
    },
    problems: [],
    ...overrides,
  };
}

function card(title: string): HTMLElement {
  return screen.getByText(title).closest('.MuiCard-root') as HTMLElement;
}

describe('Data sources card', () => {
  const latest = runFromReport(exampleReport());

  it('shows when reports were last pulled from CI', async () => {
    await renderTab(
      apiWithRuns(latest, [latest], {
        getPullStatus: async () => ({
          ...pulled,
          lastError: 'run 1003: artifact expired',
          rateLimitedUntil: '2026-11-27T19:00:00.000Z',
        }),
      }),
    );

    const sources = (await screen.findByText('Last pulled')).closest(
      '.MuiCard-root',
    ) as HTMLElement;
    expect(valueOf('Last pulled', sources)).toHaveTextContent(
      '2026-11-27 18:00 UTC',
    );
    expect(
      valueOf('Reports stored by the last pull', sources),
    ).toHaveTextContent('3');
    expect(valueOf('Rate limited until', sources)).toHaveTextContent(
      '2026-11-27 19:00 UTC',
    );
    expect(within(sources).getByTestId('pull-last-error')).toHaveTextContent(
      'run 1003: artifact expired',
    );
  });

  it('explains push and scheduled pull before the first pull', async () => {
    await renderTab(apiWithRuns(latest, [latest]));

    expect(await screen.findByTestId('never-pulled')).toHaveTextContent(
      /Never pulled from CI.*push.*scheduled pull/,
    );
  });

  it('refreshes, then reloads the pull status, the snapshot, the latest run and the scorecard', async () => {
    const getPullStatus = jest
      .fn<Promise<PullStatus | null>, []>()
      .mockResolvedValueOnce(null)
      .mockResolvedValue(pulled);
    let finishPull: (response: RefreshResponse) => void = () => {};
    const refreshEntity = jest.fn(
      () =>
        new Promise<RefreshResponse>(resolve => {
          finishPull = resolve;
        }),
    );
    const api = apiWithRuns(latest, [latest], { getPullStatus, refreshEntity });
    await renderTab(api);

    await screen.findByTestId('never-pulled');
    expect(api.getLatestRun).toHaveBeenCalledTimes(1);
    expect(api.getRepositorySnapshot).toHaveBeenCalledTimes(1);

    await userEvent.click(screen.getByRole('button', { name: 'Refresh now' }));

    expect(
      await screen.findByRole('button', { name: 'Refreshing…' }),
    ).toBeDisabled();
    finishPull({ status: pulled, snapshot: null });

    expect(await screen.findByText('Last pulled')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Refresh now' }),
    ).not.toBeDisabled();
    expect(refreshEntity).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'gateway',
    });
    await waitFor(() => expect(api.getLatestRun).toHaveBeenCalledTimes(2));
    expect(api.getRepositorySnapshot).toHaveBeenCalledTimes(2);
    expect(api.getEntityScorecard).toHaveBeenCalledTimes(2);
    expect(screen.queryByTestId('refresh-error')).not.toBeInTheDocument();
  });

  it('shows the server message when no pull provider supports the entity', async () => {
    const body = {
      error: {
        name: 'InputError',
        message: 'Nothing to refresh for component:default/gateway',
      },
      request: { method: 'POST', url: '/refresh' },
      response: { statusCode: 400 },
    };
    const refreshEntity = jest.fn(async () => {
      throw await ResponseError.fromResponse(
        new Response(JSON.stringify(body), {
          status: 400,
          statusText: 'Bad Request',
          headers: { 'Content-Type': 'application/json' },
        }),
      );
    });
    const api = apiWithRuns(latest, [latest], { refreshEntity });
    await renderTab(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Refresh now' }),
    );

    expect(await screen.findByTestId('refresh-error')).toHaveTextContent(
      'Refresh failed: Nothing to refresh for component:default/gateway',
    );
    expect(api.getLatestRun).toHaveBeenCalledTimes(1);
  });

  it('offers no refresh, and says why, when nothing could be refreshed', async () => {
    const api = apiWithRuns(latest, [latest], {
      getRefreshSources: async () => ({
        pullProvider: null,
        repositorySnapshot: false,
      }),
    });
    await renderTab(api);

    expect(await screen.findByTestId('nothing-to-refresh')).toHaveTextContent(
      'Reports arrive only when CI pushes them',
    );
    expect(
      screen.queryByRole('button', { name: 'Refresh now' }),
    ).not.toBeInTheDocument();
    expect(api.getRefreshSources).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'gateway',
    });
  });
});

describe('Repository card', () => {
  const latest = runFromReport(exampleReport());

  it('highlights a committed pin that CI did not use', async () => {
    const toolchainFile = {
      ...snapshotOf().toolchainFile!,
      channel: '1.96.0',
    };
    await renderTab(
      apiWithRuns(latest, [latest], {
        getRepositorySnapshot: async () => ({
          snapshot: snapshotOf({ toolchainFile }),
          history: [
            {
              at: '2026-11-26T10:00:00.000Z',
              field: 'toolchain',
              from: '1.95.0',
              to: '1.96.0',
            },
            {
              at: '2026-11-26T11:00:00.000Z',
              field: 'dependencies',
              from: null,
              to: 'ab12cd34ef56'.padEnd(64, '0'),
            },
          ],
        }),
      }),
    );

    const alert = await screen.findByTestId('repository-toolchain-mismatch');
    expect(alert).toHaveTextContent('pins 1.96.0, but CI used rustc 1.95.0');
    expect(alert.className).toMatch(/standardError/);
    const repository = card('Repository (default branch)');
    expect(valueOf('Committed pin', repository)).toHaveTextContent(
      '1.96.0 (rust-toolchain.toml)',
    );
    expect(valueOf('Cargo.lock', repository)).toHaveTextContent(
      'committed (version 4)',
    );
    expect(valueOf('Dependency fingerprint', repository)).toHaveTextContent(
      /^ab12cd34ef56$/,
    );
    const incremental = within(repository).getByTestId(
      'check-setsCargoIncrementalZero',
    );
    expect(within(incremental).getByTitle('not set')).toBeInTheDocument();
    expect(incremental).toHaveTextContent('cannot cache incremental compiles');
    expect(
      within(
        within(repository).getByTestId('check-setsRustcWrapperSccache'),
      ).getByTitle('set'),
    ).toBeInTheDocument();
    const changes = within(repository).getByRole('table', {
      name: 'pin and dependency changes',
    });
    expect(
      within(changes).getByText('Toolchain pin').closest('tr'),
    ).toHaveTextContent('2026-11-26 10:00 UTCToolchain pin1.95.01.96.0');
    expect(
      within(changes).getByText('Dependency fingerprint').closest('tr'),
    ).toHaveTextContent('nonea' + 'b12cd34ef56');
  });

  it('says when the repository has not been read yet', async () => {
    await renderTab(apiWithRuns(latest, [latest]));

    expect(await screen.findByTestId('snapshot-empty')).toHaveTextContent(
      'snapshots are taken on a schedule, or press Refresh now',
    );
  });

  it('lists files that could not be read as warnings', async () => {
    await renderTab(
      apiWithRuns(latest, [latest], {
        getRepositorySnapshot: async () => ({
          snapshot: snapshotOf({
            problems: ['.github/workflows/ci.yml: not valid YAML'],
            workflows: null,
          }),
          history: [],
        }),
      }),
    );

    expect(await screen.findByTestId('snapshot-problem')).toHaveTextContent(
      '.github/workflows/ci.yml: not valid YAML',
    );
    expect(
      screen.getByTestId('repository-toolchain-match'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No CI workflow files were read.'),
    ).toBeInTheDocument();
  });

  it('shows the error of the snapshot without hiding the other cards', async () => {
    await renderTab(
      apiWithRuns(latest, [latest], {
        getRepositorySnapshot: () =>
          Promise.reject(new Error('snapshot query failed')),
      }),
    );

    expect(
      (await screen.findAllByText(/snapshot query failed/)).length,
    ).toBeGreaterThan(0);
    expect(screen.getByText('Latest run')).toBeInTheDocument();
  });
});
