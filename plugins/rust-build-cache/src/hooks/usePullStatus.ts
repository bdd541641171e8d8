import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { rustBuildCacheApiRef } from '../api';

/** The entity's last pull from CI; `value` is null before the first pull, `retry` reloads it. */
export function usePullStatus(entityRef: CompoundEntityRef) {
  const api = useApi(rustBuildCacheApiRef);
  const { kind, namespace, name } = entityRef;
  return useAsyncRetry(
    () => api.getPullStatus({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
}
