import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { formatCount } from '../../format';

/**
 * Links to the first `shown` services, then how many more there are (`total` counts all
 * of them; the API lists at most 10 per row).
 */
export function ServiceLinks(props: {
  entityRefs: string[];
  total: number;
  shown?: number;
}) {
  const { entityRefs, total, shown = 3 } = props;
  const listed = entityRefs.slice(0, shown);
  const more = total - listed.length;
  return (
    <span>
      {listed.map((ref, i) => (
        <span key={ref}>
          {i > 0 && ', '}
          <EntityRefLink entityRef={ref} defaultKind="component" />
        </span>
      ))}
      {more > 0 && ` and ${formatCount(more)} more`}
    </span>
  );
}
