import { test, expect, Page } from '@playwright/test';
import { horizontalOverflow, signInAsGuest } from './helpers';

// What a visitor sees on the pre-warming page of a fresh demo: the schedules of
// app-config.yaml, run once for real in the background after start by the demo data
// module (packages/backend/src/demoData/demoPrewarm.ts): a succeeded warm job for
// billing-api and edge-gateway, a failed one for notify-worker, and edge-gateway's CI
// build on the warmed cache as the measured effect. Named to run before prewarm.test.ts:
// the warm job that test runs for billing-api becomes its group's latest, whose effect is
// then measured from that job on.

const SERDE = 'Nightly warm-up of the serde services';
const NOTIFY = 'Nightly warm-up of notify-worker';

function scheduleRow(page: Page, name: string) {
  return page
    .getByRole('table', { name: 'pre-warming schedules' })
    .getByRole('row')
    .filter({ hasText: name });
}

/** The effect card's row of the warm group that serves edge-gateway. */
function edgeGatewayEffect(page: Page) {
  return page
    .getByRole('table', { name: 'effect of pre-warming' })
    .locator('tr[data-testid^="effect-"]')
    .filter({ hasText: 'edge-gateway' });
}

/** Its consumers' CI runs after the warm job (the "After" cell of the "CI runs" row). */
function consumerRunsAfter(page: Page) {
  return edgeGatewayEffect(page)
    .getByRole('row')
    .filter({ hasText: 'CI runs' })
    .getByRole('cell')
    .last();
}

test.describe('Cache pre-warming page of the demo', () => {
  test('shows the seeded schedules with a succeeded and a failed run, and the measured effect', async ({
    page,
  }) => {
    // The seeding waits for the catalog and the demo reports, then builds for real.
    test.setTimeout(900_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInAsGuest(page);

    await expect(async () => {
      await page.goto('/rust-build-cache/prewarm');
      await expect(consumerRunsAfter(page)).toHaveText('1', {
        timeout: 10_000,
      });
    }).toPass({ timeout: 720_000, intervals: [10_000] });

    // Both schedules, created from config, with the state of their run.
    await expect(scheduleRow(page, SERDE).getByTestId('state-chip')).toHaveText(
      'succeeded',
    );
    await expect(
      scheduleRow(page, NOTIFY).getByTestId('state-chip'),
    ).toHaveText('failed');

    // The run history: notify-worker's job failed for a real reason, shown with its log.
    const runs = page.getByTestId('prewarm-runs');
    const failedRun = runs.getByRole('row').filter({ hasText: NOTIFY }).first();
    await expect(failedRun).toContainText(
      'run now by rust-build-cache demo data',
    );
    await expect(failedRun.getByTestId('state-chip')).toHaveText('failed');
    await failedRun.getByRole('button', { name: /^Show jobs of run/ }).click();
    await expect(
      runs.getByText(/may not be used on the stable release channel/).first(),
    ).toBeVisible();
    const succeededRun = runs
      .getByRole('row')
      .filter({ hasText: SERDE })
      .first();
    await expect(succeededRun.getByTestId('state-chip')).toHaveText(
      'succeeded',
    );

    // The effect: edge-gateway's CI run after the warm job, with its hit rates.
    const effect = edgeGatewayEffect(page);
    await expect(effect).toContainText('billing-api');
    await expect(effect).toContainText('cache writes');
    const after = effect
      .getByRole('row')
      .filter({ hasText: 'Rust effective hit rate' })
      .getByRole('cell')
      .last();
    await expect(after).toHaveText(/^\d+(\.\d+)?\s?%$/);
    expect(parseFloat(await after.innerText())).toBeGreaterThanOrEqual(80);

    // The whole page as a visitor first sees it, at two widths; tall enough that the
    // layout's own scroll area shows every card.
    for (const width of [1280, 1920]) {
      await page.setViewportSize({ width, height: 2200 });
      await page.goto('/rust-build-cache/prewarm');
      await expect(consumerRunsAfter(page)).toHaveText('1');
      expect(await horizontalOverflow(page)).toEqual([]);
      await page.screenshot({
        path: test.info().outputPath(`prewarm-demo-${width}.png`),
        fullPage: true,
      });
    }
  });
});
