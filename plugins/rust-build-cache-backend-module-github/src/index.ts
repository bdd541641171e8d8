/**
 * GitHub Actions module of the rust-build-cache backend: pulls reports from workflow
 * artifacts and runs pre-warm builds as workflow runs.
 *
 * @packageDocumentation
 */
export { rustBuildCacheModuleGithub as default } from './module';
