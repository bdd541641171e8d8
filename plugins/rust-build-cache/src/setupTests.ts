import '@testing-library/jest-dom';

// jsdom has no ResizeObserver, which recharts' ResponsiveContainer needs to mount.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoopResizeObserver;

// One default for the package instead of per-file jest.setTimeout calls: the page tests
// render whole MUI trees and exceed jest's 5 s on a loaded 2-core machine. Set here rather
// than as `testTimeout` in package.json, because `backstage-cli repo test` runs packages as
// Jest projects and jest-circus only reads testTimeout from the global config.
jest.setTimeout(30_000);
