/**
 * Marks a catalog entity as a Rust service whose build cache this plugin tracks. The value
 * is the path of the Cargo workspace inside the repository: `.` for the root, or e.g.
 * `services/billing` in a monorepo that holds several workspaces.
 * @public
 */
export const RUST_BUILD_CACHE_WORKSPACE_ANNOTATION =
  'rust-build-cache/workspace';

/**
 * Optional: the repository as `host/owner/name`, for entities whose repository is not given
 * by a `github.com/project-slug` or `gitlab.com/project-slug` annotation.
 * @public
 */
export const RUST_BUILD_CACHE_REPOSITORY_ANNOTATION =
  'rust-build-cache/repository';

/** @public */
export const GITHUB_PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';
/** @public */
export const GITLAB_PROJECT_SLUG_ANNOTATION = 'gitlab.com/project-slug';

/** The plugin id, used for discovery (`/api/rust-build-cache`). @public */
export const RUST_BUILD_CACHE_PLUGIN_ID = 'rust-build-cache';
