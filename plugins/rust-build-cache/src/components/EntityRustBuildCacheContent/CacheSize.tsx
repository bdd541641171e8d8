import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import type { CacheInfo } from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatBytes, formatPercent } from '../../format';

/**
 * How full the cache is. sccache reports no size for remote backends, nor for a local
 * cache before its first use, so "unknown" is the normal answer there, not an error.
 */
export function CacheSize(props: { cache: CacheInfo }) {
  const { size, maxSize } = props.cache;
  if (size === null) {
    return (
      <>
        unknown
        <Typography variant="caption" color="textSecondary" component="p">
          sccache does not report a size for remote backends, nor for a local
          cache that has not been used yet.
        </Typography>
      </>
    );
  }
  if (maxSize === null || maxSize === 0) {
    return <>{formatBytes(size)} (no maximum reported)</>;
  }
  const ratio = size / maxSize;
  return (
    <Box minWidth={160}>
      {formatBytes(size)} of {formatBytes(maxSize)} ({formatPercent(ratio)})
      <LinearProgress
        variant="determinate"
        value={Math.min(100, ratio * 100)}
        aria-label="cache size"
      />
    </Box>
  );
}
