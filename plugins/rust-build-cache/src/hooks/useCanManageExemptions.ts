import { usePermission } from '@backstage/plugin-permission-react';
import { rustBuildCacheExemptionManagePermission } from '@rust-build-cache/plugin-rust-build-cache-common';

/** Whether the user may create and revoke exemptions; false while the answer loads. */
export function useCanManageExemptions(): boolean {
  const { allowed } = usePermission({
    permission: rustBuildCacheExemptionManagePermission,
  });
  return allowed;
}
