import { createHash } from 'node:crypto';
import {
  mkdir,
  mkdtemp,
  readFile,
  realpath,
  rm,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  DEFAULT_POLICY,
  evaluatePolicy,
  validateReport,
  type BuildCacheReport,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { fixturePath } from '@rust-build-cache/plugin-rust-build-cache-common/testUtils';
import { runCli } from '../cli';
import {
  createTestSystem,
  printing,
  type FakeCommand,
  type TestSystemOptions,
} from '../testing/testSystem';

const fixtures = join(__dirname, '..', '__fixtures__');
const sha256 = (text: string) =>
  createHash('sha256').update(text, 'utf8').digest('hex');
const fixture = (name: string) => readFile(join(fixtures, name), 'utf8');
/** Real tool output kept by -common, shared by every package's tests. */
const commonFixture = (path: string) => readFile(fixturePath(path), 'utf8');

const CARGO_TOML = `[package]
name = "billing"
version = "0.1.0"
edition = "2021"

[dependencies]
itoa = "1"
cfg-if = "1"

[profile.dev]
incremental = false

[profile.release]
codegen-units = 16
lto = "thin"
`;

const GITHUB_ENV = {
  GITHUB_ACTIONS: 'true',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/payments',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_JOB: 'build',
  GITHUB_REF_NAME: 'main',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
};

let repo: string;

/** Writes files relative to the temp repository. */
async function writeFiles(files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(repo, path)), { recursive: true });
    await writeFile(join(repo, path), content);
  }
}

async function runCollect(
  args: string[],
  options: Partial<TestSystemOptions> = {},
) {
  const rustc: FakeCommand = printing(
    await commonFixture('rustc/rustc-1.95.0-vV.txt'),
  );
  const test = createTestSystem({
    cwd: repo,
    env: GITHUB_ENV,
    commands: { rustc },
    ...options,
  });
  const exitCode = await runCli(['collect', ...args], test.system);
  return {
    exitCode,
    stdout: test.stdout(),
    stderr: test.stderr(),
    commandsRun: test.commandsRun,
  };
}

async function readReport(
  path = 'rust-build-cache-report.json',
): Promise<BuildCacheReport> {
  const validation = validateReport(
    JSON.parse(await readFile(join(repo, path), 'utf8')),
  );
  if (!validation.ok)
    throw new Error(`invalid report: ${JSON.stringify(validation.issues)}`);
  return validation.report;
}

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'rbc-collect-'));
  await writeFiles({
    'services/billing/Cargo.toml': CARGO_TOML,
    'services/billing/Cargo.lock': await fixture('Cargo.lock'),
    'services/billing/target/cargo-timings/cargo-timing.html': await fixture(
      'cargo-timing.html',
    ),
    'rust-toolchain.toml':
      '[toolchain]\nchannel = "1.95.0"\ncomponents = ["clippy"]\n',
    'stats.json': await commonFixture('sccache/sccache-0.4.0-dbg-2.json'),
  });
});

