/**
 * Builds a real Cargo workspace with sccache, offline: for end-to-end tests of the CLI and of
 * the backend. Uses Debian's `librust-*-dev` packages as the crate source (a directory
 * source, no network) and a private sccache server (own cache directory and port).
 *
 * Setup on Debian/Ubuntu: `apt-get install -y sccache librust-itoa-dev librust-cfg-if-dev`,
 * plus cargo and rustc (rustup or Debian's).
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { delimiter, dirname, join } from 'node:path';

export const DEBIAN_CRATE_REGISTRY = '/usr/share/cargo/registry';

/** Environment for child processes. */
export type ProcessEnv = Record<string, string | undefined>;

export interface RustTools {
  cargo: string | null;
  sccache: string | null;
  /** What is missing, as text for a skip notice, e.g. `sccache (not on PATH)`. */
  missing: string[];
}

function findOnPath(program: string, env: ProcessEnv): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/** The crate directories of a directory source are named `<name>-<version>`. */
function hasCrate(registryDir: string, crate: string): boolean {
  if (!existsSync(registryDir)) return false;
  const prefix = `${crate}-`;
  return readdirSync(registryDir).some(
    entry => entry.startsWith(prefix) && /^\d/.test(entry.slice(prefix.length)),
  );
}

/**
 * Finds cargo and sccache (`SCCACHE_PATH` or PATH) and checks that the crates exist in the
 * directory source, so that a test can skip with a notice naming what is missing.
 */
export function findRustTools(
  crates: string[],
  env: ProcessEnv = process.env,
  registryDir: string = DEBIAN_CRATE_REGISTRY,
): RustTools {
  const cargo = findOnPath('cargo', env);
  const sccache =
    env.SCCACHE_PATH && existsSync(env.SCCACHE_PATH)
      ? env.SCCACHE_PATH
      : findOnPath('sccache', env);
  const missing = [
    ...(cargo ? [] : ['cargo (not on PATH)']),
    ...(sccache ? [] : ['sccache (not on PATH; Debian package sccache)']),
    ...crates
      .filter(crate => !hasCrate(registryDir, crate))
      .map(
        crate =>
          `crate ${crate} in ${registryDir} (Debian package librust-${crate}-dev)`,
      ),
  ];
  return { cargo, sccache, missing };
}

/**
 * The current environment without what would change sccache's cache keys or where its
 * statistics go: a build inherits the caller's SCCACHE_* (e.g. a remote bucket), cargo
 * settings and RUSTC_WRAPPER otherwise, and sccache hashes every CARGO_* variable.
 */
export function isolatedEnv(base: ProcessEnv = process.env): ProcessEnv {
  const env: ProcessEnv = {};
  for (const [name, value] of Object.entries(base)) {
    if (
      /^(SCCACHE_|CARGO_|RUSTC_WRAPPER$|RUSTC$|RUSTFLAGS$|RUSTDOCFLAGS$)/.test(
        name,
      )
    )
      continue;
    env[name] = value;
  }
  // CARGO_HOME decides where rustup and cargo live; keep it so the same toolchain is found.
  if (base.CARGO_HOME) env.CARGO_HOME = base.CARGO_HOME;
  return env;
}

interface RunResult {
  stdout: string;
  stderr: string;
}

function run(
  command: string,
  args: string[],
  options: { cwd?: string; env: ProcessEnv },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { ...options, encoding: 'utf8', timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(
              `${command} ${args.join(' ')} failed: ${
                error.message
              }\n${stderr}`,
            ),
          );
        } else {
          resolve({ stdout, stderr });
        }
      },
    );
  });
}

export interface RustWorkspaceOptions {
  /** Package name; also the library's crate name (with `-` as `_`). */
  name: string;
  /** Dependencies as in Cargo.toml, e.g. `{ itoa: '1', 'cfg-if': '1' }`. */
  deps: Record<string, string>;
  /** Writes `rust-toolchain.toml` with this channel; only pin toolchains that are installed. */
  toolchainChannel?: string;
  /** More files, by path relative to the workspace (e.g. a `build.rs`); they may replace `src/lib.rs`. */
  files?: Record<string, string>;
  registryDir?: string;
}

export interface CargoBuildOptions {
  /** Relative to the workspace. Passed as `--target-dir`, never as CARGO_TARGET_DIR: sccache hashes CARGO_* variables. */
  targetDir: string;
  /** Usually `{ ...isolatedEnv(), ...server.buildEnv }`. */
  env: ProcessEnv;
  /** Adds `--timings`, which writes `<target-dir>/cargo-timings/cargo-timing.html`. */
  timings?: boolean;
  cargo?: string;
}

export interface RustWorkspace {
  dir: string;
  cargoBuild(options: CargoBuildOptions): Promise<RunResult>;
}

/**
 * Writes a package with a library (re-exporting every dependency) and a binary into `dir`,
 * with `.cargo/config.toml` pointing crates-io at the directory source, offline.
 */
