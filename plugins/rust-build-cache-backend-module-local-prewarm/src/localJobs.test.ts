import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import {
  findFreePort,
  findRustTools,
  startSccacheServer,
} from '@rust-build-cache/ci-reporter/testing';
import { LocalExecutorConfig } from './localConfig';
import { LocalPrewarmExecutor } from './LocalPrewarmExecutor';
import { cleanUpStaleJobDirs, createJobDir } from './localJobs';
import { isProcessAlive } from './ownProcesses';
import { answers, startCrashedLocalJob } from './__testUtils__/crashedLocalJob';

jest.setTimeout(60_000);

const sccachePath = findRustTools([]).sccache;
if (!sccachePath) {
  // eslint-disable-next-line no-console
  console.warn(
    'SKIPPED localJobs.test.ts: sccache is not installed; scripts/install-system-deps installs it.',
  );
}

(sccachePath ? describe : describe.skip)(
  'cleaning up after local jobs of a stopped backend (real sccache)',
  () => {
    const sccache = sccachePath!;
    let tmp: string;
    let workDirectory: string;
    /** Servers a test started itself, stopped at the end whatever happened. */
    const leftovers: Array<() => Promise<void>> = [];

    beforeEach(async () => {
      tmp = await mkdtemp(join(tmpdir(), 'rbc-local-jobs-'));
      workDirectory = join(tmp, 'work');
    });

    afterEach(async () => {
      for (const stop of leftovers.splice(0)) await stop().catch(() => {});
      await rm(tmp, { recursive: true, force: true });
    });

    function config(): LocalExecutorConfig {
      return {
        workDirectory,
        sccacheDir: join(tmp, 'sccache'),
        cargoPath: 'cargo',
        sccachePath: sccache,
        sources: {},
        env: {},
        sccacheIdleTimeoutSeconds: 600,
      };
    }

    async function startJobAndCrash() {
      const job = await startCrashedLocalJob({
        sccache,
        workDirectory,
        sccacheDir: join(tmp, 'sccache'),
      });
      leftovers.push(job.kill);
      const info = JSON.parse(
        await readFile(join(job.jobDir, 'job.json'), 'utf8'),
      );
      expect(info).toMatchObject({
        jobId: job.jobId,
        owner: { pid: process.pid },
        sccache: { port: job.port, pids: [job.pid] },
      });
      expect(await answers(job.port)).toBe(true);
      return job;
    }

    it('removes the work directory of a job that is over and stops its sccache server', async () => {
      const crashed = await startJobAndCrash();
      const logger = mockServices.logger.mock();
      const asked: string[] = [];

      // A new backend (here: a new executor) starts; the database says the job is over.
      const executor = new LocalPrewarmExecutor(config());
      await executor.recoverStaleJobs({
        logger,
        isJobUnfinished: async jobId => {
          asked.push(jobId);
          return false;
        },
      });

      expect(asked).toEqual([crashed.jobId]);
      expect(existsSync(crashed.jobDir)).toBe(false);
      expect(await answers(crashed.port)).toBe(false);
      expect(await isProcessAlive(crashed.pid)).toBe(false);
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringContaining(
          `removed ${crashed.jobDir}; stopped their sccache servers (pids ${crashed.pid})`,
        ),
      );
    });

    it('leaves a job alone that the database still runs while its owner lives', async () => {
      const running = await startJobAndCrash();
      const result = await cleanUpStaleJobDirs({
        workDirectory,
        isJobUnfinished: async () => true,
        logger: mockServices.logger.mock(),
      });
      expect(result).toEqual({ removed: [], stoppedServers: [] });
      expect(existsSync(running.jobDir)).toBe(true);
      expect(await answers(running.port)).toBe(true);
    });

    it('cleans up a job the database still runs once its owner process is provably gone', async () => {
      const crashed = await startJobAndCrash();
      // The owner's pid now belongs to another process (another start time): a restart
      // before the backend's runs were taken as interrupted.
      const infoFile = join(crashed.jobDir, 'job.json');
      const info = JSON.parse(await readFile(infoFile, 'utf8'));
      info.owner.startTime = '1';
      await writeFile(infoFile, JSON.stringify(info));

      const result = await cleanUpStaleJobDirs({
        workDirectory,
        isJobUnfinished: async () => true,
        logger: mockServices.logger.mock(),
      });
      expect(result).toEqual({
        removed: [crashed.jobDir],
        stoppedServers: [crashed.pid],
      });
      expect(await answers(crashed.port)).toBe(false);
    });

    it('never stops a process it cannot prove it started', async () => {
      // An sccache server of someone else (e.g. a CI build on the same host)...
      const port = await findFreePort();
      const foreign = await startSccacheServer({
        sccache,
        cacheDir: join(tmp, 'foreign-cache'),
        port,
      });
      leftovers.push(() => foreign.stop());
      // ...that a stale job's job.json claims as its own.
      const jobDir = await createJobDir(workDirectory, {
        jobId: randomUUID(),
        runId: randomUUID(),
      });
      const infoFile = join(jobDir, 'job.json');
      const info = JSON.parse(await readFile(infoFile, 'utf8'));
      info.sccache = { port, pids: [] };
      await writeFile(infoFile, JSON.stringify(info));

      const result = await cleanUpStaleJobDirs({
        workDirectory,
        isJobUnfinished: async () => false,
        logger: mockServices.logger.mock(),
      });
      expect(result).toEqual({ removed: [jobDir], stoppedServers: [] });
      expect(await answers(port)).toBe(true);
    });

    it('decides on directories without job.json by the job id in their name, and skips others', async () => {
      const jobId = randomUUID();
      const older = join(workDirectory, `job-${jobId}-AbC123`);
      const unknown = join(workDirectory, 'job-job-1-XyZ789');
      const notAJob = join(workDirectory, 'cache');
      for (const dir of [older, unknown, notAJob]) {
        await mkdir(dir, { recursive: true });
      }
      const asked: string[] = [];
      const result = await cleanUpStaleJobDirs({
        workDirectory,
        isJobUnfinished: async id => {
          asked.push(id);
          return false;
        },
        logger: mockServices.logger.mock(),
      });
      expect(asked).toEqual([jobId]);
      expect(result.removed).toEqual([older]);
      expect(existsSync(unknown)).toBe(true);
      expect(existsSync(notAJob)).toBe(true);
    });
  },
);