afterEach(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('collect', () => {
  it('writes a valid report from the workspace files, the statistics and GitHub Actions', async () => {
    const result = await runCollect([
      '--workspace',
      'services/billing',
      '--repo-root',
      '.',
      '--sccache-stats',
      'stats.json',
    ]);

    expect(result.stderr).not.toMatch(/error:|warning:/);
    expect(result.exitCode).toBe(0);
    const report = await readReport();
    expect(report.kind).toBe('ci');
    expect(report.source).toEqual({
      repository: { host: 'github.com', owner: 'acme', name: 'payments' },
      workspacePath: 'services/billing',
      branch: 'main',
      commit: '0123456789abcdef0123456789abcdef01234567',
      ci: {
        provider: 'github-actions',
        runId: '4242',
        runAttempt: 1,
        job: 'build',
        url: 'https://github.com/acme/payments/actions/runs/4242/attempts/1',
      },
      startedAt: null,
      finishedAt: '2026-01-31T12:00:00.000Z',
    });
    expect(report.sccache?.counters.hits).toEqual({ Rust: 2 });
    expect(report.sccache?.counters.notCached).toEqual({
      '-': 1,
      'missing input': 2,
      'crate-type': 1,
      incremental: 1,
    });
    // Found in the repository root, above the workspace, as rustup would.
    expect(report.toolchain.file).toMatchObject({
      file: 'rust-toolchain.toml',
      channel: '1.95.0',
      components: ['clippy'],
    });
    expect(report.toolchain.rustc).toMatchObject({
      release: '1.95.0',
      host: 'x86_64-unknown-linux-gnu',
    });
    expect(report.dependencies).toMatchObject({
      lockVersion: 4,
      packages: { registry: 2, git: 0, path: 1 },
    });
    expect(report.dependencies?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(report.build.profiles.dev).toMatchObject({ incremental: false });
    expect(report.build.profiles.release).toMatchObject({
      codegenUnits: 16,
      lto: 'thin',
    });
    expect(report.timings?.unitCount).toBeGreaterThanOrEqual(3);
    expect(result.stderr).toContain(
      'Rust: 2 hits, 0 misses, 0 cache errors: hit rate 100.0%, effective hit rate 66.7%',
    );
    expect(result.stderr).toContain(
      'Cache failures: 0 cache timeouts, 0 read errors, write errors not counted: sccache before 0.6 counts a failed write as a write, 0 errors before the lookup',
    );
    expect(result.stderr).toMatch(
      /^ {4}incremental ×1: Set CARGO_INCREMENTAL=0/m,
    );
    expect(result.stderr).toContain(
      "Cargo's own probes (nothing to fix): missing input ×2, - ×1",
    );
    expect(result.stderr).toContain(
      'Toolchain (match): rust-toolchain.toml pins 1.95.0',
    );
    expect(result.stderr).toContain(
      'Report written to rust-build-cache-report.json',
    );
  });

  it('runs rustc -vV in the workspace directory, where rustup applies its override', async () => {
    const result = await runCollect(
      ['--workspace', 'services/billing', '--sccache-stats', 'stats.json'],
      {
        commands: {
          rustc: (args, cwd) => ({
            found: true,
            exitCode: 0,
            stdout:
              cwd.endsWith(join('services', 'billing')) &&
              args.join(' ') === '-vV'
                ? 'rustc 1.95.0 (59807616e 2026-04-14)\nrelease: 1.95.0\n'
                : '',
            stderr: '',
          }),
        },
      },
    );
    expect(result.exitCode).toBe(0);
    expect((await readReport()).toolchain.rustc?.release).toBe('1.95.0');
  });

  it('appends a Markdown summary to GITHUB_STEP_SUMMARY', async () => {
    await writeFile(join(repo, 'summary.md'), '# Earlier step\n');
    const env = {
      ...GITHUB_ENV,
      GITHUB_STEP_SUMMARY: join(repo, 'summary.md'),
    };
    await writeFiles({
      'stats.json': await commonFixture('sccache/sccache-0.4.0-dbg-1.json'),
    });

    const result = await runCollect(
      [
        '--workspace',
        'services/billing',
        '--repo-root',
        '.',
        '--sccache-stats',
        'stats.json',
      ],
      { env },
    );

    expect(result.exitCode).toBe(0);
    const summary = await readFile(join(repo, 'summary.md'), 'utf8');
    expect(summary).toMatch(
      /^# Earlier step\n### Rust build cache: `services\/billing` \(github\.com\/acme\/payments\)/,
    );
    expect(summary).toContain(
      '| Language | Hit rate | Effective hit rate | Hits | Misses | Cache errors |',
    );
    expect(summary).toContain('| Rust | 0.0% | 0.0% | 0 | 2 | 0 |');
    expect(summary).toContain(
      '7 compile requests; sccache (version not reported)',
    );
    expect(summary).toMatch(/\| Cache timeouts \| 0 \| [^|]+ \| [^|]+ \|/);
    expect(summary).toMatch(/\| `incremental` \| 1 \| [^|]+ \| [^|]+ \|/);
    expect(summary).toMatch(
      /\| `crate-type` \| 1 \| [^|]+ \| Nothing to fix: [^|]+ \|/,
    );
    expect(summary).toMatch(/\| `missing input` \| 2 \| [^|]+ \| [^|]+ \|/);
    expect(summary).toContain(
      '| rust-toolchain.toml: 1.95.0 | rustc 1.95.0 (59807616e 2026-04-14) | **match**',
    );
  });

  it('does not write a step summary outside GitHub Actions', async () => {
    const env = {
      RUST_BUILD_CACHE_REPOSITORY: 'github.com/acme/payments',
      RUST_BUILD_CACHE_RUN_ID: '7',
      GITHUB_STEP_SUMMARY: join(repo, 'summary.md'),
    };
    const result = await runCollect(
      ['--workspace', 'services/billing', '--sccache-stats', 'stats.json'],
      { env },
    );
    expect(result.exitCode).toBe(0);
    await expect(readFile(join(repo, 'summary.md'))).rejects.toThrow(/ENOENT/);
  });

  it('records missing optional inputs as null', async () => {
    await rm(join(repo, 'services/billing/Cargo.lock'));
    await rm(join(repo, 'services/billing/target'), { recursive: true });
    await rm(join(repo, 'rust-toolchain.toml'));

    const result = await runCollect(
      [
        '--workspace',
        'services/billing',
        '--repo-root',
        '.',
        '--sccache-stats',
        'stats.json',
        '--output',
        'out.json',
      ],
      { commands: {} },
    );

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain("warning: 'rustc' not found");
    const report = await readReport('out.json');
    expect(report.dependencies).toBeNull();
    expect(report.timings).toBeNull();
    expect(report.toolchain).toEqual({ file: null, rustc: null });
  });

  it('prefers the nearest toolchain file, and there the legacy rust-toolchain', async () => {
    await writeFiles({
      'services/rust-toolchain': 'nightly-2026-01-01\n',
      'services/rust-toolchain.toml': '[toolchain]\nchannel = "beta"\n',
    });
    expect(
      (
        await runCollect([
          '--workspace',
          'services/billing',
          '--repo-root',
          '.',
          '--sccache-stats',
          'stats.json',
        ])
      ).exitCode,
    ).toBe(0);
    expect((await readReport()).toolchain.file).toMatchObject({
      file: 'rust-toolchain',
      channel: 'nightly-2026-01-01',
    });
  });

  it('does not look for toolchain files above the repository root', async () => {
    const result = await runCollect([
      '--workspace',
      'services/billing',
      '--repo-root',
      'services',
      '--sccache-stats',
      'stats.json',
    ]);
    expect(result.exitCode).toBe(0);
    const report = await readReport();
    expect(report.toolchain.file).toBeNull();
    expect(report.source.workspacePath).toBe('billing');
  });

  it('reads the timings from --target-dir and marks a pre-warm job', async () => {
    await rm(join(repo, 'services/billing/target'), { recursive: true });
    await writeFiles({
      'build-out/cargo-timings/cargo-timing.html': await fixture(
        'cargo-timing.html',
      ),
    });
    const result = await runCollect([
      '--workspace',
      'services/billing',
      '--sccache-stats',
      'stats.json',
      '--target-dir',
      'build-out',
      '--kind',
      'prewarm',
    ]);
    expect(result.exitCode).toBe(0);
    const report = await readReport();
    expect(report.kind).toBe('prewarm');
    expect(report.timings).not.toBeNull();
  });

  it('records the cargo profile and target from flags, else from the environment', async () => {
    const args = [
      '--workspace',
      'services/billing',
      '--sccache-stats',
      'stats.json',
    ];
    expect((await runCollect(args)).exitCode).toBe(0);
    const unknown = await readReport();
    // Older readers and builds that do not say: null, and the planner assumes dev and host.
    expect(unknown.build.cargoProfile).toBeNull();
    expect(unknown.build.target).toBeNull();

    const fromEnv = await runCollect(args, {
      env: {
        ...GITHUB_ENV,
        RUST_BUILD_CACHE_CARGO_PROFILE: 'release',
        CARGO_BUILD_TARGET: 'aarch64-unknown-linux-gnu',
      },
    });
    expect(fromEnv.exitCode).toBe(0);
    expect((await readReport()).build).toMatchObject({
      cargoProfile: 'release',
      target: 'aarch64-unknown-linux-gnu',
    });

    const fromFlags = await runCollect(
      [
        ...args,
        '--cargo-profile',
        'ci-fast',
        '--target',
        'x86_64-unknown-linux-musl',
      ],
      {
        env: {
          ...GITHUB_ENV,
          RUST_BUILD_CACHE_CARGO_PROFILE: 'release',
          CARGO_BUILD_TARGET: 'aarch64-unknown-linux-gnu',
        },
      },
    );
    expect(fromFlags.exitCode).toBe(0);
    expect((await readReport()).build).toMatchObject({
      cargoProfile: 'ci-fast',
      target: 'x86_64-unknown-linux-musl',
    });
  });

  it('records the key inputs: paths by default, their sha256 with --redact-paths, CARGO_* values only hashed', async () => {
    const env = {
      ...GITHUB_ENV,
      HOME: '/home/runner',
      CARGO_TARGET_DIR: '/ci/secret-target',
    };
    const args = [
      '--workspace',
      'services/billing',
      '--sccache-stats',
      'stats.json',
    ];
    expect((await runCollect(args, { env })).exitCode).toBe(0);
    const raw = await readFile(
      join(repo, 'rust-build-cache-report.json'),
      'utf8',
    );
    expect(raw).not.toContain('secret-target');
    const workspaceDir = join(await realpath(repo), 'services/billing');
    expect((await readReport()).keyInputs).toEqual({
      workspaceDir: { path: workspaceDir },
      cargoHome: { path: '/home/runner/.cargo' },
      cargoVarValueSha256: {
        CARGO_TARGET_DIR: sha256('/ci/secret-target'),
      },
    });

    expect(
      (await runCollect([...args, '--redact-paths'], { env })).exitCode,
    ).toBe(0);
    expect((await readReport()).keyInputs).toMatchObject({
      workspaceDir: { sha256: sha256(workspaceDir) },
      cargoHome: { sha256: sha256('/home/runner/.cargo') },
    });
  });

  it('asks the sccache server when no statistics file is given, using SCCACHE_PATH', async () => {
    const stats = await commonFixture('sccache/sccache-0.4.0-serde-dbg-1.json');
    const result = await runCollect(['--workspace', 'services/billing'], {
      env: { ...GITHUB_ENV, SCCACHE_PATH: '/opt/sccache/bin/sccache' },
      commands: {
        '/opt/sccache/bin/sccache': printing(stats),
        rustc: printing(await commonFixture('rustc/rustc-1.95.0-vV.txt')),
      },
    });
    expect(result.exitCode).toBe(0);
    expect(result.commandsRun).toContain(
      '/opt/sccache/bin/sccache --show-stats --stats-format=json',
    );
    expect((await readReport()).sccache?.counters.misses).toEqual({ Rust: 8 });
  });

  it('warns when sccache saw no compile requests', async () => {
    const stats = JSON.parse(
      await commonFixture('sccache/sccache-0.4.0-dbg-1.json'),
    );
    stats.stats = {
      ...stats.stats,
      compile_requests: 0,
      requests_executed: 0,
      requests_not_cacheable: 0,
      not_cached: {},
      cache_misses: { counts: {} },
    };
    await writeFiles({ 'stats.json': JSON.stringify(stats) });
    const result = await runCollect([
      '--workspace',
      'services/billing',
      '--sccache-stats',
      'stats.json',
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain(
      'warning: sccache reports no compile requests',
    );
  });

  describe('CI values that the report schema is strict about', () => {
    const args = [
      '--workspace',
      'services/billing/',
      '--repo-root',
      '.',
      '--sccache-stats',
      'stats.json',
    ];

    it('writes the report on GitLab CI, with the job URL, a trailing-slash workspace path normalised, and a start time after the finish left out', async () => {
      const result = await runCollect(args, {
        env: {
          GITLAB_CI: 'true',
          CI_SERVER_HOST: 'gitlab.example.com',
          CI_PROJECT_PATH: 'platform/rust/billing',
          CI_PIPELINE_ID: '5550001',
          CI_JOB_ID: '9990001',
          CI_JOB_NAME: 'cargo build',
          CI_COMMIT_REF_NAME: 'main',
          CI_COMMIT_SHA: 'abcdef0123456789abcdef0123456789abcdef01',
          CI_JOB_URL:
            'https://gitlab.example.com/platform/rust/billing/-/jobs/9990001',
          // The GitLab server's clock is 20 s ahead of the runner's.
          CI_JOB_STARTED_AT: '2026-01-31T12:00:20Z',
        },
      });

      expect(result.exitCode).toBe(0);
      expect(result.stderr).toContain(
        'warning: leaving out the start time 2026-01-31T12:00:20.000Z from the gitlab-ci variables',
      );
      const { source } = await readReport();
      expect(source).toMatchObject({
        workspacePath: 'services/billing',
        ci: {
          provider: 'gitlab-ci',
          url: 'https://gitlab.example.com/platform/rust/billing/-/jobs/9990001',
        },
        startedAt: null,
        finishedAt: '2026-01-31T12:00:00.000Z',
      });
    });

    it('writes the report on Buildkite, with the job URL', async () => {
      const result = await runCollect(args, {
        env: {
          BUILDKITE: 'true',
          BUILDKITE_REPO: 'git@github.com:acme/billing.git',
          BUILDKITE_BUILD_ID: '01890b4e-0000-4000-8000-000000000000',
          BUILDKITE_RETRY_COUNT: '1',
          BUILDKITE_STEP_KEY: 'build',
          BUILDKITE_JOB_ID: '01890b4e-1111-4000-8000-000000000000',
          BUILDKITE_BRANCH: 'main',
          BUILDKITE_COMMIT: 'fedcba9876543210fedcba9876543210fedcba98',
          BUILDKITE_BUILD_URL: 'https://buildkite.com/acme/billing/builds/314',
        },
      });

      expect(result.exitCode).toBe(0);
      expect(result.stderr).not.toMatch(/error:|warning:/);
      expect((await readReport()).source.ci).toEqual({
        provider: 'buildkite',
        runId: '01890b4e-0000-4000-8000-000000000000',
        runAttempt: 2,
        job: 'build',
        url: 'https://buildkite.com/acme/billing/builds/314#01890b4e-1111-4000-8000-000000000000',
      });
    });

    it('writes the report on GitHub Enterprise with an upper-case server URL, written in lower case', async () => {
      const result = await runCollect(args, {
        env: {
          ...GITHUB_ENV,
          GITHUB_SERVER_URL: 'HTTPS://GitHub.Example.com/',
        },
      });

      expect(result.exitCode).toBe(0);
      expect((await readReport()).source.ci.url).toBe(
        'https://github.example.com/acme/payments/actions/runs/4242/attempts/1',
      );
    });
  });

  it('takes the repository, branch and commit from git outside a known CI', async () => {
    const git: FakeCommand = args => {
      const answers: Record<string, string> = {
        'rev-parse --show-toplevel': repo,
        'rev-parse --abbrev-ref HEAD': 'feature/x',
        'rev-parse HEAD': 'cafe0000cafe0000cafe0000cafe0000cafe0000',
        'remote get-url origin':
          'https://gitlab.example.com/platform/rust/payments.git',
      };
      const stdout = answers[args.join(' ')];
      return stdout === undefined
        ? { found: true, exitCode: 128, stdout: '', stderr: 'fatal' }
        : { found: true, exitCode: 0, stdout: `${stdout}\n`, stderr: '' };
    };
    const result = await runCollect(
      [
        '--workspace',
        'services/billing',
        '--sccache-stats',
        'stats.json',
        '--run-id',
        'local-1',
      ],
      {
        env: {},
        commands: {
          git,
          rustc: printing(await commonFixture('rustc/rustc-1.95.0-vV.txt')),
        },
      },
    );
    expect(result.exitCode).toBe(0);
    expect((await readReport()).source).toMatchObject({
      repository: {
        host: 'gitlab.example.com',
        owner: 'platform/rust',
        name: 'payments',
      },
      workspacePath: 'services/billing',
      branch: 'feature/x',
      commit: 'cafe0000cafe0000cafe0000cafe0000cafe0000',
      ci: {
        provider: 'generic',
        runId: 'local-1',
        runAttempt: 1,
        job: 'build',
      },
    });
  });

  describe('broken input files', () => {
    const args = [
      '--workspace',
      'services/billing',
      '--repo-root',
      '.',
      '--sccache-stats',
      'stats.json',
    ];

    /** The rules of the default policy on the one report, as `check` would see them. */
    function ruleOf(report: BuildCacheReport, ruleId: string) {
      const evaluation = evaluatePolicy({
        policy: DEFAULT_POLICY,
        input: {
          entity: { kind: 'Component', tags: [] },
          reports: [report],
          now: new Date('2026-01-31T12:00:00Z'),
        },
      });
      return evaluation.results.find(result => result.ruleId === ruleId);
    }

    /** `rust-build-cache check` on the written report, with the default policy. */
    async function runCheck() {
      const test = createTestSystem({
        cwd: repo,
        env: {},
        now: new Date('2026-01-31T12:00:00Z'),
      });
      const exitCode = await runCli(['check'], test.system);
      return { exitCode, stdout: test.stdout() };
    }

    it.each([
      [
        'an empty rust-toolchain',
        { 'rust-toolchain': '' },
        { file: 'rust-toolchain', message: 'the file is empty' },
      ],
      [
        'a rust-toolchain.toml without [toolchain]',
        { 'services/billing/rust-toolchain.toml': 'channel = "1.95.0"\n' },
        {
          file: 'services/billing/rust-toolchain.toml',
          message: 'the [toolchain] table is missing',
        },
      ],
    ])(
      'writes the report with %s as a problem, and the pin rule fails with it',
      async (_what, files, problem) => {
        await writeFiles(files);
        const result = await runCollect(args);

        expect(result.exitCode).toBe(0);
        expect(result.stderr).toContain(
          `warning: toolchain file at ${problem.file}: ${problem.message} (recorded in the report as a problem)`,
        );
        const report = await readReport();
        expect(report.problems).toEqual([problem]);
        expect(report.toolchain.file).toBeNull();
        // The statistics are all there.
        expect(report.sccache?.counters.hits).toEqual({ Rust: 2 });
        expect(result.stderr).toContain(
          `Toolchain (broken): ${problem.file} is broken: ${problem.message}`,
        );

        const pinned = ruleOf(report, 'toolchain-pinned-exact');
        expect(pinned).toMatchObject({
          result: 'fail',
          summary: `${problem.file} is broken: ${problem.message}. A toolchain file that cannot be read pins nothing.`,
          evidence: {
            numbers: {
              channel: null,
              file: problem.file,
              problem: problem.message,
            },
          },
        });
        const check = await runCheck();
        expect(check.exitCode).toBe(1);
        expect(check.stdout).toContain(
          `  Problem: ${problem.file}: ${problem.message}`,
        );
        expect(check.stdout).toContain(
          `FAIL    toolchain-pinned-exact (error): ${pinned!.summary}`,
        );
      },
    );

    it('writes the report with a corrupt Cargo.lock as a problem, and cargo-lock-committed fails with it', async () => {
      await writeFiles({
        'services/billing/Cargo.lock': 'version = 4\n[[package]\nname = "x"\n',
      });
      const result = await runCollect(args);

      expect(result.exitCode).toBe(0);
      const report = await readReport();
      expect(report.dependencies).toBeNull();
      expect(report.problems).toEqual([
        {
          file: 'services/billing/Cargo.lock',
          message: expect.stringMatching(/^not valid TOML: .*line 2/),
        },
      ]);
      expect(result.stderr).toMatch(
        /warning: Cargo\.lock at services\/billing\/Cargo\.lock: not valid TOML: .*\(recorded in the report as a problem\)/,
      );
      const lock = ruleOf(report, 'cargo-lock-committed');
      expect(lock?.result).toBe('fail');
      expect(lock?.evidence.numbers.file).toBe('services/billing/Cargo.lock');
      expect(lock?.summary).toMatch(
        /^services\/billing\/Cargo\.lock is broken: not valid TOML/,
      );
      const check = await runCheck();
      expect(check.stdout).toMatch(
        /FAIL {4}cargo-lock-committed \(error\): services\/billing\/Cargo\.lock is broken/,
      );
    });

    it('writes the report with a corrupt timings file, an unparsable Cargo.toml and a missing --timings file as problems', async () => {
      await writeFiles({
        'services/billing/target/cargo-timings/cargo-timing.html':
          '<html>no data</html>',
      });
      expect((await runCollect(args)).exitCode).toBe(0);
      const corruptTimings = await readReport();
      expect(corruptTimings.timings).toBeNull();
      expect(corruptTimings.problems).toEqual([
        {
          file: 'services/billing/target/cargo-timings/cargo-timing.html',
          message: expect.stringContaining('UNIT_DATA'),
        },
      ]);

      await writeFiles({ 'services/billing/Cargo.toml': '[profile.dev\n' });
      const result = await runCollect([...args, '--timings', 'nope.html']);
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toContain(
        'warning: cargo timings at nope.html: file not found (recorded in the report as a problem)',
      );
      const report = await readReport();
      expect(report.build.profiles).toEqual({});
      expect(report.problems).toEqual([
        {
          file: 'services/billing/Cargo.toml',
          message: expect.stringMatching(/^not valid TOML/),
        },
        { file: 'nope.html', message: 'file not found' },
      ]);
    });

    it('records a timings file outside the repository by its name', async () => {
      const outside = await mkdtemp(join(tmpdir(), 'rbc-target-'));
      try {
        await mkdir(join(outside, 'cargo-timings'));
        await writeFile(
          join(outside, 'cargo-timings', 'cargo-timing.html'),
          '<html></html>',
        );
        expect(
          (await runCollect([...args, '--target-dir', outside])).exitCode,
        ).toBe(0);
        expect((await readReport()).problems).toEqual([
          { file: 'cargo-timing.html', message: expect.any(String) },
        ]);
      } finally {
        await rm(outside, { recursive: true, force: true });
      }
    });

    it('exits 1 with --strict, after writing the report', async () => {
      await writeFiles({ 'rust-toolchain': '' });
      const result = await runCollect([...args, '--strict']);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(
        'rust-build-cache collect: error: 1 input file(s) are broken (--strict); the report was written anyway',
      );
      expect((await readReport()).problems).toEqual([
        { file: 'rust-toolchain', message: 'the file is empty' },
      ]);

      await writeFiles({ 'rust-toolchain': '1.95.0\n' });
      expect((await runCollect([...args, '--strict'])).exitCode).toBe(0);
      expect((await readReport()).problems).toBeUndefined();
    });

    it("keeps the report when rustup's rustc refuses the toolchain file", async () => {
      await writeFiles({ 'rust-toolchain': '' });
      const result = await runCollect(args, {
        commands: {
          // What rustup 1.29 prints for an empty rust-toolchain.
          rustc: () => ({
            found: true,
            exitCode: 1,
            stdout: '',
            stderr:
              "error: could not parse override file: '/repo/rust-toolchain'\n\nCaused by:\n    empty toolchain override file detected. Please remove it, or else specify the desired toolchain properties in the file\n\nStack backtrace:\n   0: anyhow::error\n",
          }),
        },
      });
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toContain(
        "warning: 'rustc -vV' failed with exit code 1 in ",
      );
      expect(result.stderr).toContain(
        'Caused by: empty toolchain override file detected. Please remove it, or else specify the desired toolchain properties in the file; the report will not say which rustc built the workspace',
      );
      expect(result.stderr).not.toContain('anyhow');
      const report = await readReport();
      expect(report.toolchain).toEqual({ file: null, rustc: null });
      expect(report.problems).toHaveLength(1);
    });
  });

  describe('errors', () => {
    const base = [
      '--workspace',
      'services/billing',
      '--repo-root',
      '.',
      '--sccache-stats',
      'stats.json',
    ];

    it.each([
      [
        'invalid sccache statistics',
        { 'stats.json': '{"stats": 1' },
        /error: sccache statistics at stats\.json: sccache statistics are not JSON/,
      ],
      [
        'statistics that are not sccache output',
        { 'stats.json': '{"hits": 1}' },
        /error: sccache statistics at stats\.json: sccache statistics have no "stats" object/,
      ],
    ])('names the file for %s (exit 1)', async (_what, files, message) => {
      await writeFiles(files);
      const result = await runCollect(base);
      expect(result.stderr).toMatch(message);
      expect(result.exitCode).toBe(1);
      await expect(
        readFile(join(repo, 'rust-build-cache-report.json')),
      ).rejects.toThrow(/ENOENT/);
    });

    it.each([
      [
        'a missing statistics file',
        ['--workspace', 'services/billing', '--sccache-stats', 'nope.json'],
        'sccache statistics at nope.json: file not found',
      ],
      [
        'a missing workspace',
        ['--workspace', 'services/nope', '--sccache-stats', 'stats.json'],
        'workspace directory services/nope: not found or not a directory',
      ],
      [
        'a directory without Cargo.toml',
        ['--workspace', 'services', '--sccache-stats', 'stats.json'],
        'no Cargo.toml in services: --workspace must be the root directory of a Cargo workspace',
      ],
      [
        'a statistics path that is a directory',
        ['--workspace', 'services/billing', '--sccache-stats', 'services'],
        /sccache statistics at services: cannot be read \(EISDIR/,
      ],
    ])('reports %s (exit 1)', async (_what, args, message) => {
      const result = await runCollect(args);
      expect(result.stderr).toMatch(message);
      expect(result.exitCode).toBe(1);
    });

    it('suggests --sccache-stats when sccache is not installed', async () => {
      const result = await runCollect(['--workspace', 'services/billing']);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(
        "error: sccache not found (no 'sccache' on PATH)",
      );
      expect(result.stderr).toContain('--sccache-stats stats.json');
    });

    it('shows what sccache printed when it fails', async () => {
      const result = await runCollect(['--workspace', 'services/billing'], {
        commands: {
          sccache: () => ({
            found: true,
            exitCode: 2,
            stdout: '',
            stderr:
              "error: Found argument '--stats-format' which wasn't expected\n",
          }),
        },
      });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(
        "'sccache --show-stats --stats-format=json' failed with exit code 2: error: Found argument '--stats-format'",
      );
    });

    it.each([
      [
        ['--kind', 'nightly'],
        "--kind must be 'ci' or 'prewarm', got 'nightly'",
      ],
      [
        ['--run-attempt', 'x'],
        "--run-attempt must be a positive integer, got 'x'",
      ],
      [['--branch', ''], '--branch must not be empty'],
      [
        ['--cargo-profile', 'rel ease'],
        "--cargo-profile must be a name of letters, digits, '.', '-' and '_', got 'rel ease'",
      ],
      [['--frobnicate'], "Unknown option '--frobnicate'"],
      [['extra'], "Unexpected argument 'extra'"],
      [['--workspace', '..'], 'is not inside the repository root'],
    ])('rejects the command line %j (exit 2)', async (args, message) => {
      const result = await runCollect([...base, ...args]);
      expect(result.stderr).toContain(message);
      expect(result.exitCode).toBe(2);
    });
  });
});
