import { expect, type Locator, type Page } from '@playwright/test';

// Shared steps of the browser tests against the demo app.

/** Signs in as the guest user and waits for the home page. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(page.getByText('Acme Rust Platform Catalog')).toBeVisible();
}

/**
 * Loads `url` again and again until `target` shows up. The demo backend reads the catalog
 * locations and matches the seeded reports after it is up, so on a busy machine what a
 * test looks for can be missing for a while. Each load waits `attemptTimeout` ms; the
 * whole wait is `totalTimeout` ms (120 s by default).
 */
export async function reloadUntilVisible(
  page: Page,
  url: string,
  target: Locator,
  options: { attemptTimeout: number; totalTimeout?: number },
) {
  await expect(async () => {
    await page.goto(url);
    await expect(target).toBeVisible({ timeout: options.attemptTimeout });
  }).toPass({ timeout: options.totalTimeout ?? 120_000 });
}

/**
 * A tab of the entity page. The new frontend system's entity page lists its tabs as links
 * in a "Content navigation" landmark.
 */
export function entityTab(page: Page, name: string): Locator {
  return page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name, exact: true });
}

/** What is wider than the window, or than the box that holds it (its columns cut off). */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) {
      found.push(`page: ${root.scrollWidth} px wide in ${root.clientWidth}`);
    }
    for (const table of Array.from(document.querySelectorAll('table'))) {
      const box = table.parentElement;
      if (!box) continue;
      if (table.scrollWidth > box.clientWidth + 1) {
        const name =
          table.getAttribute('aria-label') ??
          table.querySelector('th')?.textContent ??
          'table';
        found.push(
          `table "${name}": ${table.scrollWidth} px wide in ${box.clientWidth}`,
        );
      }
    }
    return found;
  });
}
