import { WorkflowCachingSetup } from '@rust-build-cache/plugin-rust-build-cache-common';

/** One CI workflow file: its path in the repository and its YAML text. */
export interface WorkflowFile {
  path: string;
  content: string;
}

// The patterns run on the YAML text, not on parsed YAML: the same settings appear as
// `env:` maps, `KEY=value` in `run:` scripts and `>> $GITHUB_ENV` lines, and all count.
// A key is matched bare or quoted, followed by `:` (YAML) or `=` (shell).
const key = (name: string) => `\\b${name}["']?\\s*[:=]\\s*["']?`;

const RUSTC_WRAPPER_SCCACHE = new RegExp(
  // `sccache`, `/usr/local/bin/sccache`, `${{ github.workspace }}/sccache`, `sccache.exe`
  `${key('RUSTC_WRAPPER')}(?:[^\\s"'#]*/)?sccache(?:\\.exe)?(?![\\w-])`,
);
const SCCACHE_ACTION =
  /\buses:\s*["']?mozilla-actions\/sccache-action(?:@|["'\s]|$)/im;
const CARGO_INCREMENTAL_ZERO = new RegExp(
  `${key('CARGO_INCREMENTAL')}0(?![\\w.])`,
);
const SCCACHE_CACHE_SIZE = new RegExp(`${key('SCCACHE_CACHE_SIZE')}[^\\s"'#]`);
/** A release (`1.95`, `1.95.0`) or a dated channel (`nightly-2026-01-01`). */
const VERSION = String.raw`(?:1\.\d+(?:\.\d+)?|(?:stable|beta|nightly)-\d{4}-\d{2}-\d{2})(?![\w.])`;
const TOOLCHAIN_PINS = [
  // dtolnay/rust-toolchain@1.95.0: the ref is the toolchain
  new RegExp(`\\buses:\\s*["']?dtolnay/rust-toolchain@${VERSION}`),
  // `toolchain: 1.95.0` input of dtolnay/rust-toolchain or actions-rs/toolchain
  new RegExp(`^\\s*toolchain:\\s*["']?${VERSION}`, 'm'),
  // rustup toolchain install 1.95.0 / rustup install / rustup default / rustup override set
  new RegExp(
    `\\brustup\\s+(?:toolchain\\s+install|install|default|override\\s+set)\\s+(?:--[\\w-]+(?:[ =][\\w,-]+)?\\s+)*${VERSION}`,
  ),
];

/** Drops whole-line and trailing `#` comments, so commented-out settings do not count. */
function withoutComments(yaml: string): string {
  return yaml
    .split('\n')
    .map(line => line.replace(/(^|\s)#.*$/, ''))
    .join('\n');
}

/** How the given CI workflow files set up caching; every flag is "some file does it". */
export function detectWorkflowCaching(
  files: WorkflowFile[],
): WorkflowCachingSetup {
  const texts = files.map(file => withoutComments(file.content));
  const some = (pattern: RegExp) => texts.some(text => pattern.test(text));
  return {
    files: files.map(file => file.path).sort(),
    setsRustcWrapperSccache: some(RUSTC_WRAPPER_SCCACHE),
    usesSccacheAction: some(SCCACHE_ACTION),
    setsCargoIncrementalZero: some(CARGO_INCREMENTAL_ZERO),
    setsSccacheCacheSize: some(SCCACHE_CACHE_SIZE),
    pinsToolchain: TOOLCHAIN_PINS.some(some),
  };
}
