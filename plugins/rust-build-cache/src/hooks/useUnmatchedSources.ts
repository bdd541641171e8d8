import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { rustBuildCacheApiRef } from '../api';

/** Repositories and workspaces whose reports match no catalog entity. */
export function useUnmatchedSources() {
  const api = useApi(rustBuildCacheApiRef);
  return useAsync(() => api.getUnmatchedSources(), [api]);
}
