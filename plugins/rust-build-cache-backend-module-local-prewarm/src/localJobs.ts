import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { LoggerService } from '@backstage/backend-plugin-api';
import { PrewarmJobSpec } from '@rust-build-cache/plugin-rust-build-cache-node';
import {
  currentProcessIdentity,
  findMarkedSccacheProcesses,
  isProcessGone,
  ProcessIdentity,
  stopProcess,
} from './ownProcesses';
import { ChildEnv, ProcessResult, runProcess } from './processes';

/**
 * What a local warm job leaves on the host while it runs: its work directory (checkout,
 * target directory) and its private sccache server. A backend that stops without shutting
 * down leaves both behind; the next start cleans them up.
 */

/** Set only on the sccache servers of local jobs: proof that the executor started them. */
export const JOB_DIR_ENV = 'RUST_BUILD_CACHE_PREWARM_JOB_DIR';

const INFO_FILE = 'job.json';

const START_ATTEMPTS = 3;
const STARTUP_TIMED_OUT = /Timed out waiting for server startup/;

/** `job.json` in a job's work directory. */
interface JobDirInfo {
  jobId: string;
  runId: string;
  /** The backend process running the job. */
  owner: ProcessIdentity;
  /** The job's sccache server, once started: for the log and for people looking. */
  sccache: { port: number; pids: number[] } | null;
}

function dirPrefix(jobId: string): string {
  return `job-${jobId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40)}-`;
}

/** The job id in a directory name from {@link dirPrefix} and mkdtemp, when it is a whole UUID (the backend's job ids). */
function jobIdOfDirName(name: string): string | null {
  const match =
    /^job-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-[A-Za-z0-9]{6}$/i.exec(
      name,
    );
  return match ? match[1] : null;
}

/** A fresh work directory for the job, with `job.json` naming the job and this process. */
export async function createJobDir(
  workDirectory: string,
  job: Pick<PrewarmJobSpec, 'jobId' | 'runId'>,
): Promise<string> {
  await mkdir(workDirectory, { recursive: true });
  const jobDir = await mkdtemp(join(workDirectory, dirPrefix(job.jobId)));
  const info: JobDirInfo = {
    jobId: job.jobId,
    runId: job.runId,
    owner: await currentProcessIdentity(),
    sccache: null,
  };
  await writeFile(
    join(jobDir, INFO_FILE),
    `${JSON.stringify(info, null, 2)}\n`,
  );
  return jobDir;
}

async function readInfo(jobDir: string): Promise<JobDirInfo | null> {
  try {
    const info = JSON.parse(await readFile(join(jobDir, INFO_FILE), 'utf8'));
    return typeof info?.jobId === 'string' && typeof info?.owner === 'object'
      ? info
      : null;
  } catch {
    return null;
  }
}

/**
 * Starts the job's private sccache server (`sccache --start-server` with the job's
 * `SCCACHE_SERVER_PORT` in `env`), marked with the job directory in its environment, and
 * records its port and pid in `job.json`.
 */
export async function startJobSccacheServer(options: {
  sccache: string;
  jobDir: string;
  port: number;
  env: ChildEnv;
  cwd: string;
  signal: AbortSignal;
  onOutput?: (text: string) => void;
}): Promise<ProcessResult> {
  const { sccache, jobDir, port } = options;
  let started: ProcessResult;
  for (let attempt = 1; ; attempt++) {
    started = await runProcess(sccache, ['--start-server'], {
      cwd: options.cwd,
      env: { ...options.env, [JOB_DIR_ENV]: jobDir },
      signal: options.signal,
      onOutput: options.onOutput,
    });
    // sccache 0.4 waits 10 s for its server (only a config file can change that); a busy
    // host can take longer, and the usual remedy is to try again (mozilla/sccache#2076).
    const timedOut =
      started.exitCode !== 0 && STARTUP_TIMED_OUT.test(started.tail);
    if (!timedOut || attempt === START_ATTEMPTS || options.signal.aborted) {
      break;
    }
    options.onOutput?.(
      `sccache server start timed out (attempt ${attempt} of ${START_ATTEMPTS}); trying again\n`,
    );
  }
  if (started.exitCode === 0) {
    const info = await readInfo(jobDir);
    if (info) {
      info.sccache = {
        port,
        pids: await findMarkedSccacheProcesses(JOB_DIR_ENV, jobDir),
      };
      await writeFile(
        join(jobDir, INFO_FILE),
        `${JSON.stringify(info, null, 2)}\n`,
      );
    }
  }
  return started;
}

/**
 * Removes the work directories of jobs that are over, and stops the sccache servers the
 * executor started for them. A directory is left alone while the database has its job
 * queued or running (a live replica sharing the work directory may be running it), unless
 * the process that owned it is provably gone (this host, restarted before its runs were
 * taken as interrupted). A server is stopped only when it carries the directory's marker.
 */
export async function cleanUpStaleJobDirs(options: {
  workDirectory: string;
  isJobUnfinished(jobId: string): Promise<boolean>;
  logger: LoggerService;
}): Promise<{ removed: string[]; stoppedServers: number[] }> {
  const { workDirectory, isJobUnfinished, logger } = options;
  const removed: string[] = [];
  const stoppedServers: number[] = [];
  let entries: string[];
  try {
    entries = await readdir(workDirectory);
  } catch {
    return { removed, stoppedServers };
  }
  for (const entry of entries.filter(name => name.startsWith('job-'))) {
    const jobDir = join(workDirectory, entry);
    const info = await readInfo(jobDir);
    // Without job.json (an older version, or being created right now): the job id in the
    // name, and only the database decides.
    const jobId = info?.jobId ?? jobIdOfDirName(entry);
    if (!jobId) continue;
    const ownerGone = info ? await isProcessGone(info.owner) : false;
    if (!ownerGone && (await isJobUnfinished(jobId))) continue;

    for (const pid of await findMarkedSccacheProcesses(JOB_DIR_ENV, jobDir)) {
      if (await stopProcess(pid)) {
        stoppedServers.push(pid);
      } else {
        logger.warn(`Could not stop sccache (pid ${pid}) of ${jobDir}`);
      }
    }
    try {
      await rm(jobDir, { recursive: true, force: true });
      removed.push(jobDir);
    } catch (error) {
      logger.warn(`Could not remove the work directory ${jobDir}: ${error}`);
    }
  }
  if (removed.length > 0) {
    logger.info(
      `Cleaned up after ${
        removed.length
      } pre-warm job(s) of a stopped backend: removed ${removed.join(', ')}${
        stoppedServers.length
          ? `; stopped their sccache servers (pids ${stoppedServers.join(
              ', ',
            )})`
          : ''
      }`,
    );
  }
  return { removed, stoppedServers };
}
