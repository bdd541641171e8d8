import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PrewarmExecutionContext } from '@rust-build-cache/plugin-rust-build-cache-node';
import { ChildEnv, runProcess } from './processes';

/**
 * The cargo invocation of a warm build: plain `cargo build --locked` with the consumers'
 * profile and target.
 *
 * Why not "dependencies only": cargo has no stable flag for that. `cargo build -p <dep>` for
 * each dependency resolves features for the selected packages only, so a dependency would
 * be compiled with other features (other rustc arguments, other sccache keys) than in the
 * consumers' `cargo build`. Stubbing the workspace's own sources (cargo-chef's approach)
 * keeps the features but rewrites the checkout. So the warm build runs the same command as
 * the consumers' CI: every dependency is compiled with exactly the consumers' features and
 * arguments, and the workspace's own crates compile too — cheap, and useless to others
 * anyway, because their keys include the checkout directory.
 *
 * `--locked` builds exactly the Cargo.lock of the key's fingerprint. `--target` is passed
 * only for a cross target: it becomes a rustc argument, so passing the host triple
 * explicitly would give other keys than the consumers' plain `cargo build`.
 */
export function cargoBuildArgs(
  key: PrewarmExecutionContext['job']['key'],
  hostTriple: string | null,
): string[] {
  const args = ['build', '--locked', '--timings'];
  if (key.profile === 'release') {
    args.push('--release');
  } else if (key.profile !== 'dev') {
    args.push('--profile', key.profile);
  }
  if (key.target && key.target !== hostTriple) {
    args.push('--target', key.target);
  }
  return args;
}

export async function readRustc(
  cargo: string,
  cwd: string,
  env: ChildEnv,
  signal: AbortSignal,
): Promise<{ release: string; host: string } | null> {
  // The rustc next to cargo, as cargo itself would pick it (or $RUSTC).
  const sibling = join(dirname(cargo), 'rustc');
  const rustc = env.RUSTC ?? (existsSync(sibling) ? sibling : 'rustc');
  try {
    const result = await runProcess(rustc, ['-vV'], {
      cwd,
      env,
      signal,
      captureStdout: true,
    });
    const release = result.stdout.match(/^release: (.+)$/m)?.[1];
    const host = result.stdout.match(/^host: (.+)$/m)?.[1];
    return release && host ? { release, host } : null;
  } catch {
    return null;
  }
}
