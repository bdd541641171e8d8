import { createBackend } from '@backstage/backend-defaults';
import { demoRepositoryReaderFactory } from './demoRepositories/demoRepositoryReader';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: the guest provider, for trying the app locally.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// Search (the sidebar's search modal): the in-memory Lunr engine, with the catalog indexed.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

// User settings (theme, starred entities, notification topics muted) stored per user.
backend.add(import('@backstage/plugin-user-settings-backend'));

// See https://backstage.io/docs/permissions/getting-started to replace allow-all with
// a policy that restricts rust-build-cache's manage permissions.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// Notifications (the bell) and signals (live updates of it): rust-build-cache sends its
// regression, policy, exemption and pre-warm notifications through them.
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@rust-build-cache/plugin-rust-build-cache-backend'));
// The integrations are modules, added like any adopter's: GitHub Actions pulls and the
// github-actions pre-warm executor, and the local pre-warm executor (the demo's). Each is
// switched on by config (rustBuildCache.pull.githubActions,
// rustBuildCache.prewarm.executors.*).
backend.add(
  import('@rust-build-cache/plugin-rust-build-cache-backend-module-github'),
);
backend.add(
  import(
    '@rust-build-cache/plugin-rust-build-cache-backend-module-local-prewarm'
  ),
);
// The scaffolder with its GitHub actions and rust-build-cache's fix actions: the Policy
// card's "Open a fix pull request" runs the "Fix Rust build caching" template
// (registered in app-config.yaml) with them.
backend.add(import('@backstage/plugin-scaffolder-backend'));
// The Template kind in the catalog.
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@rust-build-cache/plugin-rust-build-cache-backend-module-scaffolder'),
);
// The demo's repositories (github.com/acme-demo/*) are fictional: the UrlReader serves them
// from the local pre-warm executor's sources (examples/workspaces/*), so that the fix
// preview and the fix template's fetch step read them as they would read GitHub.
backend.add(demoRepositoryReaderFactory);
// MCP server at /api/mcp-actions/v1 for AI assistants, serving the actions of the plugins
// named in backend.actions.pluginSources (app-config.yaml).
backend.add(import('@backstage/plugin-mcp-actions-backend'));
// Demo build-cache history for the demo catalog; rustBuildCache.demoData.enabled turns it on.
backend.add(import('./demoData/demoDataModule'));

backend.start();
