export { rustBuildCacheApiRef } from './RustBuildCacheApi';
export type { RustBuildCacheApi } from './RustBuildCacheApi';
export { RustBuildCacheClient } from './RustBuildCacheClient';
