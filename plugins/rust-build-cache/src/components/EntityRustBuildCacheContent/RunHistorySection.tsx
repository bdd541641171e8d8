import { useCallback, useState } from 'react';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import Grid from '@material-ui/core/Grid';
import { RunComparisonCard } from './RunComparisonCard';
import {
  type CompareRole,
  RunListCard,
  type RunSelection,
} from './RunListCard';

/** The run list and the comparison of the two runs picked in it. */
export function RunHistorySection(props: { entityRef: CompoundEntityRef }) {
  const [selection, setSelection] = useState<RunSelection>({});
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
