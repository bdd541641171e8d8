import { test, expect, Page } from '@playwright/test';

async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(page.getByText('Acme Rust Platform Catalog')).toBeVisible();
}

test.describe('rust-build-cache in the demo app', () => {
  test.beforeEach(async ({ page }) => {
    await signInAsGuest(page);
  });

  test('a Rust service shows its Build cache tab with demo reports', async ({
    page,
  }) => {
    await page.goto('/catalog/default/component/billing-api');
    await page.getByRole('tab', { name: 'Build cache' }).click();
    await expect(page).toHaveURL(/\/build-cache$/);
    await expect(page.getByText('Latest run', { exact: true })).toBeVisible();
    await expect(page.getByText('Hit rate, last 90 days')).toBeVisible();
    // The chart draws the seeded demo history.
    await expect(page.locator('.recharts-line').first()).toBeVisible();
    await page.screenshot({
      path: test.info().outputPath('billing-api-build-cache.png'),
      fullPage: true,
    });
  });

  test('a service that is not Rust has no Build cache tab', async ({
    page,
  }) => {
    await page.goto('/catalog/default/component/status-page');
    await expect(page.getByRole('tab', { name: 'Overview' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Build cache' })).toHaveCount(0);
  });

  test('the Build cache policy page opens', async ({ page }) => {
    await page.getByRole('link', { name: 'Build cache policy' }).click();
    await expect(page).toHaveURL(/\/rust-build-cache\/policy$/);
    await expect(
      page.getByRole('heading', { name: 'Build cache policy' }),
    ).toBeVisible();
    // Every demo report names a workspace that a demo catalog entity claims.
    await expect(
      page.getByText('Every report received so far matches a catalog entity.'),
    ).toBeVisible();
  });

  test('the Cache pre-warming page opens', async ({ page }) => {
    await page.getByRole('link', { name: 'Cache pre-warming' }).click();
    await expect(page).toHaveURL(/\/rust-build-cache\/prewarm$/);
    await expect(
      page.getByRole('heading', { name: 'Cache pre-warming' }),
    ).toBeVisible();
  });
});
