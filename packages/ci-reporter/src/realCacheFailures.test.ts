import {
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  computeRunMetrics,
  validateReport,
  type RunMetrics,
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
 * The two kinds of sccache "cache errors" with real Debian sccache 0.4.0-pre.6 and cargo:
 * unreadable cache entries (a corrupted disk cache) and a compile that fails while sccache
 * computes the key (a syntax error). `collect` must label them differently.
 */

const tools = findRustTools(['itoa', 'cfg-if']);

if (tools.missing.length > 0) {
  console.warn(
    `SKIPPED src/realCacheFailures.test.ts (real cargo builds with sccache): missing ${tools.missing.join(
      ', ',
    )}. Run scripts/install-system-deps.`,
  );
}

const CI_VARIABLES =
  /^(CI|GITHUB_.*|GITLAB_CI|CI_.*|BUILDKITE.*|RUST_BUILD_CACHE_.*)$/;
const withoutCi = (env: ProcessEnv): ProcessEnv =>
  Object.fromEntries(
    Object.entries(env).filter(([name]) => !CI_VARIABLES.test(name)),
  );

/** Files of sccache's disk cache: `<dir>/<a>/<b>/<key>`. */
async function cacheEntries(cacheDir: string): Promise<string[]> {
  const entries: string[] = [];
  for (const a of await readdir(cacheDir)) {
    if (!(await stat(join(cacheDir, a))).isDirectory()) continue;
    for (const b of await readdir(join(cacheDir, a)))
      for (const key of await readdir(join(cacheDir, a, b)))
        entries.push(join(cacheDir, a, b, key));
  }
  return entries;
}

/** Flips every bit of the middle byte of each cache entry. */
async function corrupt(files: string[]) {
  for (const file of files) {
    const bytes = await readFile(file);
    bytes[bytes.length >> 1] ^= 0xff;
    await writeFile(file, bytes);
  }
}

const BROKEN_LIB = 'pub use itoa;\npub fn answer( -> u32 {\n    42\n}\n';

(tools.missing.length > 0 ? describe.skip : describe)(
  'cache failures of real builds with Debian sccache',
  () => {
    let tmp: string;

    beforeAll(async () => {
      tmp = await mkdtemp(join(tmpdir(), 'rbc-real-failures-'));
    });

    afterAll(async () => {
      await rm(tmp, { recursive: true, force: true });
    });

    async function withServer<T>(
      name: string,
      fn: (
        server: SccacheServer,
        workspace: RustWorkspace,
        cacheDir: string,
      ) => Promise<T>,
    ): Promise<T> {
      const cacheDir = join(tmp, `${name}-cache`);
      const workspace = await createRustWorkspace(join(tmp, name), {
        name: 'tiny',
        deps: { itoa: '1', 'cfg-if': '1' },
      });
      const server = await startSccacheServer({
        sccache: tools.sccache!,
        cacheDir,
      });
      try {
        return await fn(server, workspace, cacheDir);
      } finally {
        await server.stop();
      }
    }

    /** `cargo build` into a fresh target dir (CARGO_INCREMENTAL=0), then collect. */
    async function buildAndCollect(
      server: SccacheServer,
      workspace: RustWorkspace,
      run: string,
      options: { failing?: boolean } = {},
    ): Promise<{ metrics: RunMetrics; output: string }> {
      const env = { ...isolatedEnv(), ...server.buildEnv };
      await server.zeroStats();
      const build = workspace.cargoBuild({ targetDir: `t-${run}`, env });
      if (options.failing)
        await expect(build).rejects.toThrow(/could not compile `tiny`/);
      else await build;
      const reportPath = join(tmp, `${run}.json`);
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
          run,
          '--output',
          reportPath,
        ],
        { env: { ...withoutCi(env), SCCACHE_PATH: tools.sccache! } },
      );
      expect(result.code).toBe(0);
      const validation = validateReport(
        JSON.parse(await readFile(reportPath, 'utf8')),
      );
      if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
      return {
        metrics: computeRunMetrics(validation.report.sccache!),
        output: result.stderr,
      };
    }

    it('a corrupted cache gives read errors, each compiled and written again', async () => {
      await withServer('corrupt', async (server, workspace, cacheDir) => {
        await buildAndCollect(server, workspace, 'fill');
        const entries = await cacheEntries(cacheDir);
        // itoa, cfg-if and the workspace's lib.
        expect(entries).toHaveLength(3);
        await corrupt(entries);

        const { metrics, output } = await buildAndCollect(
          server,
          workspace,
          'corrupted',
        );
        expect(metrics).toMatchObject({ hits: 0, misses: 3, errors: 3 });
        expect(metrics.failures).toMatchObject({
          readErrors: 3,
          errorsBeforeLookup: 0,
        });
        expect(output).toContain(
          'Read errors ×3: Cache entries that could not be read',
        );
        expect(output).not.toContain('Errors before the lookup ×');
      });
    }, 180_000);

    it('a syntax error on a warm cache is an error before the lookup, not a cache fault', async () => {
      await withServer('syntax-warm', async (server, workspace) => {
        await buildAndCollect(server, workspace, 'warm-up');
        await writeFile(join(workspace.dir, 'src', 'lib.rs'), BROKEN_LIB);

        const { metrics, output } = await buildAndCollect(
          server,
          workspace,
          'syntax-error',
          { failing: true },
        );
        expect(metrics).toMatchObject({ hits: 2, misses: 0, errors: 1 });
        expect(metrics.failures).toMatchObject({
          readErrors: 0,
          errorsBeforeLookup: 1,
        });
        expect(output).toMatch(/Errors before the lookup ×1: .*no cache fault/);
        expect(output).not.toContain('Read errors ×');
      });
    }, 180_000);

    it('a syntax error on a cold cache, next to real misses, is still an error before the lookup', async () => {
      await withServer('syntax-cold', async (server, workspace) => {
        await writeFile(join(workspace.dir, 'src', 'lib.rs'), BROKEN_LIB);
        const { metrics } = await buildAndCollect(
          server,
          workspace,
          'cold-syntax-error',
          { failing: true },
        );
        // The dependencies missed; the error did not come with a miss of its own.
        expect(metrics).toMatchObject({ hits: 0, misses: 2, errors: 1 });
        expect(metrics.failures).toMatchObject({
          readErrors: 0,
          errorsBeforeLookup: 1,
        });
      });
    }, 180_000);
  },
);
