import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import {
  findFreePort,
  isolatedEnv,
} from '@rust-build-cache/ci-reporter/testing';
import { createJobDir, startJobSccacheServer } from '../localJobs';
import { isProcessAlive } from '../ownProcesses';
import { ChildEnv } from '../processes';

/**
 * Whether something accepts connections on the port (asking sccache 0.4 would start a server).
 * A connection from the port to itself is not an answer: with no listener on a port of the
 * ephemeral range, Linux may pick that very port as the source and "connect" (TCP
 * simultaneous open), which made a stopped server look alive in CI.
 */
export function answers(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      const selfConnected = socket.localPort === port;
      socket.destroy();
      resolve(!selfConnected);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface CrashedLocalJob {
  jobId: string;
  jobDir: string;
  port: number;
  /** The job's sccache server, as job.json records it. */
  pid: number;
  /** Kills the server if it still runs (test clean-up). */
  kill(): Promise<void>;
}

/**
 * What the local executor does for a job up to its build — the work directory with
 * job.json, and the job's own sccache server on its own port — after which the backend
 * "crashes": nothing is stopped or removed.
 */
export async function startCrashedLocalJob(options: {
  sccache: string;
  workDirectory: string;
  sccacheDir: string;
  jobId?: string;
  runId?: string;
}): Promise<CrashedLocalJob> {
  const jobId = options.jobId ?? randomUUID();
  const jobDir = await createJobDir(options.workDirectory, {
    jobId,
    runId: options.runId ?? randomUUID(),
  });
  const port = await findFreePort();
  const env: ChildEnv = {
    ...(isolatedEnv() as ChildEnv),
    SCCACHE_DIR: options.sccacheDir,
    SCCACHE_SERVER_PORT: String(port),
    SCCACHE_IDLE_TIMEOUT: '600',
  };
  const started = await startJobSccacheServer({
    sccache: options.sccache,
    jobDir,
    port,
    env,
    cwd: jobDir,
    signal: new AbortController().signal,
  });
  if (started.exitCode !== 0) {
    throw new Error(`sccache --start-server failed: ${started.tail}`);
  }
  const info = JSON.parse(await readFile(join(jobDir, 'job.json'), 'utf8'));
  const pids: number[] = info.sccache?.pids ?? [];
  if (pids.length !== 1) {
    throw new Error(
      `job.json records ${pids.length} sccache servers: ${JSON.stringify(
        info,
      )}`,
    );
  }
  const [pid] = pids;
  return {
    jobId,
    jobDir,
    port,
    pid,
    kill: async () => {
      if (await isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
    },
  };
}
