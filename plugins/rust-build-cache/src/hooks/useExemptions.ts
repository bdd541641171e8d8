import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import type { ExemptionState } from '@rust-build-cache/plugin-rust-build-cache-common';
import { rustBuildCacheApiRef } from '../api';

/**
 * Exemptions in a state (or all), optionally of one entity. Changing `reloadKey` loads them
 * again (after a create or revoke) while `value` keeps the previous list on screen. With
 * `skip`, nothing is asked and the list is empty.
 */
export function useExemptions(filter: {
  entityRef?: string;
  state: ExemptionState | 'all';
  reloadKey?: number;
  skip?: boolean;
}) {
  const api = useApi(rustBuildCacheApiRef);
  const { entityRef, state, reloadKey, skip } = filter;
  return useAsync(
    async () => (skip ? [] : api.getExemptions({ entityRef, state })),
    [api, entityRef, state, reloadKey, skip],
  );
}

/** One page (0-based) of the exemptions' audit log, newest first; `reloadKey` as above. */
export function useExemptionAudit(
  page: number,
  pageSize: number,
  reloadKey = 0,
) {
  const api = useApi(rustBuildCacheApiRef);
  return useAsync(
    () => api.getExemptionAudit({ limit: pageSize, offset: page * pageSize }),
    [api, page, pageSize, reloadKey],
  );
}
