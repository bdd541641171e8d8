import { existsSync, statSync } from 'node:fs';
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import {
  PrewarmExecutionContext,
  PrewarmExecutionResult,
  PrewarmExecutor,
  PrewarmExecutorRecoveryContext,
} from '@rust-build-cache/plugin-rust-build-cache-node';
import { LocalExecutorConfig, sourceOf } from './localConfig';
import { keyDifferences } from './keyDifferences';
import { cargoBuildArgs, readRustc } from './warmBuild';
import {
  cleanUpStaleJobDirs,
  createJobDir,
  startJobSccacheServer,
} from './localJobs';
import {
  ChildEnv,
  findExecutable,
  findFreePort,
  lastLines,
  ProcessResult,
  runProcess,
} from './processes';

import { LOCAL_KEY as KEY } from './localConfig';

/** A failure with a message fit for the job's error field. */
class WarmJobError extends Error {}

/**
 * Variables of the backend's own environment that a warm build gets: what finds programs
 * and toolchains. Everything else (credentials of the backend, its CARGO_* and SCCACHE_*
 * settings) stays out: sccache hashes every CARGO_* variable into its keys, so the warm
 * build's environment must be the consumers', not the backend's.
 */
const INHERITED_ENV = [
  'PATH',
  'HOME',
  'USER',
  'LANG',
  'LC_ALL',
  'TMPDIR',
  'RUSTUP_HOME',
];

/**
 * Runs warm builds on the Backstage host: checks out the representative repository, builds
 * it through a private sccache server that writes into the shared cache directory, and
 * ingests the `kind: prewarm` report of the CLI's `collect`.
 */
export class LocalPrewarmExecutor implements PrewarmExecutor {
  readonly id = 'local';
  readonly title = 'Local (Backstage host)';
  readonly description =
    'Builds on the Backstage host into a local sccache directory. For trying pre-warming out and for hosts that share their cache directory with CI.';

  constructor(
    private readonly config: LocalExecutorConfig,
    private readonly options: {
      /** The `rust-build-cache` CLI; default: the bin of @rust-build-cache/ci-reporter. */
      cliPath?: string;
      /** The environment the inherited variables come from; default `process.env`. */
      baseEnv?: NodeJS.ProcessEnv;
    } = {},
  ) {}

  async execute(ctx: PrewarmExecutionContext): Promise<PrewarmExecutionResult> {
    const jobDir = await createJobDir(this.config.workDirectory, ctx.job);
    try {
      return await this.run(ctx, jobDir);
    } catch (error) {
      if (ctx.signal.aborted) {
        throw error;
      }
      if (error instanceof WarmJobError) {
        ctx.appendLog(`\nerror: ${error.message}\n`);
        return { outcome: 'failed', error: error.message };
      }
      throw error;
    } finally {
      await rm(jobDir, { recursive: true, force: true }).catch(error =>
        ctx.logger.warn(`Could not remove ${jobDir}: ${error}`),
      );
    }
  }

