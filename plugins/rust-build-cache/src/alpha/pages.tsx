import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import { PageBlueprint } from '@backstage/frontend-plugin-api';
import AssessmentIcon from '@material-ui/icons/Assessment';
import WhatshotIcon from '@material-ui/icons/Whatshot';
import { prewarmRouteRef, rootRouteRef } from '../routes';

// The pages render their own Page/Header, so the app's default plugin header is switched
// off to avoid showing two. The title and icon make the app's nav items: short, because
// create-app's sidebar cuts labels longer than about 12 characters.

export const rustBuildCachePolicyPage = PageBlueprint.make({
  name: 'policy',
  params: {
    path: '/rust-build-cache/policy',
    title: 'Cache policy',
    icon: <AssessmentIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    noHeader: true,
    loader: () =>
      import('../components/PolicyPage').then(m =>
        compatWrapper(<m.PolicyPage />),
      ),
  },
});

export const rustBuildCachePrewarmPage = PageBlueprint.make({
  name: 'prewarm',
  params: {
    path: '/rust-build-cache/prewarm',
    title: 'Pre-warming',
    icon: <WhatshotIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(prewarmRouteRef),
    noHeader: true,
    loader: () =>
      import('../components/PrewarmPage').then(m =>
        compatWrapper(<m.PrewarmPage />),
      ),
  },
});
