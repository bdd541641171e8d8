import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compareReports,
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

/**
 * sccache's Rust keys depend on the checkout directory and on the value of every CARGO_*
 * variable (rust-caching-facts.md §7). Real builds of one workspace with Debian's sccache
 * and cargo: from two checkout directories, and with two CARGO_TARGET_DIR values; collect
 * records the key inputs, and comparing the reports names the difference.
 */

const tools = findRustTools(['itoa']);

if (tools.missing.length > 0) {
  console.warn(
    `SKIPPED src/realCheckoutDirs.test.ts (real cargo builds with sccache): missing ${tools.missing.join(
      ', ',
    )}. On Debian/Ubuntu: apt-get install -y sccache librust-itoa-dev, plus cargo.`,
  );
}

const WORKSPACE = { name: 'tiny', deps: { itoa: '1' } };

(tools.missing.length > 0 ? describe.skip : describe)(
  'compare after real builds from two checkout directories',
  () => {
    let tmp: string;
    let checkoutA: RustWorkspace;
    let checkoutB: RustWorkspace;
    let server: SccacheServer | undefined;
    let builds = 0;

    beforeAll(async () => {
      tmp = await mkdtemp(join(tmpdir(), 'rbc-checkouts-'));
      checkoutA = await createRustWorkspace(join(tmp, 'a', 'tiny'), WORKSPACE);
      checkoutB = await createRustWorkspace(join(tmp, 'b', 'tiny'), WORKSPACE);
      server = await startSccacheServer({
        sccache: tools.sccache!,
        cacheDir: join(tmp, 'sccache'),
      });
    }, 30_000);

    afterAll(async () => {
      await server?.stop();
      await rm(tmp, { recursive: true, force: true });
    });

    /** A build into a fresh target directory, then `collect` in the build's environment. */
    async function buildAndCollect(
      workspace: RustWorkspace,
      extraEnv: ProcessEnv = {},
    ): Promise<BuildCacheReport> {
      const run = ++builds;
      const env = { ...isolatedEnv(), ...server!.buildEnv, ...extraEnv };
      await server!.zeroStats();
      await workspace.cargoBuild({ targetDir: `t${run}`, env });
      const output = join(tmp, 'reports', `report-${run}.json`);
      const ciFree = Object.fromEntries(
        Object.entries(env).filter(
          ([name]) =>
            !/^(CI|GITHUB_.*|GITLAB_CI|CI_.*|BUILDKITE.*)$/.test(name),
        ),
      );
      const result = await runRustBuildCacheCli(
        [
          'collect',
          '--workspace',
          workspace.dir,
          '--repo-root',
          workspace.dir,
          '--repository',
          'git.example.com/acme/tiny',
          '--run-id',
          `checkout-${run}`,
          '--output',
          output,
        ],
        { env: { ...ciFree, SCCACHE_PATH: tools.sccache! } },
      );
      expect(result.stderr).not.toMatch(/error:/);
      expect(result.code).toBe(0);
      const validation = validateReport(
        JSON.parse(await readFile(output, 'utf8')),
      );
      if (!validation.ok) {
        throw new Error(`report ${run}: ${JSON.stringify(validation.issues)}`);
      }
      return validation.report;
    }

    it('names the other checkout directory; only the workspace crate misses', async () => {
      const inA = await buildAndCollect(checkoutA);
      const inB = await buildAndCollect(checkoutB);

      expect(inA.keyInputs?.workspaceDir).toEqual({ path: checkoutA.dir });
      expect(inB.keyInputs?.workspaceDir).toEqual({ path: checkoutB.dir });
      // itoa (a directory source outside both checkouts) hits; the lib `tiny` misses.
      expect(inB.sccache!.counters.hits).toEqual({ Rust: 1 });
      expect(inB.sccache!.counters.misses).toEqual({ Rust: 1 });

      expect(compareReports(inA, inB)).toEqual([
        {
          key: 'keyInputs.workspaceDir',
          label: 'Checkout directory of the workspace',
          base: checkoutA.dir,
          head: checkoutB.dir,
          explanation: expect.stringContaining('every one of them misses'),
          affectsCacheKeys: true,
        },
      ]);
    }, 120_000);

    it('names a CARGO_TARGET_DIR value that differs; every crate misses', async () => {
      const first = await buildAndCollect(checkoutA, {
        CARGO_TARGET_DIR: join(tmp, 'target-1'),
      });
      const second = await buildAndCollect(checkoutA, {
        CARGO_TARGET_DIR: join(tmp, 'target-2'),
      });

      // The builds pass --target-dir, which wins over the variable; sccache still hashes it.
      expect(second.sccache!.counters.hits).toEqual({});
      expect(second.sccache!.counters.misses).toEqual({ Rust: 2 });
      const raw = JSON.stringify(second);
      expect(raw).not.toContain('target-2');

      expect(compareReports(first, second)).toEqual([
        {
          key: 'keyInputs.cargoVarValueSha256.CARGO_TARGET_DIR',
          label: 'Value of CARGO_TARGET_DIR',
          base: expect.stringMatching(/^sha256 [0-9a-f]{12}…$/),
          head: expect.stringMatching(/^sha256 [0-9a-f]{12}…$/),
          explanation: expect.stringContaining(
            'with another value every crate misses',
          ),
          affectsCacheKeys: true,
        },
      ]);
    }, 120_000);
  },
);
