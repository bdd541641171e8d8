import type { Entity } from '@backstage/catalog-model';

/**
 * A service with the workspace annotation (the plugin's extensions are offered to it) and,
 * when `projectSlug` is given, the GitHub project slug that locates its repository.
 */
export function rustService(options: {
  name: string;
  workspace: string;
  owner: string;
  projectSlug?: string;
}): Entity {
  const { name, workspace, owner, projectSlug } = options;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        ...(projectSlug ? { 'github.com/project-slug': projectSlug } : {}),
        'rust-build-cache/workspace': workspace,
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner },
  };
}

/** An annotated service without a repository. */
export const annotatedService = rustService({
  name: 'gateway',
  workspace: 'services/gateway',
  owner: 'platform',
});

/** A service without the workspace annotation: not a Rust workspace the plugin knows of. */
export const unannotatedService: Entity = {
  ...annotatedService,
  metadata: { name: 'frontend', annotations: {} },
};
