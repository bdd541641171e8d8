/**
 * The GitHub Action around the rust-build-cache CLI: `main` runs where the step is placed
 * (before the build) and remembers when the job's build started; `post` runs after the
 * job's other steps, also when they failed, and runs `collect` and `push` per workspace.
 * Both are bundled with the CLI into dist/ (build.mjs), so nothing is installed at run time.
 */
import { appendFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../packages/ci-reporter/src/cli';
import { createNodeSystem } from '../../../packages/ci-reporter/src/lib/system';

type Env = Record<string, string | undefined>;

/** An input as the runner passes it: `INPUT_<NAME>`, upper case, spaces as underscores. */
function input(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export interface ActionInputs {
  url: string;
  token: string;
  workspaces: string[];
  strict: boolean;
  cargoProfile: string;
  sccacheStats: string;
}

export function readInputs(env: Env): ActionInputs {
  const strictText = input(env, 'strict').toLowerCase() || 'false';
  if (strictText !== 'true' && strictText !== 'false') {
    throw new Error(
      `input 'strict' must be 'true' or 'false', not '${strictText}'`,
    );
  }
  const url = input(env, 'url');
  if (!url)
    throw new Error(
      "input 'url' is required (the Backstage backend's base URL)",
    );
  if (!/^https?:\/\//.test(url)) {
    throw new Error(`input 'url' must be an http(s) URL, not '${url}'`);
  }
  const workspaces = input(env, 'workspaces')
    .split('\n')
    .map(line => line.trim())
    .filter(Boolean);
  return {
    url,
    token: input(env, 'token'),
    workspaces: workspaces.length > 0 ? workspaces : ['.'],
    strict: strictText === 'true',
    cargoProfile: input(env, 'cargo-profile'),
    sccacheStats: input(env, 'sccache-stats'),
  };
}

/** A workflow command line (`::warning::…`); the runner reads them from stdout. */
function command(name: string, message: string) {
  const escaped = message
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A');
  process.stdout.write(`::${name}::${escaped}\n`);
}

const STARTED_AT = 'started-at';

/** The main step: checks the inputs early (a typo fails at the top of the job), masks the token. */
export async function runMain(env: Env = process.env): Promise<number> {
  try {
    const inputs = readInputs(env);
    if (inputs.token) command('add-mask', inputs.token);
    if (env.GITHUB_STATE) {
      appendFileSync(
        env.GITHUB_STATE,
        `${STARTED_AT}=${new Date().toISOString()}\n`,
      );
    }
    process.stdout.write(
      `rust-build-cache: reporting ${inputs.workspaces.join(', ')} to ${
        inputs.url
      } after the job's steps\n`,
    );
    return 0;
  } catch (error) {
    command('error', `rust-build-cache: ${(error as Error).message}`);
    return 1;
  }
}

/** The post step: collect and push per workspace; fails the job only with `strict`. */
export async function runPost(env: Env = process.env): Promise<number> {
  let inputs: ActionInputs;
  try {
    inputs = readInputs(env);
  } catch (error) {
    command('error', `rust-build-cache: ${(error as Error).message}`);
    return 1;
  }
  const problem = inputs.strict
    ? (message: string) => command('error', message)
    : (message: string) => command('warning', message);
  // The CLI reads the URL and token from the environment: a token never goes on a command line.
  process.env.RUST_BUILD_CACHE_URL = inputs.url;
  if (inputs.token) process.env.RUST_BUILD_CACHE_TOKEN = inputs.token;
  const startedAt = env[`STATE_${STARTED_AT}`];
  if (startedAt && !process.env.RUST_BUILD_CACHE_STARTED_AT) {
    process.env.RUST_BUILD_CACHE_STARTED_AT = startedAt;
  }
  if (env.GITHUB_WORKSPACE) process.chdir(env.GITHUB_WORKSPACE);
  const outDir = join(env.RUNNER_TEMP || tmpdir(), 'rust-build-cache');
  mkdirSync(outDir, { recursive: true });

  const system = createNodeSystem();
  const strict = inputs.strict ? ['--strict'] : [];
  let failures = 0;
  for (const [index, workspace] of inputs.workspaces.entries()) {
    const report = join(
      outDir,
      `${index + 1}-${workspace.replace(/[^\w.-]+/g, '_')}.json`,
    );
    process.stdout.write(`::group::rust-build-cache: ${workspace}\n`);
    // A report left by an earlier job on a self-hosted runner must not be pushed as this one.
    rmSync(report, { force: true });
    try {
      const collected = await runCli(
        [
          'collect',
          '--workspace',
          workspace,
          '--output',
          report,
          ...(inputs.sccacheStats
            ? ['--sccache-stats', inputs.sccacheStats]
            : []),
          ...(inputs.cargoProfile
            ? ['--cargo-profile', inputs.cargoProfile]
            : []),
          ...strict,
        ],
        system,
      );
      if (!existsSync(report)) {
        failures++;
        problem(
          `rust-build-cache: no report for ${workspace} (collect exited ${collected})`,
        );
        continue;
      }
      if (collected !== 0) failures++;
      if (!inputs.token) {
        command(
          'warning',
          `rust-build-cache: no token, so the report of ${workspace} was not pushed (kept at ${report})`,
        );
        continue;
      }
      // --strict so that the exit code says whether the report was stored; the action
      // decides from `strict` whether that fails the job.
      const pushed = await runCli(
        ['push', '--report', report, '--strict'],
        system,
      );
      if (pushed !== 0) {
        failures++;
        problem(
          `rust-build-cache: the report of ${workspace} was not stored (push exited ${pushed})`,
        );
      }
    } finally {
      process.stdout.write('::endgroup::\n');
    }
  }
  return inputs.strict && failures > 0 ? 1 : 0;
}
