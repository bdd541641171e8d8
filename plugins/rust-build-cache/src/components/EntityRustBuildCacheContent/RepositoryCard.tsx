import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import CheckIcon from '@material-ui/icons/CheckCircleOutline';
import MissingIcon from '@material-ui/icons/RemoveCircleOutline';
import Alert from '@material-ui/lab/Alert';
import {
  toolchainMatchesRustc,
  type RepositorySnapshot,
  type RepositorySnapshotChange,
  type RustcInfo,
  type WorkflowCachingSetup,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { NOT_AVAILABLE, formatTimestamp } from '../../format';
import { LabelledRows } from './LabelledRows';
import { STATUS_ALERTS, describePin } from './ToolchainPinCard';

/** The value of the repository snapshot hook. */
export interface RepositorySnapshotState {
  loading: boolean;
  error?: Error;
  value?: {
    snapshot: RepositorySnapshot | null;
    history: RepositorySnapshotChange[];
  };
}

const CHECKLIST: Array<{
  key: Exclude<keyof WorkflowCachingSetup, 'files'>;
  label: string;
  why: string;
}> = [
  {
    key: 'setsRustcWrapperSccache',
    label: 'RUSTC_WRAPPER=sccache',
    why: 'Without the wrapper cargo calls rustc directly and nothing goes through the cache.',
  },
  {
    key: 'usesSccacheAction',
    label: 'sccache set-up action',
    why: 'Installs sccache on the runner, so the wrapper has a binary to run.',
  },
  {
    key: 'setsCargoIncrementalZero',
    label: 'CARGO_INCREMENTAL=0',
    why: 'sccache cannot cache incremental compiles, so workspace crates would never hit.',
  },
  {
    key: 'setsSccacheCacheSize',
    label: 'SCCACHE_CACHE_SIZE',
    why: 'The local cache is size-bounded (10G by default) and drops the least recently used entries when full.',
  },
  {
    key: 'pinsToolchain',
    label: 'Toolchain pinned',
    why: 'Every rustc release changes every sccache key; an explicit version keeps the cache valid between runs.',
  },
];

/** Fingerprints are SHA-256 hex: the first 12 characters tell them apart. */
function shortFingerprint(fingerprint: string | null | undefined): string {
  return fingerprint ? fingerprint.slice(0, 12) : NOT_AVAILABLE;
}

function describeChangeValue(
  change: RepositorySnapshotChange,
  value: string | null,
): string {
  if (value === null) return 'none';
  return change.field === 'dependencies' ? shortFingerprint(value) : value;
}

function PinComparison(props: {
  snapshot: RepositorySnapshot;
  rustc: RustcInfo | null;
}) {
  const { snapshot, rustc } = props;
  const { status, detail } = toolchainMatchesRustc(
    snapshot.toolchainFile,
    rustc,
  );
  const alert = STATUS_ALERTS[status];
  return (
    <Alert
      severity={alert.severity}
      data-testid={`repository-toolchain-${status}`}
    >
      <strong>{alert.title}.</strong> {detail}
    </Alert>
  );
}

function WorkflowChecklist(props: { workflows: WorkflowCachingSetup | null }) {
  const { workflows } = props;
  if (!workflows) {
    return (
      <Typography variant="body2" color="textSecondary">
        No CI workflow files were read.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="workflow caching setup">
      <TableBody>
        {CHECKLIST.map(item => {
          const done = workflows[item.key];
          return (
            <TableRow key={item.key} data-testid={`check-${item.key}`}>
              <TableCell style={{ width: 32 }}>
                {done ? (
                  <CheckIcon
                    titleAccess="set"
                    color="primary"
                    fontSize="small"
                  />
                ) : (
                  <MissingIcon
                    titleAccess="not set"
                    color="error"
                    fontSize="small"
                  />
                )}
              </TableCell>
              <TableCell>
                <code>{item.label}</code>
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="p"
                >
                  {item.why}
                </Typography>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

function ChangeHistory(props: { history: RepositorySnapshotChange[] }) {
  const { history } = props;
  if (history.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No changes of the pin or of the dependencies seen yet.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="pin and dependency changes">
      <TableHead>
        <TableRow>
          <TableCell>When</TableCell>
          <TableCell>What</TableCell>
          <TableCell>From</TableCell>
          <TableCell>To</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {history.map(change => (
          <TableRow key={`${change.at}-${change.field}`}>
            <TableCell>{formatTimestamp(change.at)}</TableCell>
            <TableCell>
              {change.field === 'toolchain'
                ? 'Toolchain pin'
                : 'Dependency fingerprint'}
            </TableCell>
            <TableCell>{describeChangeValue(change, change.from)}</TableCell>
            <TableCell>{describeChangeValue(change, change.to)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function SnapshotContent(props: {
  snapshot: RepositorySnapshot;
  history: RepositorySnapshotChange[];
  rustc: RustcInfo | null;
}) {
  const { snapshot, history, rustc } = props;
  const lock = snapshot.dependencies;
  return (
    <>
      {snapshot.problems.map(problem => (
        <Alert key={problem} severity="warning" data-testid="snapshot-problem">
          {problem}
        </Alert>
      ))}
      <PinComparison snapshot={snapshot} rustc={rustc} />
      <LabelledRows
        rows={[
          {
            label: 'Committed pin',
            value: describePin(snapshot.toolchainFile),
          },
          {
            label: 'rustc used in CI',
            value: rustc?.version ?? 'not reported',
          },
          {
            label: 'Cargo.lock',
            value: snapshot.cargoLockCommitted
              ? `committed${
                  lock?.lockVersion ? ` (version ${lock.lockVersion})` : ''
                }`
              : 'not committed: every CI run may resolve other dependency versions',
          },
          {
            label: 'Dependency fingerprint',
            value: shortFingerprint(lock?.fingerprint),
          },
        ]}
      />
      <Typography variant="subtitle2" component="h3" style={{ marginTop: 16 }}>
        CI workflow caching setup
      </Typography>
      <WorkflowChecklist workflows={snapshot.workflows} />
      <Typography variant="subtitle2" component="h3" style={{ marginTop: 16 }}>
        Changes
      </Typography>
      <ChangeHistory history={history} />
    </>
  );
}

function RepositoryBody(props: {
  state: RepositorySnapshotState;
  rustc: RustcInfo | null;
}) {
  const { state, rustc } = props;
  if (state.loading) return <Progress />;
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  if (!state.value?.snapshot) {
    return (
      <Typography variant="body2" data-testid="snapshot-empty">
        The repository has not been read yet: snapshots are taken on a schedule,
        or press Refresh now.
      </Typography>
    );
  }
  return (
    <SnapshotContent
      snapshot={state.value.snapshot}
      history={state.value.history}
      rustc={rustc}
    />
  );
}

/**
 * What the repository's default branch commits (toolchain pin, Cargo.lock, CI workflow
 * caching setup) against the rustc CI reported in the latest run.
 */
export function RepositoryCard(props: {
  snapshot: RepositorySnapshotState;
  rustc: RustcInfo | null;
}) {
  const { snapshot, rustc } = props;
  const read = snapshot.value?.snapshot;
  return (
    <InfoCard
      title="Repository (default branch)"
      subheader={
        read
          ? `${read.repository} · ${
              read.workspacePath
            } · read ${formatTimestamp(read.readAt)}`
          : undefined
      }
    >
      <RepositoryBody state={snapshot} rustc={rustc} />
    </InfoCard>
  );
}
