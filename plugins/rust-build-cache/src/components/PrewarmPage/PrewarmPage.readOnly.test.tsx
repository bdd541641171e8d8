import { rustBuildCachePrewarmManagePermission } from '@rust-build-cache/plugin-rust-build-cache-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeRustBuildCacheApi } from '../../__testUtils__/fakeRustBuildCacheApi';
import {
  LOCAL_EXECUTOR,
  examplePlan,
  exampleRun,
  exampleSchedule,
} from '../../__testUtils__/prewarmFixtures';
import {
  denyingPermissionApi,
  expectPermissionAsked,
} from '../../__testUtils__/permissions';
import { renderPrewarmPage } from '../../__testUtils__/renderPrewarmPage';

// In a file of its own: see denyingPermissionApi.
describe('PrewarmPage without the manage permission', () => {
  it('is a read-only view: lists, plans and history, but no actions', async () => {
    const { permissionApi, authorize } = denyingPermissionApi();
    const running = exampleRun({ state: 'running', finishedAt: null });
    const api = fakeRustBuildCacheApi({
      getPrewarmExecutors: async () => [LOCAL_EXECUTOR],
      getPrewarmSchedules: async () => [exampleSchedule()],
      getPrewarmRuns: async () => ({ items: [running], total: 1 }),
      getPrewarmEffect: async () => [],
      getWarmPlan: async () => examplePlan(),
    });

    await renderPrewarmPage(api, permissionApi);

    const row = await screen.findByTestId(`schedule-${exampleSchedule().id}`);
    await expectPermissionAsked(
      authorize,
      rustBuildCachePrewarmManagePermission,
    );
    for (const name of [
      'Run Payments nightly now',
      'Pause Payments nightly',
      'Edit Payments nightly',
      'Delete Payments nightly',
    ]) {
      expect(
        within(row).queryByRole('button', { name }),
      ).not.toBeInTheDocument();
    }
    expect(
      screen.queryByRole('button', { name: 'New schedule' }),
    ).not.toBeInTheDocument();
    expect(await screen.findByTestId('run-run-1')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Cancel run' }),
    ).not.toBeInTheDocument();

    // Reading the plan stays possible.
    await userEvent.click(
      within(row).getByRole('button', {
        name: 'Show plan of Payments nightly',
      }),
    );
    expect(await screen.findAllByTestId('warm-group')).toHaveLength(2);
  });

  it('tells a reader without the permission who can create schedules', async () => {
    await renderPrewarmPage(
      fakeRustBuildCacheApi({
        getPrewarmExecutors: async () => [LOCAL_EXECUTOR],
        getPrewarmSchedules: async () => [],
        getPrewarmRuns: async () => ({ items: [], total: 0 }),
        getPrewarmEffect: async () => [],
      }),
      denyingPermissionApi().permissionApi,
    );

    expect(
      await screen.findByText(/Someone with the pre-warm manage permission/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'New schedule' }),
    ).not.toBeInTheDocument();
  });
});
