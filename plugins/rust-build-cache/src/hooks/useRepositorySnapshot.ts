import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { rustBuildCacheApiRef } from '../api';

/**
 * What the entity's repository pins, as last read from its default branch, with the
 * history of pin and fingerprint changes; `value.snapshot` is null before the first read,
 * `retry` reloads it.
 */
export function useRepositorySnapshot(entityRef: CompoundEntityRef) {
  const api = useApi(rustBuildCacheApiRef);
  const { kind, namespace, name } = entityRef;
  return useAsyncRetry(
    () => api.getRepositorySnapshot({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
}
