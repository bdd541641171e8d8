export { EntityRustBuildCacheCard } from './EntityRustBuildCacheCard';
