import { compatWrapper } from '@backstage/core-compat-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isRustBuildCacheAvailable } from '../isRustBuildCacheAvailable';

/** The overview card: hit rate and its 30-day trend, policy level, the rule to fix first. */
export const rustBuildCacheEntityCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    filter: isRustBuildCacheAvailable,
    loader: () =>
      import('../components/EntityRustBuildCacheCard').then(m =>
        compatWrapper(<m.EntityRustBuildCacheCard />),
      ),
  },
});
