import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { RustBuildCacheClient, rustBuildCacheApiRef } from './api';
import { fixTemplateRouteRef, prewarmRouteRef, rootRouteRef } from './routes';

/** The rust-build-cache frontend plugin for the legacy frontend system. @public */
export const rustBuildCachePlugin = createPlugin({
  id: 'rust-build-cache',
  apis: [
    createApiFactory({
      api: rustBuildCacheApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new RustBuildCacheClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    prewarm: prewarmRouteRef,
  },
  externalRoutes: {
    fixTemplate: fixTemplateRouteRef,
  },
});

/**
 * The Build cache tab of an entity page. Put it behind `isRustBuildCacheAvailable`; it
 * explains the missing annotation itself when it is shown anyway.
 * @public
 */
export const EntityRustBuildCacheContent = rustBuildCachePlugin.provide(
  createComponentExtension({
    name: 'EntityRustBuildCacheContent',
    component: {
      lazy: () =>
        import('./components/EntityRustBuildCacheContent').then(
          m => m.EntityRustBuildCacheContent,
        ),
    },
  }),
);

/**
 * A card for an entity's overview page: the Rust effective hit rate of the last 30 days
 * with its trend, the policy level and the rule to fix first, linking to the Build cache
 * tab (which it expects at `build-cache` next to the overview). Put it behind
 * `isRustBuildCacheAvailable`.
 * @public
 */
export const EntityRustBuildCacheCard: () => JSX.Element =
  rustBuildCachePlugin.provide(
    createComponentExtension({
      name: 'EntityRustBuildCacheCard',
      component: {
        lazy: () =>
          import('./components/EntityRustBuildCacheCard').then(
            m => m.EntityRustBuildCacheCard,
          ),
      },
    }),
  );

/** The "Build cache policy" page. @public */
export const RustBuildCachePolicyPage = rustBuildCachePlugin.provide(
  createRoutableExtension({
    name: 'RustBuildCachePolicyPage',
    component: () => import('./components/PolicyPage').then(m => m.PolicyPage),
    mountPoint: rootRouteRef,
  }),
);

/** The "Cache pre-warming" page. @public */
export const RustBuildCachePrewarmPage = rustBuildCachePlugin.provide(
  createRoutableExtension({
    name: 'RustBuildCachePrewarmPage',
    component: () =>
      import('./components/PrewarmPage').then(m => m.PrewarmPage),
    mountPoint: prewarmRouteRef,
  }),
);
