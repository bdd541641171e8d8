import { useApi } from '@backstage/core-plugin-api';
import {
  permissionApiRef,
  usePermission,
} from '@backstage/plugin-permission-react';
import { rustBuildCacheExemptionManagePermission } from '@rust-build-cache/plugin-rust-build-cache-common';
import useAsync from 'react-use/esm/useAsync';

/**
 * Whether the user may create and revoke the exemptions of `entityRef` (a policy may allow
 * it to the entity's owners only); false while the answer loads or without an entity.
 */
export function useCanManageExemptions(entityRef: string | undefined): boolean {
  const { allowed } = usePermission({
    permission: rustBuildCacheExemptionManagePermission,
    resourceRef: entityRef,
  });
  return allowed;
}

const NO_ENTITIES: ReadonlySet<string> = new Set();

/** Which of `entityRefs` the user may manage the exemptions of, asked once per entity. */
export function useManageableEntityRefs(
  entityRefs: string[],
): ReadonlySet<string> {
  const permissionApi = useApi(permissionApiRef);
  const key = [...new Set(entityRefs)].sort().join('\n');
  const { value } = useAsync(async () => {
    const refs = key ? key.split('\n') : [];
    const answers = await Promise.all(
      refs.map(resourceRef =>
        permissionApi.authorize({
          permission: rustBuildCacheExemptionManagePermission,
          resourceRef,
        }),
      ),
    );
    // AuthorizeResult lives in plugin-permission-common, not a dependency of this package.
    return new Set(
      refs.filter((_, i) => String(answers[i].result) === 'ALLOW'),
    );
  }, [permissionApi, key]);
  return value ?? NO_ENTITIES;
}
