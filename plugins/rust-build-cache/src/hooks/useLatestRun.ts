import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { rustBuildCacheApiRef } from '../api';

/** The entity's newest run with its report; `value` is null before the first report; `retry` reloads it. */
export function useLatestRun(entityRef: CompoundEntityRef) {
  const api = useApi(rustBuildCacheApiRef);
  const { kind, namespace, name } = entityRef;
  return useAsyncRetry(
    () => api.getLatestRun({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
}
