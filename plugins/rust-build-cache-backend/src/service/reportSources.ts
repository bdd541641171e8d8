import { Entity } from '@backstage/catalog-model';
import {
  BuildCacheReport,
  GITHUB_PROJECT_SLUG_ANNOTATION,
  GITLAB_PROJECT_SLUG_ANNOTATION,
  normaliseWorkspacePath,
  RUST_BUILD_CACHE_REPOSITORY_ANNOTATION,
  RUST_BUILD_CACHE_WORKSPACE_ANNOTATION,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { ReportSourceKey } from '../database/RustBuildCacheStore';

/**
 * Reports and entities meet on (repository, workspace path). Both sides are written by
 * hand (CI config, catalog YAML), so both go through the same normalisation: repository
 * hosts and GitHub/GitLab paths are case-insensitive, and `./a/`, `a` and `a//` name the
 * same workspace (`normaliseWorkspacePath`, shared with the report schema).
 */

export { normaliseWorkspacePath };

export function normaliseRepository(repository: string): string {
  return repository.trim().replace(/\/+$/, '').toLowerCase();
}

export function reportSourceKey(report: BuildCacheReport): ReportSourceKey {
  const { host, owner, name } = report.source.repository;
  return {
    repository: normaliseRepository(`${host}/${owner}/${name}`),
    workspacePath: normaliseWorkspacePath(report.source.workspacePath),
  };
}

/**
 * The (repository, workspace) an entity's reports come from, or undefined when the entity
 * lacks the workspace annotation or any repository annotation.
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

function entityRepository(
  annotations: Record<string, string>,
): string | undefined {
  const explicit = annotations[RUST_BUILD_CACHE_REPOSITORY_ANNOTATION];
  if (explicit) {
    return explicit;
  }
  const githubSlug = annotations[GITHUB_PROJECT_SLUG_ANNOTATION];
  if (githubSlug) {
    return `github.com/${githubSlug}`;
  }
  const gitlabSlug = annotations[GITLAB_PROJECT_SLUG_ANNOTATION];
  if (gitlabSlug) {
    return `gitlab.com/${gitlabSlug}`;
  }
  return undefined;
}
