import { resolve } from 'node:path';
import {
  collectBuildEnv,
  computeRunMetrics,
  formatReportIssues,
  REPORT_SCHEMA_VERSION,
  validateReport,
  type BuildCacheReport,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { detectCi } from '../ci/detectCi';
import {
  OVERRIDE_NAMES,
  resolveReportSource,
  type SourceOverrides,
} from '../ci/reportSource';
import { parseCommandArgs } from '../lib/args';
import { readDependencies, readProfiles, readTimings } from '../lib/cargoFiles';
import {
  errorMessage,
  EXIT_FAILURE,
  EXIT_OK,
  InputError,
  UsageError,
} from '../lib/errors';
import { createGitQueries } from '../lib/git';
import { displayPath } from '../lib/paths';
import { readKeyInputs } from '../lib/keyInputs';
import { InputProblems } from '../lib/problems';
import { readRustcInfo } from '../lib/rustc';
import { readSccacheStats } from '../lib/sccache';
import { formatConsoleSummary, formatMarkdownSummary } from '../lib/summary';
import type { System } from '../lib/system';
import { readToolchainFile } from '../lib/toolchain';
import {
  resolveRepoRoot,
  resolveWorkspaceDir,
  workspacePathInRepo,
} from '../lib/workspace';

export const DEFAULT_REPORT_FILE = 'rust-build-cache-report.json';

export const collectHelp = `Usage: rust-build-cache collect [flags]

Collects sccache statistics, the toolchain pin, the Cargo.lock fingerprint, Cargo profiles,
cache-relevant environment variables and cargo timings of one build into a report file.
Run it right after the build, in the same job and environment: the workspace directory,
the cargo home and the CARGO_* variables are part of sccache's Rust cache keys, and the
report records the paths and, of every CARGO_* variable, the sha256 of its value (never
the value).

Inputs:
  --workspace DIR        Cargo workspace root (default: .)
  --repo-root DIR        repository root (default: git top level of the workspace, else .)
  --sccache-stats FILE   output of 'sccache --show-stats --stats-format=json'
                         (default: run that command; the binary is $SCCACHE_PATH or 'sccache')
  --timings FILE         cargo-timing.html of 'cargo build --timings'
                         (default: <target-dir>/cargo-timings/cargo-timing.html if present)
  --target-dir DIR       cargo's target directory (default: $CARGO_TARGET_DIR, else <workspace>/target)
  --kind ci|prewarm      a normal CI build, or a job that pre-warms the cache (default: ci)
  --cargo-profile NAME   [RUST_BUILD_CACHE_CARGO_PROFILE] the cargo profile the build used:
                         dev, release or a custom one (cargo has no variable for it)
  --target TRIPLE        [CARGO_BUILD_TARGET] the target triple the build compiled for
                         (default: unknown, i.e. the host triple)

Output:
  --output FILE          report file to write (default: ${DEFAULT_REPORT_FILE})
  --redact-paths         record the workspace directory and the cargo home only as their
                         sha256 (they are part of sccache's Rust cache keys; by default
                         the report holds the absolute paths)
  --strict               exit 1 when an input file is broken (after writing the report)

Run identity (detected on GitHub Actions, GitLab CI and Buildkite; each flag can also be set
with the environment variable in brackets, and flags win):
  --repository HOST/OWNER/NAME   [RUST_BUILD_CACHE_REPOSITORY]  (else CI variables, else git remote 'origin')
  --run-id ID                    [RUST_BUILD_CACHE_RUN_ID]      required outside a known CI
  --run-attempt N                [RUST_BUILD_CACHE_RUN_ATTEMPT] (default: 1)
  --job NAME                     [RUST_BUILD_CACHE_JOB]         (default: build)
  --branch NAME                  [RUST_BUILD_CACHE_BRANCH]      (else CI variables, else git)
  --commit SHA                   [RUST_BUILD_CACHE_COMMIT]      (else CI variables, else git)
  --run-url URL                  [RUST_BUILD_CACHE_RUN_URL]
  --started-at TIMESTAMP         [RUST_BUILD_CACHE_STARTED_AT]  ISO 8601 with time zone

Other environment variables: RUSTC (rustc to ask for its version, default 'rustc'),
SCCACHE_PATH, CARGO_TARGET_DIR, GITHUB_STEP_SUMMARY (a Markdown summary is appended on
GitHub Actions).

A broken toolchain file, Cargo.lock, Cargo.toml or timings file (or a missing --timings
file) does not cost the build's statistics: the report is written without what that file
would tell, records the file and what is wrong with it in "problems", and collect prints a
warning. The policy counts a broken toolchain file or Cargo.lock as a failing pin.

Exit codes: 0 report written (with --strict: and no input file is broken), 1 no report
(the sccache statistics or the run identity are missing or invalid, the workspace has no
Cargo.toml, the report cannot be written) or, with --strict, a report with problems,
2 bad command line.
`;

const COLLECT_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  workspace: { type: 'string' },
  'repo-root': { type: 'string' },
  'sccache-stats': { type: 'string' },
  timings: { type: 'string' },
  'target-dir': { type: 'string' },
  kind: { type: 'string' },
  output: { type: 'string' },
  repository: { type: 'string' },
  'run-id': { type: 'string' },
  'run-attempt': { type: 'string' },
  job: { type: 'string' },
  branch: { type: 'string' },
  commit: { type: 'string' },
  'run-url': { type: 'string' },
  'started-at': { type: 'string' },
  'cargo-profile': { type: 'string' },
  target: { type: 'string' },
  strict: { type: 'boolean' },
  'redact-paths': { type: 'boolean' },
} as const;

