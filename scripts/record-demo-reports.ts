/*
 * Records the real build-cache reports that the demo data is made from: real cargo builds
 * through a real sccache (Debian's 0.4.0 here), collected by the real CLI. Run from the
 * repository root after `./scripts/start` or `./scripts/test` installed everything:
 *
 *   source scripts/env.sh
 *   node -r @backstage/cli/config/nodeTransform.cjs scripts/record-demo-reports.ts
 *
 * It writes packages/backend/src/demoData/real-reports/<scenario>.json. Each scenario is
 * one demo service's situation, produced for real; only the workspace path is set afterwards,
 * because the builds ran in a temporary directory.
 */
import { execFile } from 'node:child_process';
import {
  appendFile,
  mkdtemp,
  readdir,
  readFile,
  rm,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  createRustWorkspace,
  findRustTools,
  isolatedEnv,
  startSccacheServer,
  type ProcessEnv,
} from '../packages/ci-reporter/src/testing/rustWorkspace';

const CLI = resolve(__dirname, '../packages/ci-reporter/bin/rust-build-cache');
const OUT = resolve(__dirname, '../packages/backend/src/demoData/real-reports');
const SERDE = {
  serde: '1',
  serde_derive: '1',
  serde_json: '1',
};
const TINY = { itoa: '1', 'cfg-if': '1' };

interface Build {
  /** Written to real-reports/<record>.json; builds without it only fill the cache. */
  record?: string;
  /** Extra build environment on top of the sccache defaults (CARGO_INCREMENTAL=0). */
  env?: ProcessEnv;
  /** Variables to drop from the defaults, e.g. CARGO_INCREMENTAL for the dev default. */
  unset?: string[];
  timings?: boolean;
  /** `cargo build --release`: another profile, so other cache keys. */
  release?: boolean;
  /** What changed in the workspace or the cache since the build before, done for real. */
  change?: (context: { dir: string; cacheDir: string }) => Promise<void>;
}

interface Scenario {
  repository: string;
  workspacePath: string;
  crateName: string;
  deps: Record<string, string>;
  toolchainChannel?: string;
  /** In order, each into a fresh --target-dir, all on one shared sccache cache. */
  builds: Build[];
}

/** A commit that edits the workspace crate: only its own compile units change keys. */
const editWorkspaceCrate: Build['change'] = ({ dir }) =>
  appendFile(
    join(dir, 'src', 'lib.rs'),
    '\npub fn revision() -> u32 {\n    2\n}\n',
  );

/** A commit that adds a dependency: Cargo.toml and Cargo.lock change, one crate is new. */
const addDependency =
  (name: string, requirement: string): Build['change'] =>
  ({ dir }) =>
    // [dependencies] is the last table of the generated Cargo.toml.
    appendFile(join(dir, 'Cargo.toml'), `${name} = "${requirement}"\n`);

/**
 * A size-bounded cache evicted entries: every second cache file is deleted (the server is
 * restarted around it, as sccache 0.4 reads its disk index at start).
 */
const evictHalfOfCache: Build['change'] = async ({ cacheDir }) => {
  const files = (
    await readdir(cacheDir, { recursive: true, withFileTypes: true })
  )
    .filter(entry => entry.isFile())
    .map(entry => join(entry.parentPath, entry.name))
    .sort();
  await Promise.all(
    files.filter((_, index) => index % 2 === 0).map(file => rm(file)),
  );
};

