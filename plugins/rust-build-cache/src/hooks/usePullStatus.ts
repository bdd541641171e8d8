import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { rustBuildCacheApiRef } from '../api';

/**
 * The entity's last pull from CI; `value` is null before the first pull. A new
 * `reloadKey` (see `useReloadKey`) loads it again.
 */
export function usePullStatus(entityRef: CompoundEntityRef, reloadKey = 0) {
  const api = useApi(rustBuildCacheApiRef);
  const { kind, namespace, name } = entityRef;
  return useAsync(
    () => api.getPullStatus({ kind, namespace, name }),
    [api, kind, namespace, name, reloadKey],
  );
}
