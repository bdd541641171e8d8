export { annotatedComponent } from '@rust-build-cache/plugin-rust-build-cache-node/testUtils';
