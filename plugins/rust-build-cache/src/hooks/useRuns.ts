import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { rustBuildCacheApiRef } from '../api';

/**
 * One page (0-based) of the entity's runs, newest first. While the next page loads,
 * `value` still holds the previous one, so a table keeps its rows instead of flashing.
 */
export function useRuns(
  entityRef: CompoundEntityRef,
  page: number,
  pageSize: number,
) {
  const api = useApi(rustBuildCacheApiRef);
  const { kind, namespace, name } = entityRef;
  return useAsync(
    () =>
      api.getRuns(
        { kind, namespace, name },
        { limit: pageSize, offset: page * pageSize },
      ),
    [api, kind, namespace, name, page, pageSize],
  );
}
