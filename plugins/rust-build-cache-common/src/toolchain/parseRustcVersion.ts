import type { RustcInfo, ToolchainFile } from '../report/schema';
import { clip } from '../util/json';
import { classifyChannel } from './parseToolchainFile';

/** Thrown when text is not the output of `rustc -vV`. @public */
export class RustcVersionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RustcVersionError';
  }
}

const FIRST_LINE = /^rustc \S+/;

/**
 * Parses the output of `rustc -vV`:
 * ```
 * rustc 1.95.0 (59807616e 2026-04-14)
 * binary: rustc
 * commit-hash: 59807616e1fa2540724bfbac14d7976d7e4a3860
 * commit-date: 2026-04-14
 * host: x86_64-unknown-linux-gnu
 * release: 1.95.0
 * LLVM version: 22.1.2
 * ```
 * Lines before the `rustc …` line (e.g. rustup's download notes) are skipped; `unknown`
 * hashes and dates (local builds) become null.
 * @public
 */
export function parseRustcVersion(output: string): RustcInfo {
  const lines = output.split(/\r?\n/).map(line => line.trim());
  const start = lines.findIndex(line => FIRST_LINE.test(line));
  if (start < 0) {
    throw new RustcVersionError(
      'no line starting with "rustc <version>": expected the output of `rustc -vV`',
    );
  }
  const version = lines[start];
  const fields = new Map<string, string>();
  for (const line of lines.slice(start + 1)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      fields.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  const known = (key: string, max: number): string | null => {
    const value = fields.get(key);
    return value && value !== 'unknown' ? clip(value, max) : null;
  };
  const commitDate = known('commit-date', 40);
  if (commitDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(commitDate)) {
    throw new RustcVersionError(
      `commit-date must be YYYY-MM-DD (got "${commitDate}")`,
    );
  }
  return {
    // `release:` is only printed with -v; the first line has the same version.
    release: known('release', 100) ?? clip(version.split(' ')[1], 100),
    version: clip(version, 300),
    commitHash: known('commit-hash', 100),
    commitDate,
    host: known('host', 200),
  };
}

/** @public */
export type ToolchainMatchStatus =
  | 'match'
  | 'mismatch'
  | 'floating'
  | 'unpinned'
  | 'unknown';

/**
 * Compares the toolchain file's pin with the rustc that CI reported:
 * - `match`: an exact pin (`1.95.0`, `nightly-2026-01-01`) that CI used;
 * - `mismatch`: CI used another compiler than the file asks for;
 * - `floating`: `stable`, `beta`, `nightly` or `1.95` — each new release changes rustc and
 *   so every sccache key;
 * - `unpinned`: no toolchain file, or one without a channel: the runner's default rustc;
 * - `unknown`: CI did not report rustc, or the pin cannot be checked from `rustc -vV`
 *   (a path or custom toolchain, a dated stable or beta).
 * @public
 */
export function toolchainMatchesRustc(
  file: ToolchainFile | null,
  rustc: RustcInfo | null,
): { status: ToolchainMatchStatus; detail: string } {
  if (file === null) {
    return {
      status: 'unpinned',
      detail:
        'No rust-toolchain file: CI builds with whatever default toolchain the runner has.',
    };
  }
  if (file.path !== null) {
    return {
      status: 'unknown',
      detail: `${file.file} selects the local toolchain at ${file.path}, which cannot be compared.`,
    };
  }
  if (file.channel === null) {
    return {
      status: 'unpinned',
      detail: `${file.file} sets no channel: CI builds with the runner's default toolchain.`,
    };
  }
  const channel = file.channel;
  if (rustc === null) {
    return {
      status: 'unknown',
      detail: `${file.file} pins ${channel}, but the report has no \`rustc -vV\` to compare with.`,
    };
  }
  const used = `CI used rustc ${rustc.release}${
    rustc.commitDate ? ` (${rustc.commitDate})` : ''
  }`;
  const pin = classifyChannel(channel);
  switch (pin.kind) {
    case 'release':
      return rustc.release === pin.version
        ? { status: 'match', detail: `${file.file} pins ${channel}; ${used}.` }
        : {
            status: 'mismatch',
            detail: `${file.file} pins ${channel}, but ${used}.`,
          };
    case 'minor':
      return releaseChannel(rustc.release) === 'stable' &&
        rustc.release.startsWith(`${pin.version}.`)
        ? {
            status: 'floating',
            detail: `${file.file} asks for ${channel}, which moves to each new ${pin.version}.x patch release; ${used}.`,
          }
        : {
            status: 'mismatch',
            detail: `${file.file} asks for ${channel}, but ${used}.`,
          };
    case 'floating':
      return releaseChannel(rustc.release) === pin.channel
        ? {
            status: 'floating',
            detail: `${file.file} follows ${channel}: each new ${channel} release changes rustc, and every sccache key with it; ${used}.`,
          }
        : {
            status: 'mismatch',
            detail: `${file.file} follows ${channel}, but ${used}.`,
          };
    case 'dated':
      return compareDated(
        file.file,
        channel,
        pin.channel,
        pin.date,
        rustc,
        used,
      );
    default:
      return {
        status: 'unknown',
        detail: `${file.file} names the custom toolchain ${channel}, which cannot be compared; ${used}.`,
      };
  }
}

function compareDated(
  fileName: string,
  channel: string,
  expected: 'stable' | 'beta' | 'nightly',
  date: string,
  rustc: RustcInfo,
  used: string,
): { status: ToolchainMatchStatus; detail: string } {
  if (releaseChannel(rustc.release) !== expected || rustc.commitDate === null) {
    return {
      status: rustc.commitDate === null ? 'unknown' : 'mismatch',
      detail: `${fileName} pins ${channel}, but ${used}.`,
    };
  }
  const daysBefore = daysBetween(rustc.commitDate, date);
  if (daysBefore < 0) {
    return {
      status: 'mismatch',
      detail: `${fileName} pins ${channel}, but ${used}, a later compiler.`,
    };
  }
  if (expected !== 'nightly') {
    // A dated stable or beta archive is not tied to its commit date, so only a later
    // compiler or another channel can be told apart.
    return {
      status: 'unknown',
      detail: `${fileName} pins ${channel}; ${used}, which \`rustc -vV\` cannot tie to that date.`,
    };
  }
  // nightly-YYYY-MM-DD is built from the last commit before that day's build, so its
  // commit-date is usually the day before (sometimes the same day): both count as a match.
  return daysBefore <= 1
    ? {
        status: 'match',
        detail: `${fileName} pins ${channel}; ${used}, the commit that nightly is built from.`,
      }
    : {
        status: 'mismatch',
        detail: `${fileName} pins ${channel}, but ${used}, an older nightly.`,
      };
}

/** `1.95.0` → stable, `1.96.0-beta.3` → beta, `1.96.0-nightly` → nightly, `1.96.0-dev` → dev. */
function releaseChannel(release: string): string {
  const suffix = /^\d+\.\d+\.\d+(?:-([a-z]+))?/.exec(release)?.[1];
  return suffix ?? 'stable';
}

/** Whole days from `from` to `to` (both YYYY-MM-DD), negative when `from` is later. */
function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) /
      86_400_000,
  );
}
