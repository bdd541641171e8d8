import {
  normaliseRepository,
  normaliseWorkspacePath,
  reportSourceKey,
  ReportSourceKey,
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

/** A source as one string, for maps keyed by source (repository, workspace path). */
export function sourceKeyString(source: ReportSourceKey): string {
  return JSON.stringify([source.repository, source.workspacePath]);
}
