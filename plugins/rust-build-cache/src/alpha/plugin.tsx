import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { fixTemplateRouteRef, prewarmRouteRef, rootRouteRef } from '../routes';
import { rustBuildCacheApi } from './apis';
import { rustBuildCacheEntityCard } from './entityCard';
import { rustBuildCacheEntityContent } from './entityContent';
import { rustBuildCachePolicyPage, rustBuildCachePrewarmPage } from './pages';

/**
 * The rust-build-cache plugin for the new frontend system. Navigation items come from the
 * pages' title and icon: frontend-plugin-api 0.17 removed `NavItemBlueprint`.
 * @alpha
 */
export const rustBuildCachePlugin = createFrontendPlugin({
  pluginId: 'rust-build-cache',
  title: 'Rust build cache',
  info: { packageJson: () => import('../../package.json') },
  extensions: [
    rustBuildCacheApi,
    rustBuildCachePolicyPage,
    rustBuildCachePrewarmPage,
    rustBuildCacheEntityContent,
    rustBuildCacheEntityCard,
  ],
  routes: convertLegacyRouteRefs({
    root: rootRouteRef,
    prewarm: prewarmRouteRef,
  }),
  externalRoutes: convertLegacyRouteRefs({
    fixTemplate: fixTemplateRouteRef,
  }),
});
