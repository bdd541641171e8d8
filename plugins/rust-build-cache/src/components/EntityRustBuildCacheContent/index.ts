export { EntityRustBuildCacheContent } from './EntityRustBuildCacheContent';
