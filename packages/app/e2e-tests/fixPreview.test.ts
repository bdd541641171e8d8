import { test, expect, type Page } from '@playwright/test';
import { reloadUntilVisible, signInAsGuest } from './helpers';

// The Policy card's "Preview the fix" against the real app: the backend reads ledger-worker's
// workflow and toolchain files (the demo's UrlReader serves github.com/acme-demo/* from
// examples/workspaces), the scaffolder runs the "Fix Rust build caching" template's dry-run
// on them with rust-build-cache's fix actions, and the dialog shows the diff.

/** ledger-worker's Policy card, once the catalog and the seeded reports are in. */
async function openPolicyCard(page: Page) {
  await signInAsGuest(page);
  const results = page.getByRole('table', { name: 'policy rule results' });
  await reloadUntilVisible(
    page,
    '/catalog/default/component/ledger-worker/build-cache',
    results,
    { attemptTimeout: 10_000 },
  );
  return results;
}

for (const width of [1280, 1920]) {
  test(`the Policy card's preview shows the diff the fix template would propose (${width} px)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 1200 });
    const results = await openPolicyCard(page);
    // ledger-worker pins no toolchain, and its sccache disk cache has the default 10G.
    const preview = results
      .locator('tr[data-rule-id="toolchain-pinned-exact"]')
      .getByRole('button', {
        name: 'Preview the fix for toolchain-pinned-exact',
      });
    // The template may still be on its way into the catalog after start: open until it is.
    const dialog = page.getByRole('dialog', {
      name: /Preview of the fix pull request/,
    });
    const workflow = dialog.getByLabel('Changes to .github/workflows/ci.yml');
    await expect(async () => {
      await page.keyboard.press('Escape');
      await preview.click();
      await expect(workflow).toBeVisible({ timeout: 30_000 });
    }).toPass({ timeout: 120_000 });

    // The workflow: the disk cache bounded in the jobs' env, the rest (comments too) kept.
    await expect(workflow).toContainText('+      SCCACHE_CACHE_SIZE: 2G');
    await expect(workflow).toContainText('# Quicker rebuilds, as on a laptop.');
    // The toolchain pinned to the release ledger-worker's CI used: a new file.
    const toolchain = dialog.getByLabel('Changes to rust-toolchain.toml');
    await expect(toolchain).toContainText('+[toolchain]');
    await expect(toolchain).toContainText('+channel = "1.95.0"');
    await expect(
      dialog.locator('[data-path="rust-toolchain.toml"]'),
    ).toContainText('new file');
    // Each change with its reason, from the template's output.
    await expect(dialog.getByTestId('fix-preview-changes')).toContainText(
      'job test: SCCACHE_CACHE_SIZE: 2G (was the default 10G)',
    );
    await expect(
      dialog.getByRole('link', { name: 'Open a fix pull request' }),
    ).toBeVisible();

    await page.screenshot({ path: `/tmp/fixpreview-${width}.png` });
    await page.screenshot({
      path: test.info().outputPath(`fix-preview-${width}.png`),
    });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });
}
