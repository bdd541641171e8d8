import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
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
  // ledger-worker's demo repository has no rust-toolchain file.
  const row = results.locator('tr[data-rule-id="toolchain-pinned-exact"]');
  const link = row.getByRole('link', {
    name: 'Open a fix pull request for toolchain-pinned-exact',
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
    page.getByRole('checkbox', { name: 'rust-build-cache:pin-toolchain' }),
  ).toBeChecked();
  // The toolchain to pin: the release the latest CI run used.
  await expect(page.getByLabel('Toolchain release to pin')).toHaveValue(
    '1.95.0',
  );
  await page.screenshot({
    path: test.info().outputPath('fix-template-form.png'),
    fullPage: true,
  });
});

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/**
 * The template directory the template editor loads: the template, and next to it (under
 * `repo/`) the repository its fetch step reads: ledger-worker's Cargo workspace and a CI
 * workflow with comments and anchors.
 */
const TEMPLATE_DIRECTORY = {
  'template.yaml': read(
    'plugins/rust-build-cache-backend-module-scaffolder/templates/fix-rust-build-caching/template.yaml',
  ),
  'repo/Cargo.toml': read('examples/workspaces/ledger-worker/Cargo.toml'),
  'repo/.github/workflows/ci.yml': read(
    'plugins/rust-build-cache-backend-module-scaffolder/src/edits/__fixtures__/ci-anchors.yml',
  ),
};

test("the template editor's dry-run of the fix template shows the files it would propose", async ({
  page,
}) => {
  // "Load Template Directory" asks the browser for a directory (File System Access API),
  // which a test cannot pick: hand the editor a directory of the origin-private file system.
  await page.addInitScript(files => {
    (window as any).showDirectoryPicker = async () => {
      const storage = await navigator.storage.getDirectory();
      const dir = await storage.getDirectoryHandle(
        `fix-template-${Date.now()}`,
        {
          create: true,
        },
      );
      for (const [file, text] of Object.entries(files)) {
        const parts = file.split('/');
        let parent = dir;
        for (const part of parts.slice(0, -1))
          parent = await parent.getDirectoryHandle(part, { create: true });
        const handle = await parent.getFileHandle(parts[parts.length - 1], {
          create: true,
        });
        const writable = await (handle as any).createWritable();
        await writable.write(text);
        await writable.close();
      }
      return dir;
    };
  }, TEMPLATE_DIRECTORY);
  // A tall page: the dry-run's file viewer (CodeMirror) only renders lines near the viewport.
  await page.setViewportSize({ width: 1280, height: 2400 });
  await signInAsGuest(page);
  await page.goto('/create/edit');
  await page.getByText('Load Template Directory').click();
  await page.getByRole('treeitem', { name: 'template.yaml' }).click();

  await page
    .getByLabel(/^Repository\W*$/)
    .fill('github.com?owner=acme-demo&repo=ledger-worker');
  await page.getByLabel(/^Repository contents\W*$/).fill('./repo');
  const service = page.getByLabel(/^Service\W*$/);
  await service.fill('component:default/ledger-worker');
  await service.blur();
  await page
    .getByRole('checkbox', { name: 'rust-build-cache:route-through-sccache' })
    .check();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(page.getByText('Dry-run results')).toBeVisible({
    timeout: 60_000,
  });
  for (const name of ['.github', 'workflows', 'ci.yml'])
    await page.getByRole('treeitem', { name, exact: true }).last().click();
  // The proposed workflow: the anchor kept, the wrapper and the setup step added.
  await expect(page.getByText('<<: *rust-env').first()).toBeVisible();
  await expect(page.getByText('RUSTC_WRAPPER: sccache').first()).toBeVisible();
  await expect(
    page.getByText('uses: mozilla-actions/sccache-action@v0.0.9').first(),
  ).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('fix-template-dry-run.png'),
    fullPage: true,
  });
  // The log, step by step: each change with its reason.
  await page.getByRole('tab', { name: 'Log' }).click();
  await page.getByText('Route cargo through sccache').last().click();
  await expect(
    page
      .getByText(
        'job build: CARGO_INCREMENTAL: 0 (was 1), sccache cannot cache incremental compiles',
      )
      .first(),
  ).toBeVisible();
});
