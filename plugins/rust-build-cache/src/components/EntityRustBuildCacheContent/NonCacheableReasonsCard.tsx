import { InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Alert from '@material-ui/lab/Alert';
import { describeNonCacheableReason } from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatCount } from '../../format';

function ReasonRow(props: { reason: string; count: number }) {
  const description = describeNonCacheableReason(props.reason);
  // Cargo's probes and never-cacheable crate types are normal in every build: saying so
  // keeps people from chasing a "fix" that does not exist.
  const nothingToFix = description.neverCacheable || description.cargoProbe;
  return (
    <TableRow>
      {/* Reasons are short identifiers: never break them across lines. */}
      <TableCell style={{ whiteSpace: 'nowrap' }}>
        <code>{props.reason}</code>
      </TableCell>
      <TableCell align="right">{formatCount(props.count)}</TableCell>
      <TableCell>{description.cause}</TableCell>
      <TableCell>
        {nothingToFix ? (
          <Chip size="small" label="nothing to fix" />
        ) : (
          description.fix
        )}
      </TableCell>
    </TableRow>
  );
}

function NonCacheableReasons(props: {
  notCached: Record<string, number> | null;
}) {
  const { notCached } = props;
  if (notCached === null) {
    return (
      <Alert severity="info">This report carries no sccache statistics.</Alert>
    );
  }
  const reasons = Object.entries(notCached).sort(([, a], [, b]) => b - a);
  if (reasons.length === 0) {
    return (
      <Alert severity="success">
        sccache could cache every request of this run.
      </Alert>
    );
  }
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>Reason</TableCell>
          <TableCell align="right">Requests</TableCell>
          <TableCell>Cause</TableCell>
          <TableCell>Fix</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {reasons.map(([reason, count]) => (
          <ReasonRow key={reason} reason={reason} count={count} />
        ))}
      </TableBody>
    </Table>
  );
}

/** Why sccache passed requests straight to rustc, reason by reason, with the fix. */
export function NonCacheableReasonsCard(props: {
  notCached: Record<string, number> | null;
}) {
  return (
    <InfoCard title="Non-cacheable requests (latest run)">
      <NonCacheableReasons notCached={props.notCached} />
    </InfoCard>
  );
}
