import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { rustBuildCacheApiRef } from '../api';

/** Daily hit rates of the entity's CI runs over the last `days` days. */
export function useTimeSeries(entityRef: CompoundEntityRef, days: number) {
  const api = useApi(rustBuildCacheApiRef);
  const { kind, namespace, name } = entityRef;
  return useAsync(
    () => api.getTimeSeries({ kind, namespace, name }, { days }),
    [api, kind, namespace, name, days],
  );
}
