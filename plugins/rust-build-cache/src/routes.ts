import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/core-plugin-api';

/** The "Build cache policy" page, the plugin's root. @public */
export const rootRouteRef = createRouteRef({ id: 'rust-build-cache' });

/** The "Cache pre-warming" page. @public */
export const prewarmRouteRef = createRouteRef({
  id: 'rust-build-cache:prewarm',
});

/**
 * The scaffolder's template page, for the Policy card's "Open a fix pull request" links.
 * Optional: unbound (no scaffolder installed), the links are hidden. The new frontend
 * system binds it to the scaffolder's template page by default, as the catalog's
 * create-from-template link is; a legacy app binds it in `bindRoutes`.
 * @public
 */
export const fixTemplateRouteRef = createExternalRouteRef({
  id: 'rust-build-cache:fix-template',
  optional: true,
  params: ['namespace', 'templateName'],
  defaultTarget: 'scaffolder.selectedTemplate',
});