// All scenarios share one cache directory, as the org's services share one sccache
// bucket: a crate compiled for one service is a hit for the next.
const scenarios: Scenario[] = [
  {
    // Healthy: CARGO_INCREMENTAL=0; the first build fills the cache, the second hits it.
    repository: 'github.com/acme-demo/billing-api',
    workspacePath: '.',
    crateName: 'billing-api',
    deps: SERDE,
    builds: [
      { record: 'billing-api-cold', timings: true },
      { record: 'billing-api-warm', timings: true },
      // The usual CI run: a commit to the service's own code.
      { record: 'billing-api-code-change', change: editWorkspaceCrate },
      // A commit that adds a dependency to Cargo.toml and Cargo.lock.
      {
        record: 'billing-api-dependency-added',
        change: addDependency('cfg-if', '1'),
      },
    ],
  },
  {
    // CARGO_INCREMENTAL left to the dev profile default: the workspace crate is never cached.
    repository: 'github.com/acme-demo/ledger-worker',
    workspacePath: '.',
    crateName: 'ledger-worker',
    deps: TINY,
    builds: [
      {
        record: 'ledger-worker-cold',
        unset: ['CARGO_INCREMENTAL'],
        timings: true,
      },
      { record: 'ledger-worker-warm', unset: ['CARGO_INCREMENTAL'] },
      // Its nightly release job: the release profile has other keys (a cold first build)
      // and compiles without incremental, so there the workspace crate is cached too.
      {
        record: 'ledger-worker-release-cold',
        unset: ['CARGO_INCREMENTAL'],
        release: true,
      },
      {
        record: 'ledger-worker-release',
        unset: ['CARGO_INCREMENTAL'],
        release: true,
        change: editWorkspaceCrate,
      },
    ],
  },
  {
    // The committed pin says nightly, but CI overrides it (RUSTUP_TOOLCHAIN, as toolchain
    // set-up actions do) and builds with stable: pin and rustc disagree.
    repository: 'github.com/acme-demo/search-indexer',
    workspacePath: '.',
    crateName: 'search-indexer',
    deps: TINY,
    toolchainChannel: 'nightly',
    builds: [
      { env: { RUSTUP_TOOLCHAIN: 'stable' } },
      { record: 'search-indexer-warm', env: { RUSTUP_TOOLCHAIN: 'stable' } },
      {
        record: 'search-indexer-code-change',
        env: { RUSTUP_TOOLCHAIN: 'stable' },
        change: editWorkspaceCrate,
      },
    ],
  },
  {
    // Monorepo workspace 1: its dependencies are already in the shared cache from
    // billing-api; only its own crate misses on the first build.
    repository: 'github.com/acme-demo/platform-monorepo',
    workspacePath: 'services/gateway',
    crateName: 'edge-gateway',
    deps: SERDE,
    builds: [
      { record: 'edge-gateway-first', timings: true },
      { record: 'edge-gateway-warm' },
      { record: 'edge-gateway-code-change', change: editWorkspaceCrate },
      // Half of the shared cache evicted: some dependencies miss again.
      { record: 'edge-gateway-evicted', change: evictHalfOfCache },
    ],
  },
  {
    // Monorepo workspace 2: a RUSTFLAGS change invalidates every key.
    repository: 'github.com/acme-demo/platform-monorepo',
    workspacePath: 'services/limiter',
    crateName: 'rate-limiter',
    deps: TINY,
    builds: [
      {},
      { record: 'rate-limiter-warm' },
      {
        record: 'rate-limiter-rustflags-changed',
        env: { RUSTFLAGS: '-C debuginfo=1' },
        timings: true,
      },
    ],
  },
  {
    // Monorepo workspace 3: pinned to 1.95.0, but its CI job installs and selects a
    // nightly (RUSTUP_TOOLCHAIN, as toolchain set-up actions do): a second rustc release in
    // the fleet, and the same Cargo.lock as the workspaces above in another key group.
    // (Its example workspace, scripts/create-demo-workspaces.ts, has since come to use a
    // nightly feature, which these recordings did not: the same compile units either way.)
    repository: 'github.com/acme-demo/platform-monorepo',
    workspacePath: 'services/notify',
    crateName: 'notify-worker',
    deps: TINY,
    toolchainChannel: '1.95.0',
    builds: [
      {
        record: 'notify-worker-cold',
        env: { RUSTUP_TOOLCHAIN: 'nightly' },
        timings: true,
      },
      { record: 'notify-worker-warm', env: { RUSTUP_TOOLCHAIN: 'nightly' } },
      {
        record: 'notify-worker-code-change',
        env: { RUSTUP_TOOLCHAIN: 'nightly' },
        change: editWorkspaceCrate,
      },
    ],
  },
  {
    // Monorepo workspace 4: its team sets RUSTFLAGS for every build (a CPU level): the same
    // Cargo.lock again, in a key group of its own.
    repository: 'github.com/acme-demo/platform-monorepo',
    workspacePath: 'services/audit',
    crateName: 'audit-log',
    deps: TINY,
    builds: [
      {
        record: 'audit-log-cold',
        env: { RUSTFLAGS: '-C target-cpu=x86-64-v2' },
        timings: true,
      },
      {
        record: 'audit-log-warm',
        env: { RUSTFLAGS: '-C target-cpu=x86-64-v2' },
      },
      {
        record: 'audit-log-code-change',
        env: { RUSTFLAGS: '-C target-cpu=x86-64-v2' },
        change: editWorkspaceCrate,
      },
    ],
  },
];

