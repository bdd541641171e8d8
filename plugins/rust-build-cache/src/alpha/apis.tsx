import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { RustBuildCacheClient, rustBuildCacheApiRef } from '../api';

export const rustBuildCacheApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: rustBuildCacheApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new RustBuildCacheClient({ discoveryApi, fetchApi }),
    }),
});
