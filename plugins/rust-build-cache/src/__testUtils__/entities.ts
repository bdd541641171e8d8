import type { Entity } from '@backstage/catalog-model';

/** A service with the workspace annotation: the plugin's extensions are offered to it. */
export const annotatedService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'gateway',
    annotations: { 'rust-build-cache/workspace': 'services/gateway' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'platform' },
};

/** A service without it: not a Rust workspace the plugin knows of. */
export const unannotatedService: Entity = {
  ...annotatedService,
  metadata: { name: 'frontend', annotations: {} },
};
