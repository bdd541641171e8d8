import { test, expect, Page } from '@playwright/test';
import { entityTab, reloadUntilVisible, signInAsGuest } from './helpers';

/**
 * Opens an entity from the catalog list. The catalog reads the demo locations after the
 * backend is up, so on a busy machine an entity can still be missing for a while: reload
 * the list until it is there.
 */
async function openEntity(page: Page, name: string) {
  await reloadUntilVisible(
    page,
    // The catalog is the app's landing page (app-config.yaml). It starts filtered to the
    // guest's own services (the guest is a member of platform): list all of them.
    '/?filters%5Buser%5D=all',
    page.getByRole('link', { name, exact: true }),
    // Each load fetches the whole development bundle again: slow on a busy machine.
    { attemptTimeout: 60_000, totalTimeout: 150_000 },
  );
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

test.describe('rust-build-cache in the demo app', () => {
  test.beforeEach(async ({ page }) => {
    // Every page load fetches the development bundle: slow on a busy machine.
    test.setTimeout(360_000);
    await signInAsGuest(page);
  });

  test('a Rust service shows its Build cache tab with demo reports', async ({
    page,
  }) => {
    await openEntity(page, 'billing-api');
    await entityTab(page, 'Build cache').click();
    await expect(page).toHaveURL(/\/build-cache$/);
    await expect(page.getByText('Latest run', { exact: true })).toBeVisible();
    await expect(page.getByText('Hit rate, last 90 days')).toBeVisible();
    // The chart draws the seeded demo history.
    await expect(page.locator('.recharts-line').first()).toBeVisible();
    // The demo neither pulls from CI nor reads repositories: no "Refresh now", and why.
    await expect(page.getByTestId('nothing-to-refresh')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Refresh now' })).toHaveCount(
      0,
    );
    await page.screenshot({
      path: test.info().outputPath('billing-api-build-cache.png'),
      fullPage: true,
    });
  });

  test('comparing two runs shows the RUSTFLAGS change behind a spike in misses', async ({
    page,
  }) => {
    // The demo history replays a real build whose RUSTFLAGS changed, yesterday's first
    // run of rate-limiter, next to the warm run after it (see demoData/demoReports.ts).
    const yesterday = new Date(Date.now() - 24 * 3_600_000)
      .toISOString()
      .slice(0, 10);
    await openEntity(page, 'rate-limiter');
    await entityTab(page, 'Build cache').click();
    await page
      .getByRole('button', {
        name: `Set run demo-rate-limiter-${yesterday}-2 as base`,
      })
      .click();
    await page
      .getByRole('button', {
        name: `Set run demo-rate-limiter-${yesterday}-1 as head`,
      })
      .click();
    const differences = page.getByRole('table', {
      name: 'settings that differ',
    });
    await expect(differences).toContainText('RUSTFLAGS');
    await expect(differences).toContainText('changes cache keys');
  });

  test('a service that is not Rust has no Build cache tab', async ({
    page,
  }) => {
    await openEntity(page, 'status-page');
    await expect(entityTab(page, 'Overview')).toBeVisible();
    await expect(entityTab(page, 'Build cache')).toHaveCount(0);
  });

  test('the Build cache policy page opens from its nav item', async ({
    page,
  }) => {
    await page.getByRole('link', { name: 'Cache policy' }).click();
    await expect(page).toHaveURL(/\/rust-build-cache\/policy$/);
    await expect(
      page.getByRole('heading', { name: 'Build cache policy' }),
    ).toBeVisible();
    // Every demo report names a workspace that a demo catalog entity claims (once the
    // catalog has read the demo locations: reload until it has).
    await expect(async () => {
      await page.reload();
      await expect(
        page.getByText(
          'Every report received so far matches a catalog entity.',
        ),
      ).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 120_000 });
  });

  test('the Cache pre-warming page opens from its nav item', async ({
    page,
  }) => {
    await page.getByRole('link', { name: 'Pre-warming' }).click();
    await expect(page).toHaveURL(/\/rust-build-cache\/prewarm$/);
    await expect(
      page.getByRole('heading', { name: 'Cache pre-warming' }),
    ).toBeVisible();
  });
});
