import { mkdtemp, readFile, rm } from 'node:fs/promises';
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
 * A real Rust build whose build script compiles C through the same sccache (Debian's
 * 0.4.0-pre.6), as the `cc` crate does with a compiler wrapper: sccache counts the C
 * compile as `C/C++`, and `collect` must show each language's own numbers.
 */

const tools = findRustTools(['itoa']);
const missing = tools.missing;

/** Compiles src/native.c with `$RUSTC_WRAPPER cc` (sccache) and links it into the lib. */
const BUILD_RS = `use std::{env, path::PathBuf, process::Command};

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    let object = out.join("native.o");
    let wrapper = env::var("RUSTC_WRAPPER").expect("RUSTC_WRAPPER");
    let status = Command::new(wrapper)
        .args(["cc", "-c", "-O2", "src/native.c", "-o"])
        .arg(&object)
        .status()
        .unwrap();
    assert!(status.success(), "cc failed");
    let status = Command::new("ar")
        .arg("crs")
        .arg(out.join("libnative.a"))
        .arg(&object)
        .status()
        .unwrap();
    assert!(status.success(), "ar failed");
    println!("cargo:rustc-link-search=native={}", out.display());
    println!("cargo:rustc-link-lib=static=native");
    println!("cargo:rerun-if-changed=src/native.c");
}
`;

const FILES = {
  'build.rs': BUILD_RS,
  'src/native.c': 'int native_answer(void) { return 42; }\n',
  'src/lib.rs':
    'extern "C" {\n    fn native_answer() -> i32;\n}\n\npub use itoa;\n\npub fn answer() -> u32 {\n    unsafe { native_answer() as u32 }\n}\n',
};

const CI_VARIABLES =
  /^(CI|GITHUB_.*|GITLAB_CI|CI_.*|BUILDKITE.*|RUST_BUILD_CACHE_.*)$/;
const withoutCi = (env: ProcessEnv): ProcessEnv =>
  Object.fromEntries(
    Object.entries(env).filter(([name]) => !CI_VARIABLES.test(name)),
  );

if (missing.length > 0) {
  console.warn(
    `SKIPPED src/realMixedBuild.test.ts (real cargo build with C through sccache): missing ${missing.join(
      ', ',
    )}. Run scripts/install-system-deps.`,
  );
}

(missing.length > 0 ? describe.skip : describe)(
  'a real Rust build whose build script compiles C through sccache',
  () => {
    let tmp: string;
    let workspace: RustWorkspace;
    let server: SccacheServer;

    beforeAll(async () => {
      tmp = await mkdtemp(join(tmpdir(), 'rbc-real-mixed-'));
      workspace = await createRustWorkspace(join(tmp, 'mixed'), {
        name: 'tiny',
        deps: { itoa: '1' },
        files: FILES,
      });
      server = await startSccacheServer({
        sccache: tools.sccache!,
        cacheDir: join(tmp, 'cache'),
      });
    }, 30_000);

    afterAll(async () => {
      await server?.stop();
      await rm(tmp, { recursive: true, force: true });
    });

    async function buildAndCollect(
      run: string,
    ): Promise<{ metrics: RunMetrics; output: string }> {
      const env = { ...isolatedEnv(), ...server.buildEnv };
      await server.zeroStats();
      await workspace.cargoBuild({ targetDir: `t-${run}`, env });
      const reportPath = join(tmp, `${run}.json`);
      const result = await runRustBuildCacheCli(
        [
          'collect',
          '--workspace',
          workspace.dir,
          '--repo-root',
          workspace.dir,
          '--repository',
          'git.example.com/acme/mixed',
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

    it("counts Rust and C/C++ apart, cold and warm, and collect shows each language's own rate", async () => {
      const cold = await buildAndCollect('cold');
      expect(
        cold.metrics.languages.map(l => [l.language, l.hits, l.misses]),
      ).toEqual([
        ['Rust', 0, 2],
        ['C/C++', 0, 1],
      ]);

      const warm = await buildAndCollect('warm');
      expect(
        warm.metrics.languages.map(l => [l.language, l.hits, l.misses]),
      ).toEqual([
        ['Rust', 2, 0],
        ['C/C++', 1, 0],
      ]);
      expect(warm.metrics).toMatchObject({ hits: 2, misses: 0, hitRate: 1 });
      expect(warm.output).toContain(
        '  Rust: 2 hits, 0 misses, 0 cache errors: hit rate 100.0%',
      );
      expect(warm.output).toContain(
        '  C/C++: 1 hit, 0 misses, 0 cache errors: hit rate 100.0%',
      );
    }, 180_000);
  },
);
