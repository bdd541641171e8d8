import { isExactToolchainPin } from '@rust-build-cache/plugin-rust-build-cache-common';
import { InputError } from '@backstage/errors';
import type { EditResult } from './types';

export const TOOLCHAIN_TOML = 'rust-toolchain.toml';
export const LEGACY_TOOLCHAIN = 'rust-toolchain';

/** Throws when `release` does not select exactly one toolchain build. */
export function checkExactRelease(release: string): void {
  if (!isExactToolchainPin(release))
    throw new InputError(
      `release "${release}" is not an exact toolchain: use a release such as 1.95.0 or a dated channel such as nightly-2026-01-01`,
    );
}

const TABLE_HEADER = /^\s*\[\s*([A-Za-z0-9_.\-"' ]+?)\s*\]\s*(#.*)?$/;
const ARRAY_TABLE_HEADER = /^\s*\[\[/;
// `channel = "…"` keeping what follows the value (a comment) as it is.
const CHANNEL_LINE = /^(\s*channel\s*=\s*)("(?:[^"\\]|\\.)*"|'[^']*')(.*)$/;
const DOTTED_CHANNEL_LINE =
  /^(\s*toolchain\s*\.\s*channel\s*=\s*)("(?:[^"\\]|\\.)*"|'[^']*')(.*)$/;

/** The `channel` assignment on a line: `channel =` in [toolchain], `toolchain.channel =` at the top. */
function channelLine(table: string | null, line: string) {
  if (table === 'toolchain') return CHANNEL_LINE.exec(line);
  if (table === null) return DOTTED_CHANNEL_LINE.exec(line);
  return null;
}

/**
 * Sets `channel` in the `[toolchain]` table of a rust-toolchain TOML text, changing only
 * that line (or adding it, or the table): no TOML library here writes a file back with its
 * comments, so this is a line edit. `text` undefined: the file does not exist yet.
 */
export function pinToolchainToml(
  file: string,
  text: string | undefined,
  release: string,
): EditResult {
  checkExactRelease(release);
  const wanted = `"${release}"`;
  if (text === undefined)
    return {
      text: `[toolchain]\nchannel = ${wanted}\n`,
      changes: [
        { file, reason: `created with channel ${release}, an exact release` },
      ],
    };
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  let table: string | null = null;
  let headerIndex = -1;
  let lastToolchainLine = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const header = ARRAY_TABLE_HEADER.test(line)
      ? null
      : TABLE_HEADER.exec(line);
    if (header || ARRAY_TABLE_HEADER.test(line)) {
      table = header ? header[1].replace(/["'\s]/g, '') : '[[array]]';
      if (table === 'toolchain') headerIndex = i;
      continue;
    }
    const match = channelLine(table, line);
    if (table === 'toolchain' && line.trim() && !line.trim().startsWith('#'))
      lastToolchainLine = i;
    if (!match) continue;
    const current = match[2].slice(1, -1);
    if (current === release) return { text, changes: [] };
    lines[i] = `${match[1]}${wanted}${match[3]}`;
    return {
      text: lines.join(newline),
      changes: [
        { file, reason: `channel ${current} → ${release}, an exact release` },
      ],
    };
  }
  if (headerIndex >= 0) {
    // After the table's last key, so that the keys stay together.
    const at = Math.max(headerIndex, lastToolchainLine) + 1;
    lines.splice(at, 0, `channel = ${wanted}`);
    return {
      text: lines.join(newline),
      changes: [
        {
          file,
          reason: `added channel ${release} to [toolchain], an exact release`,
        },
      ],
    };
  }
  const ending = text === '' || text.endsWith('\n') ? '' : newline;
  return {
    text: `${text}${ending}${
      text.trim() ? newline : ''
    }[toolchain]${newline}channel = ${wanted}${newline}`,
    changes: [
      {
        file,
        reason: `added a [toolchain] table with channel ${release}, an exact release`,
      },
    ],
  };
}

/**
 * Updates a legacy `rust-toolchain` file in place: one line is a bare toolchain name,
 * anything else is TOML (as rustup reads it). The reason says that the file is the legacy
 * one, which rustup prefers over rust-toolchain.toml.
 */
export function pinLegacyToolchain(text: string, release: string): EditResult {
  checkExactRelease(release);
  const meaningful = text
    .split(/\r?\n/)
    .filter(line => line.trim() && !line.trim().startsWith('#'));
  const isToml = meaningful.length !== 1 || /[=[]/.test(meaningful[0]);
  if (isToml) {
    const result = pinToolchainToml(LEGACY_TOOLCHAIN, text, release);
    return {
      text: result.text,
      changes: result.changes.map(change => ({
        ...change,
        reason: `${change.reason} (legacy file, updated in place: rustup reads it before rust-toolchain.toml)`,
      })),
    };
  }
  const current = meaningful[0].trim();
  if (current === release) return { text, changes: [] };
  const lines = text.split('\n');
  const at = lines.findIndex(line => line.trim() === current);
  lines[at] = lines[at].replace(current, release);
  return {
    text: lines.join('\n'),
    changes: [
      {
        file: LEGACY_TOOLCHAIN,
        reason: `toolchain ${current} → ${release}, an exact release (legacy file, updated in place: rustup reads it before rust-toolchain.toml)`,
      },
    ],
  };
}
