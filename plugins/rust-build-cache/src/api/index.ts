export { rustBuildCacheApiRef } from './RustBuildCacheApi';
export type {
  RustBuildCacheApi,
  ScorecardEntityFilter,
} from './RustBuildCacheApi';
export { RustBuildCacheClient } from './RustBuildCacheClient';
