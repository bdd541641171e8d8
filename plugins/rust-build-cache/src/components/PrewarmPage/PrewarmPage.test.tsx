import { ResponseError } from '@backstage/errors';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeRustBuildCacheApi } from '../../__testUtils__/fakeRustBuildCacheApi';
import {
  GITHUB_ACTIONS_EXECUTOR,
  LOCAL_EXECUTOR,
  exampleEffect,
  exampleJob,
  examplePlan,
  exampleRun,
  exampleSchedule,
  exampleScheduleInput,
} from '../../__testUtils__/prewarmFixtures';
import { renderPrewarmPage } from '../../__testUtils__/renderPrewarmPage';
import type { RustBuildCacheApi } from '../../api';

/** A page with one schedule, no runs and no effect yet, unless overridden. */
function apiWith(overrides: Partial<RustBuildCacheApi> = {}) {
  return fakeRustBuildCacheApi({
    getPrewarmExecutors: async () => [LOCAL_EXECUTOR, GITHUB_ACTIONS_EXECUTOR],
    getPrewarmSchedules: async () => [exampleSchedule()],
    getPrewarmRuns: async () => ({ items: [], total: 0 }),
    getPrewarmEffect: async () => [],
    ...overrides,
  });
}

async function scheduleRow(name = 'Payments nightly') {
  const table = await screen.findByRole('table', {
    name: 'pre-warming schedules',
  });
  return within(table).getByText(name).closest('tr') as HTMLElement;
}

/** The table row of an element in it. */
function rowOf(element: HTMLElement): HTMLElement {
  return element.closest('tr') as HTMLElement;
}

/** The run history's row of a run, found by its "Show jobs" toggle. */
async function runRow(runId: string) {
  return rowOf(
    await screen.findByTestId(`run-${runId}`, {}, { timeout: 5000 }),
  );
}

/** Sets a text field of the editor at once (typing each character is slow in jsdom). */
function setField(dialog: HTMLElement, name: RegExp, value: string) {
  fireEvent.change(within(dialog).getByRole('textbox', { name }), {
    target: { value },
  });
}

async function responseError(status: number, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'Error', message },
        request: { method: 'GET', url: '/prewarm/schedules' },
        response: { statusCode: status },
      }),
      { status, headers: { 'content-type': 'application/json' } },
    ),
  );
}

