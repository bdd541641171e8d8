/**
 * The rust-build-cache plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */
export { rustBuildCachePlugin as default } from './alpha/plugin';
