export { normalizeEntityRef } from '@rust-build-cache/plugin-rust-build-cache-common';