type ReportKind = BuildCacheReport['kind'];

function parseKind(value: string | undefined): ReportKind {
  if (value === undefined || value === 'ci' || value === 'prewarm')
    return value ?? 'ci';
  throw new UsageError(`--kind must be 'ci' or 'prewarm', got '${value}'`);
}

interface CollectOptions {
  kind: ReportKind;
  overrides: SourceOverrides;
  workspace: string | undefined;
  repoRoot: string | undefined;
  sccacheStats: string | undefined;
  timings: string | undefined;
  targetDir: string | undefined;
  /** From the flags only; the environment is read in buildReport. */
  cargoProfile: string | undefined;
  target: string | undefined;
  output: string;
  strict: boolean;
  redactPaths: boolean;
}

type Warn = (message: string) => void;

export async function collectCommand(
  args: string[],
  system: System,
): Promise<number> {
  const flags = parseCommandArgs('collect', args, COLLECT_OPTIONS);
  if (flags.help) {
    system.stdout(collectHelp);
    return EXIT_OK;
  }
  const options = toCollectOptions(flags);
  const warn: Warn = message => system.stderr(`warning: ${message}\n`);
  const report = await buildReport(system, options, warn);
  const outputPath = resolve(system.cwd, options.output);
  await writeReport(system, outputPath, report);
  const metrics = report.sccache ? computeRunMetrics(report.sccache) : null;
  const shownPath = displayPath(system.cwd, outputPath);
  system.stderr(formatConsoleSummary(report, metrics, shownPath));
  await appendGitHubStepSummary(
    system,
    formatMarkdownSummary(report, metrics),
    warn,
  );
  const problems = report.problems?.length ?? 0;
  if (options.strict && problems > 0) {
    system.stderr(
      `rust-build-cache collect: error: ${problems} input file(s) are broken (--strict); the report was written anyway\n`,
    );
    return EXIT_FAILURE;
  }
  return EXIT_OK;
}

function toCollectOptions(
  flags: ReturnType<typeof parseCommandArgs<typeof COLLECT_OPTIONS>>,
): CollectOptions {
  const overrides: SourceOverrides = {
    repository: flags.repository,
    runId: flags['run-id'],
    runAttempt: flags['run-attempt'],
    job: flags.job,
    branch: flags.branch,
    commit: flags.commit,
    runUrl: flags['run-url'],
    startedAt: flags['started-at'],
  };
  rejectEmptyOverrides(overrides);
  return {
    kind: parseKind(flags.kind),
    overrides,
    workspace: flags.workspace,
    repoRoot: flags['repo-root'],
    sccacheStats: flags['sccache-stats'],
    timings: flags.timings,
    targetDir: flags['target-dir'],
    cargoProfile: checkedBuildName('--cargo-profile', flags['cargo-profile']),
    target: checkedBuildName('--target', flags.target),
    output: flags.output ?? DEFAULT_REPORT_FILE,
    strict: flags.strict ?? false,
    redactPaths: flags['redact-paths'] ?? false,
  };
}

/** Profile names and target triples: letters, digits, `-`, `_` and `.` (custom target specs aside). */
function checkedBuildName(
  flag: string,
  value: string | undefined,
): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value)) {
    throw new UsageError(
      `${flag} must be a name of letters, digits, '.', '-' and '_', got '${value}'`,
    );
  }
  return value;
}

/**
 * The build's cargo profile and target: a flag wins over its variable. Cargo selects the
 * profile only on its command line (`--release`, `--profile`), so the profile's variable is
 * this CLI's own; the target is cargo's `CARGO_BUILD_TARGET` (config `build.target`).
 */
