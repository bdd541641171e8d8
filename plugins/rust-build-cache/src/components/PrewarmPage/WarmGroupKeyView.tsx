import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { WarmGroupKey } from '@rust-build-cache/plugin-rust-build-cache-common';
import { NOT_AVAILABLE } from '../../format';
import { keyHeadline, shortHash } from './prewarmFormat';

/**
 * The cache-key inputs a warm build reproduces: toolchain, target, profile, RUSTFLAGS
 * hash, CARGO_* names, cache backend and location, and the Cargo.lock fingerprint.
 */
export function WarmGroupKeyView(props: { keyOf: WarmGroupKey }) {
  const key = props.keyOf;
  const location = [key.cacheBackend, key.cacheLocation]
    .filter(Boolean)
    .join(' ');
  return (
    <Box>
      <Typography variant="body2">
        <strong>{keyHeadline(key)}</strong>
      </Typography>
      <Typography variant="caption" component="div" color="textSecondary">
        RUSTFLAGS{' '}
        {key.rustflagsSha256 ? (
          <code title={key.rustflagsSha256}>
            {shortHash(key.rustflagsSha256)}
          </code>
        ) : (
          'unset'
        )}
        {' · '}CARGO_* vars{' '}
        {key.cargoVarNames.length ? (
          <code>{key.cargoVarNames.join(' ')}</code>
        ) : (
          'none'
        )}
      </Typography>
      <Typography variant="caption" component="div" color="textSecondary">
        cache <code>{location || NOT_AVAILABLE}</code>
        {' · '}Cargo.lock{' '}
        <code title={key.dependencyFingerprint}>
          {shortHash(key.dependencyFingerprint)}
        </code>
      </Typography>
    </Box>
  );
}
