import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  chmod,
  mkdir,
  mkdtemp,
  readFile,
  rm,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createRustWorkspace,
  findRustTools,
} from '@rust-build-cache/ci-reporter/testing';
import { LocalExecutorConfig } from './localConfig';
import { keyDifferences } from './keyDifferences';
import { LocalPrewarmExecutor } from './LocalPrewarmExecutor';
import { cargoBuildArgs } from './warmBuild';
import {
  recordingContext,
  testJob,
  testKey,
} from '@rust-build-cache/plugin-rust-build-cache-node/testUtils';

const CRATES = ['itoa', 'cfg-if'];

function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state follows the parenthesised command name.
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
const tools = findRustTools(CRATES);

describe('LocalPrewarmExecutor', () => {
  let tmp: string;
  let source: string;

  beforeEach(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'rbc-local-executor-'));
    // A plain (non-git) directory as the repository: copied, not cloned.
    source = join(tmp, 'source');
    await mkdir(source, { recursive: true });
    await writeFile(
      join(source, 'Cargo.toml'),
      '[package]\nname = "a"\nversion = "0.1.0"\n',
    );
  });

  afterEach(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  function config(
    overrides: Partial<LocalExecutorConfig> = {},
  ): LocalExecutorConfig {
    return {
      workDirectory: join(tmp, 'work'),
      sccacheDir: join(tmp, 'sccache'),
      cargoPath: 'cargo',
      sccachePath: 'sccache',
      sources: { 'github.com/acme/a': source },
      env: {},
      sccacheIdleTimeoutSeconds: 60,
      ...overrides,
    };
  }

  /** A shell script standing in for a program. */
  async function script(name: string, body: string): Promise<string> {
    const path = join(tmp, 'bin', name);
    await mkdir(join(tmp, 'bin'), { recursive: true });
    await writeFile(path, `#!/bin/sh\n${body}\n`);
    await chmod(path, 0o755);
    return path;
  }

  it('fails with the binary and the config key when cargo is missing', async () => {
    const executor = new LocalPrewarmExecutor(
      config({ cargoPath: join(tmp, 'no-such-cargo') }),
    );
    const ctx = recordingContext(testJob());
    const result = await executor.execute(ctx);
    expect(result.outcome).toBe('failed');
    expect(result.error).toContain('cargo not found');
    expect(result.error).toContain(
      'rustBuildCache.prewarm.executors.local.cargoPath',
    );
  });

  it('fails with the binary and the config key when sccache is missing', async () => {
    const cargo = await script('cargo', 'exit 0');
    const executor = new LocalPrewarmExecutor(
      config({ cargoPath: cargo, sccachePath: 'no-such-sccache-binary' }),
    );
    const result = await executor.execute(recordingContext(testJob()));
    expect(result.outcome).toBe('failed');
    expect(result.error).toMatch(
      /sccache not found: 'no-such-sccache-binary' is not on PATH/,
    );
    expect(result.error).toContain(
      'rustBuildCache.prewarm.executors.local.sccachePath',
    );
  });

  it('fails clearly when the repository cannot be cloned', async () => {
    const cargo = await script('cargo', 'exit 0');
    const sccache = await script('sccache', 'exit 0');
    const executor = new LocalPrewarmExecutor(
      config({
        cargoPath: cargo,
        sccachePath: sccache,
        sources: { 'github.com/acme/a': 'file:///nonexistent/repo.git' },
      }),
    );
    const ctx = recordingContext(testJob());
    const result = await executor.execute(ctx);
    expect(result.outcome).toBe('failed');
    expect(result.error).toMatch(
      /^git clone of file:\/\/\/nonexistent\/repo.git failed \(exit code 128\)/,
    );
  });

  it('captures the build log and fails with its tail when cargo fails', async () => {
    const cargo = await script(
      'cargo',
      'echo "   Compiling a v0.1.0"\necho "error[E0425]: cannot find value x" >&2\nexit 101',
    );
    const sccache = await script('sccache', 'exit 0');
    const executor = new LocalPrewarmExecutor(
      config({ cargoPath: cargo, sccachePath: sccache }),
    );
    const ctx = recordingContext(testJob());
    const result = await executor.execute(ctx);
    expect(result.outcome).toBe('failed');
    expect(result.error).toContain('cargo build failed (exit code 101)');
    expect(result.error).toContain('error[E0425]: cannot find value x');
    expect(ctx.log()).toContain('$ cargo build --locked --timings');
    expect(ctx.log()).toContain('   Compiling a v0.1.0');
    expect(ctx.log()).toContain('error[E0425]');
    // The checkout is gone after the job.
    expect(
      execFileSync('ls', ['-A', join(tmp, 'work')], { encoding: 'utf8' }),
    ).toBe('');
  });

  it('kills the build and its children when the job is aborted', async () => {
    const pidFile = join(tmp, 'child.pid');
    // cargo starts a long child (like rustc) and waits for it.
    const cargo = await script(
      'cargo',
      `sleep 300 &\necho $! > ${pidFile}\necho started\nwait`,
    );
    const sccache = await script('sccache', 'exit 0');
    const executor = new LocalPrewarmExecutor(
      config({ cargoPath: cargo, sccachePath: sccache }),
    );
    const ctx = recordingContext(testJob());
    const execution = executor.execute(ctx);
    for (let i = 0; i < 100 && !ctx.log().includes('started'); i++) {
      await new Promise(r => setTimeout(r, 50));
    }
    const childPid = Number((await readFile(pidFile, 'utf8')).trim());
    const abortedAt = Date.now();
    ctx.abort(new Error('time limit of 1 minutes passed'));
    await expect(execution).rejects.toThrow('time limit of 1 minutes passed');
    expect(Date.now() - abortedAt).toBeLessThan(5_000);
    // Killed: gone, or a zombie waiting for a reaper that is not this test.
    await new Promise(r => setTimeout(r, 200));
    expect(isRunning(childPid)).toBe(false);
  });

  it.each([
    [['CARGO_INCREMENTAL'], '0'],
    [[], undefined],
  ])(
    'builds with the consumers’ environment, not the backend’s (consumers set %j)',
    async (cargoVarNames, incremental) => {
      const envFile = join(tmp, 'cargo.env');
      const cargo = await script('cargo', `env > ${envFile}\nexit 1`);
      const sccache = await script('sccache', 'exit 0');
      const executor = new LocalPrewarmExecutor(
        config({
          cargoPath: cargo,
          sccachePath: sccache,
          env: { RUSTFLAGS: '-C debuginfo=1' },
        }),
        {
          baseEnv: {
            PATH: process.env.PATH,
            HOME: '/home/backstage',
            BACKEND_SECRET: 'do-not-leak',
            CARGO_TARGET_DIR: '/elsewhere',
            SCCACHE_BUCKET: 'backend-bucket',
          },
        },
      );
      await executor.execute(
        recordingContext(testJob({ key: testKey({ cargoVarNames }) })),
      );
      const env = Object.fromEntries(
        (await readFile(envFile, 'utf8'))
          .trim()
          .split('\n')
          .map(line => [
            line.slice(0, line.indexOf('=')),
            line.slice(line.indexOf('=') + 1),
          ]),
      );
      expect(env).toMatchObject({
        HOME: '/home/backstage',
        RUSTC_WRAPPER: sccache,
        RUSTFLAGS: '-C debuginfo=1',
        SCCACHE_DIR: join(tmp, 'sccache'),
        SCCACHE_SERVER_PORT: expect.stringMatching(/^\d+$/),
      });
      expect(env.CARGO_INCREMENTAL).toBe(incremental);
      expect(env.BACKEND_SECRET).toBeUndefined();
      expect(env.CARGO_TARGET_DIR).toBeUndefined();
      expect(env.SCCACHE_BUCKET).toBeUndefined();
    },
  );

  it('names every difference between the warm build’s report and the key', () => {
    const key = testKey({
      rustflagsSha256: 'a'.repeat(64),
      cargoVarNames: ['CARGO_HOME', 'CARGO_INCREMENTAL'],
    });
    const matching = {
      dependencies: { fingerprint: key.dependencyFingerprint },
      toolchain: { rustc: { release: '1.95.0' } },
      build: {
        env: {
          rustflags: { set: true, sha256: 'a'.repeat(64) },
          cargoVarNames: ['CARGO_HOME', 'CARGO_INCREMENTAL'],
        },
      },
    };
    expect(keyDifferences(key, matching)).toEqual([]);
    const warnings = keyDifferences(key, {
      dependencies: { fingerprint: 'e'.repeat(64) },
      toolchain: { rustc: { release: '1.94.0' } },
      build: {
        env: {
          rustflags: { set: false, sha256: null },
          cargoVarNames: ['CARGO_INCREMENTAL', 'CARGO_TERM_COLOR'],
        },
      },
    });
    expect(warnings).toEqual([
      expect.stringContaining(
        "the built Cargo.lock (eeeeeeeeeeee) is not the consumers' (ffffffffffff)",
      ),
      'the warm build ran rustc 1.94.0, the consumers 1.95.0: install and pin that toolchain.',
      expect.stringContaining('RUSTFLAGS of the warm build differ'),
      expect.stringContaining(
        '(missing: CARGO_HOME) (extra: CARGO_TERM_COLOR)',
      ),
    ]);
  });

  it('chooses cargo build with the key’s profile, and --target only for cross targets', () => {
    const host = 'x86_64-unknown-linux-gnu';
    expect(cargoBuildArgs(testKey(), host)).toEqual([
      'build',
      '--locked',
      '--timings',
    ]);
    expect(cargoBuildArgs(testKey({ profile: 'release' }), host)).toEqual([
      'build',
      '--locked',
      '--timings',
      '--release',
    ]);
    expect(
      cargoBuildArgs(
        testKey({ profile: 'ci', target: 'aarch64-unknown-linux-gnu' }),
        host,
      ),
    ).toEqual([
      'build',
      '--locked',
      '--timings',
      '--profile',
      'ci',
      '--target',
      'aarch64-unknown-linux-gnu',
    ]);
  });

  if (tools.missing.length > 0) {
    // eslint-disable-next-line no-console
    console.warn(
      `SKIPPED the real warm build of LocalPrewarmExecutor.test.ts: missing ${tools.missing.join(
        ', ',
      )}. scripts/install-system-deps installs them.`,
    );
  }
  (tools.missing.length > 0 ? describe.skip : describe)(
    'with real cargo and sccache',
    () => {
      it('warms the cache from a git repository at the commit and ingests a prewarm report', async () => {
        const repo = join(tmp, 'repo-a');
        await createRustWorkspace(repo, {
          name: 'repo-a',
          deps: { itoa: '1', 'cfg-if': '1' },
        });
        execFileSync('cargo', ['generate-lockfile', '--offline'], {
          cwd: repo,
        });
        const git = (...args: string[]) =>
          execFileSync('git', args, {
            cwd: repo,
            encoding: 'utf8',
            env: {
              ...process.env,
              GIT_AUTHOR_NAME: 't',
              GIT_AUTHOR_EMAIL: 't@example.com',
              GIT_COMMITTER_NAME: 't',
              GIT_COMMITTER_EMAIL: 't@example.com',
            },
          }).trim();
        git('init', '--quiet');
        git('add', '.');
        git('commit', '--quiet', '-m', 'a');
        const commit = git('rev-parse', 'HEAD');
        // A later commit that breaks the build: the job must build the requested one.
        await writeFile(join(repo, 'src', 'lib.rs'), 'this does not compile');
        git('commit', '--quiet', '-am', 'broken');

        const executor = new LocalPrewarmExecutor(
          config({
            cargoPath: tools.cargo!,
            sccachePath: tools.sccache!,
            sources: { 'github.com/acme/a': repo },
          }),
        );
        const ctx = recordingContext(
          testJob({
            jobId: 'job-real',
            representative: {
              entityRef: 'component:default/a',
              repository: 'github.com/acme/a',
              workspacePath: '.',
              commit,
            },
          }),
        );
        const result = await executor.execute(ctx);
        expect({ result, log: ctx.log().slice(-2000) }).toMatchObject({
          result: { outcome: 'succeeded', reportId: 'report-1' },
        });
        expect(result.cacheWrites).toBeGreaterThanOrEqual(2);
        const [report] = ctx.reports;
        expect(report.kind).toBe('prewarm');
        expect(report.source).toMatchObject({
          repository: { host: 'github.com', owner: 'acme', name: 'a' },
          commit,
          ci: { runId: 'job-real', job: 'prewarm' },
        });
        expect(report.sccache?.counters.cacheWrites).toBe(result.cacheWrites);
        expect(report.sccache?.cache.path).toBe(join(tmp, 'sccache'));
        expect(report.build.env.cargoIncremental).toBe('0');
        expect(ctx.log()).toContain('Compiling itoa');
      }, 180_000);
    },
  );
});
