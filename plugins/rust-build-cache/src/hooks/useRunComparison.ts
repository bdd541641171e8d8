import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { rustBuildCacheApiRef } from '../api';

/** Compares two runs once both are chosen; `value` stays undefined until then. */
export function useRunComparison(baseId?: string, headId?: string) {
  const api = useApi(rustBuildCacheApiRef);
  return useAsync(async () => {
    if (!baseId || !headId) return undefined;
    return api.compareRuns({ base: baseId, head: headId });
  }, [api, baseId, headId]);
}
