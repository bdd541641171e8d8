import { test, expect, Locator, Page } from '@playwright/test';
import {
  entityTab,
  horizontalOverflow,
  reloadUntilVisible,
  signInAsGuest,
} from './helpers';

// The plugin's pages at the two widths most of its users have: a 1280 px laptop and a
// 1920 px desktop. Nothing may be wider than the window or cut off by its own table
// container, and each page is saved as a screenshot (test-results) for a person to look at.

const WIDTHS = [1280, 1920];

/**
 * Checks the page and saves it whole. The new frontend system's layout scrolls inside its
 * content area, not the document, so a full-page screenshot would stop at the window's
 * bottom: the window is made as tall as the content for the screenshot.
 */
async function check(page: Page, width: number, name: string) {
  expect(await horizontalOverflow(page)).toEqual([]);
  const contentHeight = await page.evaluate(() =>
    Math.max(
      document.documentElement.scrollHeight,
      ...Array.from(document.querySelectorAll('main, main *'))
        .filter(element => {
          const overflowY = getComputedStyle(element).overflowY;
          return overflowY === 'auto' || overflowY === 'scroll';
        })
        .map(element => element.scrollHeight),
    ),
  );
  const viewport = page.viewportSize()!;
  await page.setViewportSize({
    width,
    height: Math.min(Math.max(contentHeight, viewport.height), 12_000),
  });
  await page.screenshot({
    path: test.info().outputPath(`${name}-${width}.png`),
    fullPage: true,
  });
  await page.setViewportSize(viewport);
}

/** The tallest cell of a table's first column, in lines of its text. */
async function tallestFirstCellLines(table: Locator): Promise<number> {
  return table.evaluate(element => {
    let most = 0;
    for (const row of Array.from(element.querySelectorAll('tbody tr'))) {
      const cell = row.querySelector('td, th') as HTMLElement | null;
      if (!cell) continue;
      const lineHeight = parseFloat(getComputedStyle(cell).lineHeight) || 20;
      const style = getComputedStyle(cell);
      const content =
        cell.clientHeight -
        parseFloat(style.paddingTop) -
        parseFloat(style.paddingBottom);
      most = Math.max(most, Math.round(content / lineHeight));
    }
    return most;
  });
}

for (const width of WIDTHS) {
  test.describe(`the plugin's pages at ${width} px`, () => {
    test.beforeEach(async ({ page }) => {
      test.setTimeout(360_000);
      await page.setViewportSize({ width, height: 900 });
      await signInAsGuest(page);
    });

    test('entity overview card and Build cache tab', async ({ page }) => {
      // The card reads the scorecard once: reload until billing-api has been evaluated
      // (in the background after its seeded reports), not only its hit rate shown.
      await reloadUntilVisible(
        page,
        '/catalog/default/component/billing-api',
        page.getByTestId('overview-level'),
        { attemptTimeout: 60_000, totalTimeout: 150_000 },
      );
      await expect(page.getByTestId('overview-hit-rate')).toBeVisible();
      // The overview card is seen without scrolling: in the side column below About, not
      // after the relation cards at the bottom of the page.
      const card = await page.getByTestId('overview-hit-rate').boundingBox();
      expect(card!.y).toBeLessThan(page.viewportSize()!.height);
      await check(page, width, 'entity-overview');

      await entityTab(page, 'Build cache').click();
      await expect(page.getByText('Latest run', { exact: true })).toBeVisible();
      await expect(page.locator('.recharts-line').first()).toBeVisible();
      await check(page, width, 'entity-build-cache');
    });

    test('policy page', async ({ page }) => {
      await reloadUntilVisible(
        page,
        '/rust-build-cache/policy',
        page.getByTestId('org-compliance'),
        { attemptTimeout: 60_000, totalTimeout: 150_000 },
      );
      const rules = page.locator('table').filter({
        has: page.getByRole('columnheader', { name: 'Rule', exact: true }),
      });
      await expect(rules).toBeVisible();
      // Rule names read on one or two lines, not a few characters per line: each cell is
      // the title (at most two lines) over the rule id (one line).
      expect(await tallestFirstCellLines(rules)).toBeLessThanOrEqual(3);
      await check(page, width, 'policy');
    });

    test('pre-warm page', async ({ page }) => {
      await page.goto('/rust-build-cache/prewarm');
      await expect(page.getByText('Schedules', { exact: true })).toBeVisible();
      await check(page, width, 'prewarm');
    });
  });
}
