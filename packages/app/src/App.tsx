import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import rustBuildCachePlugin from '@rust-build-cache/plugin-rust-build-cache/alpha';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

// The app as @backstage/create-app generates it (new frontend system). With
// `app.packages: all` (app-config.yaml) every plugin package in this package.json is
// discovered, rust-build-cache included: its pages, nav items, the Build cache tab and the
// overview card need no code. It is listed here as well so that an app without discovery
// (and App.test.tsx) gets it the same way; the same plugin listed twice is installed once.
export default createApp({
  features: [catalogPlugin, rustBuildCachePlugin, navModule, signInModule],
});
