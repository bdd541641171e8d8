import { test, expect } from '@playwright/test';
import { reloadUntilVisible, signInAsGuest } from './helpers';

// The Policy card's "Open a fix pull request" link against the real app: the scaffolder
// (frontend discovered from packages/app, backend with rust-build-cache's module) and the
// "Fix Rust build caching" template registered in app-config.yaml.

test('a failing rule with a mechanical fix opens the fix template, prefilled', async ({
  page,
}) => {
  await signInAsGuest(page);
  const results = page.getByRole('table', { name: 'policy rule results' });
  await reloadUntilVisible(
    page,
    '/catalog/default/component/ledger-worker/build-cache',
    results,
    { attemptTimeout: 10_000 },
  );
  // ledger-worker's demo CI runs build with CARGO_INCREMENTAL on.
  const row = results.locator('tr[data-rule-id="cargo-incremental-off"]');
  const link = row.getByRole('link', {
    name: 'Open a fix pull request for cargo-incremental-off',
  });
  await expect(link).toBeVisible();
  // A rule whose fix needs a person has no link.
  await expect(
    results
      .locator('tr[data-rule-id="effective-hit-rate"]')
      .getByRole('link', { name: /Open a fix pull request/ }),
  ).toHaveCount(0);

  await link.click();
  await expect(page).toHaveURL(
    /\/create\/templates\/default\/fix-rust-build-caching\?formData=/,
  );
  // The catalog may still be reading the template location after start: load again until
  // the template is there.
  await reloadUntilVisible(
    page,
    page.url(),
    page.getByText('Fix Rust build caching').first(),
    { attemptTimeout: 15_000 },
  );
  await expect(
    page.getByLabel('Repository', { exact: false }).first(),
  ).toHaveValue('github.com?owner=acme-demo&repo=ledger-worker');
  await expect(page.getByLabel('Repository contents').first()).toHaveValue(
    'https://github.com/acme-demo/ledger-worker',
  );
  await expect(
    page.getByRole('checkbox', {
      name: 'rust-build-cache:route-through-sccache',
    }),
  ).toBeChecked();
  await page.screenshot({
    path: test.info().outputPath('fix-template-form.png'),
    fullPage: true,
  });
});
