import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { rustBuildCacheApiRef } from '../api';

/**
 * The entity's newest run with its report; `value` is null before the first report. A new
 * `reloadKey` (see `useReloadKey`) loads it again.
 */
export function useLatestRun(entityRef: CompoundEntityRef, reloadKey = 0) {
  const api = useApi(rustBuildCacheApiRef);
  const { kind, namespace, name } = entityRef;
  return useAsync(
    () => api.getLatestRun({ kind, namespace, name }),
    [api, kind, namespace, name, reloadKey],
  );
}