function exec(command: string, args: string[], cwd: string, env: ProcessEnv) {
  return new Promise<void>((done, fail) =>
    execFile(
      command,
      args,
      { cwd, env, encoding: 'utf8' },
      (error, _o, stderr) =>
        error
          ? fail(new Error(`${command} ${args.join(' ')}: ${stderr}`))
          : done(),
    ),
  );
}

async function collect(
  scenario: Scenario,
  record: string,
  dir: string,
  targetDir: string,
  started: string,
  env: ProcessEnv,
) {
  const output = join(OUT, `${record}.json`);
  await exec(
    process.execPath,
    [
      CLI,
      'collect',
      '--workspace',
      dir,
      '--repo-root',
      dir,
      '--target-dir',
      join(dir, targetDir),
      '--repository',
      scenario.repository,
      '--run-id',
      `real-build-${record}`,
      '--job',
      'demo-data (real sccache build)',
      '--branch',
      'main',
      '--started-at',
      started,
      '--output',
      output,
    ],
    dir,
    env,
  );
  // The workspace path inside the demo repository (the build ran in a temp dir).
  const report = JSON.parse(await readFile(output, 'utf8'));
  report.source.workspacePath = scenario.workspacePath;
  await writeFile(output, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`recorded ${output}`);
}

async function main() {
  const tools = findRustTools([
    'itoa',
    'cfg-if',
    'serde',
    'serde_json',
    'serde_derive',
  ]);
  if (tools.missing.length) {
    throw new Error(`cannot record: missing ${tools.missing.join(', ')}`);
  }
  const tmp = await mkdtemp(join(tmpdir(), 'rbc-demo-'));
  const cacheDir = join(tmp, 'cache');
  const startServer = () =>
    startSccacheServer({ sccache: tools.sccache!, cacheDir });
  let server = await startServer();
  try {
    for (const scenario of scenarios) {
      const workspace = await createRustWorkspace(
        join(tmp, scenario.crateName),
        {
          name: scenario.crateName,
          deps: scenario.deps,
          toolchainChannel: scenario.toolchainChannel,
        },
      );
      for (const [index, build] of scenario.builds.entries()) {
        if (build.change) {
          await server.stop();
          await build.change({ dir: workspace.dir, cacheDir });
          server = await startServer();
        }
        const env: ProcessEnv = {
          ...isolatedEnv(),
          ...server.buildEnv,
          ...build.env,
        };
        for (const name of build.unset ?? []) delete env[name];
        const targetDir = `target-${index}`;
        await server.zeroStats();
        const started = new Date().toISOString();
        if (build.release) {
          await exec(
            'cargo',
            ['build', '--release', '--target-dir', targetDir],
            workspace.dir,
            env,
          );
        } else {
          await workspace.cargoBuild({
            targetDir,
            env,
            timings: build.timings,
          });
        }
        if (build.record) {
          await collect(
            scenario,
            build.record,
            workspace.dir,
            targetDir,
            started,
            env,
          );
        }
      }
    }
  } finally {
    await server.stop();
    await rm(tmp, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
