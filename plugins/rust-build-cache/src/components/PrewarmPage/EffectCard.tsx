import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLink, entityRouteRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  ConsumerRunStats,
  WarmGroupEffect,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  formatCount,
  formatPercent,
  formatSeconds,
  formatTimestamp,
} from '../../format';
import { usePrewarmEffect } from '../../hooks';
import { WarmGroupKeyView } from './WarmGroupKeyView';

export const EFFECT_DAYS = 30;

const METRICS: Array<{
  label: string;
  value: (stats: ConsumerRunStats) => string;
}> = [
  { label: 'CI runs', value: stats => formatCount(stats.runs) },
  { label: 'Rust hit rate', value: stats => formatPercent(stats.hitRate) },
  {
    label: 'Rust effective hit rate',
    value: stats => formatPercent(stats.effectiveHitRate),
  },
  {
    label: 'Mean build time',
    value: stats => formatSeconds(stats.meanBuildSeconds),
  },
];

/**
 * Where the entity tab's run comparison of the two runs lives: the consumer's Build cache
 * tab, which opens the comparison of `compareBase` and `compareHead`.
 */
function useCompareLink(
  entityRef: string | undefined,
  compare: { base: string; head: string } | null,
): string | undefined {
  const entityRoute = useRouteRef(entityRouteRef);
  if (!entityRef) return undefined;
  const { kind, namespace, name } = parseEntityRef(entityRef);
  const tab = `${entityRoute({ kind, namespace, name })}/build-cache`;
  if (!compare) return tab;
  const query = new URLSearchParams({
    compareBase: compare.base,
    compareHead: compare.head,
  });
  return `${tab}?${query}`;
}

function KeyMismatch(props: { effect: WarmGroupEffect }) {
  const { effect } = props;
  const mismatch = effect.keyMismatch!;
  const consumer = effect.entityRefs[0];
  const link = useCompareLink(consumer, mismatch.compare);
  return (
    <Alert severity="warning" data-testid="key-mismatch">
      <strong>Cache keys do not match.</strong> {mismatch.message}
      {link && (
        <Box mt={1}>
          <Link to={link}>
            {mismatch.compare
              ? 'Compare the warm build with a consumer run'
              : "Open the consumer's Build cache tab"}
          </Link>
        </Box>
      )}
    </Alert>
  );
}

/** Figures and their headers on one line: "88.9%", not "88.9" over "%". */
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

function BeforeAfter(props: { effect: WarmGroupEffect }) {
  const { before, after } = props.effect;
  return (
    <Table size="small" aria-label="before and after pre-warming">
      <TableHead>
        <TableRow>
          <TableCell />
          <TableCell align="right" style={NO_WRAP}>
            Before
          </TableCell>
          <TableCell align="right" style={NO_WRAP}>
            After
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {METRICS.map(metric => (
          <TableRow key={metric.label}>
            <TableCell component="th" scope="row">
              {metric.label}
            </TableCell>
            <TableCell align="right" style={NO_WRAP}>
              {metric.value(before)}
            </TableCell>
            <TableCell align="right" style={NO_WRAP}>
              {metric.value(after)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function EffectRow(props: { effect: WarmGroupEffect }) {
  const { effect } = props;
  return (
    <TableRow data-testid={`effect-${effect.groupId}`}>
      <TableCell style={{ verticalAlign: 'top' }}>
        <WarmGroupKeyView keyOf={effect.key} />
        <Box mt={1}>
          {effect.entityRefs.map(ref => (
            <div key={ref}>
              <EntityRefLink entityRef={ref} />
            </div>
          ))}
        </Box>
      </TableCell>
      <TableCell style={{ verticalAlign: 'top' }}>
        {effect.lastWarmJob ? (
          <>
            <Typography variant="body2">
              {formatTimestamp(effect.lastWarmJob.finishedAt)}
            </Typography>
            <Typography variant="caption" color="textSecondary">
              {formatCount(effect.lastWarmJob.cacheWrites)} cache writes
            </Typography>
          </>
        ) : (
          <Chip size="small" label="not warmed yet" />
        )}
      </TableCell>
      <TableCell style={{ verticalAlign: 'top', minWidth: 320 }}>
        <BeforeAfter effect={effect} />
        {effect.keyMismatch && (
          <Box mt={1}>
            <KeyMismatch effect={effect} />
          </Box>
        )}
      </TableCell>
    </TableRow>
  );
}

/**
 * Did pre-warming pay? Per warm group, the consumers' CI runs after its latest successful
 * warm job against those before, and a flag where consumers still miss.
 */
export function EffectCard(props: { reloadKey: number }) {
  const { loading, error, value } = usePrewarmEffect(
    EFFECT_DAYS,
    props.reloadKey,
  );
  let body: React.ReactNode;
  if (loading && !value) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  else if (!value || value.length === 0) {
    body = (
      <Typography variant="body2" data-testid="no-effect">
        Nothing to compare yet: a group shows up here once a warm job for it has
        succeeded. Its consumers' CI runs after that job are then compared with
        those before it.
      </Typography>
    );
  } else {
    body = (
      <Table size="small" aria-label="effect of pre-warming">
        <TableHead>
          <TableRow>
            <TableCell>Warm group</TableCell>
            <TableCell>Last warm job</TableCell>
            <TableCell>Consumer CI runs before vs after</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.map(effect => (
            <EffectRow key={effect.groupId} effect={effect} />
          ))}
        </TableBody>
      </Table>
    );
  }
  return (
    <InfoCard
      title="Did pre-warming pay?"
      subheader={`Consumer CI runs of the last ${EFFECT_DAYS} days, before and after each group's latest successful warm job`}
    >
      {body}
    </InfoCard>
  );
}
