import { compatWrapper } from '@backstage/core-compat-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isRustBuildCacheAvailable } from '../isRustBuildCacheAvailable';

export const rustBuildCacheEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'build-cache',
    title: 'Build cache',
    filter: isRustBuildCacheAvailable,
    loader: () =>
      import('../components/EntityRustBuildCacheContent').then(m =>
        compatWrapper(<m.EntityRustBuildCacheContent />),
      ),
  },
});
