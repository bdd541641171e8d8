import { test, expect, Locator, Page } from '@playwright/test';
import { reloadUntilVisible, signInAsGuest } from './helpers';

// The policy scorecards against the real backend: the seeded demo reports, the demo
// catalog and the policy in app-config.yaml. The guest user may do everything (the demo
// backend's permission policy allows all), so it can create and revoke exemptions.

/**
 * Opens the scorecards page. The demo services are evaluated once the catalog has read the
 * demo locations and the reports are matched, so on a busy machine the first evaluation
 * can still be missing for a while: reload until the org summary is there.
 */
async function openScorecards(page: Page) {
  await reloadUntilVisible(
    page,
    '/rust-build-cache/policy',
    page.getByTestId('org-compliance'),
    { attemptTimeout: 5_000, totalTimeout: 180_000 },
  );
}

/** Opens a MUI select by its label and picks an option. */
async function choose(page: Page, label: string, option: string) {
  await page
    .locator(`[aria-haspopup="listbox"][aria-label="${label}"]`)
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * Picks a filter of the entity table and returns how many services match it, once the
 * table shows the backend's answer ("Services (4)").
 */
async function filterServices(
  page: Page,
  label: string,
  option: string,
  queryPart: string,
): Promise<number> {
  const answer = page.waitForResponse(
    response =>
      response.url().includes('/scorecards/entities?') &&
      response.url().includes(queryPart),
  );
  await choose(page, label, option);
  const response = await answer;
  expect(response.ok()).toBe(true);
  const { total } = (await response.json()) as { total: number };
  await expect(page.getByText(`Services (${total})`)).toBeVisible();
  return total;
}

/**
 * The Policy card on a demo service's Build cache tab, opened by its URL (the catalog list
 * starts filtered to the guest's own team, which does not own every demo service).
 */
async function openPolicyCard(page: Page, name: string): Promise<Locator> {
  const results = page.getByRole('table', { name: 'policy rule results' });
  await reloadUntilVisible(
    page,
    `/catalog/default/component/${name}/build-cache`,
    results,
    { attemptTimeout: 10_000 },
  );
  return results;
}

test.describe('build cache policy scorecards in the demo app', () => {
  test.beforeEach(async ({ page }) => {
    await signInAsGuest(page);
  });

  test('the scorecards page shows the org summary and a mix of results, and filters services', async ({
    page,
  }) => {
    await openScorecards(page);
    await expect(page.getByTestId('org-compliance')).toHaveText(/^\d+\.\d%$/);
    await expect(page.getByText('Services per level')).toBeVisible();
    await expect(page.getByText('Teams', { exact: true })).toBeVisible();
    await expect(page.getByText('Rules', { exact: true })).toBeVisible();
    await expect(page.getByText('Compliance, last 90 days')).toBeVisible();
    await page.screenshot({
      path: test.info().outputPath('policy-overview.png'),
      fullPage: true,
    });

    const firstPage = page.waitForResponse(response =>
      response.url().includes('/scorecards/entities?'),
    );
    await page.getByRole('tab', { name: 'Services' }).click();
    await expect(page).toHaveURL(/tab=services/);
    const { total: all } = (await (await firstPage).json()) as {
      total: number;
    };
    await expect(page.getByText(`Services (${all})`)).toBeVisible();
    expect(all).toBeGreaterThan(1);
    const rows = page.getByRole('row');
    await expect(rows.filter({ hasText: 'search-indexer' })).toHaveCount(1);

    // A mix: some services fail a rule of severity error, and some pass a rule.
    const failing = await filterServices(page, 'Result', 'Fail', 'result=fail');
    expect(failing).toBeGreaterThan(0);
    await expect(rows.filter({ hasText: 'ledger-worker' })).toHaveCount(1);
    const passing = await filterServices(page, 'Result', 'Pass', 'result=pass');
    expect(passing).toBeGreaterThan(0);

    // The payments team owns billing-api, ledger-worker and audit-log, not search-indexer.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByText(`Services (${all})`)).toBeVisible();
    const payments = await filterServices(
      page,
      'Owner',
      'group:default/payments',
      'owner=group%3Adefault%2Fpayments',
    );
    expect(payments).toBe(3);
    await expect(rows.filter({ hasText: 'ledger-worker' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'billing-api' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'audit-log' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'search-indexer' })).toHaveCount(0);
  });

  test('an exemption for a failing rule makes it exempt, is audited, and can be revoked', async ({
    page,
  }) => {
    await openScorecards(page);
    const reason = `e2e ${Date.now()}: waiting for the toolchain upgrade`;
    const expiresOn = new Date(Date.now() + 30 * 86_400_000)
      .toISOString()
      .slice(0, 10);

    // On the entity card: pick a failing rule of ledger-worker and exempt it.
    let results = await openPolicyCard(page, 'ledger-worker');
    const failing = results
      .locator('tr[data-rule-id]')
      .filter({ has: page.locator('[data-outcome="fail"]') })
      .first();
    await expect(failing).toBeVisible();
    const ruleId = await failing.getAttribute('data-rule-id');
    expect(ruleId).toBeTruthy();
    await failing
      .getByRole('button', { name: `Add exemption from ${ruleId}` })
      .click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel(/^Entity/)).toHaveValue(
      'component:default/ledger-worker',
    );
    await dialog.getByLabel(/^Reason/).fill(reason);
    await dialog.getByLabel(/^Expires on/).fill(expiresOn);
    await dialog.getByRole('button', { name: 'Create exemption' }).click();
    await expect(dialog).toHaveCount(0);

    const row = results.locator(`tr[data-rule-id="${ruleId}"]`);
    await expect(row.locator('[data-outcome="exempt"]')).toBeVisible();
    await expect(row.getByTestId('exemption-note')).toContainText(reason);

    // The exemptions view lists it, and the audit log has its creation.
    await page.goto('/rust-build-cache/policy?tab=exemptions');
    const exemptionRow = page.getByRole('row').filter({ hasText: reason });
    await expect(exemptionRow.first()).toBeVisible();
    const auditCreated = page
      .getByRole('row')
      .filter({ hasText: `reason: ${reason}` })
      .filter({ hasText: 'Created' });
    await expect(auditCreated).toHaveCount(1);
    await expect(auditCreated).toContainText('ledger-worker');
    await expect(auditCreated).toContainText(ruleId!);

    // Revoke it, after confirming.
    await page
      .getByRole('button', {
        name: `Revoke exemption of component:default/ledger-worker from ${ruleId}`,
      })
      .click();
    const confirm = page.getByRole('dialog');
    await expect(confirm).toContainText('Revoke exemption?');
    await confirm
      .getByLabel('Reason for revoking (optional)')
      .fill('e2e: done');
    await confirm.getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect(confirm).toHaveCount(0);
    await expect(
      page
        .getByRole('row')
        .filter({ hasText: 'Revoked' })
        .filter({ hasText: 'e2e: done' }),
    ).toHaveCount(1);
    // It leaves the active list; only the audit entry of its creation names the reason.
    await expect(page.getByRole('row').filter({ hasText: reason })).toHaveCount(
      1,
    );

    // Back on the entity card the rule fails again.
    results = await openPolicyCard(page, 'ledger-worker');
    await expect(
      results
        .locator(`tr[data-rule-id="${ruleId}"]`)
        .locator('[data-outcome="fail"]'),
    ).toBeVisible();
  });

  test('the Fleet tab shows compile time, toolchain drift, fragmentation and time saved of the demo fleet', async ({
    page,
  }) => {
    // The views are computed in the background (every 15 s in the demo): reload until the
    // linked demo history with both of its rustc releases is in.
    const toolchains = page.getByTestId('toolchain-summary');
    await reloadUntilVisible(
      page,
      '/rust-build-cache/policy?tab=fleet',
      toolchains.filter({ hasText: /^2 rustc releases across 7 services/ }),
      { attemptTimeout: 10_000, totalTimeout: 180_000 },
    );
    await expect(toolchains).toContainText('policy baseline: 1.95.0');
    const drift = page.getByTestId('fleet-toolchains');
    await expect(drift).toContainText('1.97.0-nightly');
    // notify-worker pins 1.95.0 while its CI runs the nightly.
    await expect(
      drift
        .getByRole('row')
        .filter({ hasText: '1.95.0 (rust-toolchain.toml)' }),
    ).toContainText('notify-worker');

    const fragmentation = page.getByTestId('fleet-fragmentation');
    await expect(fragmentation).toContainText(
      /\d+ services share this Cargo.lock but fall into \d+ key groups; \d+ of the splits (is|are) /,
    );

    const compile = page.getByTestId('fleet-compile-time');
    await expect(compile.getByTestId('compile-time-totals')).toContainText(
      /over \d+ crates/,
    );
    await expect(compile.getByTestId('compile-time-method')).toContainText(
      'slowest units',
    );
    await expect(page.getByTestId('time-saved-trend')).toBeVisible();
    await expect(page.getByTestId('time-saved-method')).toContainText(
      'unpriced',
    );

    for (const width of [1280, 1920]) {
      await page.setViewportSize({ width, height: 1000 });
      await page.screenshot({
        path: test.info().outputPath(`policy-fleet-${width}.png`),
        fullPage: true,
      });
    }

    // The tables link to the services.
    await drift.getByRole('link', { name: 'notify-worker' }).first().click();
    await expect(page).toHaveURL(
      /\/catalog\/default\/component\/notify-worker/,
    );
  });
});
