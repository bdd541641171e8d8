import { test, expect } from '@playwright/test';
import { signInAsGuest } from './helpers';

// The backend sends Backstage notifications; the demo app shows them behind the sidebar
// bell (the notifications plugin) and updates the bell live (the signals plugin).
test.describe('notifications in the demo app', () => {
  test.beforeEach(async ({ page }) => {
    // Every page load fetches the development bundle: slow on a busy machine.
    test.setTimeout(360_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    await signInAsGuest(page);
  });

  test('the bell in the sidebar opens the notifications page', async ({
    page,
  }) => {
    await page.getByRole('link', { name: 'Notifications' }).click();
    await expect(page).toHaveURL(/\/notifications$/);
    await expect(
      page.getByRole('heading', { name: 'Notifications' }).first(),
    ).toBeVisible();
    // The page lists the signed-in user's unread notifications from the backend.
    await expect(
      page.getByRole('heading', { name: /^Unread notifications \(\d+\)$/ }),
    ).toBeVisible();
    await page.screenshot({
      path: test.info().outputPath('notifications-page.png'),
      fullPage: true,
    });
  });

  // The seeded demo history replays rate-limiter's RUSTFLAGS change yesterday, a
  // regression notified to rate-limiter's owners, group platform, of which the guest user
  // is a member (examples/org.yaml; app-config.yaml signs the guest in as that user). The
  // reports are seeded before the catalog has read the demo locations, so the
  // notification goes out when the link task links rate-limiter, within a minute or two.
  test('the bell shows the hit-rate regression of rate-limiter with a link to the comparison', async ({
    page,
  }) => {
    const notification = page.getByRole('link', {
      name: 'Build cache hit rate of rate-limiter fell below 80%',
    });
    // Opened through the bell, as a user does.
    await expect(async () => {
      await page.goto('/');
      await page.getByRole('link', { name: 'Notifications' }).click();
      await expect(notification).toBeVisible({ timeout: 30_000 });
    }).toPass({ timeout: 180_000 });
    await expect(notification).toHaveAttribute(
      'href',
      /^\/catalog\/default\/component\/rate-limiter\/build-cache\?compareBase=[0-9a-f-]+&compareHead=[0-9a-f-]+$/,
    );
    // The link opens rate-limiter's run comparison, which names the changed setting.
    await notification.click();
    await expect(page).toHaveURL(/\/rate-limiter\/build-cache\?compareBase=/);
    await expect(
      page.getByRole('table', { name: 'settings that differ' }),
    ).toContainText('RUSTFLAGS');
  });
});