function buildProfileAndTarget(
  options: CollectOptions,
  env: Record<string, string | undefined>,
): { cargoProfile: string | null; target: string | null } {
  const fromEnv = (name: string) => {
    const value = env[name]?.trim();
    return value ? checkedBuildName(name, value) : undefined;
  };
  return {
    cargoProfile:
      options.cargoProfile ?? fromEnv('RUST_BUILD_CACHE_CARGO_PROFILE') ?? null,
    target: options.target ?? fromEnv('CARGO_BUILD_TARGET') ?? null,
  };
}

/** Reads every input and returns the validated report. */
async function buildReport(
  system: System,
  options: CollectOptions,
  warn: Warn,
): Promise<BuildCacheReport> {
  const workspaceDir = await resolveWorkspaceDir(system, options.workspace);
  // rustc (through rustup, ~50 ms) runs while this process reads and parses the files; its
  // warnings are given once it has answered.
  const rustcWarnings: string[] = [];
  const rustcRead = readRustcInfo(system, workspaceDir, message =>
    rustcWarnings.push(message),
  );
  // Awaited below; a failure of another input first must not leave it unhandled.
  rustcRead.catch(() => {});
  const git = createGitQueries(system, workspaceDir);
  const repoRoot = await resolveRepoRoot(system, git, options.repoRoot);
  const source = await resolveReportSource({
    overrides: options.overrides,
    env: system.env,
    ci: detectCi(system.env),
    git,
    workspacePath: workspacePathInRepo(repoRoot, workspaceDir),
    finishedAt: system.now(),
    warn,
  });
  const statsFile = options.sccacheStats;
  const problems = new InputProblems({ system, repoRoot, warn });
  const sccache = await readSccacheStats(
    system,
    { statsFile, workspaceDir },
    warn,
  );
  const toolchainFile = await readToolchainFile(
    system,
    workspaceDir,
    repoRoot,
    problems,
  );
  const dependencies = await readDependencies(system, workspaceDir, problems);
  const profiles = await readProfiles(system, workspaceDir, problems);
  const timings = await readTimings(
    system,
    {
      timingsFile: options.timings,
      targetDir: options.targetDir,
      workspaceDir,
    },
    problems,
  );
  // Awaited after the parsing of the large files (Cargo.lock, timings), which is what
  // rustc's start-up (through rustup) overlaps with.
  const rustc = await rustcRead.finally(() => rustcWarnings.forEach(warn));
  const report: BuildCacheReport = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    kind: options.kind,
    source,
    sccache,
    toolchain: { file: toolchainFile, rustc },
    dependencies,
    build: {
      profiles,
      ...buildProfileAndTarget(options, system.env),
      env: collectBuildEnv(system.env),
    },
    timings,
    keyInputs: readKeyInputs(system, workspaceDir, options.redactPaths),
  };
  // Only when there are some: reports of a healthy build look as before.
  if (problems.list().length > 0) report.problems = problems.list();
  const validation = validateReport(report, { now: system.now() });
  if (!validation.ok) {
    const issues = formatReportIssues(validation.issues);
    throw new InputError(
      `the collected report does not match report schema ${REPORT_SCHEMA_VERSION} ` +
        `(a flag value is out of range, or this is a bug):\n${issues}`,
    );
  }
  return validation.report;
}

/** `--branch ''` would silently fall back to the CI value; say so instead. */
function rejectEmptyOverrides(overrides: SourceOverrides) {
  for (const [key, value] of Object.entries(overrides) as Array<
    [keyof SourceOverrides, string | undefined]
  >) {
    if (value !== undefined && value.trim() === '') {
      throw new UsageError(`${OVERRIDE_NAMES[key].flag} must not be empty`);
    }
  }
}

async function writeReport(
  system: System,
  path: string,
  report: BuildCacheReport,
) {
  try {
    await system.writeTextFile(path, `${JSON.stringify(report, null, 2)}\n`);
  } catch (error) {
    throw new InputError(
      `cannot write the report to ${displayPath(
        system.cwd,
        path,
      )}: ${errorMessage(error)}`,
    );
  }
}

/** On GitHub Actions, shows the summary on the run's page. Failing to do so does not fail collect. */
export async function appendGitHubStepSummary(
  system: System,
  markdown: string,
  warn: Warn,
) {
  const summaryFile = system.env.GITHUB_STEP_SUMMARY;
  if (system.env.GITHUB_ACTIONS !== 'true' || !summaryFile) return;
  try {
    await system.appendTextFile(summaryFile, markdown);
  } catch (error) {
    warn(
      `cannot append to GITHUB_STEP_SUMMARY (${summaryFile}): ${errorMessage(
        error,
      )}`,
    );
  }
}
