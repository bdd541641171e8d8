import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { RUST_BUILD_CACHE_WORKSPACE_ANNOTATION } from '@rust-build-cache/plugin-rust-build-cache-common';

/**
 * Every catalog entity with the workspace annotation, with only the fields that locate its
 * reports (kind, namespace, name, annotations), page by page.
 */
export async function* streamAnnotatedEntities(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): AsyncGenerator<Entity[]> {
  yield* catalog.streamEntities(
    {
      filter: {
        [`metadata.annotations.${RUST_BUILD_CACHE_WORKSPACE_ANNOTATION}`]:
          CATALOG_FILTER_EXISTS,
      },
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.annotations',
      ],
    },
    { credentials },
  );
}
