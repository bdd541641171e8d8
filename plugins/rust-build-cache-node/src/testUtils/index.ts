/**
 * Test utilities for the rust-build-cache backend and its modules: test databases
 * (SQLite, plus PostgreSQL when a connection string is set), the plugin in a test
 * backend with the set-up its route tests share, a scheduler capture to trigger the
 * plugin's tasks, and a recording context for pre-warm executors.
 *
 * @packageDocumentation
 */
export { createTestDatabases } from './testDatabases';
export { captureScheduler } from './captureScheduler';
export { startPluginTestBackend } from './pluginTestBackend';
export { createRouteTestBed, TRIGGERED_ONLY_SCHEDULE } from './routeTestBed';
export {
  recordingContext,
  testJob,
  testKey,
  type RecordingContext,
} from './executionContext';
export { annotatedComponent } from './entities';
