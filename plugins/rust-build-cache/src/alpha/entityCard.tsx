import { compatWrapper } from '@backstage/core-compat-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isRustBuildCacheAvailable } from '../isRustBuildCacheAvailable';

/**
 * The overview card: hit rate and its 30-day trend, policy level, the rule to fix first.
 * An `info` card: the catalog's overview layout shows it in the side column below About,
 * at the top of the page, rather than after every content card (an app can set
 * `type: content` in the extension's config).
 */
export const rustBuildCacheEntityCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    type: 'info',
    filter: isRustBuildCacheAvailable,
    loader: () =>
      import('../components/EntityRustBuildCacheCard').then(m =>
        compatWrapper(<m.EntityRustBuildCacheCard />),
      ),
  },
});