export async function createRustWorkspace(
  dir: string,
  options: RustWorkspaceOptions,
): Promise<RustWorkspace> {
  const registryDir = options.registryDir ?? DEBIAN_CRATE_REGISTRY;
  const crateName = options.name.replace(/-/g, '_');
  const deps = Object.entries(options.deps);
  await mkdir(join(dir, 'src'), { recursive: true });
  await mkdir(join(dir, '.cargo'), { recursive: true });
  await writeFile(
    join(dir, 'Cargo.toml'),
    [
      '[package]',
      `name = "${options.name}"`,
      'version = "0.1.0"',
      'edition = "2021"',
      '',
      '[dependencies]',
      ...deps.map(([name, requirement]) => `${name} = "${requirement}"`),
      '',
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'src', 'lib.rs'),
    `${deps
      .map(([name]) => `pub use ${name.replace(/-/g, '_')};`)
      .join('\n')}\n\npub fn answer() -> u32 {\n    42\n}\n`,
  );
  await writeFile(
    join(dir, 'src', 'main.rs'),
    `fn main() {\n    println!("{}", ${crateName}::answer());\n}\n`,
  );
  await writeFile(
    join(dir, '.cargo', 'config.toml'),
    [
      '[source.crates-io]',
      'replace-with = "local-packages"',
      '',
      '[source.local-packages]',
      `directory = "${registryDir}"`,
      '',
      '[net]',
      'offline = true',
      '',
    ].join('\n'),
  );
  for (const [path, content] of Object.entries(options.files ?? {})) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  if (options.toolchainChannel) {
    await writeFile(
      join(dir, 'rust-toolchain.toml'),
      `[toolchain]\nchannel = "${options.toolchainChannel}"\n`,
    );
  }
  return {
    dir,
    cargoBuild: build =>
      run(
        build.cargo ?? 'cargo',
        [
          'build',
          '--target-dir',
          build.targetDir,
          ...(build.timings ? ['--timings'] : []),
        ],
        { cwd: dir, env: build.env },
      ),
  };
}

/** A free TCP port on 127.0.0.1 (the OS picks it; it is released before use). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object'
          ? resolve(address.port)
          : reject(new Error('no port assigned')),
      );
    });
  });
}

export interface SccacheServerOptions {
  sccache: string;
  /** SCCACHE_DIR: the local disk cache of this server. */
  cacheDir: string;
  /** Default: a free port, so that parallel tests do not share statistics. */
  port?: number;
  env?: ProcessEnv;
}

export interface SccacheServer {
  port: number;
  /** For `cargo build` and for anything that asks for statistics: wrapper, cache, port. */
  buildEnv: Record<string, string>;
  zeroStats(): Promise<void>;
  /** `sccache --show-stats --stats-format=json` of this server. */
  showStatsJson(): Promise<string>;
  stop(): Promise<void>;
}

/** Starts a private sccache server; stop it (or use {@link withSccacheServer}) when done. */
export async function startSccacheServer(
  options: SccacheServerOptions,
): Promise<SccacheServer> {
  const port = options.port ?? (await findFreePort());
  await mkdir(options.cacheDir, { recursive: true });
  const buildEnv = {
    RUSTC_WRAPPER: options.sccache,
    // Incremental compiles are never cached; with CARGO_INCREMENTAL=0 the workspace crates are.
    CARGO_INCREMENTAL: '0',
    SCCACHE_DIR: options.cacheDir,
    SCCACHE_SERVER_PORT: String(port),
    // A server left behind by a crashed test exits by itself.
    SCCACHE_IDLE_TIMEOUT: '120',
  };
  const env = { ...isolatedEnv(options.env), ...buildEnv };
  const sccache = (...args: string[]) => run(options.sccache, args, { env });
  await sccache('--start-server');
  return {
    port,
    buildEnv,
    zeroStats: async () => {
      await sccache('--zero-stats');
    },
    showStatsJson: async () =>
      (await sccache('--show-stats', '--stats-format=json')).stdout,
    stop: async () => {
      await sccache('--stop-server');
    },
  };
}

/** Runs `fn` with a private sccache server and stops the server afterwards, also on failure. */
export async function withSccacheServer<T>(
  options: SccacheServerOptions,
  fn: (server: SccacheServer) => Promise<T>,
): Promise<T> {
  const server = await startSccacheServer(options);
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

/** What a run of the CLI printed, and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs this package's `rust-build-cache` bin as a real process, as CI would. */
export function runRustBuildCacheCli(
  args: string[],
  options: { cwd?: string; env: ProcessEnv },
): Promise<CliRun> {
  // Test helpers run from the sources: the bin sits next to this package's package.json.
  const bin = join(
    dirname(require.resolve('../../package.json')),
    'bin',
    'rust-build-cache',
  );
  return new Promise(done => {
    execFile(
      process.execPath,
      [bin, ...args],
      { ...options, encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
