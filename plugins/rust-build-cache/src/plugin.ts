import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { RustBuildCacheClient, rustBuildCacheApiRef } from './api';
import { prewarmRouteRef, rootRouteRef } from './routes';

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
