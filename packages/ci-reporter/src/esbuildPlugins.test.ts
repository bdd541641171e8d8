import { join } from 'node:path';
import { build } from 'esbuild';
import {
  analyzeCargoLock,
  collectKeyInputs,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { readFileSync } from 'node:fs';
// The plugins of the CLI's bundles (the GitHub Action's dist/, the CLI benchmark).
import { nodeSha256 } from '../esbuildPlugins.cjs';

const commonSrc = join(
  __dirname,
  '../../../plugins/rust-build-cache-common/src',
);

/** The common package's hashing functions, bundled as the Action bundles them. */
async function bundledCommon(plugins: Array<typeof nodeSha256>) {
  const result = await build({
    stdin: {
      contents:
        "export { collectKeyInputs } from './build/collectKeyInputs';\nexport { analyzeCargoLock } from './cargo/analyzeCargoLock';\n",
      resolveDir: commonSrc,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    logLevel: 'silent',
    plugins,
  });
  const code = result.outputFiles[0].text;
  const module = { exports: {} as Record<string, unknown> };
  // eslint-disable-next-line no-new-func
  new Function('module', 'exports', 'require', code)(
    module,
    module.exports,
    require,
  );
  return {
    code,
    exports: module.exports as {
      collectKeyInputs: typeof collectKeyInputs;
      analyzeCargoLock: typeof analyzeCargoLock;
    },
  };
}

describe('nodeSha256', () => {
  it("replaces @noble/hashes with node's sha256 and gives the same digests", async () => {
    const plain = await bundledCommon([]);
    const bundled = await bundledCommon([nodeSha256]);
    expect(plain.code).toContain('@noble/hashes');
    expect(bundled.code).not.toContain('@noble/hashes');
    expect(bundled.code).toMatch(/createHash\)?\("sha256"\)/);

    const keyInputs = {
      env: {
        CARGO_HOME: '/home/ci/.cargo',
        CARGO_ENCODED_RUSTFLAGS: '-Ctarget-cpu=native\u001f--cfg=ünïcode',
        CARGO_EMOJI: 'crab 🦀',
        CARGO_EMPTY: '',
      },
      workspaceDir: '/work/ökosystem/app',
      cargoHome: '/home/ci/.cargo',
      redactPaths: true,
    };
    expect(bundled.exports.collectKeyInputs(keyInputs)).toEqual(
      collectKeyInputs(keyInputs),
    );
    const lock = readFileSync(
      join(__dirname, '__fixtures__/Cargo.lock'),
      'utf8',
    );
    const fingerprint = analyzeCargoLock(lock).fingerprint;
    expect(bundled.exports.analyzeCargoLock(lock).fingerprint).toBe(
      fingerprint,
    );
    expect(plain.exports.analyzeCargoLock(lock).fingerprint).toBe(fingerprint);
  });
});
