import {
  GITHUB_PROJECT_SLUG_ANNOTATION,
  GITLAB_PROJECT_SLUG_ANNOTATION,
  RUST_BUILD_CACHE_REPOSITORY_ANNOTATION,
} from '../constants';
import type { BuildCacheReport } from '../report/schema';
import { normaliseWorkspacePath } from '../report/workspacePath';

/**
 * Where reports come from: normalised `host/owner/name` and workspace path. Reports and
 * catalog entities meet on it, so every feature keys its data by it.
 * @public
 */
export interface ReportSourceKey {
  repository: string;
  workspacePath: string;
}

/**
 * A repository as stored and matched: hosts and GitHub/GitLab paths are
 * case-insensitive, and a trailing slash names the same repository.
 * @public
 */
export function normaliseRepository(repository: string): string {
  return repository.trim().replace(/\/+$/, '').toLowerCase();
}

/** The source a report belongs to. @public */
export function reportSourceKey(report: BuildCacheReport): ReportSourceKey {
  const { host, owner, name } = report.source.repository;
  return {
    repository: normaliseRepository(`${host}/${owner}/${name}`),
    workspacePath: normaliseWorkspacePath(report.source.workspacePath),
  };
}

const ASCII = /^[^\u0080-\uffff]*$/;

/**
 * Entity refs are compared case-insensitively in Backstage; this plugin stores and compares
 * them lower case. The one place that says how.
 * @public
 */
export function normalizeEntityRef(entityRef: string): string {
  // ASCII lower-cases alike in every locale, without ICU: a full policy evaluation
  // normalises a few refs per entity.
  return ASCII.test(entityRef)
    ? entityRef.toLowerCase()
    : entityRef.toLocaleLowerCase('en-US');
}

/**
 * The repository (`host/owner/name`, as written) of a catalog entity, from its annotations:
 * `rust-build-cache/repository`, else `github.com/project-slug`, else
 * `gitlab.com/project-slug`; undefined when it has none.
 * @public
 */
export function entityRepository(
  annotations: Record<string, string> | undefined,
): string | undefined {
  if (!annotations) return undefined;
  const explicit = annotations[RUST_BUILD_CACHE_REPOSITORY_ANNOTATION];
  if (explicit) return explicit;
  const githubSlug = annotations[GITHUB_PROJECT_SLUG_ANNOTATION];
  if (githubSlug) return `github.com/${githubSlug}`;
  const gitlabSlug = annotations[GITLAB_PROJECT_SLUG_ANNOTATION];
  if (gitlabSlug) return `gitlab.com/${gitlabSlug}`;
  return undefined;
}
