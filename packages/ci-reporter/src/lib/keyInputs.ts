import { isAbsolute, join, resolve } from 'node:path';
import {
  collectKeyInputs,
  type KeyInputs,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import type { System } from './system';

/**
 * The cargo home cargo uses (its `home` crate): `CARGO_HOME` when set and not empty,
 * relative to the working directory; else `.cargo` in the user's home directory ($HOME,
 * on Windows %USERPROFILE%). Null when none of them is set.
 */
export function resolveCargoHome(
  system: Pick<System, 'env' | 'cwd'>,
): string | null {
  const { env } = system;
  if (env.CARGO_HOME) {
    return isAbsolute(env.CARGO_HOME)
      ? env.CARGO_HOME
      : resolve(system.cwd, env.CARGO_HOME);
  }
  const home = env.HOME || env.USERPROFILE;
  return home ? resolve(system.cwd, join(home, '.cargo')) : null;
}

/** The report's `keyInputs` from the CLI's environment and the (canonical) workspace directory. */
export function readKeyInputs(
  system: Pick<System, 'env' | 'cwd'>,
  workspaceDir: string,
  redactPaths: boolean,
): KeyInputs {
  return collectKeyInputs({
    env: system.env,
    workspaceDir,
    cargoHome: resolveCargoHome(system),
    redactPaths,
  });
}
