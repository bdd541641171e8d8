// The adoption check in Chromium (Playwright, Debian's /usr/bin/chromium): the generated
// app's catalog shows the Rust service, and after the push its Build cache tab, the policy
// page and the pre-warm page show real content from the backend.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from './proc.mjs';

const { chromium, expect } = createRequire(join(root, 'package.json'))(
  '@playwright/test',
);

export async function openBrowser(baseUrl, screenshotDir) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({
    baseURL: baseUrl,
    viewport: { width: 1440, height: 1000 },
  });
  page.setDefaultTimeout(30_000);
  const shot = name =>
    page.screenshot({
      path: join(screenshotDir, `${name}.png`),
      fullPage: true,
    });
  return { browser, page, shot };
}

/** Signs in with the guest provider when the app shows a sign-in page. */
async function signInIfAsked(page) {
  const enter = page.getByRole('button', { name: 'Enter' });
  try {
    await enter.waitFor({ timeout: 60_000 });
  } catch {
    return; // no sign-in page
  }
  await enter.click();
  await expect(enter).toHaveCount(0);
}

/** The entity page's Build cache tab (a link in the new frontend system's page header). */
const buildCacheTab = page =>
  page
    .getByRole('tab', { name: 'Build cache', exact: true })
    .or(page.getByRole('link', { name: 'Build cache', exact: true }))
    .first();

/** Waits until the catalog serves the service's page (the catalog reads its files at start). */
export async function waitForEntityPage(page, entityName) {
  const url = `/catalog/default/component/${entityName}`;
  await page.goto(url);
  await signInIfAsked(page);
  await expect(async () => {
    await page.goto(url);
    await expect(buildCacheTab(page)).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 180_000 });
}

/** The Build cache tab shows the pushed run. */
export async function checkEntityTab(page, entityName, runId) {
  await page.goto(`/catalog/default/component/${entityName}`);
  await buildCacheTab(page).click();
  await expect(page).toHaveURL(/\/build-cache$/);
  await expect(page.getByText('Latest run', { exact: true })).toBeVisible({
    timeout: 60_000,
  });
  await expect(
    page.getByRole('button', { name: `Set run ${runId} as base` }),
  ).toBeVisible();
}

/**
 * The policy page: its overview knows every report's entity, and its Services tab lists
 * the service with a level (the push has it evaluated at once).
 */
export async function checkPolicyPage(page, entityName) {
  await page.goto('/rust-build-cache/policy');
  await expect(
    page.getByRole('heading', { name: 'Build cache policy' }),
  ).toBeVisible();
  await expect(
    page.getByText('Every report received so far matches a catalog entity.'),
  ).toBeVisible();
  await page.getByRole('tab', { name: 'Services' }).click();
  await expect(page).toHaveURL(/[?&]tab=services/);
  await expect(page.getByText('Services (1)')).toBeVisible();
  const row = page.getByRole('row').filter({
    has: page.getByRole('link', { name: entityName, exact: true }),
  });
  await expect(row).toBeVisible();
  await expect(row.getByText(/bronze|silver|gold|none/i).first()).toBeVisible();
}

/** The pre-warm page loads from the backend: no schedule yet, and no executor enabled. */
export async function checkPrewarmPage(page) {
  await page.goto('/rust-build-cache/prewarm');
  await expect(
    page.getByRole('heading', { name: 'Cache pre-warming' }),
  ).toBeVisible();
  await expect(page.getByText('No pre-warming schedules yet')).toBeVisible();
  await expect(page.getByTestId('no-executors')).toBeVisible();
}
