import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJobDir, startJobSccacheServer } from './localJobs';

/**
 * A stand-in for `sccache --start-server` that fails the way sccache 0.4 does on a busy
 * host ("Timed out waiting for server startup") a given number of times, then succeeds.
 * Each call is counted in a file, so the test sees how often the executor tried.
 */
async function fakeSccache(dir: string, timeouts: number): Promise<string> {
  const path = join(dir, 'fake-sccache');
  await writeFile(
    path,
    `#!/bin/sh
count=$(cat "${dir}/calls" 2>/dev/null || echo 0)
count=$((count + 1))
echo "$count" > "${dir}/calls"
echo "sccache: Starting the server..."
if [ "$count" -le ${timeouts} ]; then
  echo "sccache: error: Timed out waiting for server startup" >&2
  exit 2
fi
exit 0
`,
  );
  await chmod(path, 0o755);
  return path;
}

describe('startJobSccacheServer', () => {
  let tmp: string;
  beforeEach(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'rbc-sccache-start-'));
  });
  afterEach(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  async function start(sccache: string, output: string[]) {
    const jobDir = await createJobDir(join(tmp, 'work'), {
      jobId: 'job-1',
      runId: 'run-1',
    });
    return startJobSccacheServer({
      sccache,
      jobDir,
      port: 1,
      env: { PATH: process.env.PATH ?? '' },
      cwd: tmp,
      signal: new AbortController().signal,
      onOutput: text => output.push(text),
    });
  }

  it('tries again when the server start timed out, and succeeds', async () => {
    const output: string[] = [];
    const started = await start(await fakeSccache(tmp, 2), output);
    expect(started.exitCode).toBe(0);
    expect(await readFile(join(tmp, 'calls'), 'utf8')).toBe('3\n');
    expect(output.join('')).toContain(
      'sccache server start timed out (attempt 2 of 3); trying again',
    );
  });

  it('gives up after three timed-out attempts with the last error', async () => {
    const started = await start(await fakeSccache(tmp, 5), []);
    expect(started.exitCode).toBe(2);
    expect(started.tail).toContain('Timed out waiting for server startup');
    expect(await readFile(join(tmp, 'calls'), 'utf8')).toBe('3\n');
  });

  it('does not retry other failures', async () => {
    const path = join(tmp, 'failing-sccache');
    await writeFile(
      path,
      '#!/bin/sh\necho "sccache: error: bad config" >&2\nexit 1\n',
    );
    await chmod(path, 0o755);
    const started = await start(path, []);
    expect(started.exitCode).toBe(1);
    expect(started.tail).toContain('bad config');
  });
});
