import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { rustBuildCacheApiRef } from '../api';

/** What a refresh of the entity would do: pull its CI runs, read its repository, or neither. */
export function useRefreshSources(entityRef: CompoundEntityRef) {
  const api = useApi(rustBuildCacheApiRef);
  const { kind, namespace, name } = entityRef;
  return useAsync(
    () => api.getRefreshSources({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
}
