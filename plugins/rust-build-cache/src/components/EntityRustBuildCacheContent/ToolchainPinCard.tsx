import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  toolchainFileProblem,
  toolchainMatchesRustc,
  type BuildCacheReport,
  type ToolchainFile,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { LabelledRows } from './LabelledRows';

type ToolchainStatus = ReturnType<typeof toolchainMatchesRustc>['status'];

export const STATUS_ALERTS: Record<
  ToolchainStatus,
  { severity: 'success' | 'info' | 'warning' | 'error'; title: string }
> = {
  match: { severity: 'success', title: 'CI used the pinned toolchain' },
  mismatch: {
    severity: 'error',
    title: 'CI used a different rustc than the committed pin',
  },
  floating: {
    severity: 'warning',
    title: 'The pin names a channel that moves (e.g. stable)',
  },
  unpinned: { severity: 'warning', title: 'No toolchain pin is committed' },
  unknown: {
    severity: 'info',
    title: 'Cannot tell whether CI matched the pin',
  },
};

export function describePin(file: ToolchainFile | null): string {
  if (!file) return 'none committed';
  const toolchain = file.channel ?? file.path ?? 'no channel';
  return `${toolchain} (${file.file})`;
}

/**
 * The committed toolchain pin next to the rustc CI really used; a mismatch stands out, and
 * so does a toolchain file that collect could not read.
 */
export function ToolchainPinCard(props: {
  report: Pick<BuildCacheReport, 'toolchain' | 'problems'>;
}) {
  const { file, rustc } = props.report.toolchain;
  const broken = toolchainFileProblem(props.report);
  const { status, detail } = toolchainMatchesRustc(file, rustc);
  const alert = STATUS_ALERTS[status];
  return (
    <InfoCard title="Toolchain pin (latest run)">
      {broken ? (
        <Alert severity="error" data-testid="toolchain-broken">
          <strong>The toolchain file is broken.</strong> {broken.file}:{' '}
          {broken.message}. A toolchain file that cannot be read pins nothing;
          fix it so that rustup can use it.
        </Alert>
      ) : (
        <Alert severity={alert.severity} data-testid={`toolchain-${status}`}>
          <strong>{alert.title}.</strong> {detail}
        </Alert>
      )}
      <LabelledRows
        rows={[
          {
            label: 'Committed pin',
            value: broken ? `broken (${broken.file})` : describePin(file),
          },
          {
            label: 'rustc used in CI',
            value: rustc?.version ?? 'not reported',
          },
        ]}
      />
      <Typography variant="caption" color="textSecondary" component="p">
        The rustc version is part of every sccache key: a run on another rustc
        than the one that filled the cache misses on every crate.
      </Typography>
    </InfoCard>
  );
}
