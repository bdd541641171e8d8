import {
  pathSha256,
  type PathOrSha256,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import type { PrewarmExecutionContext } from '@rust-build-cache/plugin-rust-build-cache-node';
import { LOCAL_KEY as KEY } from './localConfig';

/** The parts of a warm build's report (parsed JSON, not yet validated) that are compared. */
export interface KeyDifferenceReport {
  dependencies?: { fingerprint?: string } | null;
  toolchain?: { rustc?: { release?: string } | null };
  build?: {
    env?: {
      rustflags?: { set: boolean; sha256: string | null };
      cargoVarNames?: string[];
    };
  };
  keyInputs?: {
    cargoVarValueSha256?: Record<string, string>;
    cargoHome?: PathOrSha256 | null;
  };
}

/** Compares the warm build's report with the key; differences mean consumers will miss. */
export function keyDifferences(
  key: PrewarmExecutionContext['job']['key'],
  report: KeyDifferenceReport,
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
  warnings.push(...valueDifferences(key, report.keyInputs));
  return warnings;
}

/**
 * Variables both set whose values differ (by sha256), and another cargo home: sccache
 * hashes CARGO_* values and the working directory, which for registry crates is under the
 * cargo home. Only for keys and reports with key inputs.
 */
function valueDifferences(
  key: PrewarmExecutionContext['job']['key'],
  inputs: KeyDifferenceReport['keyInputs'],
): string[] {
  if (!inputs || !key.cargoVarValueSha256) return [];
  const warnings: string[] = [];
  const built = inputs.cargoVarValueSha256 ?? {};
  for (const [name, sha256] of Object.entries(key.cargoVarValueSha256)) {
    if (built[name] !== undefined && built[name] !== sha256) {
      warnings.push(
        `the warm build's value of ${name} (sha256 ${built[name].slice(
          0,
          12,
        )}) is not its group's (sha256 ${sha256.slice(
          0,
          12,
        )}): sccache hashes CARGO_* values into every Rust key; set the consumers' value in ${KEY}.env.`,
      );
    }
  }
  const cargoHome = inputs.cargoHome ? pathSha256(inputs.cargoHome) : null;
  if (key.cargoHomeSha256 && cargoHome && cargoHome !== key.cargoHomeSha256) {
    warnings.push(
      `the warm build's cargo home (${
        inputs.cargoHome && 'path' in inputs.cargoHome
          ? inputs.cargoHome.path
          : `sha256 ${cargoHome.slice(0, 12)}`
      }) is not its group's (sha256 ${key.cargoHomeSha256.slice(
        0,
        12,
      )}): registry crates compiled under another cargo home miss for the consumers; set CARGO_HOME to their path in ${KEY}.env.`,
    );
  }
  return warnings;
}
