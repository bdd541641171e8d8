/**
 * Local pre-warm executor module of the rust-build-cache backend: warm builds on the
 * Backstage host.
 *
 * @packageDocumentation
 */
export { rustBuildCacheModuleLocalPrewarm as default } from './module';
