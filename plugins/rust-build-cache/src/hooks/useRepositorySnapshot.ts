import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { rustBuildCacheApiRef } from '../api';

/**
 * What the entity's repository pins, as last read from its default branch, with the
 * history of pin and fingerprint changes; `value.snapshot` is null before the first read.
 * A new `reloadKey` (see `useReloadKey`) loads it again.
 */
export function useRepositorySnapshot(
  entityRef: CompoundEntityRef,
  reloadKey = 0,
) {
  const api = useApi(rustBuildCacheApiRef);
  const { kind, namespace, name } = entityRef;
  return useAsync(
    () => api.getRepositorySnapshot({ kind, namespace, name }),
    [api, kind, namespace, name, reloadKey],
  );
}
