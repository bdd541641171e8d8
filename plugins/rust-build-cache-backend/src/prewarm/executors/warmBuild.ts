import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PrewarmExecutionContext } from '@rust-build-cache/plugin-rust-build-cache-node';
import { LOCAL_EXECUTOR_KEY as KEY } from './executorConfig';
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

/** Compares the warm build's report with the key; differences mean consumers will miss. */
export function keyDifferences(
  key: PrewarmExecutionContext['job']['key'],
  report: {
    dependencies?: { fingerprint?: string } | null;
    toolchain?: { rustc?: { release?: string } | null };
    build?: {
      env?: {
        rustflags?: { set: boolean; sha256: string | null };
        cargoVarNames?: string[];
      };
    };
  },
): string[] {
  const warnings: string[] = [];
  const fingerprint = report.dependencies?.fingerprint;
  if (fingerprint && fingerprint !== key.dependencyFingerprint) {
    warnings.push(
      `the built Cargo.lock (${fingerprint.slice(
        0,
        12,
      )}) is not the consumers' (${key.dependencyFingerprint.slice(
        0,
        12,
      )}): the checkout is at another commit than their builds.`,
    );
  }
  const release = report.toolchain?.rustc?.release;
  if (release && release !== key.rustc) {
    warnings.push(
      `the warm build ran rustc ${release}, the consumers ${key.rustc}: install and pin that toolchain.`,
    );
  }
  const rustflags = report.build?.env?.rustflags;
  const rustflagsSha256 = rustflags?.set ? rustflags.sha256 : null;
  if (rustflags && rustflagsSha256 !== key.rustflagsSha256) {
    warnings.push(
      `RUSTFLAGS of the warm build differ from the consumers' (only their hash is known): set the same value in ${KEY}.env.RUSTFLAGS, or every key misses.`,
    );
  }
  const names = report.build?.env?.cargoVarNames;
  if (names) {
    const missing = key.cargoVarNames.filter(name => !names.includes(name));
    const extra = names.filter(name => !key.cargoVarNames.includes(name));
    if (missing.length > 0 || extra.length > 0) {
      warnings.push(
        `the warm build's CARGO_* variables differ from the consumers'${
          missing.length ? ` (missing: ${missing.join(', ')})` : ''
        }${
          extra.length ? ` (extra: ${extra.join(', ')})` : ''
        }: sccache hashes every CARGO_* variable by name and value; set the consumers' ones in ${KEY}.env.`,
      );
    }
  }
  return warnings;
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
