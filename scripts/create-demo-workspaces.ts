/*
 * Writes the demo repositories' Cargo workspaces to examples/workspaces/<repository>/ —
 * the same packages scripts/record-demo-reports.ts built for the recorded demo reports —
 * with their Cargo.lock, for the demo's `local` pre-warm executor (app-config.yaml,
 * rustBuildCache.prewarm.executors.local.sources). Offline: crates come from Debian's
 * directory source /usr/share/cargo/registry. Then checks that each Cargo.lock has the
 * fingerprint of the recorded reports, so that warm jobs build what the demo's CI built.
 * A repository's hand-written CI workflows (`.github/`, read by the fix preview) are kept.
 *
 *   source scripts/env.sh
 *   node -r @backstage/cli/config/nodeTransform.cjs scripts/create-demo-workspaces.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { analyzeCargoLock } from '../plugins/rust-build-cache-common/src/cargo/analyzeCargoLock';
import {
  createRustWorkspace,
  isolatedEnv,
} from '../packages/ci-reporter/src/testing/rustWorkspace';

const ROOT = resolve(__dirname, '../examples/workspaces');
const REPORTS = resolve(
  __dirname,
  '../packages/backend/src/demoData/real-reports',
);
const SERDE = { serde: '1', serde_derive: '1', serde_json: '1' };
const TINY = { itoa: '1', 'cfg-if': '1' };

// As in scripts/record-demo-reports.ts.
const workspaces = [
  {
    repository: 'billing-api',
    path: '.',
    crateName: 'billing-api',
    deps: SERDE,
  },
  {
    repository: 'ledger-worker',
    path: '.',
    crateName: 'ledger-worker',
    deps: TINY,
  },
  {
    repository: 'search-indexer',
    path: '.',
    crateName: 'search-indexer',
    deps: TINY,
    toolchainChannel: 'nightly',
  },
  {
    repository: 'platform-monorepo',
    path: 'services/gateway',
    crateName: 'edge-gateway',
    deps: SERDE,
  },
  {
    repository: 'platform-monorepo',
    path: 'services/limiter',
    crateName: 'rate-limiter',
    deps: TINY,
  },
  {
    repository: 'platform-monorepo',
    path: 'services/notify',
    crateName: 'notify-worker',
    deps: TINY,
    toolchainChannel: '1.95.0',
    // Its CI builds with a nightly (see scripts/record-demo-reports.ts), and its code has
    // come to rely on it: stable refuses `#![feature]`. So the demo's warm host, which
    // builds with stable, fails on it — the demo's failed pre-warm run, a real one.
    files: {
      'src/lib.rs': [
        '#![feature(never_type)]',
        '',
        'pub use itoa;',
        'pub use cfg_if;',
        '',
        '/// A delivery that cannot fail.',
        'pub type NoError = !;',
        '',
        'pub fn answer() -> u32 {',
        '    42',
        '}',
        '',
      ].join('\n'),
    },
  },
  {
    repository: 'platform-monorepo',
    path: 'services/audit',
    crateName: 'audit-log',
    deps: TINY,
  },
];

/** Fingerprints of the recorded reports, by `repository:workspacePath`. */
function recordedFingerprints(): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const file of readdirSync(REPORTS).filter(f => f.endsWith('.json'))) {
    const report = JSON.parse(readFileSync(join(REPORTS, file), 'utf8'));
    const key = `${report.source.repository.name}:${report.source.workspacePath}`;
    const set = result.get(key) ?? new Set<string>();
    set.add(report.dependencies.fingerprint);
    result.set(key, set);
  }
  return result;
}

async function main() {
  const recorded = recordedFingerprints();
  let mismatches = 0;
  for (const workspace of workspaces) {
    const dir = join(ROOT, workspace.repository, workspace.path);
    for (const entry of existsSync(dir) ? readdirSync(dir) : []) {
      if (entry !== '.github')
        await rm(join(dir, entry), { recursive: true, force: true });
    }
    await createRustWorkspace(dir, {
      name: workspace.crateName,
      deps: workspace.deps,
      toolchainChannel: workspace.toolchainChannel,
      files: workspace.files,
    });
    execFileSync('cargo', ['generate-lockfile', '--offline'], {
      cwd: dir,
      // The toolchain pin (nightly) need not be installed to write a lockfile.
      env: {
        ...isolatedEnv(),
        RUSTUP_TOOLCHAIN: 'stable',
      } as NodeJS.ProcessEnv,
      stdio: 'inherit',
    });
    const { fingerprint } = analyzeCargoLock(
      readFileSync(join(dir, 'Cargo.lock'), 'utf8'),
    );
    const expected = recorded.get(`${workspace.repository}:${workspace.path}`);
    const matches = expected?.has(fingerprint) ?? false;
    if (!matches) mismatches++;
    console.log(
      `${workspace.repository}/${
        workspace.path
      }: Cargo.lock fingerprint ${fingerprint.slice(0, 16)} ${
        matches
          ? 'equals the recorded reports'
          : `differs from the recorded ${[...(expected ?? [])]
              .map(f => f.slice(0, 16))
              .join(', ')}`
      }`,
    );
  }
  if (mismatches > 0) {
    process.exitCode = 1;
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
