import type { ToolchainFile } from '../report/schema';
import { clip, describeValue, isJsonObject } from '../util/json';
import { parseTomlDocument } from '../util/toml';

/** The two toolchain files rustup reads, in the order it prefers them. @public */
export type ToolchainFileName = ToolchainFile['file'];

/** Thrown for a toolchain file rustup would reject; the message names the file and the problem. @public */
export class ToolchainFileError extends Error {
  constructor(readonly file: ToolchainFileName, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'ToolchainFileError';
  }
}

const PROFILES = ['minimal', 'default', 'complete'];
// Toolchain names are printable ASCII without spaces (rustup: US-ASCII channel names).
const TOOLCHAIN_NAME = /^[\x21-\x7e]+$/;

/**
 * Parses `rust-toolchain.toml` or the legacy `rust-toolchain` as rustup does: a legacy
 * file of one line is a bare toolchain name (e.g. `nightly-2021-01-21`); otherwise the
 * file is TOML with a mandatory `[toolchain]` table that has at least one key, and
 * `path` cannot be combined with `channel`.
 * @public
 */
export function parseToolchainFile(
  file: ToolchainFileName,
  content: string,
): ToolchainFile {
  const lines = rustLines(content);
  if (lines.length === 0)
    throw new ToolchainFileError(file, 'the file is empty');

  if (file === 'rust-toolchain' && lines.length === 1) {
    const channel = lines[0].trim();
    if (!channel) throw new ToolchainFileError(file, 'the file is empty');
    return {
      file,
      channel: checkName(file, 'the toolchain name', channel),
      path: null,
      components: [],
      targets: [],
      profile: null,
    };
  }
  return parseTomlToolchain(file, content);
}

/**
 * Picks and parses the toolchain file rustup would use: the legacy `rust-toolchain` wins
 * when both exist (rustup warns and uses it). Absent files are `null` or left out.
 * Returns null when there is neither.
 * @public
 */
export function selectToolchainFile(files: {
  'rust-toolchain'?: string | null;
  'rust-toolchain.toml'?: string | null;
}): ToolchainFile | null {
  const legacy = files['rust-toolchain'];
  if (legacy !== undefined && legacy !== null)
    return parseToolchainFile('rust-toolchain', legacy);
  const toml = files['rust-toolchain.toml'];
  if (toml !== undefined && toml !== null)
    return parseToolchainFile('rust-toolchain.toml', toml);
  return null;
}

/** What a toolchain name pins, following rustup's `<channel>[-<date>][-<host>]` grammar. */
export type ChannelPin =
  /** `stable`, `beta` or `nightly`: moves with every release. */
  | { kind: 'floating'; channel: 'stable' | 'beta' | 'nightly' }
  /** `1.95`: moves with every patch release of 1.95. */
  | { kind: 'minor'; version: string }
  /** `1.95.0`: one release. */
  | { kind: 'release'; version: string }
  /** `nightly-2026-01-01`, `beta-…`, `stable-…`: one dated build. */
  | { kind: 'dated'; channel: 'stable' | 'beta' | 'nightly'; date: string }
  /** A custom toolchain linked with `rustup toolchain link`, or anything else. */
  | { kind: 'custom'; name: string };

const CHANNEL =
  /^(?:(stable|beta|nightly)|(\d+\.\d+)(\.\d+)?)(?:-(\d{4}-\d{2}-\d{2}))?(?:-[a-z0-9_]+(?:-[a-z0-9_.]+){1,3})?$/;

/** Classifies a toolchain name; the host triple suffix, if any, is ignored. */
export function classifyChannel(name: string): ChannelPin {
  const match = CHANNEL.exec(name);
  if (!match) return { kind: 'custom', name };
  const [, named, minor, patch, date] = match;
  if (named) {
    const channel = named as 'stable' | 'beta' | 'nightly';
    return date
      ? { kind: 'dated', channel, date }
      : { kind: 'floating', channel };
  }
  // A version with a date (`1.95.0-2026-04-16`) still names one release.
  return patch
    ? { kind: 'release', version: `${minor}${patch}` }
    : { kind: 'minor', version: minor };
}

