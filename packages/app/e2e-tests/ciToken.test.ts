import { test, expect } from '@playwright/test';

// The CI token of app-config.yaml against the running demo backend: it may push reports
// and nothing else. Nothing here changes the demo's data.

const BACKEND = 'http://localhost:7007/api/rust-build-cache';
const token =
  process.env.RUST_BUILD_CACHE_TOKEN ??
  'dev-only-rust-build-cache-token-change-me';
const asCi = { Authorization: `Bearer ${token}` };

test('the CI token cannot exempt a service, nor read', async ({ request }) => {
  const exempt = await request.post(`${BACKEND}/exemptions`, {
    headers: asCi,
    data: {
      entityRef: 'component:default/billing-api',
      ruleId: 'cargo-incremental-off',
      reason: 'a leaked CI secret',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
  });
  expect(exempt.status()).toBe(403);
  expect((await exempt.json()).error.message).toBe(
    'This action is for signed-in users; service tokens may only push reports',
  );

  const read = await request.get(`${BACKEND}/exemptions`, { headers: asCi });
  expect(read.status()).toBe(403);
  expect((await read.json()).error.message).toBe(
    'Missing permission rust-build-cache.reports.read',
  );
});
