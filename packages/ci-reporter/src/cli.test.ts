import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import packageJson from '../package.json';
import { runCli } from './cli';
import { createTestSystem } from './testing/testSystem';

async function run(args: string[]) {
  const test = createTestSystem({ cwd: '/' });
  const exitCode = await runCli(args, test.system);
  return { exitCode, stdout: test.stdout(), stderr: test.stderr() };
}

describe('rust-build-cache', () => {
  it('prints its version', async () => {
    expect(await run(['--version'])).toEqual({
      exitCode: 0,
      stdout: `${packageJson.version}\n`,
      stderr: '',
    });
  });

  it('prints the command list for --help, and on stderr with exit 2 without a command', async () => {
    const help = await run(['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/collect .*\n\s+push /);
    const bare = await run([]);
    expect(bare.exitCode).toBe(2);
    expect(bare.stderr).toBe(help.stdout);
  });

  it.each(['collect', 'push', 'check'])(
    'prints the help of %s',
    async command => {
      const viaFlag = await run([command, '--help']);
      expect(viaFlag.exitCode).toBe(0);
      expect(viaFlag.stdout).toContain(
        `Usage: rust-build-cache ${command} [flags]`,
      );
      expect((await run(['help', command])).stdout).toBe(viaFlag.stdout);
    },
  );

  it('rejects an unknown command with exit 2', async () => {
    const result = await run(['upload']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      "rust-build-cache: unknown command 'upload'",
    );
  });

  it('runs from the TypeScript sources through bin/rust-build-cache, without a build', async () => {
    const bin = resolve(__dirname, '..', 'bin', 'rust-build-cache');
    const output = await new Promise<string>((done, fail) =>
      execFile(
        process.execPath,
        [bin, '--version'],
        { encoding: 'utf8' },
        (error, stdout) => (error ? fail(error) : done(stdout)),
      ),
    );
    expect(output).toBe(`${packageJson.version}\n`);
  }, 30_000);
});