/**
 * True when the toolchain name selects exactly one build: a release `1.95.0` (optionally
 * with a host, `1.95.0-x86_64-unknown-linux-gnu`) or a dated channel such as
 * `nightly-2026-01-01`. False for `stable`, `beta`, `nightly`, `1.95` (takes the latest
 * patch), custom names and null.
 * @public
 */
export function isExactToolchainPin(channel: string | null): boolean {
  if (channel === null) return false;
  const pin = classifyChannel(channel);
  return pin.kind === 'release' || pin.kind === 'dated';
}

function parseTomlToolchain(
  file: ToolchainFileName,
  content: string,
): ToolchainFile {
  const parsed = parseTomlDocument(content);
  if (!parsed.ok) throw new ToolchainFileError(file, parsed.problem);
  const toolchain = parsed.document.toolchain;
  if (toolchain === undefined)
    throw new ToolchainFileError(file, 'the [toolchain] table is missing');
  if (!isJsonObject(toolchain))
    throw new ToolchainFileError(file, 'toolchain must be a table');

  const channel = readOptionalString(file, toolchain, 'channel');
  const path = readOptionalString(file, toolchain, 'path');
  const components = readStringList(file, toolchain, 'components');
  const targets = readStringList(file, toolchain, 'targets');
  const profile = readOptionalString(file, toolchain, 'profile');

  if (
    channel === null &&
    path === null &&
    components === null &&
    targets === null &&
    profile === null
  ) {
    throw new ToolchainFileError(
      file,
      '[toolchain] needs at least one of channel, path, components, targets, profile',
    );
  }
  if (channel !== null && path !== null) {
    throw new ToolchainFileError(
      file,
      `cannot set both channel ("${channel}") and path ("${path}")`,
    );
  }
  if (profile !== null && !PROFILES.includes(profile)) {
    throw new ToolchainFileError(
      file,
      `toolchain.profile must be one of ${PROFILES.join(
        ', ',
      )} (got "${profile}")`,
    );
  }
  return {
    file,
    channel:
      channel === null ? null : checkName(file, 'toolchain.channel', channel),
    path: path === null ? null : clip(path, 2000),
    components: components ?? [],
    targets: targets ?? [],
    profile,
  };
}

function readOptionalString(
  file: ToolchainFileName,
  table: Record<string, unknown>,
  key: string,
): string | null {
  const value = table[key];
  if (value === undefined) return null;
  if (typeof value !== 'string' || value.length === 0) {
    throw new ToolchainFileError(
      file,
      `toolchain.${key} must be a non-empty string (got ${describeValue(
        value,
      )})`,
    );
  }
  return value;
}

function readStringList(
  file: ToolchainFileName,
  table: Record<string, unknown>,
  key: string,
): string[] | null {
  const value = table[key];
  if (value === undefined) return null;
  if (
    !Array.isArray(value) ||
    !value.every(item => typeof item === 'string' && TOOLCHAIN_NAME.test(item))
  ) {
    throw new ToolchainFileError(
      file,
      `toolchain.${key} must be a list of names (got ${describeValue(value)})`,
    );
  }
  if (value.length > 100)
    throw new ToolchainFileError(
      file,
      `toolchain.${key} lists ${value.length} names (at most 100)`,
    );
  return value.map(item => clip(item, 200));
}

function checkName(
  file: ToolchainFileName,
  what: string,
  name: string,
): string {
  if (!TOOLCHAIN_NAME.test(name) || name.length > 200) {
    throw new ToolchainFileError(
      file,
      `${what} must be a toolchain name without spaces (got ${describeValue(
        name,
      )})`,
    );
  }
  return name;
}

/** Rust's `str::lines`: split on `\n`, drop one trailing `\r`, no final empty line. */
function rustLines(content: string): string[] {
  const lines = content.split('\n').map(line => line.replace(/\r$/, ''));
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
