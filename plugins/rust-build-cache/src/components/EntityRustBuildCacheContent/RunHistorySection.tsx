import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import Grid from '@material-ui/core/Grid';
import { RunComparisonCard } from './RunComparisonCard';
import {
  type CompareRole,
  RunListCard,
  type RunSelection,
} from './RunListCard';

/**
 * The run list and the comparison of the two runs picked in it. A link can open a
 * comparison directly with `?compareBase=<run id>&compareHead=<run id>` (the pre-warming
 * page does, for a warm build whose consumers still miss).
 */
export function RunHistorySection(props: { entityRef: CompoundEntityRef }) {
  const [searchParams] = useSearchParams();
  const [selection, setSelection] = useState<RunSelection>(() => ({
    baseId: searchParams.get('compareBase') ?? undefined,
    headId: searchParams.get('compareHead') ?? undefined,
  }));
  const selectRun = useCallback((role: CompareRole, runId: string) => {
    setSelection(current =>
      role === 'base'
        ? { ...current, baseId: runId }
        : { ...current, headId: runId },
    );
  }, []);
  return (
    <>
      <Grid item xs={12}>
        <RunListCard
          entityRef={props.entityRef}
          selection={selection}
          onSelect={selectRun}
        />
      </Grid>
      <Grid item xs={12}>
        <RunComparisonCard selection={selection} />
      </Grid>
    </>
  );
}
