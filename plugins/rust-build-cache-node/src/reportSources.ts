import { RootConfigService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  entityRepository,
  normaliseRepository,
  normaliseWorkspacePath,
  ReportSourceKey,
  RUST_BUILD_CACHE_WORKSPACE_ANNOTATION,
} from '@rust-build-cache/plugin-rust-build-cache-common';

/**
 * The (repository, workspace) an entity's reports come from, or undefined when the entity
 * lacks the workspace annotation or any repository annotation. Reports and entities meet
 * on this key; both sides go through `-common`'s normalisation.
 *
 * @public
 */
export function entitySourceKey(entity: Entity): ReportSourceKey | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const workspacePath = annotations[RUST_BUILD_CACHE_WORKSPACE_ANNOTATION];
  const repository = entityRepository(annotations);
  if (!workspacePath || !repository) {
    return undefined;
  }
  return {
    repository: normaliseRepository(repository),
    workspacePath: normaliseWorkspacePath(workspacePath),
  };
}

/**
 * `key`, else `fallback`; anything but a positive safe integer throws an error naming the
 * key. For the settings of the plugin and its modules.
 *
 * @public
 */
export function readPositiveInteger(
  config: RootConfigService,
  key: string,
  fallback: number,
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(
      `Invalid config ${key}: expected a positive integer, got ${value}`,
    );
  }
  return value;
}

/**
 * Whether `value` names a repository as reports do: `host/owner/name` (more path
 * segments allowed, none empty), the host optionally with a port. For validating the
 * repositories named in the config of the plugin's modules.
 *
 * @public
 */
export function isRepositoryName(value: string): boolean {
  const parts = value.split('/');
  return (
    parts.length >= 3 &&
    parts.every(part => part.length > 0) &&
    /^[A-Za-z0-9.-]+(:\d+)?$/.test(parts[0])
  );
}