  private async run(
    ctx: PrewarmExecutionContext,
    jobDir: string,
  ): Promise<PrewarmExecutionResult> {
    const { job, signal } = ctx;
    const baseEnv = this.options.baseEnv ?? process.env;
    const cargo = this.requireProgram('cargo', this.config.cargoPath, baseEnv);
    const sccache = this.requireProgram(
      'sccache',
      this.config.sccachePath,
      baseEnv,
    );
    const git = findExecutable('git', baseEnv.PATH);

    // 1. The representative repository at the commit, in a fresh directory.
    const { repository, workspacePath } = job.representative;
    const checkoutDir = join(jobDir, 'checkout');
    const commit = await this.checkout(ctx, {
      source: sourceOf(this.config, repository),
      checkoutDir,
      git,
    });
    const workspaceDir = resolve(checkoutDir, workspacePath);
    if (
      !workspaceDir.startsWith(checkoutDir) ||
      !existsSync(join(workspaceDir, 'Cargo.toml'))
    ) {
      throw new WarmJobError(
        `No Cargo.toml at workspace path '${workspacePath}' of ${repository}`,
      );
    }

    // 2. The consumers' environment, as far as the key tells it.
    const port = await findFreePort();
    const env = this.buildEnv(ctx, { baseEnv, sccache, port });
    const rustc = await readRustc(cargo, workspaceDir, env, signal);

    // 3. The build, through a private sccache server.
    await mkdir(this.config.sccacheDir, { recursive: true });
    const sccacheEnv = { ...env, RUSTC_WRAPPER: sccache };
    const started = await startJobSccacheServer({
      sccache,
      jobDir,
      port,
      env: sccacheEnv,
      cwd: workspaceDir,
      signal,
      onOutput: text => ctx.appendLog(text),
    });
    if (started.exitCode !== 0) {
      throw new WarmJobError(
        `sccache --start-server failed (port ${port}): ${started.tail.trim()}`,
      );
    }
    const startedAt = new Date().toISOString();
    try {
      const args = cargoBuildArgs(job.key, rustc?.host ?? null);
      ctx.appendLog(`$ cargo ${args.join(' ')}\n`);
      const build = await runProcess(cargo, args, {
        cwd: workspaceDir,
        env: sccacheEnv,
        signal,
        onOutput: text => ctx.appendLog(text),
      });
      if (build.exitCode !== 0) {
        throw new WarmJobError(
          `cargo build failed (${exitText(build)}):\n${lastLines(
            build.tail.trim(),
            20,
          )}`,
        );
      }

      // 4. The report, built by the CLI exactly like a CI job's (stats of this server).
      const reportFile = join(jobDir, 'rust-build-cache-report.json');
      const collect = await runProcess(
        process.execPath,
        [
          this.cliPath(),
          'collect',
          '--kind',
          'prewarm',
          '--workspace',
          workspaceDir,
          '--repo-root',
          checkoutDir,
          '--repository',
          repository,
          '--run-id',
          job.jobId,
          '--job',
          'prewarm',
          ...(commit ? ['--commit', commit] : []),
          '--started-at',
          startedAt,
          '--output',
          reportFile,
        ],
        {
          cwd: jobDir,
          env: { ...sccacheEnv, SCCACHE_PATH: sccache },
          signal,
          onOutput: text => ctx.appendLog(text),
        },
      );
      if (collect.exitCode !== 0) {
        throw new WarmJobError(
          `rust-build-cache collect failed (${exitText(
            collect,
          )}):\n${collect.tail.trim()}`,
        );
      }
      const report = JSON.parse(await readFile(reportFile, 'utf8'));
      for (const warning of keyDifferences(job.key, report)) {
        ctx.appendLog(`warning: ${warning}\n`);
      }
      const stored = await ctx.ingest(report);
      const cacheWrites: number | null =
        report.sccache?.counters?.cacheWrites ?? null;
      ctx.appendLog(
        `\nWarm build done: ${cacheWrites ?? 'unknown'} cache writes, report ${
          stored.id
        }.\n`,
      );
      return { outcome: 'succeeded', cacheWrites, reportId: stored.id };
    } finally {
      // Also after an abort: the private server must not outlive the job.
      await runProcess(sccache, ['--stop-server'], {
        cwd: jobDir,
        env: sccacheEnv,
        signal: AbortSignal.timeout(30_000),
      }).catch(error =>
        ctx.logger.warn(`Could not stop sccache on port ${port}: ${error}`),
      );
    }
  }

  /**
   * Removes the work directories of jobs that a stopped backend left behind, and stops the
   * sccache servers it started for them (see `cleanUpStaleJobDirs`).
   */
  async recoverStaleJobs(
    context: PrewarmExecutorRecoveryContext,
  ): Promise<void> {
    await cleanUpStaleJobDirs({
      workDirectory: this.config.workDirectory,
      isJobUnfinished: context.isJobUnfinished,
      logger: context.logger,
    });
  }

  private requireProgram(
    name: string,
    configured: string,
    baseEnv: NodeJS.ProcessEnv,
  ): string {
    const found = findExecutable(configured, baseEnv.PATH);
    if (!found) {
      throw new WarmJobError(
        `${name} not found: '${configured}' is not ${
          configured.includes('/') ? 'an executable file' : 'on PATH'
        }. Install ${name} on the Backstage host or set ${KEY}.${name}Path.`,
      );
    }
    return found;
  }

