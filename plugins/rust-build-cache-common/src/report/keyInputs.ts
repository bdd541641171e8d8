import { z } from 'zod';
import { boundedMap, sha256Digest, text } from './fields';

/**
 * What sccache's Rust cache keys depend on beyond the command line, recorded without
 * secrets (see docs/rust-caching-facts-additions.md, section E):
 *
 * - sccache hashes the working directory of every rustc call. Cargo compiles the workspace's
 *   own crates with a working directory in the checkout (and `CARGO_MANIFEST_DIR` pointing
 *   into it), registry crates with their source directory under the cargo home.
 * - sccache hashes the name and value of every `CARGO_*` variable of the rustc call, but
 *   a few (`rustCacheKeyCargoVar` says which, by sccache version).
 */

/** The most variables: as many as `build.env.cargoVarNames` may list. @public */
export const MAX_KEY_INPUT_VARIABLES = 500;

const ABSOLUTE_PATH_MESSAGE =
  'must be an absolute path (/… or a Windows drive path)';

/** An absolute POSIX or Windows path, one line. */
const absolutePath = text(2000, 1)
  // eslint-disable-next-line no-control-regex -- one line, no control characters
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters')
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, ABSOLUTE_PATH_MESSAGE);

/**
 * A path as it was, or with `collect --redact-paths` only the sha256 of its UTF-8 text:
 * equal paths still compare equal, but the report does not show them.
 */
export const pathOrSha256Schema = z.union([
  z.strictObject({ path: absolutePath }),
  z.strictObject({
    sha256: sha256Digest.meta({
      description: 'sha256 of the absolute path (collect --redact-paths).',
    }),
  }),
]);

const cargoVarName = text(200, 1).regex(
  // eslint-disable-next-line no-control-regex -- a NUL is no name either
  /^CARGO_[^=\u0000]*$/,
  "must be a CARGO_* variable name (without '=')",
);

/** @public */
export const keyInputsSchema = z.object({
  /**
   * The workspace's directory in the checkout, absolute: the working directory of the
   * workspace's own crates' compiles.
   */
  workspaceDir: pathOrSha256Schema,
  /**
   * The cargo home in effect (`CARGO_HOME`, else `$HOME/.cargo`), absolute; registry and
   * git sources live under it. Null when neither is known.
   */
  cargoHome: pathOrSha256Schema.nullable(),
  /**
   * sha256 of the value of every `CARGO_*` variable of the build environment, by name;
   * never the value.
   */
  cargoVarValueSha256: boundedMap(
    200,
    sha256Digest,
    MAX_KEY_INPUT_VARIABLES,
    cargoVarName,
  ),
});

/** The report's `keyInputs`: absent in reports of CLIs that do not record them. */
export const reportKeyInputsSchema = keyInputsSchema.optional();

/** @public */
export type PathOrSha256 = z.infer<typeof pathOrSha256Schema>;
/** @public */
export type KeyInputs = z.infer<typeof keyInputsSchema>;
