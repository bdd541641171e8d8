/**
 * Shared code of the rust-build-cache plugins and CLI: the report schema, the derived
 * metrics, permissions and annotation names.
 *
 * @packageDocumentation
 */
export * from './constants';
export * from './permissions';
export * from './report/schema';
export * from './metrics/types';
export * from './api/types';
