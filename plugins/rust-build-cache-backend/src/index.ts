/**
 * Backend of the rust-build-cache plugin: report ingestion, storage and query API.
 *
 * @packageDocumentation
 */
export { rustBuildCachePlugin as default } from './plugin';
