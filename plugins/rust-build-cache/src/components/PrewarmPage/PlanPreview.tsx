import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  PrewarmScope,
  WarmGroup,
  WarmPlan,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatCount, shortCommit } from '../../format';
import { useWarmPlan } from '../../hooks';
import { WarmGroupKeyView } from './WarmGroupKeyView';

function GroupRow(props: { group: WarmGroup; rank: number }) {
  const { group, rank } = props;
  const { representative } = group;
  return (
    <TableRow data-testid="warm-group">
      <TableCell>{rank}</TableCell>
      <TableCell>
        <WarmGroupKeyView keyOf={group.key} />
      </TableCell>
      <TableCell>
        <EntityRefLink entityRef={representative.entityRef} />
        <Typography variant="caption" component="div" color="textSecondary">
          {representative.repository}
          {representative.workspacePath !== '.' &&
            ` · ${representative.workspacePath}`}
          {' @ '}
          {representative.commit
            ? shortCommit(representative.commit)
            : 'default branch'}
        </Typography>
      </TableCell>
      <TableCell>
        {group.entityRefs.map(ref => (
          <div key={ref}>
            <EntityRefLink entityRef={ref} />
          </div>
        ))}
      </TableCell>
      <TableCell align="right">
        {formatCount(Math.round(group.expectedBenefit))}
      </TableCell>
    </TableRow>
  );
}

/** A warm plan: one job per group, highest expected benefit first. */
export function WarmPlanView(props: { plan: WarmPlan }) {
  const { plan } = props;
  const groups = [...plan.groups].sort(
    (a, b) => b.expectedBenefit - a.expectedBenefit,
  );
  const served = groups.reduce((sum, g) => sum + g.entityRefs.length, 0);
  return (
    <Box data-testid="warm-plan">
      {groups.length === 0 ? (
        <Alert severity="info">
          No warm groups: nothing in this scope can be planned yet.
        </Alert>
      ) : (
        <>
          <Typography variant="body2" paragraph>
            {formatCount(groups.length)} warm{' '}
            {groups.length === 1 ? 'job' : 'jobs'} for {formatCount(served)}{' '}
            {served === 1 ? 'entity' : 'entities'};{' '}
            {formatCount(plan.deduplicated)} deduplicated (already covered by
            another entity's job).
          </Typography>
          <Table size="small" aria-label="warm groups">
            <TableHead>
              <TableRow>
                <TableCell>#</TableCell>
                <TableCell>Build key</TableCell>
                <TableCell>Builds</TableCell>
                <TableCell>Serves</TableCell>
                <TableCell
                  align="right"
                  title="misses × compile seconds × entities served, from the latest CI reports"
                >
                  Expected benefit
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {groups.map((group, index) => (
                <GroupRow key={group.id} group={group} rank={index + 1} />
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {plan.skipped.length > 0 && (
        <Box mt={2}>
          <Typography variant="subtitle2">
            Skipped ({formatCount(plan.skipped.length)})
          </Typography>
          <ul aria-label="skipped entities">
            {plan.skipped.map(skip => (
              <li key={skip.entityRef}>
                <EntityRefLink entityRef={skip.entityRef} />: {skip.reason}
              </li>
            ))}
          </ul>
        </Box>
      )}
    </Box>
  );
}

/** Loads and shows the plan of a saved schedule or of a scope being edited. */
export function PlanPreview(props: {
  target: { scheduleId: string } | { scope: PrewarmScope };
}) {
  const { loading, error, value } = useWarmPlan(props.target);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  return <WarmPlanView plan={value} />;
}
