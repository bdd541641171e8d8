/**
 * Scaffolder backend module of rust-build-cache: actions that fix failing build-cache
 * rules in a checked-out repository, keeping the files' formatting and comments.
 *
 * @packageDocumentation
 */
export { rustBuildCacheScaffolderModule as default } from './module';
export {
  createBoundCacheSizeAction,
  createPinToolchainAction,
  createRouteThroughSccacheAction,
  createStableRustflagsAction,
} from './actions/fixActions';
