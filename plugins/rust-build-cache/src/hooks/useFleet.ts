import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { rustBuildCacheApiRef } from '../api';

/** The crates that cost the most compile seconds on cache misses over `days` days. */
export function useFleetCompileTime(days: number, limit: number) {
  const api = useApi(rustBuildCacheApiRef);
  return useAsync(
    () => api.getFleetCompileTime({ days, limit }),
    [api, days, limit],
  );
}

/** rustc releases CI used across the fleet, the baseline and the pins CI did not follow. */
export function useFleetToolchains() {
  const api = useApi(rustBuildCacheApiRef);
  return useAsync(() => api.getFleetToolchains(), [api]);
}

/** Per Cargo.lock, the cache-key groups its services fall into. */
export function useFleetFragmentation(limit: number) {
  const api = useApi(rustBuildCacheApiRef);
  return useAsync(() => api.getFleetFragmentation({ limit }), [api, limit]);
}

/** The fleet's estimated compile time saved per week over `weeks` weeks. */
export function useFleetTimeSaved(weeks: number) {
  const api = useApi(rustBuildCacheApiRef);
  return useAsync(() => api.getFleetTimeSaved({ weeks }), [api, weeks]);
}
