import {
  MAX_KEY_INPUT_VARIABLES,
  pathOrSha256Schema,
  type KeyInputs,
  type PathOrSha256,
} from '../report/keyInputs';
import { sha256Hex } from '../util/sha256Hex';

/**
 * The key inputs of a build (see `report/keyInputs.ts`): the absolute workspace directory
 * and cargo home, as paths or, with `redactPaths`, as their sha256; and the sha256 of the
 * value of every `CARGO_*` variable of `env` (never the value). Resolving the cargo home
 * (`CARGO_HOME`, else `$HOME/.cargo`) needs the file system, so the caller passes it.
 * @public
 */
export function collectKeyInputs(options: {
  env: Record<string, string | undefined>;
  workspaceDir: string;
  cargoHome: string | null;
  redactPaths: boolean;
}): KeyInputs {
  const { env, redactPaths } = options;
  // A path the schema cannot hold (a line break, over 2000 characters) is kept as its
  // sha256: a strange path must not cost the build its report.
  const recorded = (path: string): PathOrSha256 =>
    redactPaths || !pathOrSha256Schema.safeParse({ path }).success
      ? { sha256: sha256Hex(path) }
      : { path };
  const cargoVarValueSha256: Record<string, string> = {};
  const names = Object.keys(env)
    .filter(name => name.startsWith('CARGO_') && env[name] !== undefined)
    .filter(name => name.length <= 200 && !name.includes('='))
    .sort()
    .slice(0, MAX_KEY_INPUT_VARIABLES);
  for (const name of names) {
    cargoVarValueSha256[name] = sha256Hex(env[name]!);
  }
  return {
    workspaceDir: recorded(options.workspaceDir),
    cargoHome: options.cargoHome === null ? null : recorded(options.cargoHome),
    cargoVarValueSha256,
  };
}

/**
 * A path's sha256 as `collect --redact-paths` records it, so that a recorded path and a
 * recorded hash of the same path compare equal.
 * @public
 */
export function pathSha256(recorded: PathOrSha256): string {
  return 'sha256' in recorded ? recorded.sha256 : sha256Hex(recorded.path);
}
