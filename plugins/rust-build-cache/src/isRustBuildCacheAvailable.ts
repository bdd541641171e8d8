import type { Entity } from '@backstage/catalog-model';
import { RUST_BUILD_CACHE_WORKSPACE_ANNOTATION } from '@rust-build-cache/plugin-rust-build-cache-common';

/**
 * The Cargo workspace path of a Rust service (`.` for the repository root), or undefined
 * when the entity is not marked as one.
 */
export function getWorkspacePath(entity: Entity): string | undefined {
  const value =
    entity.metadata.annotations?.[
      RUST_BUILD_CACHE_WORKSPACE_ANNOTATION
    ]?.trim();
  return value ? value : undefined;
}

/**
 * True when the entity carries the `rust-build-cache/workspace` annotation, i.e. when the
 * Build cache tab has something to show.
 * @public
 */
export function isRustBuildCacheAvailable(entity: Entity): boolean {
  return getWorkspacePath(entity) !== undefined;
}
