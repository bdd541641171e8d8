import {
  normaliseRepository,
  normaliseWorkspacePath,
  reportSourceKey,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { entitySourceKey } from '@rust-build-cache/plugin-rust-build-cache-node';

// Reports and entities meet on (repository, workspace path); both sides go through the
// normalisation of -common (`normaliseRepository`, `normaliseWorkspacePath`). Which
// repository and workspace an entity names is -node's `entitySourceKey`, shared with the
// pull providers of modules.
export {
  entitySourceKey,
  normaliseRepository,
  normaliseWorkspacePath,
  reportSourceKey,
};
