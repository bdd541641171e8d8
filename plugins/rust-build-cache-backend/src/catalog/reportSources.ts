import { Entity } from '@backstage/catalog-model';
import {
  GITHUB_PROJECT_SLUG_ANNOTATION,
  GITLAB_PROJECT_SLUG_ANNOTATION,
  normaliseRepository,
  normaliseWorkspacePath,
  reportSourceKey,
  ReportSourceKey,
  RUST_BUILD_CACHE_REPOSITORY_ANNOTATION,
  RUST_BUILD_CACHE_WORKSPACE_ANNOTATION,
} from '@rust-build-cache/plugin-rust-build-cache-common';

// Reports and entities meet on (repository, workspace path); both sides go through the
// normalisation of -common (`normaliseRepository`, `normaliseWorkspacePath`).
export { normaliseRepository, normaliseWorkspacePath, reportSourceKey };

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

/** A source as one string, for maps keyed by source (repository, workspace path). */
export function sourceKeyString(source: ReportSourceKey): string {
  return JSON.stringify([source.repository, source.workspacePath]);
}
