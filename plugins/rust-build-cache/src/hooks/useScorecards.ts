import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { rustBuildCacheApiRef, type ScorecardEntityFilter } from '../api';

/** The policy in force (from app-config, or the built-in default). */
export function usePolicy() {
  const api = useApi(rustBuildCacheApiRef);
  return useAsync(() => api.getPolicy(), [api]);
}

/**
 * The org summary: compliance, level shares, owner and rule rollups. A new `reloadKey`
 * (see `useReloadKey`) loads it again.
 */
export function useScorecardSummary(reloadKey = 0) {
  const api = useApi(rustBuildCacheApiRef);
  return useAsync(() => api.getScorecardSummary(), [api, reloadKey]);
}

/**
 * One page (0-based) of the entity table for a filter. While the next page loads, `value`
 * still holds the previous one, so the table keeps its rows instead of flashing.
 */
export function useScorecardEntities(
  filter: ScorecardEntityFilter,
  page: number,
  pageSize: number,
) {
  const api = useApi(rustBuildCacheApiRef);
  const { owner, ruleId, result, level } = filter;
  return useAsync(
    () =>
      api.getScorecardEntities({
        owner,
        ruleId,
        result,
        level,
        limit: pageSize,
        offset: page * pageSize,
      }),
    [api, owner, ruleId, result, level, page, pageSize],
  );
}

/** The org's daily compliance and level shares over the last `days` days. */
export function useScorecardTrend(days: number) {
  const api = useApi(rustBuildCacheApiRef);
  return useAsync(() => api.getScorecardTrend({ days }), [api, days]);
}

/**
 * The entity's stored scorecard; `value` is null before its first evaluation. A new
 * `reloadKey` (see `useReloadKey`) loads it again.
 */
export function useEntityScorecard(
  entityRef: CompoundEntityRef,
  reloadKey = 0,
) {
  const api = useApi(rustBuildCacheApiRef);
  const { kind, namespace, name } = entityRef;
  return useAsync(
    () => api.getEntityScorecard({ kind, namespace, name }),
    [api, kind, namespace, name, reloadKey],
  );
}
