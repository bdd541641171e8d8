import { createRouteRef } from '@backstage/core-plugin-api';

/** The "Build cache policy" page, the plugin's root. @public */
export const rootRouteRef = createRouteRef({ id: 'rust-build-cache' });

/** The "Cache pre-warming" page. @public */
export const prewarmRouteRef = createRouteRef({
  id: 'rust-build-cache:prewarm',
});
