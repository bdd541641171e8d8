import { test, expect, Page } from '@playwright/test';
import { signInAsGuest } from './helpers';

// Drives the "Cache pre-warming" page against the real app: the backend runs the demo's
// `local` executor (app-config.yaml, rustBuildCache.prewarm.executors.local), which copies
// the committed example workspace of billing-api and builds it with cargo through sccache.

/** Fills one text field of the schedule editor. */
async function fill(page: Page, label: RegExp, value: string) {
  const field = page.getByRole('dialog').getByRole('textbox', { name: label });
  await field.fill(value);
}

test.describe('Cache pre-warming page', () => {
  test('creates a schedule, previews its plan, runs it for real, pauses and deletes it', async ({
    page,
  }) => {
    // A real cargo build through sccache: slow on a 2-core machine.
    test.setTimeout(900_000);
    const name = `e2e billing-api ${Date.now()}`;

    await signInAsGuest(page);
    await page.getByRole('link', { name: 'Pre-warming' }).click();
    await expect(page).toHaveURL(/\/rust-build-cache\/prewarm$/);
    await expect(
      page.getByRole('heading', { name: 'Cache pre-warming' }),
    ).toBeVisible();
    // The demo enables the local executor, so no "enable an executor" warning.
    await expect(page.getByText('Schedules', { exact: true })).toBeVisible();
    await expect(page.getByTestId('no-executors')).toHaveCount(0);

    // Create a schedule scoped to one demo service, run by the local executor.
    await page.getByRole('button', { name: 'New schedule' }).first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText('New pre-warming schedule')).toBeVisible();
    await fill(page, /^Name/, name);
    await fill(page, /^Cron expression/, '0 3 * * 1-5');
    await expect(
      dialog.getByText('At 03:00, Monday through Friday'),
    ).toBeVisible();
    await fill(page, /^Time zone/, 'UTC');
    await fill(page, /^Entities/, 'component:default/billing-api');
    await dialog.getByRole('button', { name: /^Executor/ }).click();
    await page.getByRole('option', { name: 'Local (Backstage host)' }).click();
    await fill(page, /^Concurrency/, '1');
    await fill(page, /^Time limit/, '15');

    // The plan preview of the scope: one warm group whose job builds billing-api. The
    // catalog reads the demo locations after the backend is up, so retry until the
    // entity is known.
    await expect(async () => {
      await dialog.getByRole('button', { name: 'Preview plan' }).click();
      const group = dialog.getByTestId('warm-group');
      await expect(group).toHaveCount(1, { timeout: 5_000 });
      await expect(group).toContainText('billing-api');
      await expect(group).toContainText('rustc');
      await expect(group).toContainText('Cargo.lock');
    }).toPass({ timeout: 120_000 });
    await expect(dialog.getByTestId('warm-plan')).toContainText(
      '1 warm job for 1 entity',
    );

    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText(`Saved ${name}.`)).toBeVisible();
    const schedules = page.getByRole('table', {
      name: 'pre-warming schedules',
    });
    const scheduleRow = schedules.getByRole('row').filter({ hasText: name });
    await expect(scheduleRow).toContainText('At 03:00, Monday through Friday');
    await expect(scheduleRow).toContainText(
      'entities component:default/billing-api',
    );
    await expect(scheduleRow).toContainText('Local (Backstage host)');
    await expect(scheduleRow).toContainText('active');

    // The saved schedule's own plan.
    await scheduleRow
      .getByRole('button', { name: `Show plan of ${name}` })
      .click();
    await expect(
      schedules.getByTestId('warm-plan').getByTestId('warm-group'),
    ).toContainText('billing-api');

    // Run now, then follow the run in the history until its job has succeeded.
    await scheduleRow.getByRole('button', { name: `Run ${name} now` }).click();
    await expect(page.getByText(`Started a run of ${name}`)).toBeVisible();
    const runs = page.getByTestId('prewarm-runs');
    const runRow = runs.getByRole('row').filter({ hasText: name }).first();
    await expect(runRow).toBeVisible();
    await runRow.getByRole('button', { name: /^Show jobs of run/ }).click();
    const job = runs.locator('tr[data-testid^="job-"]').first();
    await expect(job).toBeVisible();
    await expect(job.getByTestId('state-chip')).toHaveText('succeeded', {
      timeout: 600_000,
    });
    await expect(runRow.getByTestId('state-chip')).toHaveText('succeeded', {
      timeout: 30_000,
    });
    // The schedule's last run follows by itself, without reloading the page.
    await expect(scheduleRow.getByTestId('state-chip')).toHaveText(
      'succeeded',
      { timeout: 30_000 },
    );

    // The warm build wrote to the shared cache, and its log tail is shown.
    const writes = Number(
      (await job.getByTestId('job-cache-writes').innerText()).replace(/,/g, ''),
    );
    expect(writes).toBeGreaterThan(0);
    const logTail = runs.getByTestId('job-log-tail').first();
    await expect(logTail).toContainText('cargo build');
    await expect(logTail).toContainText('cache writes');
    await page.screenshot({
      path: test.info().outputPath('prewarm-run.png'),
      fullPage: true,
    });

    // Pause: the schedule stays, without a next run.
    await scheduleRow.getByRole('button', { name: `Pause ${name}` }).click();
    await expect(page.getByText(`${name} is paused.`)).toBeVisible();
    await expect(
      scheduleRow.getByRole('button', { name: `Resume ${name}` }),
    ).toBeVisible();

    // Delete, after confirming; the run history stays.
    await scheduleRow.getByRole('button', { name: `Delete ${name}` }).click();
    const confirm = page.getByRole('dialog');
    await expect(confirm).toContainText(`Delete schedule ${name}?`);
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByText(`Deleted ${name}.`)).toBeVisible();
    await expect(
      schedules.getByRole('row').filter({ hasText: name }),
    ).toHaveCount(0);
    await expect(
      runs.getByRole('row').filter({ hasText: name }).first(),
    ).toBeVisible();
  });
});
