/**
 * Frontend of rust-build-cache: the Build cache tab of Rust services, the caching-policy
 * page and the pre-warming page.
 *
 * @packageDocumentation
 */
export {
  rustBuildCachePlugin,
  EntityRustBuildCacheContent,
  EntityRustBuildCacheCard,
  RustBuildCachePolicyPage,
  RustBuildCachePrewarmPage,
} from './plugin';
export { isRustBuildCacheAvailable } from './isRustBuildCacheAvailable';
export { rootRouteRef, prewarmRouteRef, fixTemplateRouteRef } from './routes';
export { rustBuildCacheApiRef, RustBuildCacheClient } from './api';
export type { RustBuildCacheApi, ScorecardEntityFilter } from './api';
