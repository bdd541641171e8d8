import { InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Alert from '@material-ui/lab/Alert';
import {
  describeNonCacheableReason,
  type NonCacheableReason,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatCount } from '../../format';

const COMPILER_LABELS: Record<NonCacheableReason['compiler'], string> = {
  rust: 'rustc',
  'c-family': 'C/C++ compiler',
  unknown: 'compiler',
};

/** One cell of texts, labelled by compiler when the reason may come from several. */
function PerCompiler(props: {
  descriptions: NonCacheableReason[];
  text: (description: NonCacheableReason) => string;
}) {
  const { descriptions, text } = props;
  if (descriptions.length === 1) return <>{text(descriptions[0])}</>;
  return (
    <>
      {descriptions.map(description => (
        <p key={description.compiler} style={{ margin: '0 0 4px' }}>
          <strong>{COMPILER_LABELS[description.compiler]}:</strong>{' '}
          {text(description)}
        </p>
      ))}
    </>
  );
}

function ReasonRow(props: {
  reason: string;
  count: number;
  languages: string[];
}) {
  const descriptions = describeNonCacheableReason(
    props.reason,
    props.languages,
  );
  // Cargo's probes and never-cacheable crate types are normal in every build: saying so
  // keeps people from chasing a "fix" that does not exist.
  const nothingToFix = descriptions.every(
    d => d.neverCacheable || d.cargoProbe,
  );
  return (
    <TableRow>
      {/* Reasons are short identifiers: never break them across lines. */}
      <TableCell style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
        <code>{props.reason}</code>
      </TableCell>
      <TableCell align="right" style={{ verticalAlign: 'top' }}>
        {formatCount(props.count)}
      </TableCell>
      <TableCell style={{ verticalAlign: 'top' }}>
        <PerCompiler descriptions={descriptions} text={d => d.cause} />
      </TableCell>
      <TableCell style={{ verticalAlign: 'top' }}>
        {nothingToFix ? (
          <Chip size="small" label="nothing to fix" />
        ) : (
          <PerCompiler descriptions={descriptions} text={d => d.fix} />
        )}
      </TableCell>
    </TableRow>
  );
}

function NonCacheableReasons(props: {
  notCached: Record<string, number> | null;
  languages: string[];
}) {
  const { notCached, languages } = props;
  if (notCached === null) {
    return (
      <Alert severity="info">This report carries no sccache statistics.</Alert>
    );
  }
  const reasons = Object.entries(notCached)
    .filter(([, count]) => count > 0)
    .sort(([, a], [, b]) => b - a);
  if (reasons.length === 0) {
    return (
      <Alert severity="success">
        sccache could cache every request of this run.
      </Alert>
    );
  }
  const shared = reasons.some(
    ([reason]) => describeNonCacheableReason(reason, languages).length > 1,
  );
  return (
    <>
      {shared && (
        <Alert severity="info" style={{ marginBottom: 8 }}>
          This run compiled Rust and C/C++ through sccache. sccache does not say
          which compiler reported a reason, so reasons both report show the
          cause and fix for each.
        </Alert>
      )}
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
            <ReasonRow
              key={reason}
              reason={reason}
              count={count}
              languages={languages}
            />
          ))}
        </TableBody>
      </Table>
    </>
  );
}

/** Why sccache passed requests straight to the compiler, reason by reason, with the fix. */
export function NonCacheableReasonsCard(props: {
  notCached: Record<string, number> | null;
  /** The language groups the run compiled (`Rust`, `C/C++`, …), to tell whose reason it is. */
  languages: string[];
}) {
  return (
    <InfoCard title="Non-cacheable requests (latest run)">
      <NonCacheableReasons
        notCached={props.notCached}
        languages={props.languages}
      />
    </InfoCard>
  );
}
