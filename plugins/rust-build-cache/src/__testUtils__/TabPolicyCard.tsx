import type { CompoundEntityRef } from '@backstage/catalog-model';
import { PolicyCard } from '../components/EntityRustBuildCacheContent/PolicyCard';
import { useEntityScorecard, useReloadKey } from '../hooks';

/** The Policy card fed as the Build cache tab feeds it: by the entity's scorecard hook. */
export function TabPolicyCard(props: { entityRef: CompoundEntityRef }) {
  const [reloadKey, reload] = useReloadKey();
  const scorecard = useEntityScorecard(props.entityRef, reloadKey);
  return (
    <PolicyCard
      entityRef={props.entityRef}
      scorecard={scorecard}
      onChanged={reload}
    />
  );
}
