/**
 * Node library of the rust-build-cache plugin: extension points for backend modules, and
 * the helpers the plugin and its modules share (an entity's report source, config reads).
 *
 * @packageDocumentation
 */
export * from './extensionPoints';
export * from './prewarmExecutors';
export * from './prewarmRuns';
export * from './reportSources';
