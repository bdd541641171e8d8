/**
 * Node library of the rust-build-cache plugin: extension points for backend modules.
 *
 * @packageDocumentation
 */
export * from './extensionPoints';
export * from './prewarmExecutors';
