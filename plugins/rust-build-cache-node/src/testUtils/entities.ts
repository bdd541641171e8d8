import { Entity } from '@backstage/catalog-model';
import { RUST_BUILD_CACHE_WORKSPACE_ANNOTATION } from '@rust-build-cache/plugin-rust-build-cache-common';

/**
 * A catalog Component with the workspace annotation, located by `projectSlug`
 * (github.com/project-slug, `owner/name`) and/or `repository` (rust-build-cache/repository,
 * `host/owner/name`). `spec` and `metadata` are taken as given (no spec when omitted).
 *
 * @public
 */
export function annotatedComponent(options: {
  name: string;
  workspace: string;
  projectSlug?: string;
  repository?: string;
  spec?: Entity['spec'];
  metadata?: Partial<Entity['metadata']>;
}): Entity {
  const { name, workspace, projectSlug, repository, spec, metadata } = options;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        [RUST_BUILD_CACHE_WORKSPACE_ANNOTATION]: workspace,
        ...(projectSlug ? { 'github.com/project-slug': projectSlug } : {}),
        ...(repository ? { 'rust-build-cache/repository': repository } : {}),
      },
      ...metadata,
    },
    ...(spec ? { spec } : {}),
  };
}