  /** Clones a git source (URL or local repository) at the commit, or copies a plain directory. */
  private async checkout(
    ctx: PrewarmExecutionContext,
    options: { source: string; checkoutDir: string; git: string | null },
  ): Promise<string | null> {
    const { job, signal } = ctx;
    const { source, checkoutDir, git } = options;
    const wanted = job.representative.commit;
    const isLocal = source.startsWith('/');
    if (isLocal && !existsSync(source)) {
      throw new WarmJobError(
        `Source of ${job.representative.repository} does not exist: ${source} (${KEY}.sources)`,
      );
    }
    if (isLocal && !existsSync(join(source, '.git'))) {
      if (!statSync(source).isDirectory()) {
        throw new WarmJobError(
          `Source of ${job.representative.repository} is not a directory: ${source} (${KEY}.sources)`,
        );
      }
      ctx.appendLog(
        `Copying ${source} (not a git repository${
          wanted ? `, so commit ${wanted} is not checked` : ''
        })\n`,
      );
      await cp(source, checkoutDir, {
        recursive: true,
        filter: path => basename(path) !== 'target' || dirname(path) !== source,
      });
      return wanted;
    }
    if (!git) {
      throw new WarmJobError(
        `git not found on PATH: needed to clone ${source} for ${job.representative.repository}`,
      );
    }
    const gitEnv: ChildEnv = {
      ...pick(process.env, INHERITED_ENV),
      // Never wait for a password prompt in a background job.
      GIT_TERMINAL_PROMPT: '0',
    };
    const runGit = async (args: string[], cwd: string) => {
      ctx.appendLog(`$ git ${args.join(' ')}\n`);
      const result = await runProcess(git, args, {
        cwd,
        env: gitEnv,
        signal,
        onOutput: text => ctx.appendLog(text),
        captureStdout: true,
      });
      if (result.exitCode !== 0) {
        throw new WarmJobError(
          `git ${args[0]} of ${source} failed (${exitText(
            result,
          )}): ${result.tail.trim()}`,
        );
      }
      return result.stdout.trim();
    };
    await runGit(
      ['clone', '--quiet', '--no-checkout', source, checkoutDir],
      dirname(checkoutDir),
    );
    await runGit(
      [
        '-c',
        'advice.detachedHead=false',
        'checkout',
        '--quiet',
        wanted ?? 'HEAD',
      ],
      checkoutDir,
    );
    return runGit(['rev-parse', 'HEAD'], checkoutDir);
  }

  private buildEnv(
    ctx: PrewarmExecutionContext,
    options: { baseEnv: NodeJS.ProcessEnv; sccache: string; port: number },
  ): ChildEnv {
    const { key } = ctx.job;
    const env: ChildEnv = {
      ...pick(options.baseEnv, INHERITED_ENV),
      // CARGO_* variables are hashed by name and value: pass the backend's value only for
      // names the consumers set too (e.g. CARGO_HOME, which also decides registry paths).
      ...pick(
        options.baseEnv,
        key.cargoVarNames.filter(name => name !== 'CARGO_INCREMENTAL'),
      ),
      ...this.config.env,
      // sccache hashes CARGO_INCREMENTAL too: set it (to the only value sccache can cache
      // with) when the consumers set it, and leave it unset when they do not. Their
      // dependencies compile non-incrementally either way.
      ...(key.cargoVarNames.includes('CARGO_INCREMENTAL')
        ? { CARGO_INCREMENTAL: '0' }
        : {}),
      SCCACHE_DIR: this.config.sccacheDir,
      SCCACHE_SERVER_PORT: String(options.port),
      SCCACHE_IDLE_TIMEOUT: String(this.config.sccacheIdleTimeoutSeconds),
    };
    return env;
  }

  private cliPath(): string {
    return (
      this.options.cliPath ??
      join(
        dirname(require.resolve('@rust-build-cache/ci-reporter/package.json')),
        'bin',
        'rust-build-cache',
      )
    );
  }
}

function pick(env: NodeJS.ProcessEnv, names: string[]): ChildEnv {
  const picked: ChildEnv = {};
  for (const name of names) {
    const value = env[name];
    if (value !== undefined) {
      picked[name] = value;
    }
  }
  return picked;
}

function exitText(result: ProcessResult): string {
  return result.signal
    ? `killed by ${result.signal}`
    : `exit code ${result.exitCode}`;
}
