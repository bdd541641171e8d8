import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  sumCounts,
  validateReport,
  type BuildCacheReport,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  createRustWorkspace,
  findRustTools,
  isolatedEnv,
  runRustBuildCacheCli,
  startSccacheServer,
  type ProcessEnv,
  type RustWorkspace,
  type SccacheServer,
} from './testing/rustWorkspace';

const CRATES = ['itoa', 'cfg-if'];
const tools = findRustTools(CRATES);

/** Without CI variables: the CLI must not think it runs on GitHub Actions and so on. */
function envWithoutCi(env: ProcessEnv): ProcessEnv {
  const ciVariables =
    /^(CI|GITHUB_.*|GITLAB_CI|CI_.*|BUILDKITE.*|RUST_BUILD_CACHE_.*)$/;
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !ciVariables.test(name)),
  );
}

if (tools.missing.length > 0) {
  console.warn(
    `SKIPPED src/realBuild.test.ts (real cargo build with sccache): missing ${tools.missing.join(
      ', ',
    )}. ` +
      'On Debian/Ubuntu: apt-get install -y sccache librust-itoa-dev librust-cfg-if-dev, plus cargo.',
  );
}

(tools.missing.length > 0 ? describe.skip : describe)(
  'collect after real cargo builds with sccache',
  () => {
    let tmp: string;
    let workspace: RustWorkspace;
    let server: SccacheServer | undefined;

    beforeAll(async () => {
      tmp = await mkdtemp(join(tmpdir(), 'rbc-real-build-'));
      workspace = await createRustWorkspace(join(tmp, 'tiny'), {
        name: 'tiny',
        deps: { itoa: '1', 'cfg-if': '1' },
      });
      server = await startSccacheServer({
        sccache: tools.sccache!,
        cacheDir: join(tmp, 'sccache'),
      });
    }, 30_000);

    afterAll(async () => {
      await server?.stop();
      await rm(tmp, { recursive: true, force: true });
    });

    async function buildAndCollect(run: number): Promise<BuildCacheReport> {
      const env = { ...isolatedEnv(), ...server!.buildEnv };
      await server!.zeroStats();
      await workspace.cargoBuild({ targetDir: `t${run}`, env, timings: true });
      // In a folder that does not exist yet, as for an artifact upload.
      const output = join(tmp, 'reports', `report-${run}.json`);
      const result = await runRustBuildCacheCli(
        [
          'collect',
          '--workspace',
          workspace.dir,
          '--repo-root',
          workspace.dir,
          '--target-dir',
          join(workspace.dir, `t${run}`),
          '--repository',
          'git.example.com/acme/tiny',
          '--run-id',
          `real-build-${run}`,
          '--output',
          output,
        ],
        // The CLI asks the test's sccache server: SCCACHE_SERVER_PORT is in the build env.
        { env: { ...envWithoutCi(env), SCCACHE_PATH: tools.sccache! } },
      );
      expect(result.stderr).not.toMatch(/error:|warning:/);
      expect(result.code).toBe(0);
      const validation = validateReport(
        JSON.parse(await readFile(output, 'utf8')),
      );
      if (!validation.ok)
        throw new Error(
          `report ${run} is invalid: ${JSON.stringify(validation.issues)}`,
        );
      return validation.report;
    }

    it('reports only misses for a cold cache, then only hits for a build into a new target dir', async () => {
      const cold = await buildAndCollect(1);
      const warm = await buildAndCollect(2);

      expect(sumCounts(cold.sccache!.counters.hits)).toBe(0);
      expect(sumCounts(cold.sccache!.counters.misses)).toBeGreaterThanOrEqual(
        1,
      );
      expect(sumCounts(warm.sccache!.counters.hits)).toBeGreaterThanOrEqual(2);
      expect(sumCounts(warm.sccache!.counters.misses)).toBe(0);

      for (const report of [cold, warm]) {
        expect(report.source.workspacePath).toBe('.');
        expect(report.sccache!.cache.backend).toBe('local');
        expect(report.toolchain.rustc?.release).toMatch(/^\d+\.\d+\.\d+/);
        expect(report.dependencies).toMatchObject({
          packages: { registry: 2 },
        });
        expect(report.build.env).toMatchObject({
          rustcWrapper: tools.sccache,
          cargoIncremental: '0',
        });
        expect(report.timings?.unitCount).toBeGreaterThanOrEqual(3);
      }
    }, 60_000);
  },
);