describe('PrewarmPage', () => {
  it('lists schedules with their timing, scope, executor and last run', async () => {
    await renderPrewarmPage(
      apiWith({
        getPrewarmSchedules: async () => [
          exampleSchedule(),
          exampleSchedule({
            id: 'second',
            name: 'Platform weekly',
            cron: '30 1 * * 0',
            timeZone: 'UTC',
            scope: {
              owners: [],
              tags: [],
              entityRefs: ['component:default/rate-limiter'],
            },
            executorId: 'github-actions',
            paused: true,
            nextRunAt: null,
            lastRun: null,
          }),
        ],
      }),
    );

    const row = await scheduleRow();
    expect(
      within(row).getByText('At 03:00, Monday through Friday'),
    ).toBeInTheDocument();
    expect(within(row).getByText(/Europe\/Berlin/)).toBeInTheDocument();
    expect(within(row).getByText('2026-11-30 02:00 UTC')).toBeInTheDocument();
    expect(
      within(row).getByText('owners group:default/payments; tags rust'),
    ).toBeInTheDocument();
    expect(within(row).getByText('Local')).toBeInTheDocument();
    expect(within(row).getByText('45 min')).toBeInTheDocument();
    expect(within(row).getByText('active')).toBeInTheDocument();
    expect(within(row).getByText('succeeded')).toBeInTheDocument();

    const paused = await scheduleRow('Platform weekly');
    expect(within(paused).getByText('GitHub Actions')).toBeInTheDocument();
    expect(within(paused).getAllByText('paused')).toHaveLength(2);
    expect(
      within(paused).getByText('entities component:default/rate-limiter'),
    ).toBeInTheDocument();
    expect(
      within(paused).getByRole('button', { name: 'Resume Platform weekly' }),
    ).toBeInTheDocument();
  });

  it('shows a stored schedule that cannot run with its problem, and offers only edit and delete', async () => {
    await renderPrewarmPage(
      apiWith({
        getPrewarmSchedules: async () => [
          exampleSchedule({
            name: 'Leap day',
            cron: '0 0 31 2 *',
            paused: true,
            nextRunAt: null,
            problem: 'cron: never fires: February has no day 31',
          }),
          exampleSchedule({
            id: 'broken-scope',
            name: 'Edited by hand',
            scope: { owners: [], tags: [], entityRefs: [] },
            paused: true,
            nextRunAt: null,
            problem: 'scope: the stored scope is not valid JSON',
          }),
        ],
      }),
    );

    const row = await scheduleRow('Leap day');
    expect(within(row).getByText('cannot run')).toBeInTheDocument();
    expect(within(row).getByText('0 0 31 2 *')).toBeInTheDocument();
    // Its scope is readable; the other's is a placeholder, so it is not shown.
    expect(
      within(row).getByText('owners group:default/payments; tags rust'),
    ).toBeInTheDocument();
    const edited = await scheduleRow('Edited by hand');
    expect(
      within(edited).queryByText('every entity with build-cache reports'),
    ).not.toBeInTheDocument();
    const [problem] = screen.getAllByRole('alert');
    expect(problem).toHaveTextContent(
      'Leap day cannot run: cron: never fires: February has no day 31. It was paused; edit it to fix it, then resume it.',
    );
    for (const label of [
      'Run Leap day now',
      'Resume Leap day',
      'Show plan of Leap day',
    ]) {
      expect(within(row).getByRole('button', { name: label })).toBeDisabled();
    }
    expect(
      within(row).getByRole('button', { name: 'Edit Leap day' }),
    ).toBeEnabled();
  });

  it('says in the editor, before saving, that an expression never fires', async () => {
    const api = apiWith({ getPrewarmSchedules: async () => [] });
    await renderPrewarmPage(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'New schedule' }),
    );
    const dialog = screen.getByRole('dialog');
    setField(dialog, /Name/, 'Leap day');
    setField(dialog, /Cron expression/, '0 0 31 2 *');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );
    expect(
      within(dialog).getByText('never fires: February has no day 31'),
    ).toBeInTheDocument();
    expect(api.createPrewarmSchedule).not.toHaveBeenCalled();
  });

  it('explains pre-warming when there are no schedules yet', async () => {
    await renderPrewarmPage(apiWith({ getPrewarmSchedules: async () => [] }));

    expect(
      screen.getByRole('heading', { name: 'Cache pre-warming' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No pre-warming schedules yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/their keys include the checkout's directory/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'New schedule' }),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('no-runs')).toBeInTheDocument();
    expect(await screen.findByTestId('no-effect')).toBeInTheDocument();
    // An empty page must not invent figures.
    expect(document.body.textContent).not.toMatch(/\d+(\.\d+)?\s*%/);
  });

  it('says how to enable an executor when none is registered', async () => {
    await renderPrewarmPage(
      apiWith({
        getPrewarmExecutors: async () => [],
        getPrewarmSchedules: async () => [],
      }),
    );

    const alert = await screen.findByTestId('no-executors');
    expect(alert).toHaveTextContent(
      'rustBuildCache.prewarm.executors.local.enabled: true',
    );
    expect(alert).toHaveTextContent(
      'rustBuildCache.prewarm.executors.githubActions.enabled: true',
    );
    // Config alone would stop the backend: the module comes first.
    expect(alert).toHaveTextContent(
      '@rust-build-cache/plugin-rust-build-cache-backend-module-local-prewarm',
    );
    expect(alert).toHaveTextContent(
      '@rust-build-cache/plugin-rust-build-cache-backend-module-github',
    );
    // Nothing could run a new schedule.
    expect(
      screen.queryByRole('button', { name: 'New schedule' }),
    ).not.toBeInTheDocument();
  });

  it('shows the server error when the schedules cannot be loaded', async () => {
    const error = await responseError(500, 'database is unavailable');
    await renderPrewarmPage(
      apiWith({ getPrewarmSchedules: () => Promise.reject(error) }),
    );

    expect(
      (await screen.findAllByText(/database is unavailable/))[0],
    ).toBeInTheDocument();
  });

  it('validates the editor per field before saving', async () => {
    const api = apiWith({ getPrewarmSchedules: async () => [] });
    await renderPrewarmPage(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'New schedule' }),
    );
    const dialog = screen.getByRole('dialog');
    setField(dialog, /Cron expression/, '0 25 * *');
    setField(dialog, /Concurrency/, 'two');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );

    expect(within(dialog).getByText('must not be empty')).toBeInTheDocument();
    expect(
      within(dialog).getByText(/must have 5 fields .* got 4/),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('must be a whole number'),
    ).toBeInTheDocument();
    expect(api.createPrewarmSchedule).not.toHaveBeenCalled();

    // Fixing the field replaces its message with the expression in words.
    setField(dialog, /Cron expression/, '0 25 * * *');
    expect(within(dialog).getByText(/hour '25'/)).toBeInTheDocument();
    setField(dialog, /Cron expression/, '15 4 * * *');
    expect(within(dialog).getByText('At 04:15')).toBeInTheDocument();

    setField(dialog, /Time zone/, 'Mars/Olympus');
    expect(
      within(dialog).getByText(/must be an IANA time zone/),
    ).toBeInTheDocument();
  });

  it('creates a schedule with what was typed and previews its plan', async () => {
    const input = exampleScheduleInput({
      name: 'Billing only',
      cron: '0 2 * * *',
      timeZone: 'UTC',
      scope: {
        owners: [],
        tags: [],
        entityRefs: ['component:default/billing-api'],
      },
      concurrency: 1,
      timeLimitMinutes: 30,
    });
    const api = apiWith({
      getPrewarmSchedules: async () => [],
      getWarmPlan: async () => examplePlan(),
      createPrewarmSchedule: async () =>
        exampleSchedule({ ...input, id: 'created' }),
    });
    await renderPrewarmPage(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'New schedule' }),
    );
    const dialog = screen.getByRole('dialog');
    setField(dialog, /Name/, 'Billing only');
    setField(dialog, /Cron expression/, '0 2 * * *');
    setField(dialog, /Time zone/, 'UTC');
    setField(dialog, /Entities/, 'component:default/billing-api');
    setField(dialog, /Concurrency/, '1');
    setField(dialog, /Time limit/, '30');

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Preview plan' }),
    );
    expect(api.getWarmPlan).toHaveBeenCalledWith({ scope: input.scope });
    const plan = await within(dialog).findByTestId('warm-plan');
    expect(plan).toHaveTextContent(
      '2 warm jobs for 3 entities; 1 deduplicated',
    );
    expect(plan).toHaveTextContent('rate-limiter: no CI report yet');

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );

    await waitFor(() =>
      expect(api.createPrewarmSchedule).toHaveBeenCalledWith(input),
    );
    expect(await screen.findByText('Saved Billing only.')).toBeInTheDocument();
    expect(api.getPrewarmSchedules).toHaveBeenCalledTimes(2);
  });

  it('shows the server message when saving fails', async () => {
    const error = await responseError(400, "executorId: no executor 'nightly'");
    const api = apiWith({ updatePrewarmSchedule: () => Promise.reject(error) });
    await renderPrewarmPage(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit Payments nightly' }),
    );
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('textbox', { name: /Name/ })).toHaveValue(
      'Payments nightly',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(
      await within(dialog).findByText(/no executor 'nightly'/),
    ).toBeInTheDocument();
    expect(api.updatePrewarmSchedule).toHaveBeenCalledWith(
      exampleSchedule().id,
      exampleScheduleInput(),
    );
  });

  it("shows each schedule's warm plan, best group first", async () => {
    const api = apiWith({
      getWarmPlan: async () =>
        examplePlan({ groups: [...examplePlan().groups].reverse() }),
    });
    await renderPrewarmPage(api);

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Show plan of Payments nightly',
      }),
    );

    const groups = await screen.findAllByTestId('warm-group');
    expect(api.getWarmPlan).toHaveBeenCalledWith({
      scheduleId: exampleSchedule().id,
    });
    expect(groups[0]).toHaveTextContent(
      'rustc 1.95.0 · x86_64-unknown-linux-gnu · dev',
    );
    expect(groups[0]).toHaveTextContent('CARGO_HOME CARGO_INCREMENTAL');
    expect(groups[0]).toHaveTextContent('local /var/cache/sccache');
    expect(groups[0]).toHaveTextContent('Cargo.lock 3b9f0c6e51d2');
    expect(groups[0]).toHaveTextContent('RUSTFLAGS unset');
    expect(groups[0]).toHaveTextContent('ledger-worker');
    expect(groups[1]).toHaveTextContent('release');
    expect(groups[1]).toHaveTextContent('RUSTFLAGS e1f2a3b4c5d6');
  });

  it('runs a schedule now and shows the new run', async () => {
    const running = exampleRun({
      id: 'run-2',
      state: 'running',
      finishedAt: null,
      jobs: [],
    });
    let runs = [] as ReturnType<typeof exampleRun>[];
    const api = apiWith({
      runPrewarmScheduleNow: async () => {
        runs = [running];
        return running;
      },
      getPrewarmRuns: async () => ({ items: runs, total: runs.length }),
    });
    await renderPrewarmPage(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Run Payments nightly now' }),
    );

    expect(api.runPrewarmScheduleNow).toHaveBeenCalledWith(
      exampleSchedule().id,
    );
    expect(
      await screen.findByText(/Started a run of Payments nightly/),
    ).toBeInTheDocument();
    const row = await runRow('run-2');
    expect(within(row).getByText('running')).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'runs in progress' }),
    ).toBeInTheDocument();
  });

  it('refreshes the schedule\'s run state by itself after "Run now" and stops when the run is done', async () => {
    // The backend's view: the run starts, then fails 0.1 s later (as in the adoption run).
    let lastRunState: 'succeeded' | 'running' | 'failed' = 'succeeded';
    const schedule = () =>
      exampleSchedule({
        lastRun: {
          id: 'run-2',
          state: lastRunState,
          startedAt: '2026-11-28T10:00:00.000Z',
          finishedAt:
            lastRunState === 'running' ? null : '2026-11-28T10:00:01.000Z',
        },
      });
    const run = () =>
      exampleRun({
        id: 'run-2',
        state: lastRunState,
        finishedAt:
          lastRunState === 'running' ? null : '2026-11-28T10:00:01.000Z',
        jobs: [],
      });
    const api = apiWith({
      getPrewarmSchedules: async () => [schedule()],
      runPrewarmScheduleNow: async () => {
        lastRunState = 'running';
        setTimeout(() => {
          lastRunState = 'failed';
        }, 100);
        return run();
      },
      getPrewarmRuns: async () =>
        lastRunState === 'succeeded'
          ? { items: [], total: 0 }
          : { items: [run()], total: 1 },
    });
    await renderPrewarmPage(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Run Payments nightly now' }),
    );

    // No page reload: the schedules and the run history poll while the run is active.
    await waitFor(
      async () =>
        expect(
          within(await scheduleRow()).getByText('failed'),
        ).toBeInTheDocument(),
      { timeout: 10_000 },
    );
    expect(within(await scheduleRow()).queryByText('running')).toBeNull();
    await waitFor(
      () =>
        expect(
          within(rowOf(screen.getByTestId('run-run-2'))).getByText('failed'),
        ).toBeInTheDocument(),
      { timeout: 10_000 },
    );

    // Done: no more polling.
    const schedulesCalls = api.getPrewarmSchedules.mock.calls.length;
    const runsCalls = api.getPrewarmRuns.mock.calls.length;
    await new Promise(resolve => setTimeout(resolve, 3_500));
    expect(api.getPrewarmSchedules.mock.calls.length).toBe(schedulesCalls);
    expect(api.getPrewarmRuns.mock.calls.length).toBe(runsCalls);
  }, 30_000);

  it('pauses and resumes a schedule', async () => {
    const api = apiWith({
      setPrewarmSchedulePaused: async (_id, paused) =>
        exampleSchedule({ paused }),
    });
    await renderPrewarmPage(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Pause Payments nightly' }),
    );

    expect(api.setPrewarmSchedulePaused).toHaveBeenCalledWith(
      exampleSchedule().id,
      true,
    );
    expect(
      await screen.findByText('Payments nightly is paused.'),
    ).toBeInTheDocument();
  });

  it('deletes a schedule only after confirmation', async () => {
    const api = apiWith({ deletePrewarmSchedule: async () => undefined });
    await renderPrewarmPage(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete Payments nightly' }),
    );
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Delete schedule Payments nightly?');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    expect(api.deletePrewarmSchedule).not.toHaveBeenCalled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Delete Payments nightly' }),
    );
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Delete',
      }),
    );

    expect(api.deletePrewarmSchedule).toHaveBeenCalledWith(
      exampleSchedule().id,
    );
    expect(
      await screen.findByText('Deleted Payments nightly.'),
    ).toBeInTheDocument();
  });

  it('expands a run to its jobs with state, cache writes, link, error and log tail', async () => {
    const failed = exampleJob({
      id: 'job-2',
      state: 'failed',
      cacheWrites: null,
      externalUrl:
        'https://github.com/acme-demo/search-indexer/actions/runs/123',
      logTail: 'error: could not compile `indexer`',
      error: 'cargo build exited with code 101',
      representative: {
        entityRef: 'component:default/search-indexer',
        repository: 'github.com/acme-demo/search-indexer',
        workspacePath: 'crates/indexer',
        commit: null,
      },
      entityRefs: ['component:default/search-indexer'],
    });
    const run = exampleRun({ state: 'failed', jobs: [exampleJob(), failed] });
    const api = apiWith({
      getPrewarmRuns: async () => ({ items: [{ ...run, jobs: [] }], total: 1 }),
      getPrewarmRun: async () => run,
    });
    await renderPrewarmPage(api);

    const row = await runRow('run-1');
    expect(within(row).getByText('Payments nightly')).toBeInTheDocument();
    expect(
      within(row).getByText('run now by user:default/guest'),
    ).toBeInTheDocument();
    expect(within(row).getByText('6 min 38 s')).toBeInTheDocument();
    await userEvent.click(
      within(row).getByRole('button', { name: 'Show jobs of run run-1' }),
    );

    // The table opens a row's detail panel after its double-click window.
    await waitFor(() =>
      expect(api.getPrewarmRun).toHaveBeenCalledWith('run-1'),
    );
    expect(
      within(row).getByRole('button', { name: 'Hide jobs of run run-1' }),
    ).toHaveAttribute('aria-expanded', 'true');
    const ok = await screen.findByTestId('job-job-1', {}, { timeout: 5000 });
    expect(within(ok).getByText('succeeded')).toBeInTheDocument();
    expect(within(ok).getByTestId('job-cache-writes')).toHaveTextContent('187');
    expect(within(ok).getByText('3 min 12 s')).toBeInTheDocument();
    expect(within(ok).getByText('serves 2 entities')).toBeInTheDocument();
    const logs = screen.getAllByTestId('job-log-tail');
    expect(logs[0]).toHaveTextContent('Compiling tokio v1.47.1');
    expect(logs[0].tagName).toBe('PRE');

    const bad = screen.getByTestId('job-job-2');
    expect(within(bad).getByText('failed')).toBeInTheDocument();
    expect(within(bad).getByRole('link', { name: /open/ })).toHaveAttribute(
      'href',
      'https://github.com/acme-demo/search-indexer/actions/runs/123',
    );
    expect(
      screen.getByText('cargo build exited with code 101'),
    ).toBeInTheDocument();
    expect(logs[1]).toHaveTextContent('error: could not compile `indexer`');
  });

  it('filters the run history by schedule and state', async () => {
    const api = apiWith();
    await renderPrewarmPage(api);
    await screen.findByTestId('no-runs');

    fireEvent.mouseDown(
      screen.getByRole('button', { name: /^State All states/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'failed' }),
    );
    fireEvent.mouseDown(
      screen.getByRole('button', { name: /^Schedule All schedules/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Payments nightly' }),
    );

    await waitFor(() =>
      expect(api.getPrewarmRuns).toHaveBeenLastCalledWith({
        scheduleId: exampleSchedule().id,
        state: 'failed',
        limit: 10,
        offset: 0,
      }),
    );
    expect(
      await screen.findByText('No runs match these filters.'),
    ).toBeInTheDocument();
  });

  it('reloads the run history while a run is in progress, then stops', async () => {
    const running = exampleRun({ state: 'running', finishedAt: null });
    const pages = [
      { items: [running], total: 1 },
      { items: [exampleRun()], total: 1 },
    ];
    let calls = 0;
    const api = apiWith({
      getPrewarmRuns: async () => pages[Math.min(calls++, pages.length - 1)],
    });
    await renderPrewarmPage(api);

    const row = await runRow('run-1');
    expect(within(row).getByText('running')).toBeInTheDocument();
    await waitFor(
      () =>
        expect(
          within(rowOf(screen.getByTestId('run-run-1'))).getByText('succeeded'),
        ).toBeInTheDocument(),
      { timeout: 6_000 },
    );
    expect(
      screen.queryByRole('progressbar', { name: 'runs in progress' }),
    ).not.toBeInTheDocument();
    const settled = calls;
    await new Promise(resolve => setTimeout(resolve, 3_500));
    expect(calls).toBe(settled);
  }, 15_000);

  it('cancels a running run', async () => {
    const running = exampleRun({ state: 'running', finishedAt: null });
    const api = apiWith({
      getPrewarmRuns: async () => ({ items: [running], total: 1 }),
      cancelPrewarmRun: async () => exampleRun({ state: 'cancelled' }),
    });
    await renderPrewarmPage(api);

    const row = await runRow('run-1');
    await userEvent.click(
      within(row).getByRole('button', { name: 'Cancel run' }),
    );

    expect(api.cancelPrewarmRun).toHaveBeenCalledWith('run-1');
  });

  it('shows whether pre-warming paid, and flags a key mismatch', async () => {
    const mismatch = exampleEffect({
      groupId: 'mismatch',
      entityRefs: ['component:default/search-indexer'],
      after: {
        runs: 4,
        hitRate: 0.38,
        effectiveHitRate: 0.41,
        meanBuildSeconds: 248,
      },
      keyMismatch: {
        message:
          'Consumers still miss after the warm build: RUSTFLAGS differ between the warm build and the consumer runs.',
        compare: { base: 'report-prewarm-2', head: 'run-ci-77' },
      },
    });
    await renderPrewarmPage(
      apiWith({ getPrewarmEffect: async () => [exampleEffect(), mismatch] }),
    );

    const paid = await screen.findByTestId(`effect-${exampleEffect().groupId}`);
    const rows = within(paid).getAllByRole('row');
    expect(rows.map(r => r.textContent)).toEqual([
      'BeforeAfter',
      'CI runs129',
      'Rust hit rate41.2%93.4%',
      'Rust effective hit rate45.5%96.7%',
      'Mean build time4 min 14 s1 min 12 s',
    ]);
    expect(within(paid).getByText('187 cache writes')).toBeInTheDocument();
    expect(within(paid).queryByTestId('key-mismatch')).not.toBeInTheDocument();

    const flagged = screen.getByTestId('key-mismatch');
    expect(flagged).toHaveTextContent('RUSTFLAGS differ');
    expect(
      within(flagged).getByRole('link', {
        name: 'Compare the warm build with a consumer run',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/search-indexer/build-cache?compareBase=report-prewarm-2&compareHead=run-ci-77',
    );
  });
});
